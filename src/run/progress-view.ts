/**
 * How progress is shown while a run goes on: `status`, one line redrawn in place on a terminal
 * (cleared with node:readline, coloured with chalk); `lines`, one plain line per finished
 * scenario (for logs); `off`. `auto` is `status` when stderr is a terminal and `CI` is unset,
 * else `lines`, so a CI log shows the run going on rather than nothing until the end.
 */
import { clearLine, cursorTo } from 'node:readline';
import type { Writable } from 'node:stream';
import { chalkStderr } from 'chalk';
import type { RunPlan, ScenarioVerdict } from '../report/index.js';
import { ProgressTracker, statusText } from './progress.js';
import type { ProgressEvent } from './schemas/progress-event.schema.js';

/** `--progress` values. */
export const PROGRESS_MODES = ['auto', 'status', 'lines', 'off'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** Something that shows progress events; `close` leaves the terminal clean for the summary. */
export interface ProgressView {
  onEvent(event: ProgressEvent): void;
  close(): void;
}

/** The mode `auto` stands for, given the stream and the environment. */
export function effectiveMode(
  mode: ProgressMode,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Exclude<ProgressMode, 'auto'> {
  if (mode !== 'auto') return mode;
  return stream.isTTY === true && !env['CI'] ? 'status' : 'lines';
}

const MARKS: Record<ScenarioVerdict, string> = { pass: '✓', fail: '✗', error: '!', inconclusive: '?', 'not-applicable': '·' };

/** Control characters out, so nothing a title holds can move the cursor. */
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** One status line on a terminal, redrawn at most every `intervalMs`. */
class StatusLineView implements ProgressView {
  private readonly tracker: ProgressTracker;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    plan: RunPlan,
    private readonly stream: Writable & { columns?: number },
    private readonly intervalMs = 100,
  ) {
    this.tracker = new ProgressTracker(plan);
  }

  private clear(): void {
    if (!this.drawn) return;
    clearLine(this.stream, 0);
    cursorTo(this.stream, 0);
    this.drawn = false;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    const snapshot = this.tracker.snapshot();
    const text = statusText(snapshot, Math.max(20, (this.stream.columns || 80) - 1));
    this.clear();
    const coloured = snapshot.failed > 0 || snapshot.errors > 0 ? chalkStderr.red(text) : chalkStderr.cyan(text);
    this.stream.write(coloured);
    this.drawn = true;
  }

  onEvent(event: ProgressEvent): void {
    this.tracker.apply(event);
    if (event.type === 'error') {
      this.clear();
      this.stream.write(`${chalkStderr.magenta(`! ${plain(event.message)}`)}\n`);
    }
    this.draw(event.type !== 'scenario-begin');
  }

  close(): void {
    this.clear();
  }
}

/** One plain line per finished scenario and per run error. */
class LinesView implements ProgressView {
  constructor(private readonly stream: Writable) {}

  onEvent(event: ProgressEvent): void {
    if (event.type === 'scenario-end' && event.final) {
      const reason = event.reason === undefined ? '' : ` — ${event.reason}`;
      this.stream.write(plain(`${MARKS[event.verdict]} ${event.verdict} ${event.role} ${event.title}${reason}`).slice(0, 400) + '\n');
    } else if (event.type === 'error') {
      this.stream.write(plain(`! ${event.message}`).slice(0, 400) + '\n');
    }
  }

  close(): void {}
}

/**
 * Shows `text` as a status line until the returned function is called (mode `status` only), so
 * a terminal user sees what dmct does before the scenarios start (listing takes seconds).
 */
export function transientStatus(mode: Exclude<ProgressMode, 'auto'>, stream: Writable & { columns?: number }, text: string): () => void {
  if (mode !== 'status') return () => undefined;
  stream.write(chalkStderr.dim(plain(text).slice(0, Math.max(20, (stream.columns || 80) - 1))));
  return () => {
    clearLine(stream, 0);
    cursorTo(stream, 0);
  };
}

/** The view for a mode (after `effectiveMode`), drawing to `stream` (stderr). */
export function progressView(mode: Exclude<ProgressMode, 'auto'>, plan: RunPlan, stream: Writable & { columns?: number }): ProgressView {
  switch (mode) {
    case 'status':
      return new StatusLineView(plan, stream);
    case 'lines':
      return new LinesView(stream);
    case 'off':
      return { onEvent: () => undefined, close: () => undefined };
  }
}
