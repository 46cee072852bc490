/**
 * Preloaded by `npm run test:unit` (scripts/unit-tier.ts): in each process that runs test files,
 * every way to start a child process throws, so a unit test that reaches one (directly or through
 * the code it tests) fails and names it. Unit tests run in-process; a test that needs a real
 * program belongs in test/e2e. The test runner's own process (which starts those) is left alone.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

// The test runner marks the processes it starts for test files.
if (process.env['NODE_TEST_CONTEXT'] !== undefined) {
  for (const name of STARTERS) {
    Object.assign(childProcess, {
      [name]: (file: unknown) => {
        throw new Error(
          `child_process.${name}(${JSON.stringify(file)}) in a unit test: unit tests run in-process; move the test to test/e2e`,
        );
      },
    });
  }
  // ESM named imports (`import { spawn } from 'node:child_process'`) read the patched functions too.
  syncBuiltinESMExports();
}
