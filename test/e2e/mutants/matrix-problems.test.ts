import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fault } from '../../../src/reference/faults/index.js';
import { loadEdition } from '../../../src/scr/index.js';
import { matrixProblems, type MatrixCell } from './matrix.js';

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
    'DM-PACK-013-C-M': { verdict: 'fail', message: 'no answer' },
    'DM-PACK-014-C-M': { verdict: 'inconclusive' },
  },
};

describe('the mutant matrix with a declared verdict vector', () => {
  it('accepts cells whose item verdicts are exactly the declared vector', () => {
    const cells = [cell(['DM-PACK-011-C-M'], 'pass'), cell(['DM-PACK-013-C-M'], 'fail', 'no answer: …'), cell(['DM-PACK-013-C-M'], 'pass'), cell(['DM-PACK-014-C-M'], 'inconclusive')];
    assert.deepEqual(matrixProblems(HALF, cells), []);
  });
  it('reports an item that passes where the vector says it must not', () => {
    const cells = [cell(['DM-PACK-013-C-M'], 'fail', 'no answer'), cell(['DM-PACK-014-C-M'], 'pass')];
    assert.deepEqual(matrixProblems(HALF, cells), ['DM-PACK-014-C-M: pass (DM-PACK-014-C-M: ), expected inconclusive']);
  });
  it('reports an unlisted item that does not pass, and a reason that does not match', () => {
    const cells = [cell(['DM-PACK-013-C-M'], 'fail', 'wrong words', 'a'), cell(['DM-PACK-014-C-M'], 'inconclusive'), cell(['DM-PACK-011-C-M'], 'inconclusive', 'silence', 'b')];
    assert.deepEqual(matrixProblems(HALF, cells), ['DM-PACK-011-C-M: inconclusive (b: silence), expected pass', 'DM-PACK-013-C-M: reason does not match /no answer/i: wrong words']);
  });
  it('requires the vector to fail the item the switch breaks, and every listed item to have run', () => {
    const fault: Fault = { ...HALF, verdicts: { 'DM-PACK-014-C-M': { verdict: 'inconclusive' }, 'DM-PACK-099-C-M': { verdict: 'fail' } } };
    const problems = matrixProblems(fault, [cell(['DM-PACK-013-C-M'], 'pass'), cell(['DM-PACK-014-C-M'], 'inconclusive')]);
    assert.deepEqual(problems, ['the declared vector does not give DM-PACK-013-C-M, the item holding 5.2.4/package3, the rule the switch breaks, fail', 'DM-PACK-099-C-M: declared fail, but no scenario tagged it ran']);
  });
  it('a vector that fails nothing (a crashed peer is silent) must give the broken item inconclusive, never leave it passing', () => {
    const crashed: Fault = { ...HALF, verdicts: { 'DM-PACK-013-C-M': { verdict: 'inconclusive' }, 'DM-PACK-014-C-M': { verdict: 'inconclusive' } } };
    const cells = [cell(['DM-PACK-011-C-M'], 'pass'), cell(['DM-PACK-013-C-M'], 'inconclusive'), cell(['DM-PACK-014-C-M'], 'inconclusive')];
    assert.deepEqual(matrixProblems(crashed, cells), []);
    const unlisted: Fault = { ...HALF, verdicts: { 'DM-PACK-014-C-M': { verdict: 'inconclusive' } } };
    assert.deepEqual(matrixProblems(unlisted, [cell(['DM-PACK-013-C-M'], 'pass'), cell(['DM-PACK-014-C-M'], 'inconclusive')]), [
      'the declared vector does not give DM-PACK-013-C-M, the item holding 5.2.4/package3, the rule the switch breaks, inconclusive',
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
  const LINE = 'DM-PACK-006-C-M non-strict — the client calls back over the preferred connection, WLAN (SHOULD, 5.2.1.2) · expected: SessionInfo CBT 2 (WLAN) · actual: SessionInfo CBT "1"';

  it('accepts a pass carrying the matching non-strict finding, everything else passing', () => {
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'pass', '', 'a', [LINE]), cell(['DM-PACK-011-C-M'], 'pass')]), []);
  });
  it('refuses a fail (a SHOULD never fails) and a pass without the finding', () => {
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'fail', LINE, 'a')]), [
      `a: fail (${LINE}), expected a pass`,
      'no scenario of 5.2.1.2/preferred-con-type reports a non-strict finding matching /preferred connection.*CBT/i',
    ]);
    assert.deepEqual(matrixProblems(SHOULD, [cell(['DM-PACK-006-C-M'], 'pass', '', 'a')]), ['no scenario of 5.2.1.2/preferred-con-type reports a non-strict finding matching /preferred connection.*CBT/i']);
  });
});
