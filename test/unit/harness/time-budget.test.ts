import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SCENARIO_RESERVE_MS, sideTransferShareMs, TimeBudget } from '../../../src/harness/time-budget.js';

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

describe('sideTransferShareMs', () => {
  it('keeps one answer wait and the reserve back, but gives at least half the time-out', () => {
    assert.equal(sideTransferShareMs(60_000, 10_000), 60_000 - 10_000 - SCENARIO_RESERVE_MS);
    assert.equal(sideTransferShareMs(8000, 1000), 4000);
    assert.equal(sideTransferShareMs(60_000, 120_000), 30_000);
    assert.equal(sideTransferShareMs(0, 10_000), undefined, 'no scenario time-out: no share');
  });
});
