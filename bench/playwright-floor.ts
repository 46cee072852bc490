import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeCommand, type TimedRun } from './measure.js';

/**
 * Runs N empty Playwright tests in a throw-away project under the OS temp folder, with the same
 * Playwright CLI and worker count as dmct: the runner's own floor for N scenarios.
 */
export async function runEmptyPlaywrightTests(options: {
  repoRoot: string;
  playwrightCli: string;
  tests: number;
  workers: number;
}): Promise<TimedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dmct-bench-pw-'));
  try {
    await symlink(join(options.repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      join(dir, 'playwright.config.ts'),
      `import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: '.', workers: ${options.workers}, reporter: 'dot' });\n`,
    );
    const body = Array.from({ length: options.tests }, (_, i) => `test('empty ${i + 1}', () => {});`).join('\n');
    await writeFile(join(dir, 'empty.spec.ts'), `import { test } from '@playwright/test';\n${body}\n`);
    return await timeCommand(process.execPath, [options.playwrightCli, 'test', '--config', join(dir, 'playwright.config.ts')], {
      cwd: dir,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
