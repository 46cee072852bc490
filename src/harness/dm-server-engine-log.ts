/**
 * The ordered log of everything a client target did to dmct's server side (packages, repository
 * transfers, web page loads), with the waits a scenario needs: the first matching event after a
 * mark, or silence for a whole window. Waits never judge; they return typed outcomes.
 */

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

/** What watching for silence produced: nothing came within the window, or the first event that did. */
export type QuietWatch<E> = { kind: 'quiet'; waitedMs: number } | { kind: 'event'; value: E };

/** Options of a wait. */
export interface WaitOptions {
  /** Only events logged after this mark count (default 0: every event). */
  after?: number;
  timeoutMs: number;
  /** What is awaited, in words, for the time-out detail (e.g. `a Package#1`). */
  what: string;
}

interface Waiter<E> {
  accepts(event: E): boolean;
  settle(event: E): void;
}

/** Events kept before the oldest are dropped (a runaway target cannot exhaust memory). */
export const MAX_LOGGED_EVENTS = 10_000;

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
  readonly #weight: (event: E) => number;
  #bytes = 0;
  #last = 0;

  /** `weight` is an event's size in bytes (e.g. its body's), counted against {@link MAX_LOGGED_BYTES}. */
  constructor(weight: (event: E) => number = () => 0) {
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

  /** The first event after `after` that `predicate` accepts, waiting up to `timeoutMs` for it. */
  waitFor(predicate: (event: E) => boolean, options: WaitOptions): Promise<EventWait<E>> {
    const after = options.after ?? 0;
    const accepts = (event: E) => event.order > after && predicate(event);
    const found = this.#events.find(accepts);
    if (found !== undefined) return Promise.resolve({ kind: 'received', value: found });
    const started = Date.now();
    return new Promise((resolve) => {
      const waiter: Waiter<E> = {
        accepts,
        settle: (event) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve({ kind: 'received', value: event });
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const waitedMs = Date.now() - started;
        resolve({ kind: 'timeout', waitedMs, detail: `no ${options.what} came within ${options.timeoutMs} ms` });
      }, options.timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * Watches for `windowMs`: `quiet` when no event after `after` matched, else the first match
   * (returned as soon as it arrives).
   */
  async watchQuiet(predicate: (event: E) => boolean, options: { after?: number; windowMs: number }): Promise<QuietWatch<E>> {
    const outcome = await this.waitFor(predicate, { after: options.after ?? 0, timeoutMs: options.windowMs, what: 'event' });
    return outcome.kind === 'received' ? { kind: 'event', value: outcome.value } : { kind: 'quiet', waitedMs: outcome.waitedMs };
  }
}
