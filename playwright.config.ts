import { defineConfig } from '@playwright/test';
import { NOTIFICATION_ID_BASE_ENV, randomNotificationIdBase } from './src/harness/notification-ids.js';

/** Debian's chromium by default; DMCT_CHROMIUM overrides it, '' uses Playwright's own browsers. */
const chromiumPath = process.env['DMCT_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// One NOTIFICATION-ID base per run, set in the runner before its workers start (they inherit it).
process.env[NOTIFICATION_ID_BASE_ENV] ??= String(randomNotificationIdBase());

const launchOptions = chromiumPath === '' ? { args: CHROMIUM_ARGS } : { executablePath: chromiumPath, args: CHROMIUM_ARGS };

export default defineConfig({
  timeout: 60_000,
  workers: Number(process.env['DMCT_WORKERS'] ?? 2),
  forbidOnly: !!process.env['CI'],
  reporter: process.env['CI'] ? [['line']] : [['list']],
  outputDir: 'test-results',
  projects: [
    // Both roles in one project: a scenario's role is its folder's (suites/server-target/,
    // suites/client-target/), and one generation of workers runs them all (Playwright starts
    // new workers for each project).
    { name: 'targets', testDir: './suites' },
    {
      name: 'browser',
      testDir: './test/browser',
      use: { browserName: 'chromium', launchOptions },
    },
  ],
});
