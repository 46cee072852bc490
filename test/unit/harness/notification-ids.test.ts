import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  baseFromEnv,
  ID_BLOCKS,
  idBlockOf,
  IDS_PER_WORKER,
  NOTIFICATION_ID_BASE_ENV,
  notificationIdSource,
  randomNotificationIdBase,
  workerIndexFromEnv,
} from '../../../src/harness/notification-ids.js';

describe('NOTIFICATION-IDs of a run', () => {
  it("finding 14: a restarted worker does not start again at a new random value; ids stay unique and increase across the run's workers", () => {
    const base = randomNotificationIdBase();
    // Worker 0 fails a scenario and is replaced by worker 1, which is replaced by worker 2, each sending a few.
    const ids = [0, 1, 2].flatMap((workerIndex) => {
      const next = notificationIdSource(base, workerIndex);
      return Array.from({ length: 40 }, () => next());
    });
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.ok(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 0xffff));
  });

  it('two workers running at once draw from blocks that do not overlap', () => {
    const base = 100;
    const [a, b] = [notificationIdSource(base, 0), notificationIdSource(base, 1)];
    const ids = Array.from({ length: IDS_PER_WORKER }, () => [a(), b()]).flat();
    assert.equal(new Set(ids).size, ids.length);
  });

  it('a worker that used up its block fails loudly rather than reuse an id', () => {
    const next = notificationIdSource(1, 0);
    for (let i = 0; i < IDS_PER_WORKER; i++) next();
    assert.throws(() => next(), /used up its \d+ NOTIFICATION-IDs/);
  });

  it('the run base and the worker index come from the environment; a bad base is ignored', () => {
    assert.equal(baseFromEnv({ [NOTIFICATION_ID_BASE_ENV]: '4242' }), 4242);
    assert.equal(baseFromEnv({ [NOTIFICATION_ID_BASE_ENV]: '0' }), undefined);
    assert.equal(baseFromEnv({ [NOTIFICATION_ID_BASE_ENV]: 'x' }), undefined);
    assert.equal(baseFromEnv({}), undefined);
    assert.equal(workerIndexFromEnv({ TEST_WORKER_INDEX: '7' }), 7);
    assert.equal(workerIndexFromEnv({}), 0);
  });

  it('an external device gets a block per worker process; embedded clients, fresh in each worker, reuse the blocks in turn', () => {
    assert.equal(idBlockOf(900, false), 900);
    assert.equal(idBlockOf(900, true), 900 % ID_BLOCKS);
    assert.ok(idBlockOf(900, true) < ID_BLOCKS);
    const next = notificationIdSource(0x2000, idBlockOf(ID_BLOCKS * 8 + 3, true));
    assert.ok(next() <= 0xffff);
    assert.throws(() => notificationIdSource(0x2000, idBlockOf(ID_BLOCKS * 8 + 3, false))(), /used up its 512 NOTIFICATION-IDs/);
  });
});
