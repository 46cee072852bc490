/**
 * A small stand-in for dmct's scenario suites (run.test.ts drives `dmct run --config` at it):
 * real fixtures, real SCR tags, deterministic outcomes, so the runner's planning, progress,
 * interruption and sharding can be tested in seconds. `dmct run` passes the reporters itself.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  outputDir: join(tmpdir(), 'dmct-run-test-results'),
  workers: 1,
  // One test per shard group, so that two shards of this small project both get tests.
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  projects: [
    { name: 'server-target', testDir: './suites/server-target', metadata: { role: 'server' } },
    { name: 'client-target', testDir: './suites/client-target', metadata: { role: 'client' } },
  ],
});
