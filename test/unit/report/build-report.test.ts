import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../src/report/build-report.js';
import { reportInconsistencies, validateReport, validateRunPlan, validateScenarioResults } from '../../../src/report/validate.js';
import { sampleExecution, samplePlan, sampleReport, sampleResults } from './data/sample-run.js';

function verdicts(report: ReturnType<typeof sampleReport>): Record<string, string> {
  return Object.fromEntries(report.items.map((i) => [i.id, i.verdict]));
}

describe('buildReport', () => {
  it('judges every planned item of the sample run', () => {
    assert.deepEqual(verdicts(sampleReport()), {
      'DM-PACK-001-S-M': 'pass',
      'DM-PACK-002-S-M': 'inconclusive',
      'DM-PACK-012-S-M': 'fail',
      'DM-PACK-014-S-M': 'error',
      'DM-PACK-021-S-M': 'untested',
      'DM-PACK-001-C-M': 'pass',
      'DM-PACK-003-C-M': 'not-applicable',
      'DM-PACK-013-C-M': 'fail',
      'DM-PACK-019-C-O': 'not-applicable',
      'DM-PACK-022-C-M': 'pass',
    });
  });

  it('counts verdicts per role and decides the overall verdict', () => {
    const report = sampleReport();
    assert.deepEqual(report.totals, [
      { role: 'server', items: 5, verdicts: { 'not-applicable': 0, pass: 1, untested: 1, inconclusive: 1, fail: 1, error: 1 } },
      { role: 'client', items: 5, verdicts: { 'not-applicable': 2, pass: 2, untested: 0, inconclusive: 0, fail: 1, error: 0 } },
    ]);
    assert.deepEqual(report.overall, { verdict: 'non-conformant', exitCode: 1, reason: '2 applicable items failed' });
  });

  it('carries the run facts, the evidence and the requirement quotes', () => {
    const report = sampleReport();
    assert.equal(report.meta.edition, '2013-cr');
    assert.deepEqual(report.meta.roles, ['server', 'client']);
    assert.equal(report.meta.claims?.sha256, 'a'.repeat(64));
    assert.deepEqual(report.meta.shards, []);
    assert.equal(report.meta.interrupted, false);
    const p3 = report.items.find((i) => i.id === 'DM-PACK-013-C-M')?.scenarios[0];
    assert.equal(p3?.messages.length, 5);
    assert.equal(p3?.findings[0]?.seq, 5);
    assert.deepEqual(p3?.requirements, ['The rule that no package 3 after end checks (DM-PACK-013-C-M)']);
    const errored = report.items.find((i) => i.id === 'DM-PACK-014-S-M')?.scenarios[0];
    assert.match(errored?.errors?.[0] ?? '', /^TypeError/);
  });

  it('produces a report that validates against its schema and is consistent', () => {
    const json: unknown = JSON.parse(JSON.stringify(sampleReport()));
    const checked = validateReport(json);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.violations));
  });

  it('validates the sample plan and results with their schemas', () => {
    assert.ok(validateRunPlan(JSON.parse(JSON.stringify(samplePlan()))).ok);
    assert.ok(validateScenarioResults(JSON.parse(JSON.stringify({ execution: sampleExecution(), results: sampleResults() }))).ok);
  });

  it('marks the planned scenarios of an interrupted run that have no result (Ctrl-C)', () => {
    const results = sampleResults();
    const half = results.slice(0, Math.ceil(results.length / 2));
    const report = buildReport(samplePlan(), half, sampleExecution({ interrupted: true }));
    const notRun = report.items.flatMap((i) => i.scenarios).filter((s) => !s.ran);
    assert.equal(notRun.length, 4);
    for (const s of notRun) {
      assert.equal(s.verdict, 'inconclusive');
      assert.equal(s.reason, 'not run: run interrupted');
    }
    assert.equal(report.meta.interrupted, true);
    assert.deepEqual(verdicts(report), {
      ...verdicts(sampleReport()),
      'DM-PACK-001-C-M': 'inconclusive',
      'DM-PACK-013-C-M': 'inconclusive',
      'DM-PACK-022-C-M': 'inconclusive',
    });
    assert.equal(
      report.items.find((i) => i.id === 'DM-PACK-022-C-M')?.reason,
      '2 of 2 scenarios inconclusive; first: not run: run interrupted',
    );
    assert.ok(validateReport(JSON.parse(JSON.stringify(report))).ok);
  });

  it('names the shard that did not run a planned scenario', () => {
    const report = buildReport(samplePlan(), [], sampleExecution({ shard: { current: 2, total: 3 } }));
    assert.equal(report.items[0]?.scenarios[0]?.reason, 'not run in shard 2/3');
    assert.deepEqual(report.meta.shards, [{ current: 2, total: 3 }]);
  });

  it('adds results the plan did not list and warns about ones it cannot place', () => {
    const [first] = sampleResults();
    assert.ok(first);
    const extra = { ...first, id: 'extra/second-look', items: ['DM-PACK-001-S-M', 'DM-PACK-099-S-O'] };
    const orphan = { ...first, id: 'orphan/no-tag', items: [] };
    const report = buildReport(samplePlan(), [...sampleResults(), extra, orphan], sampleExecution());
    assert.deepEqual(
      report.items.find((i) => i.id === 'DM-PACK-001-S-M')?.scenarios.map((s) => s.id),
      ['5.2-package-flow/session-of-package-1-2-3', 'extra/second-look'],
    );
    assert.deepEqual(report.meta.warnings, [
      'scenario "extra/second-look" tags DM-PACK-099-S-O, which is not in the plan',
      'scenario "orphan/no-tag" (suites/server-target/5.2-package-flow.spec.ts:12) has no SCR item tag',
    ]);
  });

  it('warns about a scenario id used twice in one role', () => {
    const [first] = sampleResults();
    assert.ok(first);
    const report = buildReport(samplePlan(), [first, { ...first, file: 'other.spec.ts', line: 3 }], sampleExecution());
    assert.match(report.meta.warnings?.[0] ?? '', /is used by .*:12 and other\.spec\.ts:3; ids must be unique/);
  });

  it('reports a saved report whose verdicts contradict its data', () => {
    const report = sampleReport();
    const tampered = structuredClone(report);
    const p3 = tampered.items.find((i) => i.id === 'DM-PACK-013-C-M');
    assert.ok(p3);
    p3.verdict = 'pass';
    tampered.overall = { verdict: 'conformant', exitCode: 0, reason: 'tampered' };
    const problems = reportInconsistencies(tampered).map((v) => `${v.pointer} ${v.rule}: ${v.message}`);
    assert.deepEqual(problems, [
      '/items/7/verdict consistency: is "pass" but its scenarios and applicability give "fail"',
      '/totals consistency: do not match the item verdicts',
      '/overall consistency: is "conformant" (exit 0) but the items give "non-conformant" (exit 1)',
    ]);
    assert.equal(validateReport(JSON.parse(JSON.stringify(tampered))).ok, false);
  });

  it('rejects a report that breaks its schema with a pointer and a rule', () => {
    const json = JSON.parse(JSON.stringify(sampleReport())) as { items: { verdict: string }[] };
    if (json.items[0]) json.items[0].verdict = 'passed';
    const checked = validateReport(json);
    assert.equal(checked.ok, false);
    assert.ok(!checked.ok && checked.violations.some((v) => v.pointer === '/items/0/verdict' && v.rule === 'enum'));
  });
});
