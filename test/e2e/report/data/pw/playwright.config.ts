/**
 * A tiny Playwright project that exercises dmct's reporter for real (reporter.test.ts spawns
 * it): one spec per outcome the reporter must tell apart.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  outputDir: process.env['DMCT_PW_OUTPUT'] ?? join(tmpdir(), 'dmct-reporter-test-results'),
  reporter: [['../../../../../src/report/playwright-reporter.ts']],
  workers: 1,
  retries: 0,
  timeout: 10_000,
  projects: [
    { name: 'server-target', testMatch: /server-.*\.spec\.ts/, metadata: { role: 'server' } },
    { name: 'client-target', testMatch: /client-.*\.spec\.ts/ },
  ],
});
