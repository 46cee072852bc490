import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../src/report/build-report.js';
import { MAX_REPORT_BYTES, boundReport } from '../../../src/report/report-bounds.js';
import type { Finding, TraceMessage } from '../../../src/report/schemas/evidence.schema.js';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import { validateReport } from '../../../src/report/validate.js';
import { writeConsole } from '../../../src/report/writers/console.js';
import { writeCtrf } from '../../../src/report/writers/ctrf.js';
import { writeEarl } from '../../../src/report/writers/earl.js';
import { MAX_HTML_BYTES, writeHtml } from '../../../src/report/writers/html.js';
import { writeJunit } from '../../../src/report/writers/junit.js';
import { sampleExecution, samplePlan, sampleResults } from './data/sample-run.js';

const bytesOf = (report: Report): number => Buffer.byteLength(JSON.stringify(report, null, 2));
const verdictsOf = (report: Report) => report.items.map((item) => [item.id, item.verdict, item.scenarios.map((s) => s.verdict)]);

/** The sample run with the failing Package#2 scenario flooded: `count` messages with `bodyChars` of markup each, and as many findings. */
function floodedReport(count: number, bodyChars: number): Report {
  const results = sampleResults();
  const flooded = results.find((r) => r.items.includes('DM-PACK-012-S-M'));
  assert.ok(flooded?.evidence);
  const time = '2026-01-02T03:04:05.000Z';
  const body = '<'.repeat(bodyChars);
  for (let seq = 3; seq < count + 3; seq++) {
    const message: TraceMessage = {
      seq,
      time,
      kind: 'http-response',
      from: 'target',
      to: 'dmct',
      label: `answer ${seq}`,
      body: { size: bodyChars, text: body, mediaType: 'text/html' },
      decoded: { echo: body },
    };
    flooded.evidence.messages.push(message);
    const finding: Finding = {
      item: 'DM-PACK-012-S-M',
      section: '7.2.1.2',
      rule: `rule ${seq}`,
      verdict: 'fail',
      outcome: 'must-broken',
      expected: ['a Package#2'],
      actual: 'text/html',
      seq,
    };
    flooded.evidence.findings.push(finding);
  }
  return buildReport(samplePlan(), results, sampleExecution());
}

describe('boundReport', () => {
  it('leaves a report within the cap untouched', () => {
    const report = floodedReport(10, 100);
    assert.equal(boundReport(report), report);
  });

  it('thins the evidence of a report over the cap, keeping verdicts, and says so', () => {
    const full = floodedReport(400, 2000);
    const cap = 200_000;
    assert.ok(bytesOf(full) > 5 * cap, `${bytesOf(full)} bytes before`);
    const bounded = boundReport(full, cap);
    assert.ok(bytesOf(bounded) <= cap, `${bytesOf(bounded)} bytes after`);
    assert.deepEqual(verdictsOf(bounded), verdictsOf(full));
    assert.deepEqual(bounded.overall, full.overall);
    assert.match(bounded.meta.warnings?.at(-1) ?? '', /over its cap of 200000: the evidence of 1 scenario\(s\) was thinned/);
    const checked = validateReport(JSON.parse(JSON.stringify(bounded)));
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.violations.slice(0, 3)));
    const scenario = bounded.items.find((item) => item.id === 'DM-PACK-012-S-M')?.scenarios[0];
    assert.ok(scenario);
    const summary = scenario.messages.at(-1);
    assert.equal(summary?.kind, 'note');
    assert.equal(scenario.messages.length - 1 + (summary?.omitted ?? 0), 402, 'kept and left-out messages add up');
    assert.ok(
      scenario.messages.every((m) => m.body?.text === undefined),
      'bodies went first',
    );
    assert.equal(scenario.findings.at(-1)?.verdict, 'fail');
    assert.match(scenario.findings.at(-1)?.actual ?? '', /^… and \d+ more of the same: findings left out/);
    // The unflooded scenarios keep everything.
    assert.equal(bounded.items.find((item) => item.id === 'DM-PACK-013-C-M')?.scenarios[0]?.messages.length, 5);
  });

  it('shows the summary entries through every writer that shows evidence', () => {
    const bounded = boundReport(floodedReport(400, 2000), 200_000);
    const more = /more of the same/;
    assert.match(writeConsole(bounded, { color: false }), more);
    assert.match(writeJunit(bounded), more);
    assert.match(writeHtml(bounded), more);
    assert.match(JSON.stringify(writeCtrf(bounded)), more);
    // EARL states outcomes per item, not evidence: the thinned scenario still reads as its first failure.
    assert.match(JSON.stringify(writeEarl(bounded)), /"dct:description":"fail: DM-PACK-012-S-M fail — Package#2 media type/);
  });

  it('keeps report.json under 10 MB and index.html under its cap whatever the evidence (worst case: markup, which escaping quadruples)', () => {
    const report = floodedReport(600, 60_000);
    assert.ok(bytesOf(report) <= MAX_REPORT_BYTES, `${bytesOf(report)} bytes`);
    assert.ok(Buffer.byteLength(writeHtml(report)) <= MAX_HTML_BYTES);
  });
});
