import type { SessionRecord } from './schemas/client-state.schema.js';

/**
 * Runs the client's sessions one at a time, in the order asked for: a DM client is in at most one
 * session with its server (section 5.1.1), and an asynchronous result or an alert opens its own
 * session only after the running one is over.
 */
export class SessionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private pending = 0;

  /** Queues a session; resolves with its record, or undefined when the client stopped first. */
  enqueue(run: () => Promise<SessionRecord>): Promise<SessionRecord | undefined> {
    this.pending++;
    const next = this.tail.then(async () => {
      try {
        return this.stopped ? undefined : await run();
      } finally {
        this.pending--;
      }
    });
    this.tail = next;
    return next;
  }

  /** Sessions queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every session queued so far is over. */
  drained(): Promise<void> {
    return this.tail.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Starts no more sessions; resolves when the running one (if any) is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.tail;
  }
}
