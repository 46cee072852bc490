import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What a child process did, and how long it took from spawn to exit. */
export interface TimedRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /**
   * CPU time of the whole process tree (user + system, every child it waited for), when GNU time
   * is installed: unlike the wall time, it hardly moves with what else the machine runs.
   */
  cpuMs?: number;
}

/** GNU time, which reports the CPU time of a command and the children it waited for. */
const GNU_TIME = '/usr/bin/time';

/** The CPU milliseconds GNU time wrote (`%U %S`), or undefined. */
function readCpuMs(file: string): number | undefined {
  try {
    const fields = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    return fields.length === 2 && fields.every(Number.isFinite) ? Math.round(((fields[0] ?? 0) + (fields[1] ?? 0)) * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command to its end and measures its wall time, and its CPU time where GNU time is installed (stdout/stderr kept for the caller). */
export function timeCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const cpuDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'dmct-bench-time-')) : undefined;
  const cpuFile = cpuDir === undefined ? undefined : join(cpuDir, 'cpu');
  const [file, argv] = cpuFile === undefined ? [command, args] : [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const cpuMs = cpuFile === undefined ? undefined : readCpuMs(cpuFile);
      if (cpuDir !== undefined) rmSync(cpuDir, { recursive: true, force: true });
      resolve({
        ms,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(cpuMs === undefined ? {} : { cpuMs }),
      });
    });
  });
}

/** The median of some numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Calls `work` repeatedly for about `ms` milliseconds; operations per second. */
export function throughput(work: () => void, ms: number): { perSecond: number; operations: number } {
  for (let i = 0; i < 200; i += 1) work();
  let operations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i += 1) work();
    operations += 100;
    elapsed = performance.now() - started;
  }
  return { perSecond: Math.round((operations / elapsed) * 1000), operations };
}
