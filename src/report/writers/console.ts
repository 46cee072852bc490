/**
 * The console view of a report: the item table, then every item that did not pass with its
 * failing scenarios (failure line, requirement, trace excerpt), then totals and the overall line.
 * Every string from the report goes through oneLine(), so a target cannot write terminal escapes.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { failureMessage, oneLine } from '../failure-message.js';
import type { ItemReport, Report, ScenarioReport, Verdict } from '../schemas/report.schema.js';
import { VERDICTS } from '../verdict.js';
import { location, messageSummary, traceExcerpt } from './trace-text.js';

export interface ConsoleOptions {
  /** Colour the output (chalk level 1, 16 colours); plain text when false. */
  color: boolean;
}

const MARKS: Record<Verdict, string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  inconclusive: '?',
  untested: '-',
  'not-applicable': '·',
};

function paint(chalk: ChalkInstance, verdict: Verdict | 'conformant' | 'non-conformant' | 'incomplete', text: string): string {
  switch (verdict) {
    case 'pass':
    case 'conformant':
      return chalk.green(text);
    case 'fail':
    case 'non-conformant':
      return chalk.red(text);
    case 'error':
      return chalk.magenta(text);
    case 'inconclusive':
    case 'incomplete':
      return chalk.yellow(text);
    case 'untested':
    case 'not-applicable':
      return chalk.dim(text);
  }
}

function header(report: Report, chalk: ChalkInstance): string[] {
  const m = report.meta;
  const lines = [chalk.bold(`dmct conformance report · edition ${oneLine(m.edition, 60)} · dmct ${oneLine(m.dmctVersion, 30)}`)];
  for (const target of m.targets) lines.push(`  ${target.role} target: ${oneLine(target.description, 120)} (${target.kind})`);
  if (m.claims) lines.push(`  claims: ${oneLine(m.claims.file, 120)} (sha256 ${m.claims.sha256.slice(0, 12)}…)`);
  const shards = m.shards.length > 0 ? ` · shards ${m.shards.map((s) => `${s.current}/${s.total}`).join(', ')}` : '';
  const interrupted = m.interrupted ? ` · ${chalk.yellow('INTERRUPTED')}` : '';
  lines.push(`  run: ${m.startTime} → ${m.endTime} (${(m.durationMs / 1000).toFixed(1)} s)${shards}${interrupted}`);
  for (const warning of m.warnings ?? []) lines.push(chalk.yellow(`  warning: ${oneLine(warning, 200)}`));
  return lines;
}

function table(items: readonly ItemReport[], chalk: ChalkInstance): string[] {
  const idWidth = Math.max(4, ...items.map((i) => i.id.length));
  const verdictWidth = Math.max(...VERDICTS.map((v) => v.length)) + 2;
  const row = (id: string, role: string, status: string, verdict: string, fn: string) =>
    `${id.padEnd(idWidth)}  ${role.padEnd(6)}  ${status.padEnd(3)}  ${verdict}  ${fn}`;
  const lines = [chalk.bold(row('ITEM', 'ROLE', 'M/O', 'VERDICT'.padEnd(verdictWidth), 'FUNCTION'))];
  for (const item of items) {
    const verdict = paint(chalk, item.verdict, `${MARKS[item.verdict]} ${item.verdict}`.padEnd(verdictWidth));
    const why = item.verdict === 'not-applicable' && item.reason ? chalk.dim(` — ${oneLine(item.reason, 80)}`) : nonStrictMark(item, chalk);
    lines.push(
      row(oneLine(item.id, 40), item.role, item.status, verdict, `${oneLine(item.function, 80)} (${oneLine(item.section, 20)})${why}`),
    );
  }
  return lines;
}

function scenarioDetails(scenario: ScenarioReport, chalk: ChalkInstance): string[] {
  const lines = [
    `    ${paint(chalk, scenario.verdict, `${MARKS[scenario.verdict]} ${scenario.verdict}`)} scenario ${oneLine(scenario.id, 120)} (${oneLine(location(scenario), 120)})`,
  ];
  const shown = new Set<string>();
  const show = (text: string) => {
    if (!shown.has(text)) lines.push(`      ${text}`);
    shown.add(text);
  };
  if (scenario.verdict !== 'fail' && scenario.reason) show(oneLine(scenario.reason, 300));
  for (const finding of scenario.findings) if (scenario.verdict !== 'fail' || finding.verdict === 'fail') show(failureMessage(finding));
  for (const error of scenario.errors?.slice(1, 3) ?? []) lines.push(chalk.dim(`      ${oneLine(error, 200)}`));
  for (const quote of scenario.requirements) lines.push(chalk.dim(`      -> ${oneLine(quote, 300)}`));
  const excerpt = traceExcerpt(scenario);
  if (excerpt.messages.length > 0) {
    lines.push('      trace:');
    for (const message of excerpt.messages) {
      const marked = message.seq === excerpt.marked;
      lines.push(
        `      ${marked ? paint(chalk, scenario.verdict, '▶') : ' '} ${marked ? chalk.bold(messageSummary(message)) : messageSummary(message)}`,
      );
    }
  }
  return lines;
}

function notPassed(items: readonly ItemReport[], chalk: ChalkInstance): string[] {
  const open = items.filter((i) => i.verdict !== 'pass' && i.verdict !== 'not-applicable');
  if (open.length === 0) return [];
  const lines = ['', chalk.bold('Not passed')];
  for (const item of open) {
    lines.push(
      `${paint(chalk, item.verdict, `${MARKS[item.verdict]} ${item.id} ${item.verdict}`)} — ${oneLine(item.function, 80)} (${oneLine(item.section, 20)})`,
    );
    for (const finding of item.staticFindings) lines.push(`    claims: ${oneLine(finding.message, 200)} (${oneLine(finding.rule, 60)})`);
    const scenarios = item.scenarios.filter((s) => s.verdict !== 'pass' && s.verdict !== 'not-applicable');
    if (scenarios.length === 0 && item.staticFindings.length === 0 && item.reason) lines.push(`    ${oneLine(item.reason, 300)}`);
    for (const scenario of scenarios) lines.push(...scenarioDetails(scenario, chalk));
  }
  return lines;
}

function nonStrictMark(item: ItemReport, chalk: ChalkInstance): string {
  const count = item.nonStrict?.length ?? 0;
  return count === 0 ? '' : chalk.yellow(` — non-strict ${count}`);
}

/** The SHOULD departures beside passes: listed, failing nothing (a `--strict` run has none left here). */
function nonStrict(items: readonly ItemReport[], chalk: ChalkInstance): string[] {
  const noted = items.filter((i) => (i.nonStrict?.length ?? 0) > 0);
  if (noted.length === 0) return [];
  const lines = ['', chalk.bold('Non-strict findings (SHOULD departures; they fail nothing unless --strict)')];
  for (const item of noted) for (const line of item.nonStrict ?? []) lines.push(`${chalk.yellow('!')} ${oneLine(line, 400)}`);
  return lines;
}

function totals(report: Report, chalk: ChalkInstance): string[] {
  const lines = ['', chalk.bold('Totals')];
  for (const total of report.totals) {
    const counts = VERDICTS.map((v) => `${v} ${total.verdicts[v]}`).join(' · ');
    lines.push(`  ${total.role.padEnd(6)}  ${total.items} items · ${counts}`);
  }
  return lines;
}

const LEFT_OUT_SHOWN = 12;

function leftOutLine(leftOut: readonly string[]): string {
  const more = leftOut.length - LEFT_OUT_SHOWN;
  return `Left out (not judged): ${leftOut.slice(0, LEFT_OUT_SHOWN).join(', ')}${more > 0 ? ` and ${more} more (report.json meta.partial.leftOut)` : ''}`;
}

/** The report as terminal text (lines joined with `\n`, ending with one). */
export function writeConsole(report: Report, options: ConsoleOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const overall = report.overall;
  const partial = report.meta.partial;
  // A partial run that passed has shown conformance of its own items only.
  const label = partial !== undefined && overall.verdict === 'conformant' ? 'PARTIAL' : overall.verdict.toUpperCase();
  const verdictLine = chalk.bold(
    `Overall: ${paint(chalk, overall.verdict, label)} (exit ${overall.exitCode}) — ${oneLine(overall.reason, 200)}`,
  );
  const lines = [
    ...header(report, chalk),
    '',
    ...table(report.items, chalk),
    ...notPassed(report.items, chalk),
    ...nonStrict(report.items, chalk),
    ...totals(report, chalk),
    '',
    verdictLine,
  ];
  if (partial !== undefined) lines.push(leftOutLine(partial.leftOut));
  return `${lines.join('\n')}\n`;
}
