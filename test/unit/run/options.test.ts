import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInteger, defaultOutDir, effectiveWorkers, parseShard } from '../../../src/run/index.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    assert.deepEqual(parseShard('1/2'), { current: 1, total: 2 });
    assert.deepEqual(parseShard(' 3 / 3 '), { current: 3, total: 3 });
  });

  it('rejects malformed and out-of-range shards with one line', () => {
    assert.throws(() => parseShard('2'), { message: '--shard "2": expected i/n, e.g. 1/2' });
    assert.throws(() => parseShard('a/b'), { message: '--shard "a/b": expected i/n, e.g. 1/2' });
    assert.throws(() => parseShard('3/2'), { message: '--shard "3/2": i must be between 1 and n (1 ≤ i ≤ n)' });
    assert.throws(() => parseShard('0/2'), { message: '--shard "0/2": i must be between 1 and n (1 ≤ i ≤ n)' });
  });
});

describe('checkInteger', () => {
  it('passes whole numbers in range and undefined', () => {
    assert.equal(checkInteger('workers', 4, 1, 1024), 4);
    assert.equal(checkInteger('workers', undefined, 1), undefined);
  });

  it('rejects fractions, NaN and out-of-range values', () => {
    assert.throws(() => checkInteger('workers', 0, 1, 1024), { message: '--workers 0: expected a whole number from 1 to 1024' });
    assert.throws(() => checkInteger('timeout', 1.5, 1), { message: '--timeout 1.5: expected a whole number ≥ 1' });
    assert.throws(() => checkInteger('retries', Number.NaN, 0, 100), { message: '--retries NaN: expected a whole number from 0 to 100' });
  });
});

describe('defaultOutDir', () => {
  it('names the folder after the UTC time, without colons', () => {
    assert.equal(defaultOutDir(new Date('2026-11-25T12:45:03.123Z'), '/nonexistent'), 'reports/2026-11-25T12-45-03Z');
  });
});

describe('effectiveWorkers', () => {
  it('keeps what the user asked for', () => {
    assert.equal(effectiveWorkers(3, false), 3);
    assert.equal(effectiveWorkers(4, true), 4);
  });
  it('runs one worker against a real target, and leaves the embedded peers to the config', () => {
    assert.equal(effectiveWorkers(undefined, false), 1);
    assert.equal(effectiveWorkers(undefined, true), undefined);
  });
});
