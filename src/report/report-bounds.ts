/**
 * The hard size cap of a report: whatever a target sent, report.json (and the views made from it)
 * stays under {@link MAX_REPORT_BYTES}. The trace recorder already caps each scenario's evidence;
 * this is the last bound, over all scenarios together. Verdicts, reasons and errors are never
 * touched: only evidence is thinned, largest scenario first, in steps that keep what explains a
 * verdict longest (bodies go first, then decoded forms, then the tail of the messages, findings
 * and notes, each replaced by one entry saying how many were left out).
 */
import { moreOfTheSame } from '../protocol/violation.js';
import type { Finding, TraceMessage } from './schemas/evidence.schema.js';
import type { Report, ScenarioReport } from './schemas/report.schema.js';

/** Largest report.json written, in bytes (as pretty-printed by the report folder). */
export const MAX_REPORT_BYTES = 10 * 1000 * 1000;

/** Extra indentation of a scenario's lines inside report.json (items[i].scenarios[j]: four levels of two spaces). */
const SCENARIO_INDENT = 8;

/** Bytes a scenario takes in report.json pretty-printed with two spaces. */
function scenarioBytes(scenario: ScenarioReport): number {
  const text = JSON.stringify(scenario, null, 2);
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return Buffer.byteLength(text) + SCENARIO_INDENT * lines;
}

/** The report with every scenario's evidence emptied: what remains whatever the thinning. */
function skeletonBytes(report: Report): number {
  const items = report.items.map((item) => ({
    ...item,
    scenarios: item.scenarios.map((s) => ({ ...s, findings: [], messages: [], notes: [] })),
  }));
  return Buffer.byteLength(JSON.stringify({ ...report, items }, null, 2));
}

function withoutBodies(messages: readonly TraceMessage[]): TraceMessage[] {
  return messages.map((m) => {
    if (m.body === undefined || (m.body.text === undefined && m.body.hex === undefined)) return m;
    const { text: _text, hex: _hex, ...kept } = m.body;
    return { ...m, body: { ...kept, truncated: true } };
  });
}

function withoutDecoded(messages: readonly TraceMessage[]): TraceMessage[] {
  return messages.map((m) => {
    if (m.decoded === undefined) return m;
    const { decoded: _decoded, ...kept } = m;
    return { ...kept, decoded: { omitted: 'left out to keep report.json within its size cap' } };
  });
}

/** The first `keep` messages, then one note standing for the rest. */
function firstMessages(messages: readonly TraceMessage[], keep: number): TraceMessage[] {
  if (messages.length <= keep) return [...messages];
  const rest = messages.length - keep;
  const first = messages[keep] as TraceMessage;
  const summary: TraceMessage = {
    seq: first.seq,
    time: first.time,
    kind: 'note',
    from: 'dmct',
    to: 'dmct',
    label: `${moreOfTheSame(rest)}: messages left out to keep report.json within its size cap`,
    omitted: rest,
  };
  return [...messages.slice(0, keep), summary];
}

/** The first `keep` findings, then one standing for the rest (the verdict of the worst one left out). */
function firstFindings(findings: readonly Finding[], keep: number): Finding[] {
  if (findings.length <= keep) return [...findings];
  const rest = findings.slice(keep);
  const worst = rest.find((f) => f.verdict === 'fail') ?? rest.find((f) => f.verdict === 'inconclusive') ?? (rest[0] as Finding);
  const { seq: _seq, omitted: _omitted, ...shape } = worst;
  return [
    ...findings.slice(0, keep),
    { ...shape, actual: `${moreOfTheSame(rest.length)}: findings left out to keep report.json within its size cap`, omitted: rest.length },
  ];
}

function firstNotes(notes: readonly string[] | undefined, keep: number): string[] | undefined {
  if (notes === undefined || notes.length <= keep) return notes === undefined ? undefined : [...notes];
  return [...notes.slice(0, keep), `${moreOfTheSame(notes.length - keep)}: notes left out to keep report.json within its size cap`];
}

/** The scenario with its evidence thinned until it takes at most `allowance` bytes (or nothing is left to thin). */
function thinScenario(scenario: ScenarioReport, allowance: number): ScenarioReport {
  let current: ScenarioReport = { ...scenario, messages: withoutBodies(scenario.messages) };
  if (scenarioBytes(current) <= allowance) return current;
  current = { ...current, messages: withoutDecoded(current.messages) };
  // Halve the kept messages, findings and notes until the scenario fits (at most ~log2(10 000) rounds).
  let keep = Math.max(current.messages.length, current.findings.length, current.notes?.length ?? 0);
  const full = current;
  while (scenarioBytes(current) > allowance && keep > 0) {
    keep = Math.floor(keep / 2);
    const notes = firstNotes(full.notes, keep);
    current = {
      ...full,
      messages: firstMessages(full.messages, keep),
      findings: firstFindings(full.findings, Math.max(1, keep)),
      ...(notes === undefined ? {} : { notes }),
    };
  }
  return current;
}

/**
 * The report within `maxBytes` as report.json: unchanged when it fits; else each scenario gets an
 * equal share of what the skeleton leaves (a share a small scenario does not use goes to the
 * others) and the scenarios over their share are thinned, with a warning in `meta.warnings`.
 */
export function boundReport(report: Report, maxBytes: number = MAX_REPORT_BYTES): Report {
  const occurrences = report.items.flatMap((item) => item.scenarios);
  const sizes = new Map<ScenarioReport, number>();
  for (const scenario of occurrences) if (!sizes.has(scenario)) sizes.set(scenario, scenarioBytes(scenario));
  const skeleton = skeletonBytes(report);
  const total = skeleton + occurrences.reduce((sum, s) => sum + (sizes.get(s) ?? 0), 0);
  if (total <= maxBytes) return report;

  // Water-filling: the smallest scenarios keep all they have, the rest share what is left equally.
  let budget = Math.max(0, maxBytes - skeleton - 1024);
  const ascending = [...occurrences].sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0));
  let allowance = 0;
  for (const [index, scenario] of ascending.entries()) {
    const share = budget / (ascending.length - index);
    const size = sizes.get(scenario) ?? 0;
    if (size > share) {
      allowance = share;
      break;
    }
    budget -= size;
    allowance = Infinity;
  }
  const thinned = new Map<ScenarioReport, ScenarioReport>();
  const items = report.items.map((item) => ({
    ...item,
    scenarios: item.scenarios.map((scenario) => {
      if ((sizes.get(scenario) ?? 0) <= allowance) return scenario;
      const done = thinned.get(scenario) ?? thinScenario(scenario, allowance);
      thinned.set(scenario, done);
      return done;
    }),
  }));
  const warning = `report.json would have taken ${total} bytes, over its cap of ${maxBytes}: the evidence of ${thinned.size} scenario(s) was thinned (bodies, decoded forms, then the last messages, findings and notes), each cut marked where it was made`;
  return { ...report, meta: { ...report.meta, warnings: [...(report.meta.warnings ?? []), warning] }, items };
}
