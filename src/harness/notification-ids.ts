/**
 * NOTIFICATION-IDs for one run (§5.2.1.2): a device may remember the ids of a server for its whole
 * lifetime and drop a repeat as a duplicate, so within a run no id may come twice, not even after
 * Playwright replaced a worker process (which it does after every failed scenario). The run picks
 * one random base (so that a new run does not repeat the last one's ids from the start) and hands
 * it to every worker in the environment; each worker process takes its own block of ids above it,
 * by its run-wide worker index (a new process gets a higher index), and counts up inside it. So the
 * ids of a run are unique and increase from one worker process to the next.
 */

/** The environment variable carrying the run's base id from the Playwright runner to its workers. */
export const NOTIFICATION_ID_BASE_ENV = 'DMCT_NOTIFICATION_ID_BASE';

/** Ids each worker process may use; a client-target run sends a few dozen notifications in all. */
export const IDS_PER_WORKER = 512;

/** Highest base, leaving blocks for (0xffff − MAX_BASE) / IDS_PER_WORKER ≈ 111 worker processes. */
const MAX_BASE = 0x2000;

/** Blocks of IDS_PER_WORKER ids that fit above the highest base within 16 bits. */
export const ID_BLOCKS = Math.floor((0xffff - MAX_BASE) / IDS_PER_WORKER);

/**
 * The block a worker process takes. Against an external device every worker process gets its own
 * block (the device lives through the whole run). An embedded reference client is started afresh
 * in every worker process and remembers no earlier worker's ids, so there the blocks are reused
 * in turn: a mutant matrix starts hundreds of worker processes in one run.
 */
export function idBlockOf(workerIndex: number, embedded: boolean): number {
  return embedded ? workerIndex % ID_BLOCKS : workerIndex;
}

/** A fresh run base: 1 … MAX_BASE. */
export function randomNotificationIdBase(): number {
  return Math.floor(Math.random() * MAX_BASE) + 1;
}

/** The run's base from the environment, when the runner set a usable one. */
export function baseFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const text = env[NOTIFICATION_ID_BASE_ENV];
  const base = text === undefined ? NaN : Number(text);
  return Number.isInteger(base) && base >= 1 && base <= MAX_BASE ? base : undefined;
}

/** Playwright's run-wide index of this worker process (0 outside a worker). */
export function workerIndexFromEnv(env: NodeJS.ProcessEnv): number {
  const index = Number(env['TEST_WORKER_INDEX'] ?? 0);
  return Number.isInteger(index) && index >= 0 ? index : 0;
}

/**
 * The id source of one worker process: `base + workerIndex × IDS_PER_WORKER`, counting up. Running
 * out of the block, or of 16 bits, is an error of dmct: an id reused could be dropped as a duplicate.
 */
export function notificationIdSource(base: number, workerIndex: number): () => number {
  const first = base + workerIndex * IDS_PER_WORKER;
  let used = 0;
  return () => {
    const id = first + used;
    if (used >= IDS_PER_WORKER || id > 0xffff) {
      throw new Error(
        `dmct: worker ${workerIndex} used up its ${IDS_PER_WORKER} NOTIFICATION-IDs (base ${base}); ids must not repeat within a run`,
      );
    }
    used += 1;
    return id;
  };
}
