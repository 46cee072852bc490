import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fault } from '../../../src/reference/faults/index.js';
import { loadEdition } from '../../../src/scr/index.js';
import { matrixProblems, resolveMessage, type MatrixCell } from './matrix.js';

const seed = loadEdition('dm20-cr-2013');
/** A scenario of the seed items `items`, proving their rules. */
const cell = (items: string[], verdict: string, reason = '', title = items.join('+'), nonStrict: string[] = []): MatrixCell => ({
  id: title,
  title,
  items,
  rules: items.flatMap((id) => seed.rulesOf.get(id) ?? []),
  verdict,
  reason,
  nonStrict,
});

const HALF: Fault = {
  name: 'never-package-3',
  role: 'client',
  breaks: '5.2.4/package3',
  section: '5.2.4',
  description: 'Sends Package#1 and never a Package#3.',
  expect: { verdict: 'fail', message: 'Package#3' },
  verdicts: {
    '5.2.4/package3': { verdict: 'fail', message: 'no answer' },
    '5.3.1/hget': { verdict: 'inconclusive', message: 'depends on {5.2.4/package3}' },
  },
};

describe('the mutant matrix with a declared verdict vector (by rule)', () => {
  it('accepts cells whose rule verdicts are exactly the declared vector', () => {
    const cells = [
      cell(['DM-PACK-011-C-M'], 'pass'),
      cell(['DM-PACK-013-C-M'], 'fail', 'no answer: …'),
      cell(['DM-PACK-013-C-M'], 'pass'),
      cell(['DM-PACK-014-C-M'], 'inconclusive', 'depends on DM-PACK-013-C-M'),
    ];
    assert.deepEqual(matrixProblems(HALF, cells, seed), []);
  });
  it("reads {rule} in a message as the run edition's item holding the rule", () => {
    const approved = loadEdition('dm20-2016');
    assert.equal(resolveMessage('rule of {5.4.1/async-reporting}', 'client', seed), 'rule of DM-PACK-026-C-M');
    assert.equal(resolveMessage('rule of {5.4.1/async-reporting}', 'client', approved), 'rule of DM-PACK-028-C-M');
    const cells = [cell(['DM-PACK-013-C-M'], 'fail', 'no answer'), cell(['DM-PACK-014-C-M'], 'inconclusive', 'depends on DM-PACK-012-C-M')];
    assert.deepEqual(matrixProblems(HALF, cells, seed), [
      '5.3.1/hget: reason does not match /depends on DM-PACK-013-C-M/i: depends on DM-PACK-012-C-M',
    ]);
  });
  it('reports a rule that passes where the vector says it must not', () => {
    const cells = [cell(['DM-PACK-013-C-M'], 'fail', 'no answer'), cell(['DM-PACK-014-C-M'], 'pass')];
    assert.deepEqual(matrixProblems(HALF, cells, seed), ['5.3.1/hget: pass (DM-PACK-014-C-M: ), expected inconclusive']);
  });
  it('reports an unlisted rule that does not pass, and a reason that does not match', () => {
    const cells = [
      cell(['DM-PACK-013-C-M'], 'fail', 'wrong words', 'a'),
      cell(['DM-PACK-014-C-M'], 'inconclusive', 'depends on DM-PACK-013-C-M'),
      cell(['DM-PACK-011-C-M'], 'inconclusive', 'silence', 'b'),
    ];
    assert.deepEqual(matrixProblems(HALF, cells, seed), [
      '5.2.2/package1: inconclusive (b: silence), expected pass',
      '5.2.4/package3: reason does not match /no answer/i: wrong words',
    ]);
  });
  it('requires the vector to fail the rule the switch breaks, and every listed rule to have run', () => {
    const fault: Fault = { ...HALF, verdicts: { '5.3.1/hget': { verdict: 'inconclusive' }, '9.9/no-such-rule': { verdict: 'fail' } } };
    const problems = matrixProblems(fault, [cell(['DM-PACK-013-C-M'], 'pass'), cell(['DM-PACK-014-C-M'], 'inconclusive')], seed);
    assert.deepEqual(problems, [
      'the declared vector does not give 5.2.4/package3, the rule the switch breaks, fail',
      '9.9/no-such-rule: declared fail, but no scenario proving it ran',
    ]);
  });
  it('a vector that fails nothing (a crashed peer is silent) gives the broken rule inconclusive; otherRules covers every rule not listed', () => {
    const crashed: Fault = {
      ...HALF,
      verdicts: { '5.2.2/package1': { verdict: 'pass' } },
      otherRules: { verdict: 'inconclusive', message: 'no Package#1' },
    };
    const cells = [
      cell(['DM-PACK-011-C-M'], 'pass'),
      cell(['DM-PACK-013-C-M'], 'inconclusive', 'no Package#1 came'),
      cell(['DM-PACK-014-C-M'], 'inconclusive', 'no Package#1 came'),
    ];
    assert.deepEqual(matrixProblems(crashed, cells, seed), []);
    assert.deepEqual(matrixProblems(crashed, [...cells, cell(['DM-PACK-015-C-M'], 'pass')], seed), [
      '5.3.2/hput: pass (DM-PACK-015-C-M: ), expected inconclusive',
    ]);
    const unlisted: Fault = { ...HALF, verdicts: { '5.3.1/hget': { verdict: 'inconclusive' } } };
    assert.deepEqual(matrixProblems(unlisted, [cell(['DM-PACK-013-C-M'], 'pass'), cell(['DM-PACK-014-C-M'], 'inconclusive')], seed), [
      'the declared vector does not give 5.2.4/package3, the rule the switch breaks, inconclusive',
    ]);
  });
});

describe('the mutant matrix with a SHOULD-departing switch', () => {
  const SHOULD: Fault = {
    name: 'ignore-con-type',
    role: 'client',
    breaks: '5.2.1.2/preferred-con-type',
    section: '5.2.1.2',
    description: 'Calls back over its default bearer.',
    expect: { verdict: 'non-strict', message: 'preferred connection.*CBT' },
  };
  const LINE =
    'DM-PACK-006-C-M non-strict — the client calls back over the preferred connection, WLAN (SHOULD, 5.2.1.2) · expected: SessionInfo CBT 2 (WLAN) · actual: SessionInfo CBT "1"';

  it('accepts a pass carrying the matching non-strict finding, everything else passing', () => {
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'pass', '', 'a', [LINE]), cell(['DM-PACK-011-C-M'], 'pass')]), []);
  });
  it('refuses a fail (a SHOULD never fails) and a pass without the finding', () => {
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'fail', LINE, 'a')]), [
      `a: fail (${LINE}), expected a pass`,
      'no scenario of 5.2.1.2/preferred-con-type reports a non-strict finding matching /preferred connection.*CBT/i',
    ]);
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'pass', '', 'a')]), [
      'no scenario of 5.2.1.2/preferred-con-type reports a non-strict finding matching /preferred connection.*CBT/i',
    ]);
  });
});
