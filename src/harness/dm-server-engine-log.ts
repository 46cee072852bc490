/**
 * The ordered log of everything a client target did to dmct's server side (packages, repository
 * transfers, web page loads), with the waits a scenario needs: the first matching event after a
 * mark, or silence for a whole window. Waits never judge; they return typed outcomes.
 */
import type { TimeBudget } from './time-budget.js';

/** Every logged event carries its place in the log (1-based) and its arrival time. */
export interface LoggedEvent {
  /** 1-based position in the log; `after` marks compare against it. */
  order: number;
  /** `Date.now()` when the event was logged. */
  at: number;
}

/**
 * What a wait for one event produced. Structurally the `WaitOutcome` of fixtures/verify.ts, so a
 * scenario can hand it to `received()` directly.
 */
export type EventWait<E> = { kind: 'received'; value: E } | { kind: 'timeout'; waitedMs: number; detail: string };

/**
 * What watching for silence produced: nothing came within the window (or before the target itself
 * said nothing will come: `settledBy`), or the first event that did.
 */
export type QuietWatch<E> = { kind: 'quiet'; waitedMs: number; settledBy?: string } | { kind: 'event'; value: E };

/** Options of a wait. */
export interface WaitOptions {
  /** Only events logged after this mark count (default 0: every event). */
  after?: number;
  timeoutMs: number;
  /** What is awaited, in words, for the time-out detail (e.g. `a Package#1`). */
  what: string;
  /**
   * Ends the wait early, as a time-out after the time waited so far; a string abort reason (why
   * nothing more can come) goes into the time-out detail.
   */
  signal?: AbortSignal;
}

interface Waiter<E> {
  accepts(event: E): boolean;
  settle(event: E): void;
}

/** Events kept before the oldest are dropped (a runaway target cannot exhaust memory). */
export const MAX_LOGGED_EVENTS = 10_000;

/** The share of a scenario's time its waits draw from, and who is told when a wait was cut short by it. */
export interface WaitBudget {
  budget: TimeBudget;
  /** Told when the share cut a wait short (a scenario fixture throws `inconclusive` here). */
  onBudgetSpent: (detail: string) => void;
}

/**
 * Bytes of the events' bodies kept before the oldest are dropped: a client posting hundreds of
 * 1 MB packages keeps only the last few in memory (each also holds its parsed form, about as large
 * again). Waits already pending are settled as events arrive, so a dropped event was seen by every
 * wait of its time.
 */
export const MAX_LOGGED_BYTES = 4 * 1024 * 1024;

/** An append-only event log with waits; events are plain objects built from their order. */
export class EventLog<E extends LoggedEvent> {
  readonly #events: E[] = [];
  readonly #waiters = new Set<Waiter<E>>();
  readonly #budget: WaitBudget | undefined;
  readonly #weight: (event: E) => number;
  #bytes = 0;
  #last = 0;

  /**
   * With a `budget`, each wait lasts at most what is left of the scenario's share: a wait (or a
   * window of silence) it cuts short proves nothing, so `onBudgetSpent` is told instead of the
   * caller getting a time-out or a quiet window. `weight` is an event's size in bytes (e.g. its
   * body's), counted against {@link MAX_LOGGED_BYTES}.
   */
  constructor(budget?: WaitBudget, weight: (event: E) => number = () => 0) {
    this.#budget = budget;
    this.#weight = weight;
  }

  /** Appends the event `build` makes from its order and time, and wakes the waits it satisfies. */
  append(build: (order: number, at: number) => E): E {
    const event = build(++this.#last, Date.now());
    this.#events.push(event);
    this.#bytes += this.#weight(event);
    while (this.#events.length > 1 && (this.#events.length > MAX_LOGGED_EVENTS || this.#bytes > MAX_LOGGED_BYTES)) {
      const dropped = this.#events.shift();
      if (dropped !== undefined) this.#bytes -= this.#weight(dropped);
    }
    for (const waiter of [...this.#waiters]) if (waiter.accepts(event)) waiter.settle(event);
    return event;
  }

  /** The order of the last event so far (0 when none): a mark for `after`. */
  mark(): number {
    return this.#last;
  }

  /** The events kept, oldest first, optionally filtered. */
  list(filter: (event: E) => boolean = () => true): E[] {
    return this.#events.filter(filter);
  }

  /** The first event after `after` that `predicate` accepts, waiting up to `timeoutMs` for it (less when the budget has less left). */
  async waitFor(predicate: (event: E) => boolean, options: WaitOptions): Promise<EventWait<E>> {
    const after = options.after ?? 0;
    const accepts = (event: E) => event.order > after && predicate(event);
    const found = this.#events.find(accepts);
    if (found !== undefined) return { kind: 'received', value: found };
    const wait = this.#budget?.budget.wait(options.timeoutMs) ?? { ms: options.timeoutMs, cut: false };
    const started = Date.now();
    let endedEarly = false;
    const outcome = await new Promise<EventWait<E>>((resolve) => {
      // Which path ended the wait decides "early", not the clock: a timer may fire a millisecond
      // before Date.now() shows its full delay, and a cut wait must still be told as spent.
      const end = (early: boolean) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
        this.#waiters.delete(waiter);
        const waitedMs = Date.now() - started;
        endedEarly = early;
        const why = typeof options.signal?.reason === 'string' ? options.signal.reason : 'ended early';
        resolve({
          kind: 'timeout',
          waitedMs,
          detail: `no ${options.what} came within ${endedEarly ? `${waitedMs} ms (${why})` : `${wait.ms} ms`}`,
        });
      };
      const waiter: Waiter<E> = {
        accepts,
        settle: (event) => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', abort);
          this.#waiters.delete(waiter);
          resolve({ kind: 'received', value: event });
        },
      };
      const abort = () => end(true);
      const timer = setTimeout(() => end(false), wait.ms);
      this.#waiters.add(waiter);
      if (options.signal?.aborted) abort();
      else options.signal?.addEventListener('abort', abort, { once: true });
    });
    // Told here, in the waiting scenario's own call chain, so what it throws ends that scenario.
    if (outcome.kind === 'timeout' && wait.cut && !endedEarly && this.#budget !== undefined)
      this.#budget.onBudgetSpent(this.#budget.budget.spent(`waiting for ${options.what}`, outcome.detail));
    return outcome;
  }

  /**
   * Watches for `windowMs`: `quiet` when no event after `after` matched, else the first match
   * (returned as soon as it arrives). `settled` is the target's own word that no such event will
   * come (the embedded reference peer can give it, a real device cannot): when it resolves first,
   * with its reason, the watch ends there, quiet; the window stays the deadline when it never does.
   */
  async watchQuiet(
    predicate: (event: E) => boolean,
    options: { after?: number; windowMs: number; settled?: Promise<string> },
  ): Promise<QuietWatch<E>> {
    const early = new AbortController();
    let settledBy: string | undefined;
    void options.settled?.then((reason) => {
      settledBy = reason;
      early.abort();
    });
    const outcome = await this.waitFor(predicate, {
      after: options.after ?? 0,
      timeoutMs: options.windowMs,
      what: 'event',
      signal: early.signal,
    });
    if (outcome.kind === 'received') return { kind: 'event', value: outcome.value };
    return { kind: 'quiet', waitedMs: outcome.waitedMs, ...(settledBy === undefined ? {} : { settledBy }) };
  }
}
