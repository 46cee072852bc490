import { spawn } from 'node:child_process';

export interface ShellRunOptions {
  /** Variables added to dmct's environment for the command (template values as DMCT_*). */
  env?: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** Characters kept from the end of stdout and of stderr (default 2000). */
  tailChars?: number;
  cwd?: string;
  /** Bytes written to the command's standard input (default: none, stdin closed). */
  stdin?: Uint8Array;
}

export interface ShellRun {
  /** Exit code; `null` when killed by a signal or never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Why the command could not even start (e.g. no `/bin/sh`). */
  spawnError?: string;
  stdoutTail: string;
  stderrTail: string;
}

/** Keeps only the end of a stream's text, so a chatty command cannot fill memory. */
function tailCollector(maxChars: number) {
  let text = '';
  let dropped = 0;
  return {
    add(chunk: Buffer) {
      text += chunk.toString('utf8');
      if (text.length > 2 * maxChars) {
        dropped += text.length - maxChars;
        text = text.slice(text.length - maxChars);
      }
    },
    get value() {
      const total = dropped + text.length;
      return total <= maxChars ? text : `[${total - maxChars} earlier characters] …${text.slice(text.length - maxChars)}`;
    },
  };
}

/** How long output may still arrive after the command exited. */
const PIPE_GRACE_MS = 200;

/**
 * Runs a command line with `/bin/sh -c` in its own process group; on time-out the whole group is
 * killed. Never rejects: a failure to start is reported in `spawnError`. The command text must
 * already be safe (see `renderTemplate(…, 'shell')`).
 */
export function runShellCommand(command: string, options: ShellRunOptions): Promise<ShellRun> {
  const stdout = tailCollector(options.tailChars ?? 2000);
  const stderr = tailCollector(options.tailChars ?? 2000);
  return new Promise((resolve) => {
    let timedOut = false;
    const child = spawn('/bin/sh', ['-c', command], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
      // A background grandchild may hold the pipes open; the verdict does not wait for it.
      child.stdout.destroy();
      child.stderr.destroy();
    }, options.timeoutMs);
    // A command that does not read its input makes this write fail (EPIPE); that is its business.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    child.on('exit', () => {
      // The command is done; a background process it started may keep the pipes open for long.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, PIPE_GRACE_MS).unref();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, signal: null, timedOut, spawnError: error.message, stdoutTail: stdout.value, stderrTail: stderr.value });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdoutTail: stdout.value, stderrTail: stderr.value });
    });
  });
}
