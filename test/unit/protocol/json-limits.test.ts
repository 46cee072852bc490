import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { appendAll, exceedsJsonDepth, jsonLengthExceeds } from '../../../src/protocol/json-limits.js';
import { summariseViolations, type Violation } from '../../../src/protocol/violation.js';

const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20261207);

/** 100,000 nested arrays, built without recursion. */
function deeplyNested(levels: number): unknown[] {
  const root: unknown[] = [];
  let at = root;
  for (let i = 0; i < levels; i++) {
    const next: unknown[] = [];
    at.push(next);
    at = next;
  }
  return root;
}

describe('JSON limits over target data (no recursion, no argument spread)', () => {
  it('estimates serialised length from below, and exactly when nothing needs escaping', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => assert.equal(jsonLengthExceeds(value, JSON.stringify(value).length), false)),
      { seed: SEED, numRuns: 500 },
    );
    const plain = { a: [1, 'xy', null, true, { b: {} }], c: -2.5, d: [] };
    const length = JSON.stringify(plain).length;
    assert.equal(jsonLengthExceeds(plain, length), false);
    assert.equal(jsonLengthExceeds(plain, length - 1), true);
  });

  it('walks 100,000 levels and 200,000 entries without running out of stack', () => {
    const deep = deeplyNested(100_000);
    assert.equal(exceedsJsonDepth(deep, 64), true);
    assert.equal(jsonLengthExceeds(deep, 1_000_000), false);
    assert.equal(jsonLengthExceeds(deep, 1000), true);
    const many = appendAll<number>(
      [],
      Array.from({ length: 200_000 }, (_, i) => i),
    );
    assert.equal(many.length, 200_000);
  });
});

describe('summariseViolations', () => {
  const violation = (rule: string, i: number): Violation => ({ rule, section: '7.2.1.2', severity: 'error', message: `${rule} ${i}` });

  it('keeps each rule’s first entries in order, then one entry per rule with how many more', () => {
    const input = [
      ...Array.from({ length: 5 }, (_, i) => violation('a', i)),
      violation('b', 0),
      ...Array.from({ length: 100_000 }, (_, i) => violation('c', i)),
    ];
    const kept = summariseViolations(input, 3);
    assert.deepEqual(
      kept.map((v) => v.message),
      ['a 0', 'a 1', 'a 2', 'b 0', 'c 0', 'c 1', 'c 2', '… and 2 more of the same', '… and 99997 more of the same'],
    );
    assert.deepEqual(
      kept.slice(-2).map((v) => v.rule),
      ['a', 'c'],
    );
  });

  it('returns short lists as they are', () => {
    const input = [violation('a', 0), violation('b', 0)];
    assert.deepEqual(summariseViolations(input), input);
  });
});
