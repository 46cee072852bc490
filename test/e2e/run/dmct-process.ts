/** Spawns the real `dmct` CLI (bin/dmct.js) for the run tests, with output captured. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The stand-in scenario project of test/unit/run/data. */
export const DATA_CONFIG = fileURLToPath(new URL('./data/playwright.config.ts', import.meta.url));

export interface DmctOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running dmct: its process, and a promise of how it ended. */
export function startDmct(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<DmctOutcome>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/dmct.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', CI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<DmctOutcome>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderrSoFar: () => stderr };
}

/** Runs dmct to its end. */
export function dmct(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<DmctOutcome> {
  return startDmct(args, env).done;
}

/** A usage error: exit 2, exactly one `dmct: ` line on stderr matching `line`, no stack trace, nothing on stdout. */
export function assertUsageError(outcome: DmctOutcome, line: RegExp): void {
  assert.equal(outcome.code, 2, outcome.stderr);
  assert.equal(outcome.stdout, '');
  const lines = outcome.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, outcome.stderr);
  assert.match(lines[0] ?? '', line);
  assert.doesNotMatch(outcome.stderr, /\n\s+at |\bat .*\.[jt]s:\d+/);
}
