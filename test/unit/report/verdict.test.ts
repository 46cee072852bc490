import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { reportSchema } from '../../../src/report/schemas/report.schema.js';
import type { Finding } from '../../../src/report/schemas/evidence.schema.js';
import type { Applicability } from '../../../src/report/schemas/run-plan.schema.js';
import {
  itemVerdict,
  overallVerdict,
  scenarioVerdict,
  VERDICTS,
  verdictRank,
  worstOf,
  worstVerdict,
  NOTHING_CHECKED,
  type ScenarioOutcome,
  type ScenarioVerdict,
  type Verdict,
} from '../../../src/report/verdict.js';

const APPLICABLE: Applicability = { kind: 'applicable', why: 'mandatory' };
const FAIL: Finding = {
  item: 'DM-PACK-013-C-M',
  section: '5.2.4',
  rule: 'Package#3 sent after END',
  verdict: 'fail',
  outcome: 'must-broken',
  keyword: 'MUST',
  expected: ['no Package#3'],
  actual: 'Package#3',
  seq: 3,
};
const { keyword: _keyword, ...UNCITED } = FAIL;
const INCONCLUSIVE: Finding = {
  ...UNCITED,
  verdict: 'inconclusive',
  outcome: 'stimulus-not-delivered',
  rule: 'no trigger',
  actual: 'nothing configured',
  seq: 1,
};

function outcome(status: ScenarioOutcome['status'], extra: Partial<ScenarioOutcome> = {}): ScenarioOutcome {
  return { status, annotations: [], errors: [], ...extra };
}

describe('the verdict lattice', () => {
  it('is ordered best to worst, as the report schema lists it', () => {
    assert.deepEqual([...VERDICTS], ['not-applicable', 'pass', 'untested', 'inconclusive', 'fail', 'error']);
    assert.deepEqual([...VERDICTS], [...reportSchema.$defs.Verdict.enum]);
  });

  // The expected join of every pair, written out rather than computed from VERDICTS.
  const expectedJoin: Record<Verdict, Record<Verdict, Verdict>> = {
    'not-applicable': {
      'not-applicable': 'not-applicable',
      pass: 'pass',
      untested: 'untested',
      inconclusive: 'inconclusive',
      fail: 'fail',
      error: 'error',
    },
    pass: { 'not-applicable': 'pass', pass: 'pass', untested: 'untested', inconclusive: 'inconclusive', fail: 'fail', error: 'error' },
    untested: {
      'not-applicable': 'untested',
      pass: 'untested',
      untested: 'untested',
      inconclusive: 'inconclusive',
      fail: 'fail',
      error: 'error',
    },
    inconclusive: {
      'not-applicable': 'inconclusive',
      pass: 'inconclusive',
      untested: 'inconclusive',
      inconclusive: 'inconclusive',
      fail: 'fail',
      error: 'error',
    },
    fail: { 'not-applicable': 'fail', pass: 'fail', untested: 'fail', inconclusive: 'fail', fail: 'fail', error: 'error' },
    error: { 'not-applicable': 'error', pass: 'error', untested: 'error', inconclusive: 'error', fail: 'error', error: 'error' },
  };
  for (const a of VERDICTS) {
    for (const b of VERDICTS) {
      it(`joins ${a} and ${b} to ${expectedJoin[a][b]}`, () => {
        assert.equal(worstVerdict(a, b), expectedJoin[a][b]);
        assert.equal(worstVerdict(b, a), expectedJoin[a][b]);
      });
    }
  }

  it('worstOf is the join of a list and undefined for none', () => {
    assert.equal(worstOf([]), undefined);
    assert.equal(worstOf(['pass', 'inconclusive', 'pass']), 'inconclusive');
    assert.equal(worstOf(['fail', 'error', 'pass']), 'error');
    assert.ok(verdictRank('error') > verdictRank('fail'));
  });
});

describe('scenarioVerdict', () => {
  const cases: [string, ScenarioOutcome, ScenarioVerdict, string | undefined][] = [
    ['passed with a check evaluated → pass', outcome('passed', { evidence: { messages: [], findings: [], checks: 2 } }), 'pass', undefined],
    [
      'passed with no check evaluated → inconclusive "nothing was checked"',
      outcome('passed', { evidence: { messages: [], findings: [], checks: 0 } }),
      'inconclusive',
      NOTHING_CHECKED,
    ],
    ['passed with no evidence at all → inconclusive "nothing was checked"', outcome('passed'), 'inconclusive', NOTHING_CHECKED],
    [
      'skipped with dmct-inconclusive → inconclusive with its reason',
      outcome('skipped', {
        annotations: [{ type: 'dmct-inconclusive', description: 'operator did not answer within 60 s' }, { type: 'skip' }],
      }),
      'inconclusive',
      'operator did not answer within 60 s',
    ],
    [
      'skipped with dmct-not-applicable → not-applicable with its reason',
      outcome('skipped', { annotations: [{ type: 'dmct-not-applicable', description: 'GCM not claimed' }] }),
      'not-applicable',
      'GCM not claimed',
    ],
    [
      'failed with a fail finding → fail with the failure line',
      outcome('failed', { evidence: { messages: [], findings: [INCONCLUSIVE, FAIL], checks: 1 }, errors: ['Error: boom'] }),
      'fail',
      'DM-PACK-013-C-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: no Package#3 · actual: Package#3 · exchange #3',
    ],
    [
      'timed out with a fail finding → fail',
      outcome('timedOut', { evidence: { messages: [], findings: [FAIL], checks: 1 } }),
      'fail',
      'DM-PACK-013-C-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: no Package#3 · actual: Package#3 · exchange #3',
    ],
    [
      'failed with an inconclusive finding → inconclusive',
      outcome('failed', { evidence: { messages: [], findings: [INCONCLUSIVE], checks: 1 } }),
      'inconclusive',
      'DM-PACK-013-C-M inconclusive — no trigger (5.2.4) · expected: no Package#3 · actual: nothing configured · exchange #1',
    ],
    [
      'interrupted → inconclusive "run interrupted"',
      outcome('interrupted', { evidence: { messages: [], findings: [FAIL], checks: 1 } }),
      'inconclusive',
      'run interrupted',
    ],
    [
      'failed with no finding → error with the first error line',
      outcome('failed', { errors: ['TypeError: x is undefined\n    at f (a.ts:1:1)'] }),
      'error',
      'TypeError: x is undefined',
    ],
    ['failed with no finding and no message → error', outcome('failed'), 'error', 'failed with no error message'],
    [
      'timed out with no finding → error',
      outcome('timedOut', { errors: ['Test timeout of 60000ms exceeded.'] }),
      'error',
      'timed out with no finding: Test timeout of 60000ms exceeded.',
    ],
    [
      'a plain skip → error "skipped without a reason"',
      outcome('skipped', { annotations: [{ type: 'skip', description: 'later' }] }),
      'error',
      'skipped without a reason',
    ],
    [
      'an unreadable evidence attachment → error, whatever the status',
      outcome('passed', { evidenceProblem: 'dmct-evidence /findings/0/verdict: must be one of "fail", "inconclusive" (enum)' }),
      'error',
      'dmct-evidence attachment unusable: dmct-evidence /findings/0/verdict: must be one of "fail", "inconclusive" (enum)',
    ],
    [
      'passed with a recorded fail finding → fail (a finding is never dropped)',
      outcome('passed', { evidence: { messages: [], findings: [FAIL], checks: 1 } }),
      'fail',
      undefined,
    ],
    [
      'passed with an inconclusive finding → inconclusive',
      outcome('passed', { evidence: { messages: [], findings: [INCONCLUSIVE], checks: 1 } }),
      'inconclusive',
      undefined,
    ],
    [
      'failed with dmct-inconclusive and no finding → inconclusive',
      outcome('failed', { annotations: [{ type: 'dmct-inconclusive', description: 'repository unreachable' }] }),
      'inconclusive',
      'repository unreachable',
    ],
  ];
  for (const [name, input, verdict, reason] of cases) {
    it(name, () => {
      const judged = scenarioVerdict(input);
      assert.equal(judged.verdict, verdict);
      if (reason !== undefined) assert.equal(judged.reason, reason);
      if (verdict !== 'pass') assert.ok(judged.reason, 'every verdict but pass has a reason');
    });
  }
});

describe('itemVerdict', () => {
  it('not applicable under the claims → not-applicable, whatever ran', () => {
    assert.deepEqual(itemVerdict([{ verdict: 'fail', reason: 'x' }], { kind: 'not-applicable', why: 'not claimed' }), {
      verdict: 'not-applicable',
      reason: 'not claimed',
    });
  });
  it('no scenario → untested', () => {
    assert.deepEqual(itemVerdict([], APPLICABLE), { verdict: 'untested', reason: 'no scenario covers this item' });
  });
  it('only not-applicable scenarios → untested', () => {
    assert.equal(itemVerdict([{ verdict: 'not-applicable', reason: 'r' }], APPLICABLE).verdict, 'untested');
  });
  it('error beats fail beats inconclusive beats pass', () => {
    const s = (verdict: ScenarioVerdict) => ({ verdict, reason: `${verdict} reason` });
    assert.equal(itemVerdict([s('pass'), s('fail'), s('error'), s('inconclusive')], APPLICABLE).verdict, 'error');
    assert.deepEqual(itemVerdict([s('pass'), s('fail'), s('inconclusive')], APPLICABLE), {
      verdict: 'fail',
      reason: '1 of 3 scenarios failed; first: fail reason',
    });
    assert.equal(itemVerdict([s('pass'), s('inconclusive'), s('not-applicable')], APPLICABLE).verdict, 'inconclusive');
    assert.deepEqual(itemVerdict([{ verdict: 'pass' }, { verdict: 'not-applicable', reason: 'r' }], APPLICABLE), { verdict: 'pass' });
    assert.deepEqual(itemVerdict([s('fail')], APPLICABLE), { verdict: 'fail', reason: 'fail reason' });
  });
  it('a static claims non-conformance counts as a fail', () => {
    const stat = [{ rule: 'mandatory-not-implemented', message: 'DM-PACK-001-C-M is mandatory but not implemented' }];
    assert.deepEqual(itemVerdict([{ verdict: 'pass' }], APPLICABLE, stat), {
      verdict: 'fail',
      reason: 'claims: DM-PACK-001-C-M is mandatory but not implemented',
    });
    assert.equal(itemVerdict([], APPLICABLE, stat).verdict, 'fail');
    assert.equal(itemVerdict([{ verdict: 'error', reason: 'e' }], APPLICABLE, stat).verdict, 'error');
    assert.deepEqual(
      itemVerdict([], { kind: 'not-applicable', why: 'requirement DM-PACK-002-C-O is false' }, [
        { rule: 'claimed-item-not-applicable', message: 'DM-PACK-007-C-O is claimed but not applicable' },
      ]),
      {
        verdict: 'fail',
        reason: 'claims: DM-PACK-007-C-O is claimed but not applicable',
      },
    );
  });

  it('never gets better when a scenario is added (property, seeded)', () => {
    const verdict = fc.constantFrom<ScenarioVerdict>('not-applicable', 'pass', 'inconclusive', 'fail', 'error');
    const seed = 20261124;
    try {
      fc.assert(
        fc.property(fc.array(verdict, { minLength: 1, maxLength: 6 }), verdict, (list, extra) => {
          const before = itemVerdict(
            list.map((v) => ({ verdict: v, reason: v })),
            APPLICABLE,
          ).verdict;
          const after = itemVerdict(
            [...list, extra].map((v) => ({ verdict: v, reason: v })),
            APPLICABLE,
          ).verdict;
          // untested only means "no evidence yet": any evidence may replace it.
          return before === 'untested' || verdictRank(after) >= verdictRank(before);
        }),
        { seed, numRuns: 300 },
      );
    } catch (err) {
      throw new Error(`property failed with seed ${seed}: ${String(err)}`);
    }
  });
});

describe('overallVerdict', () => {
  const items = (...verdicts: Verdict[]) => verdicts.map((verdict) => ({ verdict }));
  it('conformant (0) only when every applicable item passed', () => {
    assert.deepEqual(overallVerdict(items('pass', 'not-applicable', 'pass')), {
      verdict: 'conformant',
      exitCode: 0,
      reason: '2 applicable items passed',
    });
  });
  it('non-conformant (1) when an applicable item failed, even beside errors', () => {
    assert.deepEqual(overallVerdict(items('pass', 'fail', 'error', 'untested')), {
      verdict: 'non-conformant',
      exitCode: 1,
      reason: '1 applicable item failed',
    });
  });
  it('incomplete (3) when nothing failed but something was not judged', () => {
    assert.deepEqual(overallVerdict(items('pass', 'inconclusive', 'error', 'untested', 'untested')), {
      verdict: 'incomplete',
      exitCode: 3,
      reason: 'no failure, but 1 error, 1 inconclusive, 2 untested',
    });
    assert.equal(overallVerdict(items('pass', 'untested')).exitCode, 3);
  });
  it('incomplete (3) when no item was applicable', () => {
    assert.deepEqual(overallVerdict(items('not-applicable')), { verdict: 'incomplete', exitCode: 3, reason: 'no applicable item' });
    assert.equal(overallVerdict([]).exitCode, 3);
  });
});

describe('non-strict findings (SHOULD departures)', () => {
  const SHOULD: Finding = {
    item: 'DM-PACK-006-C-M',
    section: '5.2.1.2',
    rule: 'the client uses the preferred bearer',
    keyword: 'SHOULD',
    verdict: 'non-strict',
    outcome: 'should-departure',
    expected: ['a session over WLAN'],
    actual: 'a session over a wireline bearer',
  };
  const LINE =
    'DM-PACK-006-C-M non-strict — the client uses the preferred bearer (SHOULD, 5.2.1.2) · expected: a session over WLAN · actual: a session over a wireline bearer';

  it('ride along with a pass and are listed, word for word', () => {
    assert.deepEqual(scenarioVerdict(outcome('passed', { evidence: { messages: [], findings: [SHOULD], checks: 1 } })), {
      verdict: 'pass',
      nonStrict: [LINE],
    });
  });
  it('fail the scenario under --strict', () => {
    assert.deepEqual(scenarioVerdict(outcome('passed', { evidence: { messages: [], findings: [SHOULD], checks: 1 } }), { strict: true }), {
      verdict: 'fail',
      reason: LINE,
      nonStrict: [LINE],
    });
  });
  it('do not count as a check that could have failed', () => {
    assert.equal(scenarioVerdict(outcome('passed', { evidence: { messages: [], findings: [SHOULD], checks: 0 } })).verdict, 'inconclusive');
  });
  it('reach the item verdict, once each, beside its pass', () => {
    const scenario = { verdict: 'pass' as const, nonStrict: [LINE] };
    assert.deepEqual(itemVerdict([scenario, scenario, { verdict: 'pass' }], APPLICABLE), { verdict: 'pass', nonStrict: [LINE] });
  });
});
