/**
 * CTRF (Common Test Report Format, https://ctrf.io) JSON: one test per SCR item, like JUnit.
 *
 * Status mapping: pass → passed, fail → failed, not-applicable → skipped, untested → pending,
 * inconclusive and error → other. The native verdict is kept in `rawStatus`.
 */
import { failureMessage } from '../failure-message.js';
import type { Report, Verdict } from '../schemas/report.schema.js';

/** CTRF specification version written. */
export const CTRF_SPEC_VERSION = '0.0.0';

/** The CTRF status of each verdict. */
export const CTRF_STATUSES: Record<Verdict, 'passed' | 'failed' | 'skipped' | 'pending' | 'other'> = {
  pass: 'passed',
  fail: 'failed',
  'not-applicable': 'skipped',
  untested: 'pending',
  inconclusive: 'other',
  error: 'other',
};

/** The report as a CTRF document (an object; serialize with JSON.stringify). */
export function writeCtrf(report: Report): Record<string, unknown> {
  const m = report.meta;
  const tests = report.items.map((item) => {
    const duration = Math.round(item.scenarios.reduce((sum, s) => sum + s.durationMs, 0));
    const failing = item.scenarios.flatMap((s) => s.findings.filter((f) => f.verdict === 'fail'));
    const first = item.scenarios[0];
    const test: Record<string, unknown> = {
      name: `${item.id} ${item.function}`,
      status: CTRF_STATUSES[item.verdict],
      duration,
      rawStatus: item.verdict,
      suite: [`${item.role}-target`],
      tags: [item.id],
      labels: { role: item.role, section: item.section, status: item.status, applicability: item.applicability.kind },
      retries: item.scenarios.reduce((sum, s) => sum + s.retries, 0),
      extra: {
        scenarios: item.scenarios.map((s) => ({ id: s.id, verdict: s.verdict, ...(s.reason !== undefined ? { reason: s.reason } : {}) })),
        ...(item.nonStrict?.length ? { nonStrict: item.nonStrict } : {}),
      },
    };
    if (item.reason !== undefined) test['message'] = item.reason;
    if (failing.length > 0) test['trace'] = failing.map(failureMessage).join('\n');
    if (first && first.file !== '') {
      test['filePath'] = first.file;
      if (first.line > 0) test['line'] = first.line;
    }
    return test;
  });
  const count = (status: string) => tests.filter((t) => t['status'] === status).length;
  const start = Date.parse(m.startTime);
  const stop = Date.parse(m.endTime);
  return {
    reportFormat: 'CTRF',
    specVersion: CTRF_SPEC_VERSION,
    timestamp: m.endTime,
    generatedBy: `dmct ${m.dmctVersion}`,
    results: {
      tool: { name: 'dmct', version: m.dmctVersion },
      summary: {
        tests: tests.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
        pending: count('pending'),
        other: count('other'),
        start,
        stop,
        duration: Math.round(m.durationMs),
        extra: { overall: report.overall.verdict, exitCode: report.overall.exitCode, edition: m.edition },
      },
      tests,
      environment: { extra: { playwright: m.playwrightVersion, node: m.nodeVersion, targets: m.targets } },
    },
  };
}
