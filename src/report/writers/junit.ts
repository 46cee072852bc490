/**
 * JUnit XML for CI: one <testsuite> per role, one <testcase> per SCR item.
 *
 * Mapping (documented in docs/reference/report.md):
 * - pass → plain <testcase>; with non-strict findings (SHOULD departures) a <system-out> listing
 *   them and `<property name="dmct.nonStrict" value="<count>">`
 * - fail → <failure message="<failure line>" type="fail"> with rule, section, expected, actual
 *   and a trace excerpt as text
 * - error → <error message="<reason>" type="error">
 * - inconclusive, untested → <error message="<verdict>: <reason>" type="<verdict>">
 * - not-applicable → <skipped message="not-applicable: <reason>">
 *
 * Why inconclusive and untested are <error>, not <skipped>: CI dashboards (GitHub, GitLab,
 * Jenkins) count <skipped> as neutral and show the run green, so an interrupted run or an
 * unreachable target read "52 skipped, 0 failures" although nothing was judged. Both verdicts
 * make the run incomplete (exit 3), so the JUnit view agrees with the exit code: the test case
 * is not passed and not a failure of the target either, and its `type` and message prefix name
 * the verdict. Only not-applicable, which the claims rule out, stays a neutral <skipped>.
 * Every test case also carries `<property name="dmct.verdict" value="…">`; each suite carries
 * the overall verdict and one `dmct.<verdict>` count property per verdict, so a CI gate can
 * tell dmct's own errors from inconclusive items without parsing messages.
 */
import { failureMessage, formatExpected, oneLine } from '../failure-message.js';
import type { ItemReport, Report, RoleTotals, ScenarioReport } from '../schemas/report.schema.js';
import { VERDICTS } from '../verdict.js';
import { location, messageSummary, traceExcerpt } from './trace-text.js';

/** XML text/attribute escaping; characters XML 1.0 cannot carry at all are replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function scenarioText(scenario: ScenarioReport): string[] {
  const lines = [`scenario ${scenario.id} — ${scenario.verdict} (${location(scenario)})`];
  const findings = scenario.verdict === 'fail' ? scenario.findings.filter((f) => f.verdict === 'fail') : scenario.findings;
  if (findings.length === 0 && scenario.reason) lines.push(`  ${scenario.reason}`);
  for (const f of findings) {
    lines.push(
      `  ${failureMessage(f)}`,
      `  rule: ${oneLine(f.rule)}`,
      `  section: ${oneLine(f.section)}`,
      ...(f.expected.length === 0 ? [] : [`  expected: ${formatExpected(f.expected)}`]),
      `  actual: ${oneLine(f.actual, 500)}`,
    );
  }
  for (const error of scenario.errors ?? []) lines.push(`  error: ${oneLine(error, 500)}`);
  for (const quote of scenario.requirements) lines.push(`  requirement: ${oneLine(quote)}`);
  const excerpt = traceExcerpt(scenario);
  if (excerpt.messages.length > 0) {
    lines.push('  trace:');
    for (const m of excerpt.messages) lines.push(`  ${m.seq === excerpt.marked ? '>' : ' '} ${messageSummary(m)}`);
  }
  return lines;
}

function outcomeElement(item: ItemReport): string {
  const reason = oneLine(item.reason ?? item.verdict, 500);
  const problems = item.scenarios.filter((s) => s.verdict === item.verdict);
  const body = [
    `${item.id} ${item.verdict} — ${oneLine(item.function)} (${oneLine(item.section)})`,
    ...item.staticFindings.map((f) => `claims: ${oneLine(f.message)} (${oneLine(f.rule)})`),
    ...problems.flatMap(scenarioText),
  ].join('\n');
  switch (item.verdict) {
    case 'pass':
      return item.nonStrict?.length
        ? `<system-out>${escapeXml(item.nonStrict.map((line) => `non-strict: ${line}`).join('\n'))}</system-out>`
        : '';
    case 'fail':
      return `<failure${attrs({ message: reason, type: 'fail' })}>${escapeXml(body)}</failure>`;
    case 'error':
      return `<error${attrs({ message: reason, type: 'error' })}>${escapeXml(body)}</error>`;
    case 'inconclusive':
    case 'untested':
      return `<error${attrs({ message: `${item.verdict}: ${reason}`, type: item.verdict })}>${escapeXml(body)}</error>`;
    case 'not-applicable':
      return `<skipped${attrs({ message: `${item.verdict}: ${reason}` })}/>`;
  }
}

function testcase(item: ItemReport): string {
  const time = item.scenarios.reduce((sum, s) => sum + s.durationMs, 0);
  const properties = [
    ['dmct.verdict', item.verdict],
    ['dmct.status', item.status],
    ['dmct.section', item.section],
    ['dmct.applicability', `${item.applicability.kind}: ${oneLine(item.applicability.why)}`],
    ...(item.nonStrict?.length ? [['dmct.nonStrict', String(item.nonStrict.length)]] : []),
  ]
    .map(([name, value]) => `<property${attrs({ name, value })}/>`)
    .join('');
  const name = `${item.id} ${oneLine(item.function)}`;
  return `    <testcase${attrs({ classname: item.role, name, time: seconds(time) })}>\n      <properties>${properties}</properties>${outcomeElement(item)}\n    </testcase>`;
}

type VerdictCounts = RoleTotals['verdicts'];

/** The JUnit counts of a set of verdicts: see the module comment for the mapping. */
function counts(v: VerdictCounts) {
  return {
    failures: v.fail,
    errors: v.error + v.inconclusive + v.untested,
    skipped: v['not-applicable'],
  };
}

function sumVerdicts(totals: readonly RoleTotals[]): VerdictCounts {
  const sum: VerdictCounts = { 'not-applicable': 0, pass: 0, untested: 0, inconclusive: 0, fail: 0, error: 0 };
  for (const total of totals) for (const v of VERDICTS) sum[v] += total.verdicts[v];
  return sum;
}

/** The report as a JUnit XML document. */
export function writeJunit(report: Report): string {
  const roles = report.totals.map((t) => t.role);
  const suites = roles.map((role) => {
    const items = report.items.filter((i) => i.role === role);
    const time = items.reduce((sum, i) => sum + i.scenarios.reduce((s, sc) => s + sc.durationMs, 0), 0);
    const verdicts = sumVerdicts(report.totals.filter((t) => t.role === role));
    const c = counts(verdicts);
    const target = report.meta.targets.find((t) => t.role === role);
    const properties = [
      ['dmct.edition', report.meta.edition],
      ['dmct.target', target ? `${target.kind}: ${oneLine(target.description)}` : 'none'],
      ['dmct.overall', report.overall.verdict],
      ...VERDICTS.map((v) => [`dmct.${v}`, String(verdicts[v])]),
    ]
      .map(([name, value]) => `<property${attrs({ name, value })}/>`)
      .join('');
    const open = `  <testsuite${attrs({ name: `${role}-target`, tests: items.length, failures: c.failures, errors: c.errors, skipped: c.skipped, time: seconds(time), timestamp: report.meta.startTime })}>`;
    return [open, `    <properties>${properties}</properties>`, ...items.map(testcase), '  </testsuite>'].join('\n');
  });
  const root = `<testsuites${attrs({ name: 'dmct', tests: report.items.length, ...counts(sumVerdicts(report.totals)), time: seconds(report.meta.durationMs) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}
