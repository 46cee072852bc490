/**
 * The one Playwright Test child of a run: spawned in its own process group (so a terminal's
 * Ctrl-C reaches dmct only, and dmct decides), its progress lines parsed and validated, its other
 * output kept (bounded) for diagnosis. `interrupt()` asks Playwright to stop the way Ctrl-C does
 * (SIGINT: it interrupts the running tests and its reporters still write their files); a second
 * call, or a child still alive after the grace period, kills the whole group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BoundedText } from './bounded-text.js';
import { PLAYWRIGHT_CLI } from './playwright-cli.js';
import { PROGRESS_PREFIX } from './progress-reporter.js';
import type { ProgressEvent } from './schemas/progress-event.schema.js';
import { validateProgressEvent } from './validate.js';

/** How long Playwright may take to stop after an interrupt before its process group is killed. */
export const STOP_GRACE_MS = 30_000;
/** Longest progress line accepted; longer lines are dropped. */
const MAX_LINE_CHARS = 256 * 1024;

export interface PlaywrightRunOptions {
  args: readonly string[];
  /** Added to dmct's own environment. */
  env: Readonly<Record<string, string>>;
  cwd: string;
  onEvent: (event: ProgressEvent) => void;
  graceMs?: number;
}

/** How the child ended. */
export interface PlaywrightRunOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** dmct asked the child to stop. */
  interrupted: boolean;
  /** dmct had to kill the child's process group. */
  killed: boolean;
  /** The end of the child's stderr. */
  stderr: string;
  /** The end of whatever the child printed on stdout besides progress lines. */
  otherOutput: string;
  /** Progress lines that were not valid events. */
  invalidLines: number;
}

export class PlaywrightRun {
  readonly done: Promise<PlaywrightRunOutcome>;
  private readonly child: ChildProcess;
  private interrupts = 0;
  private killed = false;
  private exited = false;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly killOnExit = () => this.killGroup();

  constructor(private readonly options: PlaywrightRunOptions) {
    this.child = spawn(process.execPath, [PLAYWRIGHT_CLI, ...options.args], {
      cwd: options.cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    // dmct itself dying must not leave a detached Playwright behind.
    process.once('exit', this.killOnExit);
    this.done = this.watch();
  }

  private watch(): Promise<PlaywrightRunOutcome> {
    const stderr = new BoundedText(64 * 1024);
    const otherOutput = new BoundedText(16 * 1024);
    let invalidLines = 0;
    const { child } = this;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.append(chunk));
    const lines = child.stdout ? createInterface({ input: child.stdout, crlfDelay: Infinity }) : undefined;
    lines?.on('line', (line) => {
      if (!line.startsWith(PROGRESS_PREFIX) || line.length > MAX_LINE_CHARS) {
        otherOutput.append(`${line.slice(0, 1000)}\n`);
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(line.slice(PROGRESS_PREFIX.length));
      } catch {
        invalidLines++;
        return;
      }
      const checked = validateProgressEvent(data);
      if (checked.ok) this.options.onEvent(checked.value);
      else invalidLines++;
    });
    return new Promise((resolve) => {
      const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
        this.exited = true;
        clearTimeout(this.graceTimer);
        process.off('exit', this.killOnExit);
        resolve({
          exitCode,
          signal,
          interrupted: this.interrupts > 0,
          killed: this.killed,
          stderr: stderr.text(),
          otherOutput: otherOutput.text(),
          invalidLines,
        });
      };
      child.on('error', (err) => {
        stderr.append(`dmct: could not start Playwright: ${err.message}\n`);
        finish(null, null);
      });
      child.on('close', finish);
    });
  }

  /** First call: SIGINT to Playwright (graceful stop). Later calls, or the grace period ending: kill. */
  interrupt(): void {
    if (this.exited) return;
    this.interrupts++;
    if (this.interrupts > 1) {
      this.killGroup();
      return;
    }
    this.signal('SIGINT');
    this.graceTimer = setTimeout(() => this.killGroup(), this.options.graceMs ?? STOP_GRACE_MS);
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(this.child.pid, signal);
    } catch {
      // Already gone: its 'close' event ends the run.
    }
  }

  private killGroup(): void {
    if (this.exited || this.child.pid === undefined) return;
    this.killed = true;
    try {
      if (process.platform === 'win32') this.child.kill('SIGKILL');
      else process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
