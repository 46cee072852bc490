import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../src/report/build-report.js';
import { mergeReports, ReportMergeError } from '../../../src/report/merge.js';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import { validateReport } from '../../../src/report/validate.js';
import { sampleExecution, samplePlan, sampleReport, sampleResults } from './data/sample-run.js';

function verdictsOf(report: Report) {
  return report.items.map((i) => ({ id: i.id, verdict: i.verdict, scenarios: i.scenarios.map((s) => `${s.id}=${s.verdict}`).sort() }));
}

function shards(): [Report, Report] {
  const results = sampleResults();
  const one = buildReport(
    samplePlan(),
    results.filter((_, i) => i % 2 === 0),
    {
      ...sampleExecution({ shard: { current: 1, total: 2 } }),
      startTime: '2026-11-24T10:00:01.000Z',
      endTime: '2026-11-24T10:00:03.000Z',
      durationMs: 2000,
    },
  );
  const two = buildReport(
    samplePlan(),
    results.filter((_, i) => i % 2 === 1),
    {
      ...sampleExecution({ shard: { current: 2, total: 2 } }),
      startTime: '2026-11-24T10:00:00.500Z',
      endTime: '2026-11-24T10:00:05.000Z',
      durationMs: 4500,
    },
  );
  return [one, two];
}

describe('mergeReports', () => {
  it('gives the verdicts of the unsharded run from two shards', () => {
    const [one, two] = shards();
    assert.notDeepEqual(verdictsOf(one), verdictsOf(sampleReport()), 'each shard alone is incomplete');
    const merged = mergeReports([one, two]);
    assert.deepEqual(verdictsOf(merged), verdictsOf(sampleReport()));
    assert.deepEqual(merged.totals, sampleReport().totals);
    assert.deepEqual(merged.overall, sampleReport().overall);
    assert.ok(merged.items.flatMap((i) => i.scenarios).every((s) => s.ran));
    assert.ok(validateReport(JSON.parse(JSON.stringify(merged))).ok);
  });

  it('is independent of the order of the shards', () => {
    const [one, two] = shards();
    assert.deepEqual(verdictsOf(mergeReports([two, one])), verdictsOf(mergeReports([one, two])));
  });

  it('spans the shards in time and lists them', () => {
    const [one, two] = shards();
    const meta = mergeReports([two, one]).meta;
    assert.equal(meta.startTime, '2026-11-24T10:00:00.500Z');
    assert.equal(meta.endTime, '2026-11-24T10:00:05.000Z');
    assert.equal(meta.durationMs, 4500);
    assert.deepEqual(meta.shards, [
      { current: 1, total: 2 },
      { current: 2, total: 2 },
    ]);
    assert.equal(meta.interrupted, false);
  });

  it('keeps the worse of two results for the same scenario', () => {
    const report = sampleReport();
    const rerun = structuredClone(report);
    const flow = rerun.items.find((i) => i.id === 'DM-PACK-001-S-M')?.scenarios[0];
    assert.ok(flow);
    flow.verdict = 'fail';
    flow.reason = 'failed on the rerun';
    const merged = mergeReports([report, rerun]);
    assert.equal(merged.items.find((i) => i.id === 'DM-PACK-001-S-M')?.verdict, 'fail');
  });

  it('refuses reports of different runs', () => {
    const report = sampleReport();
    assert.throws(() => mergeReports([]), new ReportMergeError('nothing to merge: no report given'));
    assert.throws(() => mergeReports([report, { ...report, meta: { ...report.meta, edition: '2016' } }]), {
      name: 'ReportMergeError',
      message: 'report 2 uses SCR edition "2016", report 1 uses "2013-cr"',
    });
    assert.throws(
      () => mergeReports([report, { ...report, meta: { ...report.meta, roles: ['client'] } }]),
      /report 2 tested roles \[client\], report 1 tested \[server, client\]/,
    );
    assert.throws(
      () => mergeReports([report, { ...report, meta: { ...report.meta, claims: { file: 'x', sha256: 'c'.repeat(64) } } }]),
      /other claims/,
    );
  });
});
