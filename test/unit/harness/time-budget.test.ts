import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EventLog } from '../../../src/harness/dm-server-engine-log.js';
import { requestShareMs, SCENARIO_RESERVE_MS, TimeBudget } from '../../../src/harness/time-budget.js';

describe('TimeBudget', () => {
  it('gives each wait its own limit while enough is left, then what is left, then nothing', () => {
    let now = 1000;
    const budget = new TimeBudget(2500, () => now);
    assert.deepEqual(budget.wait(1000), { ms: 1000, cut: false });
    now += 1000;
    assert.deepEqual(budget.wait(1000), { ms: 1000, cut: false });
    now += 1000.7;
    assert.deepEqual(budget.wait(1000), { ms: 499, cut: true }, 'whole milliseconds, rounded down');
    now += 600;
    assert.deepEqual(budget.wait(1000), { ms: 0, cut: true });
    assert.equal(budget.remainingMs(), 0);
  });
});

describe('requestShareMs', () => {
  it('keeps the reserve back, but gives at least half the time-out', () => {
    assert.equal(requestShareMs(60_000), 60_000 - SCENARIO_RESERVE_MS);
    assert.equal(requestShareMs(8000), 4000);
    assert.equal(requestShareMs(0), undefined, 'no scenario time-out: no share');
  });

  it('names the request and the share when it is used up', () => {
    assert.equal(
      new TimeBudget(4000, () => 0).spent('HGET → repository', 'no complete answer within 12 ms'),
      "HGET → repository: no complete answer within 12 ms; dmct's requests used up their 4000 ms share of the scenario's time",
    );
  });
});

describe('EventLog waits drawing from a scenario share', () => {
  type Event = { order: number; at: number; name: string };
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('a wait the share cuts short tells onBudgetSpent (its throw reaches the waiting caller); a wait it does not cut is a plain time-out', async () => {
    let now = 0;
    const budget = new TimeBudget(20, () => now);
    const spent: string[] = [];
    const log = new EventLog<Event>({
      budget,
      onBudgetSpent: (detail) => {
        spent.push(detail);
        throw new Error('inconclusive');
      },
    });
    const plainWait = log.waitFor((e) => e.name === 'x', { timeoutMs: 5, what: 'x' });
    mock.timers.tick(5);
    const plain = await plainWait;
    assert.equal(plain.kind, 'timeout');
    assert.deepEqual(spent, []);
    now = 10; // 10 ms of the 20 left
    const cutWait = log.waitFor((e) => e.name === 'Package#3', { timeoutMs: 30_000, what: 'Package#3' });
    // The timer fires at its delay even when the wall clock shows a millisecond less.
    mock.timers.tick(10);
    await assert.rejects(cutWait, /inconclusive/);
    assert.deepEqual(spent, [
      "waiting for Package#3: no Package#3 came within 10 ms; dmct's requests used up their 20 ms share of the scenario's time",
    ]);
  });

  it('an event arriving inside the share is received as usual', async () => {
    const log = new EventLog<Event>({ budget: new TimeBudget(60_000), onBudgetSpent: () => assert.fail('not spent') });
    const waiting = log.waitFor((e) => e.name === 'Package#1', { timeoutMs: 30_000, what: 'Package#1' });
    log.append((order, at) => ({ order, at, name: 'Package#1' }));
    assert.equal((await waiting).kind, 'received');
  });
});
