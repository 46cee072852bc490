import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.equal(new TimeBudget(4000, () => 0).spent('HGET → repository', 'no complete answer within 12 ms'), "HGET → repository: no complete answer within 12 ms; dmct's requests used up their 4000 ms share of the scenario's time");
  });
});
