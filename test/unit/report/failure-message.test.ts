import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fuzzRuns } from '../protocol/notification/arbitraries.js';
import { exchangeRef, failureMessage, findingHeadline, formatExpected, oneLine } from '../../../src/report/failure-message.js';
import type { Finding } from '../../../src/report/schemas/evidence.schema.js';

const FINDING: Finding = {
  item: 'DM-PACK-013-S-M',
  section: '5.2.4',
  rule: 'Package#3 sent after END',
  verdict: 'fail',
  outcome: 'must-broken',
  keyword: 'MUST',
  expected: ['a', 'b'],
  actual: 'c',
  seq: 3,
};

describe('failure messages', () => {
  it('have the design shape, word for word', () => {
    assert.equal(
      failureMessage(FINDING),
      'DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [a, b] · actual: c · exchange #3',
    );
  });
  it('leave out the exchange when the finding points at none', () => {
    const { seq: _seq, ...noSeq } = FINDING;
    assert.equal(
      failureMessage(noSeq),
      'DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [a, b] · actual: c',
    );
  });
  it('name an inconclusive finding as such', () => {
    assert.equal(
      failureMessage({
        ...FINDING,
        verdict: 'inconclusive',
        outcome: 'stimulus-not-delivered',
        keyword: undefined,
        rule: 'no notification trigger',
        expected: ['a Package#0 within 30 s'],
        actual: 'nothing configured',
        seq: 1,
      }),
      'DM-PACK-013-S-M inconclusive — no notification trigger (5.2.4) · expected: a Package#0 within 30 s · actual: nothing configured · exchange #1',
    );
  });
  it('leave out "expected" when an inconclusive finding names no expectation', () => {
    assert.equal(
      failureMessage({
        ...FINDING,
        verdict: 'inconclusive',
        outcome: 'stimulus-not-delivered',
        keyword: undefined,
        rule: 'the server is made to act through trigger notify',
        expected: [],
        actual: 'trigger notify: the hook answered HTTP 400: {"error":"unknown key conTypes"}',
        seq: undefined,
      }),
      'DM-PACK-013-S-M inconclusive — the server is made to act through trigger notify (5.2.4) · actual: trigger notify: the hook answered HTTP 400: {"error":"unknown key conTypes"}',
    );
  });
  it('format the expected alternatives', () => {
    assert.equal(formatExpected([]), '(nothing listed)');
    assert.equal(formatExpected(['200']), '200');
    assert.equal(formatExpected(['200', '201', '204']), 'one of [200, 201, 204]');
  });
  it('build the headline and the exchange reference', () => {
    assert.equal(findingHeadline(FINDING), 'DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4)');
    assert.equal(exchangeRef(12), 'exchange #12');
  });
  it('keep target text on one line and cut it', () => {
    assert.equal(oneLine('a\nb\r\tc\u001b[31m'), 'a\\nb\\r\\tc\\x1b[31m');
    assert.equal(oneLine('\u2028\u0085'), '\\u{2028}\\x85');
    assert.equal(oneLine('abcdef', 4), 'abcd…(+2)');
    assert.equal(
      failureMessage({ ...FINDING, actual: `HTTP/1.1 500\r\n${'x'.repeat(200)}` }),
      `DM-PACK-013-S-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [a, b] · actual: HTTP/1.1 500\\r\\n${'x'.repeat(104)}…(+96) · exchange #3`,
    );
  });
  it('never let a control character through (property, seeded)', () => {
    const seed = 4242;
    try {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(oneLine(text))),
        // A sample in the unit tier, the full 500 under `npm run fuzz`.
        { seed, numRuns: fuzzRuns(100, 500) },
      );
    } catch (err) {
      throw new Error(`property failed with seed ${seed}: ${String(err)}`);
    }
  });
});
