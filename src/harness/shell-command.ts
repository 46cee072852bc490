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

/** A command that keeps running (a target started by a hook), until {@link ShellService.stop}. */
export interface ShellService {
  /** Resolves at the first output line matching the pattern, or with why none came (exit, time-out). */
  ready: Promise<{ ok: true; line: string } | { ok: false; problem: string }>;
  /** Stops the command's whole process group (SIGTERM, then SIGKILL after `graceMs`); resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface ShellServiceOptions {
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  /** A line of stdout or stderr matching it means ready. */
  readyLine: RegExp;
  timeoutMs: number;
  /** Longest line looked at; a longer one is matched on its start (a chatty target cannot fill memory). */
  maxLineChars?: number;
}

/** Calls `onLine` for each line of a stream, keeping at most `maxChars` of a line not yet ended. */
function lineReader(onLine: (line: string) => void, maxChars: number) {
  let pending = '';
  return (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let end = pending.indexOf('\n');
    while (end >= 0) {
      onLine(pending.slice(0, end).replace(/\r$/, ''));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
    if (pending.length > maxChars) {
      onLine(pending.slice(0, maxChars));
      pending = '';
    }
  };
}

/**
 * Starts a long-running command with `/bin/sh -c` in its own process group and waits for a line
 * of its output to match `readyLine` (at most `timeoutMs`). Its output is read and dropped after
 * that, so it never blocks on a full pipe. The command text must already be safe.
 */
export function startShellService(command: string, options: ShellServiceOptions): ShellService {
  const tail = tailCollector(1000);
  const child = spawn('/bin/sh', ['-c', command], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const ready = new Promise<{ ok: true; line: string } | { ok: false; problem: string }>((resolve) => {
    let settled = false;
    const finish = (outcome: { ok: true; line: string } | { ok: false; problem: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, problem: `no line matching /${options.readyLine.source}/ within ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    const onLine = (line: string) => {
      if (!settled && options.readyLine.test(line)) finish({ ok: true, line });
    };
    const read = (chunk: Buffer) => {
      if (!settled) tail.add(chunk);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.stdout.on('data', lineReader(onLine, options.maxLineChars ?? 4000));
    child.stderr.on('data', lineReader(onLine, options.maxLineChars ?? 4000));
    child.once('error', (error) => finish({ ok: false, problem: `could not start: ${error.message}` }));
    child.once('exit', (code, signal) =>
      finish({
        ok: false,
        problem: `the command exited ${code ?? signal} before it was ready${tail.value.trim() === '' ? '' : `: ${tail.value.trim()}`}`,
      }),
    );
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  return {
    ready,
    async stop(graceMs = 2000) {
      // Its background children are in the group too: they go with it.
      signalGroup('SIGTERM');
      if (!exited) {
        const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
        await exit;
        clearTimeout(timer);
      }
      signalGroup('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
    },
  };
}
