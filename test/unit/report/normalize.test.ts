import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NORMALIZED_TIME, normalizeReport } from '../../../src/report/normalize.js';
import { validateReport } from '../../../src/report/validate.js';
import { sampleReport } from './data/sample-run.js';

describe('normalizeReport', () => {
  const report = sampleReport();
  const normalized = normalizeReport(report);

  it('fixes timestamps, durations, run ids and versions', () => {
    assert.equal(normalized.meta.startTime, NORMALIZED_TIME);
    assert.equal(normalized.meta.endTime, NORMALIZED_TIME);
    assert.equal(normalized.meta.durationMs, 0);
    assert.equal(normalized.meta.runId, 'RUN-ID');
    assert.deepEqual([normalized.meta.dmctVersion, normalized.meta.playwrightVersion, normalized.meta.nodeVersion], ['X', 'X', 'X']);
    const scenarios = normalized.items.flatMap((i) => i.scenarios);
    assert.ok(scenarios.every((s) => s.durationMs === 0));
    assert.ok(scenarios.flatMap((s) => s.messages).every((m) => m.time === NORMALIZED_TIME));
  });

  it('replaces loopback ports in every string', () => {
    const text = JSON.stringify(normalized);
    assert.ok(!/127\.0\.0\.1:\d/.test(text));
    assert.equal(normalized.meta.targets[0]?.url, 'http://127.0.0.1:PORT/dm');
    assert.ok(text.includes('GET http') === false && text.includes('"url":"http://127.0.0.1:PORT/mo/devinfo"'));
    assert.equal(
      normalizeReport({ ...report, meta: { ...report.meta, warnings: ['at localhost:8080 and [::1]:443'] } }).meta.warnings?.[0],
      'at localhost:PORT and [::1]:PORT',
    );
  });

  it('keeps everything else, and the report stays valid', () => {
    assert.deepEqual(
      normalized.items.map((i) => [i.id, i.verdict, i.reason]),
      report.items.map((i) => [i.id, i.verdict, i.reason]),
    );
    assert.deepEqual(normalized.overall, report.overall);
    assert.ok(validateReport(JSON.parse(JSON.stringify(normalized))).ok);
    assert.notEqual(report.meta.startTime, NORMALIZED_TIME, 'the input is not changed');
  });
});
