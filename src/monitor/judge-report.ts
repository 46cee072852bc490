/**
 * Turns a passive judgement into the same report.json as `dmct run`, through src/report's
 * buildReport: the closest honest mapping of "rules observed in a capture" onto "scenarios run
 * for SCR items".
 *
 * - The plan holds every item of both tables of the edition (a capture shows both sides). With a
 *   side's claims, that side's items get their applicability from the claims; without claims every
 *   item is applicable (mandatory, or optional and judged when observed), so the report never
 *   calls an unclaimed item conformant by omission.
 * - Each (side, rule key) the capture showed becomes one synthesized scenario result, "passive
 *   <rule key>", tagged with that rule and evidence for the items the edition maps it to
 *   (rules.json): its messages are the exchanges its checks looked at, its findings the checks that
 *   did not hold, its `checks` the checks evaluated. scenarioVerdict then decides it like any
 *   scenario (a pass needs one check that could have failed).
 * - An item with no such scenario is untested: "not observed in the monitored sessions" when the
 *   judge can judge one of its rules, else "not judged from the traffic alone".
 */
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/schemas/report.schema.js';
import { createHash } from 'node:crypto';
import type { ClaimsRef, PlannedItem, Role, RunPlan, StaticFinding, TargetInfo } from '../report/schemas/run-plan.schema.js';
import type { ScenarioResult } from '../report/schemas/scenario-results.schema.js';
import type { Finding, TraceMessage } from '../report/schemas/evidence.schema.js';
import { policyVerdict } from '../report/verdict-policy.js';
import { APPLICABLE_KINDS, computeApplicability, itemsHoldingRules, type Claims, type Edition } from '../scr/index.js';
import type { Exchange } from './capture.js';
import { NOTIFICATION_PASSIVE_RULES } from './notification-judge.js';
import type { RelayedNotification } from './notification-relay.js';
import { PASSIVE_RULES, type PassiveJudgement, type RuleObservation } from './passive-judge.js';

/** Why an item the judge could have judged has no verdict. */
export const NOT_OBSERVED = 'not observed in the monitored sessions';
/** Why an item whose rules the judge cannot judge passively has no verdict. */
export const NOT_JUDGED_PASSIVELY = 'not judged from the traffic alone: dmct judge has no passive check of its rules';
/** Exchanges kept as evidence per synthesized scenario (the first ones checked, then those with findings). */
const MAX_EVIDENCE_EXCHANGES = 20;
const ROLES: readonly Role[] = ['client', 'server'];

/** What the report is built from. */
export interface JudgeReportInput {
  edition: Edition;
  capture: string;
  exchanges: readonly Exchange[];
  /** The Package#0 datagrams a monitor relayed (absent for a capture: HAR carries no UDP). */
  datagrams?: readonly RelayedNotification[];
  judgement: PassiveJudgement;
  claims: Partial<Record<Role, { claims: Claims; file: string; sha256: string }>>;
  dmctVersion: string;
  startTime: Date;
  endTime: Date;
}

const keyOf = (r: { side: Role; key: string }) => `${r.side} ${r.key}`;
const PACKAGE0_KEYS: ReadonlySet<string> = new Set(NOTIFICATION_PASSIVE_RULES.map(keyOf));
const JUDGED_KEYS: ReadonlySet<string> = new Set(Object.values(PASSIVE_RULES).map(keyOf));
/** The rules judged on HTTP exchanges only (a HAR capture): all but the WAP Push framing, which only a datagram shows. */
const HTTP_JUDGED_KEYS: ReadonlySet<string> = new Set([...JUDGED_KEYS].filter((key) => key !== keyOf(PASSIVE_RULES.wapPush)));

function plannedItems(edition: Edition, role: Role, claims: Claims | undefined, judgedKeys: ReadonlySet<string>): PlannedItem[] {
  const report = claims ? computeApplicability(edition, claims) : undefined;
  return edition.tables[role].items.map((item) => {
    const claimed = report?.items.find((i) => i.id === item.id);
    const applicable = claimed ? APPLICABLE_KINDS.includes(claimed.applicability) : true;
    const why = claimed ? claimed.why : item.status === 'M' ? 'mandatory' : 'optional; no claims given, so judged when observed';
    const rules = edition.rulesOf.get(item.id) ?? [];
    const judged = rules.some((rule) => judgedKeys.has(`${role} ${rule}`));
    const planned: PlannedItem = {
      id: item.id,
      function: item.function,
      section: item.section,
      role,
      status: item.status,
      applicability: {
        kind: applicable ? 'applicable' : 'not-applicable',
        why,
        ...(applicable ? { untestedWhy: judged ? NOT_OBSERVED : NOT_JUDGED_PASSIVELY } : {}),
      },
      scenarios: [],
    };
    const statics: StaticFinding[] = (report?.findings ?? [])
      .filter((f) => f.item === item.id)
      .map((f) =>
        f.pointer === undefined ? { rule: f.rule, message: f.message } : { rule: f.rule, message: f.message, pointer: f.pointer },
      );
    if (statics.length > 0) planned.staticFindings = statics;
    return planned;
  });
}

function headerText(headers: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')]));
}

function bodyOf(bytes: Uint8Array | undefined, headers: Record<string, string[]>) {
  if (bytes === undefined) return undefined;
  const text = Buffer.from(bytes).toString('utf8');
  const mediaType = headers['content-type']?.join(', ');
  return {
    size: bytes.length,
    text: text.slice(0, 4096),
    ...(text.length > 4096 ? { truncated: true } : {}),
    ...(mediaType ? { mediaType } : {}),
  };
}

/** The request and response of one exchange as two trace messages; `side` is the role judged. */
function messagesOf(exchange: Exchange, side: Role, seq: number): TraceMessage[] {
  const client = side === 'client' ? 'target' : 'client';
  const server = side === 'server' ? 'target' : 'server';
  const requestBody = bodyOf(exchange.requestBody, exchange.requestHeaders);
  const request: TraceMessage = {
    seq,
    time: exchange.time,
    kind: 'http-request',
    from: client,
    to: server,
    label: `exchange ${exchange.index}: ${exchange.method} ${exchange.url}`.slice(0, 200),
    http: { method: exchange.method, url: exchange.url, headers: headerText(exchange.requestHeaders) },
    ...(requestBody ? { body: requestBody } : {}),
  };
  const responseBody = bodyOf(exchange.responseBody, exchange.responseHeaders);
  const response: TraceMessage = {
    seq: seq + 1,
    time: exchange.time,
    kind: exchange.status === 0 ? 'note' : 'http-response',
    from: server,
    to: client,
    label: exchange.status === 0 ? `exchange ${exchange.index}: no response` : `exchange ${exchange.index}: HTTP ${exchange.status}`,
    ...(exchange.status === 0 ? {} : { http: { status: exchange.status, headers: headerText(exchange.responseHeaders) } }),
    ...(responseBody ? { body: responseBody } : {}),
  };
  return [request, response];
}

/** A relayed datagram as one trace message, server to client (the judged side is `side`). */
function datagramMessage(datagram: RelayedNotification, side: Role, seq: number): TraceMessage {
  const shown = datagram.bytes.subarray(0, 512);
  return {
    seq,
    time: datagram.time,
    kind: 'datagram',
    from: side === 'server' ? 'target' : 'server',
    to: side === 'client' ? 'target' : 'client',
    label: `datagram ${datagram.index}: Package#0 (WAP Push)${datagram.notDelivered === undefined ? '' : ', not delivered'}`,
    body: {
      size: datagram.size,
      hex: Buffer.from(shown).toString('hex'),
      ...(shown.length < datagram.bytes.length ? { truncated: true } : {}),
    },
  };
}

function isTimestamp(time: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(time) && !Number.isNaN(Date.parse(time));
}

function resultOf(
  observation: RuleObservation,
  edition: Edition,
  byIndex: ReadonlyMap<number, Exchange>,
  datagrams: ReadonlyMap<number, RelayedNotification>,
  fallbackTime: string,
  capture: string,
): ScenarioResult | undefined {
  const unit = observation.evidence === 'datagram' ? 'datagram' : 'exchange';
  const role = observation.side;
  const items = itemsHoldingRules(edition, role, [observation.key]);
  const [item] = items;
  if (item === undefined) return undefined;
  const cited = [...new Set([...observation.findings.map((f) => f.exchange), ...observation.exchanges])]
    .slice(0, MAX_EVIDENCE_EXCHANGES)
    .sort((a, b) => a - b);
  const seqOf = new Map<number, number>();
  const messages: TraceMessage[] = [];
  for (const index of cited) {
    if (unit === 'datagram') {
      const datagram = datagrams.get(index);
      if (!datagram) continue;
      seqOf.set(index, messages.length + 1);
      messages.push(datagramMessage(datagram, role, messages.length + 1));
      continue;
    }
    const exchange = byIndex.get(index);
    if (!exchange) continue;
    seqOf.set(index, messages.length + 1);
    const time = isTimestamp(exchange.time) ? exchange.time : fallbackTime;
    messages.push(...messagesOf({ ...exchange, time }, role, messages.length + 1));
  }
  const findings: Finding[] = observation.findings.map((f) => {
    const seq = seqOf.get(f.exchange);
    return {
      item,
      section: f.section,
      rule: f.requirement,
      verdict: policyVerdict(f.outcome),
      outcome: f.outcome,
      expected: f.expected,
      actual: `${unit} ${f.exchange}: ${f.actual}`,
      ...(seq === undefined ? {} : { seq }),
    };
  });
  const failed = findings.some((f) => f.verdict === 'fail');
  // A client rule judged from both the HTTP exchanges and the relayed Package#0s is two results.
  const ofDatagrams = unit === 'datagram' && role === 'client';
  return {
    // A client rule judged from the datagrams too (answers to Package#0) is a result of its own, and so
    // is a Package#0 rule seen over HTTP beside the datagrams.
    id: `passive-${observation.key.replace(/[^A-Za-z0-9.-]+/g, '-')}${ofDatagrams ? '-package0' : ''}${unit === 'exchange' && PACKAGE0_KEYS.has(keyOf(observation)) ? '-http' : ''}`,
    title: `passive › ${observation.key}${ofDatagrams ? ' (answers to Package#0)' : ''}`,
    role,
    items,
    rules: [observation.key],
    file: capture,
    line: 0,
    status: failed ? 'failed' : 'passed',
    annotations: [{ type: 'requirement', description: `judged passively from ${observation.exchanges.length} ${unit}(s) of the capture` }],
    evidence: { messages, findings, checks: observation.checks },
    errors: [],
    durationMs: 0,
    retries: 0,
  };
}

/** The claims files as one reference, the way `dmct run` names two: one digest over both. */
function claimsRefOf(claims: JudgeReportInput['claims']): ClaimsRef | undefined {
  const named = ROLES.flatMap((role) => {
    const c = claims[role];
    return c ? [{ role, file: c.file, sha256: c.sha256 }] : [];
  });
  const [only] = named;
  if (!only) return undefined;
  if (named.length === 1) return { file: only.file, sha256: only.sha256 };
  return {
    file: named.map((n) => `${n.role}: ${n.file}`).join('; '),
    sha256: createHash('sha256')
      .update(named.map((n) => `${n.role} ${n.sha256}\n`).join(''))
      .digest('hex'),
  };
}

/** The report of a judged capture: every item of both tables, in the report.json schema of `dmct run`. */
export function buildJudgeReport(input: JudgeReportInput): Report {
  const { edition } = input;
  const byIndex = new Map(input.exchanges.map((e) => [e.index, e]));
  const fallbackTime = input.startTime.toISOString();
  const datagrams = new Map((input.datagrams ?? []).map((d) => [d.index, d]));
  const results = input.judgement.observations.flatMap((o) => resultOf(o, edition, byIndex, datagrams, fallbackTime, input.capture) ?? []);
  const judgedKeys = input.datagrams === undefined ? HTTP_JUDGED_KEYS : JUDGED_KEYS;
  const items = ROLES.flatMap((role) => plannedItems(edition, role, input.claims[role]?.claims, judgedKeys)).map((item) => ({
    ...item,
    scenarios: results
      .filter((r) => r.role === item.role && r.items.includes(item.id))
      .map((r) => ({ id: r.id, title: r.title, file: r.file, line: r.line })),
  }));
  const targets: TargetInfo[] = ROLES.map((role) => ({
    role,
    kind: 'external',
    description: `the DM ${role} of the capture ${input.capture}`,
  }));
  const plan: RunPlan = { edition: edition.name, roles: [...ROLES], targets, items };
  const claims = claimsRefOf(input.claims);
  if (claims) plan.claims = claims;
  const report = buildReport(plan, results, {
    dmctVersion: input.dmctVersion,
    startTime: input.startTime.toISOString(),
    endTime: input.endTime.toISOString(),
    durationMs: Math.max(0, input.endTime.getTime() - input.startTime.getTime()),
    shard: null,
    playwrightVersion: 'none (passive judging)',
    nodeVersion: process.version,
    interrupted: false,
  });
  const notes = [
    `dmct judge: ${input.exchanges.length} exchange(s), ${input.judgement.sessions} DM session(s) judged passively`,
    ...input.judgement.skipped.slice(0, 50).map((s) => `exchange ${s.exchange} not judged: ${s.why}`),
  ];
  report.meta.warnings = [...(report.meta.warnings ?? []), ...notes];
  return report;
}
