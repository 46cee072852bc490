/**
 * The passive judge: reads the exchanges of a captured DM session (a real client talking to a real
 * server, neither of them dmct) and judges both sides against the rules the traffic alone can
 * show, charging each finding to the side that broke the rule. Parsing and every package rule come
 * from src/protocol (checkPackageRequest, checkPackage2Response, the session sequencer); this
 * module only groups exchanges into sessions and routes each violation to a rule key and a side.
 *
 * Rules judged (rule keys of scr/<edition>/rules.json):
 * - client 5.2.2/package1: each Package#1 request (POST, Content-Type, OMADM-DevID, Accept, body);
 *   its OMADM-DevID is the device's DevInfo/DevID: the one the client's claims give, and the one
 *   the client reports to a GET of DevInfo/DevID later in the session (devid-evidence.ts);
 * - client 5.2.4/package3: each Package#3 request (envelope, body, one status per command in order,
 *   status codes allowed, OMADM-DevID equal to the session's), and its URI (SHOULD: the Package#1 URI);
 *   a session the device leaves for a new one without answering a Package#2 that had no END fails it;
 * - client 5.3.6/get: each GET answered 200 brings its data part in the Package#3;
 * - client 5.3.8/cont: after CONT the next Package#3 goes to the CONT ServerURI;
 * - client 5.3.9/end: no Package#3 after a Package#2 carrying END;
 * - client 5.4.1/sync-reporting: no 202 for a command other than EXEC;
 * - client 5.4.1/async-reporting: EXEC with a ServerURI answered 202, and a Generic Alert whose
 *   SourceURI is the executed node in a later package of the capture (judged at the end: absent is a
 *   fail only when the device opened a later session; otherwise inconclusive, the alert not observed);
 * - client 5.4/generic-alert: the Generic Alerts a Package#1 or Package#3 carries (their members);
 * - server 5.2.2/package1, 5.2.4/package3: each valid Package#1 and Package#3 is taken (answered,
 *   not refused); a refusal is charged to the most specific rule the refused package exercises:
 *   5.4.1/async-reporting (a 202, or the Generic Alert of an EXEC accepted with 202),
 *   5.4.1/sync-reporting (an EXEC's final status), 5.2.4/package3 (409 to a Package#1 after a
 *   session ended with END: the server still awaits a Package#3), 5.3.8/cont (at the CONT ServerURI); an
 *   answer refusing access, 401 or 403, is inconclusive: who may open a session is not in the traffic;
 * - server 5.2.3/package2: each answer is a valid Package#2;
 * - server 5.3.1–5.3.12: each command a Package#2 carries is well formed (its parameter count and
 *   URIs, under the command's own rule); 5.3.9/end also: a Package#3 that reported nothing is not
 *   answered by a Package#2 that gives nothing to do and no END (the session could only loop);
 * - server 5.4/generic-alert: no status for the client's Generic Alerts in the answering Package#2;
 * - server E.1 and 5.2.1*: the Package#0 datagrams a monitor relayed (notification-judge.ts).
 */
import { COMMANDS } from '../protocol/commands/command-table.js';
import { checkPackage2Response, checkPackageRequest } from '../protocol/http/package-requests.js';
import { HEADERS, getHeader } from '../protocol/http/headers.js';
import { MEDIA_TYPES, parseMediaType } from '../protocol/http/media-types.js';
import { SessionSequencer, sessionKey } from '../protocol/http/session-sequencer.js';
import { decodeJsonBody } from '../protocol/packages/json-body.js';
import { ALERT_TYPES, isSessionAlert } from '../protocol/packages/generic-alert.js';
import type { GenericAlert } from '../protocol/schemas/generic-alert.schema.js';
import type { Package2 } from '../protocol/schemas/package2.schema.js';
import type { Violation } from '../protocol/violation.js';
import type { OutcomeKind } from '../report/verdict-policy.js';
import type { Exchange } from './capture.js';
import { reportedDevIds } from './devid-evidence.js';
import { PASSIVE_RULES, type PassiveRule, type Side } from './passive-rules.js';
import { exercisedRules, problemTitle, type Exercised } from './server-refusals.js';

export { PASSIVE_RULES, type Side } from './passive-rules.js';

/** A check that did not hold (or could not conclude), charged to one side under one rule key. */
export interface PassiveFinding {
  section: string;
  /** The requirement, in our words. */
  requirement: string;
  outcome: OutcomeKind;
  expected: string[];
  actual: string;
  /** The exchange (1-based capture index) the finding is about. */
  exchange: number;
}

/** What the capture showed about one rule of one side. */
export interface RuleObservation {
  key: string;
  side: Side;
  /** Checks evaluated that could have failed. */
  checks: number;
  findings: PassiveFinding[];
  /** The exchanges the checks looked at, in capture order. */
  exchanges: number[];
  /** 'datagram': `exchanges` and the findings' `exchange` name relayed Package#0 datagrams, not HTTP exchanges. */
  evidence?: 'datagram';
}

/** The judge's verdict material: every rule observed, and what it could not place. */
export interface PassiveJudgement {
  observations: RuleObservation[];
  /** Exchanges not judged and why (no DM package, unreadable body, no session to attach to). */
  skipped: { exchange: number; why: string }[];
  sessions: number;
}

/** What the judge knows beside the capture. */
export interface PassiveJudgeOptions {
  /** The device's DevInfo/DevID (the client's claims): each OMADM-DevID is held to it (§5.2.2). */
  clientDevId?: string;
}

/** A violation's rule name routed to another rule key than the package's own. */
const ROUTED: Readonly<Record<string, PassiveRule>> = {
  'status-async-not-exec': PASSIVE_RULES.syncReporting,
  'exec-async-required': PASSIVE_RULES.asyncReporting,
  'get-data-missing': PASSIVE_RULES.clientGet,
};

const DM_COMMAND_NAMES: ReadonlySet<string> = new Set(COMMANDS.map((c) => c.name));

class Observations {
  private readonly byKey = new Map<string, RuleObservation>();

  private of(rule: PassiveRule): RuleObservation {
    const id = `${rule.side} ${rule.key}`;
    let observation = this.byKey.get(id);
    if (!observation) {
      observation = { key: rule.key, side: rule.side, checks: 0, findings: [], exchanges: [] };
      this.byKey.set(id, observation);
    }
    return observation;
  }

  check(rule: PassiveRule, exchange: number): void {
    const o = this.of(rule);
    o.checks++;
    if (!o.exchanges.includes(exchange)) o.exchanges.push(exchange);
  }

  /** A check of `rule` that did not hold (or could not conclude). */
  find(rule: PassiveRule, finding: PassiveFinding): void {
    this.check(rule, finding.exchange);
    this.record(rule, finding);
  }

  private record(rule: PassiveRule, finding: PassiveFinding): void {
    const o = this.of(rule);
    o.findings.push(finding);
    if (!o.exchanges.includes(finding.exchange)) o.exchanges.push(finding.exchange);
  }

  /** Violations as findings: an error breaks a MUST, a warning departs from a SHOULD, infos are notes only. */
  violations(rule: PassiveRule, exchange: number, violations: readonly Violation[], requirement: string, expected: string): void {
    this.check(rule, exchange);
    for (const v of violations) {
      if (v.severity === 'info') continue;
      // A malformed Generic Alert breaks §5.4, not the package that carries it.
      const target = ROUTED[v.rule] ?? (rule.side === 'client' && v.rule.startsWith('alert-') ? PASSIVE_RULES.clientGenericAlert : rule);
      // A violation routed to another rule is that rule's check too; the package's own was counted above.
      if (target !== rule) this.check(target, exchange);
      this.record(target, {
        section: v.section,
        requirement,
        outcome: v.severity === 'error' ? 'must-broken' : 'should-departure',
        expected: [expected],
        actual: `${v.message}${v.pointer ? ` (at ${v.pointer})` : ''} [${v.rule}]`,
        exchange,
      });
    }
  }

  all(): RuleObservation[] {
    return [...this.byKey.values()];
  }
}

interface Session {
  devId: string;
  /** The exchange of its Package#1. */
  openedAt: number;
  sequencer: SessionSequencer;
  package2?: Package2;
  /** The exchange whose Package#2 carried END, once one did. */
  endedAt?: number;
  /** True once a Package#3 came after END (judged then; no pass at the end). */
  afterEnd: boolean;
  /** The exchange whose answer was no valid Package#2: what the client sends next answers nothing the judge can hold it to. */
  brokenAt?: number;
  /** The exchange whose answer is the session's latest valid Package#2. */
  answeredAt?: number;
  /** True once the server answered a Package#3 that reported nothing with a Package#2 giving nothing to do, and no END (§5.3.9). */
  endless: boolean;
}

interface PendingAsync {
  devId: string;
  node: string;
  exchange: number;
  /** Index of the session the 202 came in; a later one shows the client had its chance. */
  session: number;
}

/** Which package a request carries: by its body first (a wrong Content-Type must not hide it), else its media type. */
export function packageOf(exchange: Exchange): 1 | 3 | undefined {
  const contentType = getHeader(exchange.requestHeaders, HEADERS.contentType);
  const essence = contentType === undefined ? undefined : parseMediaType(contentType)?.essence;
  if (essence === MEDIA_TYPES.multipart) return 3;
  if (exchange.requestBody !== undefined) {
    const decoded = decodeJsonBody(exchange.requestBody, '5.2');
    if (decoded.ok && typeof decoded.value === 'object' && decoded.value !== null && !Array.isArray(decoded.value)) {
      const body = decoded.value as Record<string, unknown>;
      if ('Status' in body) return 3;
      if (Array.isArray(body.Alert) && body.Alert.some((a) => typeof a === 'object' && a !== null && isSessionAlert(a as GenericAlert)))
        return 1;
    }
  }
  if (essence === MEDIA_TYPES.package1) return 1;
  if (essence === MEDIA_TYPES.package3) return 3;
  return undefined;
}

function requestView(exchange: Exchange) {
  return { method: exchange.method, headers: exchange.requestHeaders, body: exchange.requestBody };
}

/** Members beside CMD that carry statuses (`"Status": [{"sc":200}]`, any member named like a status). */
function statusMembers(body: Uint8Array | undefined): string[] {
  if (body === undefined) return [];
  const decoded = decodeJsonBody(body, '5.2.3');
  if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return [];
  return Object.entries(decoded.value as Record<string, unknown>)
    .filter(([name]) => name !== 'CMD')
    .filter(
      ([name, value]) =>
        /status/i.test(name) || (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && 'sc' in v)),
    )
    .map(([name]) => name);
}

/** The command name of each CMD entry of a Package#2 body, as sent (for routing a violation by its command). */
function commandNames(body: Uint8Array | undefined): unknown[] {
  if (body === undefined) return [];
  const decoded = decodeJsonBody(body, '5.2.3');
  if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return [];
  const cmd = (decoded.value as Record<string, unknown>).CMD;
  return Array.isArray(cmd) ? cmd.map((entry) => (Array.isArray(entry) ? entry[0] : undefined)) : [];
}

function hasMember(body: Uint8Array | undefined, name: string): boolean {
  if (body === undefined) return false;
  const decoded = decodeJsonBody(body, '5.2.2');
  return decoded.ok && typeof decoded.value === 'object' && decoded.value !== null && name in decoded.value;
}

/** The Generic Alerts of a Package#1 or Package#3 body (none when it is no JSON object with an Alert array). */
export function alertsOf(body: Uint8Array | undefined): GenericAlert[] {
  if (body === undefined) return [];
  const decoded = decodeJsonBody(body, '5.4');
  if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return [];
  const alerts = (decoded.value as Record<string, unknown>).Alert;
  return Array.isArray(alerts)
    ? alerts.filter((a): a is GenericAlert => typeof a === 'object' && a !== null && typeof (a as GenericAlert).AlertType === 'string')
    : [];
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The server's rule of each DM command (§5.3): a malformed command breaks its own rule, not the Package#2 carrying it. */
const SERVER_COMMAND_RULES: Readonly<Record<string, PassiveRule>> = {
  HGET: PASSIVE_RULES.serverHget,
  HPUT: PASSIVE_RULES.serverHput,
  HPOST: PASSIVE_RULES.serverHpost,
  DELETE: PASSIVE_RULES.serverDelete,
  EXEC: PASSIVE_RULES.serverExec,
  GET: PASSIVE_RULES.serverGet,
  SHOW: PASSIVE_RULES.serverShow,
  CONT: PASSIVE_RULES.serverCont,
  END: PASSIVE_RULES.serverEnd,
  DEFAULT: PASSIVE_RULES.serverDefault,
  SUB: PASSIVE_RULES.serverSub,
  UNSUB: PASSIVE_RULES.serverUnsub,
};

/** Only what is a command's own (its parameter count, its URIs); a JSON type error is the package's. */
function isCommandOwn(v: Violation): boolean {
  return v.rule === 'command-param-count' || /^(?:client-uri|server-uri|moid)-/.test(v.rule);
}

/**
 * Judges the server's answer to a Package#1 or Package#3 that was itself valid: not refused
 * (`refusal` names the rule a refusal breaks), a Package#2 (§5.2.3) whose commands are well
 * formed (each command's own rule, §5.3), and no status for the Generic Alerts the request
 * carried (§5.4).
 */
function judgeAnswer(
  exchange: Exchange,
  alerts: readonly GenericAlert[],
  out: Observations,
  kind: 1 | 3,
  exercised: Exercised,
): Package2 | undefined {
  const { held, refusal } = exercisedRules(kind, exercised, exchange.status);
  if (exercised.mosMayBeRequired && exchange.status >= 400 && exchange.status !== 401 && exchange.status !== 403) {
    out.find(refusal.rule, {
      section: '5.2.1.2',
      requirement: refusal.requirement,
      outcome: 'precondition-not-met',
      expected: ['an HTTP 200 response carrying a Package#2'],
      actual: `HTTP ${exchange.status}${problemTitle(exchange.responseBody)} to a Package#1 answering a notification without MOS: whether the Package#0 asked for MOS (REQ-MOS) is not in the HTTP traffic`,
      exchange: exchange.index,
    });
    return undefined;
  }
  if (exchange.status === 0 || (exchange.status >= 300 && exchange.status !== 401 && exchange.status !== 403)) {
    out.find(refusal.rule, {
      section: refusal.section,
      requirement: refusal.requirement,
      outcome: exchange.status === 0 ? 'closed-after-stimulus' : 'must-broken',
      expected: ['an HTTP 200 response carrying a Package#2'],
      actual:
        exchange.status === 0
          ? 'the capture holds no response: the connection was closed or aborted'
          : `HTTP ${exchange.status}${problemTitle(exchange.responseBody)}: the valid request was refused`,
      exchange: exchange.index,
    });
    return undefined;
  }
  if (exchange.status === 401 || exchange.status === 403) {
    out.find(PASSIVE_RULES.package2, {
      section: '9.2.1',
      requirement: 'the server answers every valid Package#1 and Package#3 with a Package#2',
      outcome: 'precondition-not-met',
      expected: ['an HTTP 200 response carrying a Package#2'],
      actual: `HTTP ${exchange.status}: the server refused access; whether the client may open a session is not in the traffic`,
      exchange: exchange.index,
    });
    return undefined;
  }
  for (const rule of held) out.check(rule, exchange.index);
  const answer = checkPackage2Response({ status: exchange.status, headers: exchange.responseHeaders, body: exchange.responseBody });
  const clientAlerts = alerts.filter((a) => !isSessionAlert(a));
  const judgesAlerts = answer.package2 !== undefined && clientAlerts.length > 0;
  // An entry that is no DM command, answering alerts, is judged once: as a status for them (§5.4).
  const statusIndexes = new Set(
    judgesAlerts ? (answer.package2?.CMD ?? []).flatMap((entry, i) => (DM_COMMAND_NAMES.has(String(entry[0])) ? [] : [i])) : [],
  );
  const ownViolations = answer.violations.filter(
    (v) => !(v.rule === 'command-unknown' && statusIndexes.has(Number(/^\/CMD\/(\d+)\//.exec(v.pointer ?? '')?.[1]))),
  );
  const names = commandNames(exchange.responseBody).map(String);
  // Each violation under the rule it breaks: a command's own under that command's rule; an empty
  // CMD, which leaves the session nothing to do and no END, under §5.3.9; the rest the package's.
  const ruleOf = (v: Violation): PassiveRule => {
    if (v.rule === 'package2-cmd-empty') return PASSIVE_RULES.serverEnd;
    const command = names[Number(/^\/CMD\/(\d+)(?:\/|$)/.exec(v.pointer ?? '')?.[1] ?? -1)];
    return (isCommandOwn(v) && command !== undefined ? SERVER_COMMAND_RULES[command] : undefined) ?? PASSIVE_RULES.package2;
  };
  const grouped = new Map<PassiveRule, Violation[]>([[PASSIVE_RULES.package2, []]]);
  for (const name of names) {
    const rule = SERVER_COMMAND_RULES[name];
    if (rule) grouped.set(rule, []);
  }
  for (const v of ownViolations) grouped.set(ruleOf(v), [...(grouped.get(ruleOf(v)) ?? []), v]);
  for (const [rule, violations] of grouped) out.violations(rule, exchange.index, violations, ...requirementOf(rule));
  if (answer.package2 && judgesAlerts) {
    const entries = answer.package2.CMD.filter((_, i) => statusIndexes.has(i));
    const members = statusMembers(exchange.responseBody);
    if (entries.length === 0 && members.length === 0) out.check(PASSIVE_RULES.genericAlert, exchange.index);
    else {
      out.find(PASSIVE_RULES.genericAlert, {
        section: '5.4',
        requirement: 'the server sends no status for a Generic Alert',
        outcome: 'must-broken',
        expected: ['a Package#2 of DM commands only, with no member carrying statuses'],
        actual: [...entries.map((e) => `CMD entry ${JSON.stringify(e).slice(0, 80)}`), ...members.map((m) => `member "${m}"`)].join(', '),
        exchange: exchange.index,
      });
    }
  }
  // A Package#2 that broke a MUST is not one the client can be held to answer.
  return answer.violations.some((v) => v.severity === 'error') ? undefined : answer.package2;
}

/** The requirement and what was expected, for the findings of a Package#2 under `rule`. */
function requirementOf(rule: PassiveRule): [requirement: string, expected: string] {
  if (rule === PASSIVE_RULES.package2)
    return [
      'the server answers every valid Package#1 and Package#3 with a valid Package#2',
      `HTTP 200, Content-Type ${MEDIA_TYPES.package2}, a valid Package#2`,
    ];
  if (rule === PASSIVE_RULES.serverEnd)
    return ['the server closes the session with END, not with a Package#2 that leaves nothing to do', 'a CMD ending with ["END"]'];
  const name = Object.entries(SERVER_COMMAND_RULES).find(([, r]) => r === rule)?.[0] ?? 'command';
  return [`each ${name} the server sends is well formed (its parameters, its URIs)`, `${name} with the parameters §5.3 gives it`];
}

/** Judges every exchange of a capture, in capture order. Pure; never throws on hostile content. */
export function judgeExchanges(exchanges: readonly Exchange[], options: PassiveJudgeOptions = {}): PassiveJudgement {
  const claimedDevId = options.clientDevId === undefined ? {} : { devId: options.clientDevId };
  const out = new Observations();
  const skipped: PassiveJudgement['skipped'] = [];
  const open = new Map<string, Session>();
  const closed: Session[] = [];
  const pending: PendingAsync[] = [];
  /** Per device, its latest session that got a valid Package#2. */
  const lastAnswered = new Map<string, Session>();
  /** Per device, the index of its latest session (to see whether a later one came). */
  const sessionCount = new Map<string, number>();
  let sessions = 0;

  /** Settles the pending EXECs the alerts report; true when they reported one. */
  const settleAsync = (devId: string, alerts: readonly GenericAlert[], exchange: number): boolean => {
    let settled = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i];
      if (p && p.devId === devId && alerts.some((a) => a.SourceURI === p.node)) {
        out.check(PASSIVE_RULES.asyncReporting, exchange);
        pending.splice(i, 1);
        settled = true;
      }
    }
    return settled;
  };

  for (const exchange of exchanges) {
    if (exchange.problems.length > 0) {
      skipped.push({ exchange: exchange.index, why: exchange.problems.join('; ') });
      continue;
    }
    const kind = packageOf(exchange);
    if (kind === undefined) {
      skipped.push({ exchange: exchange.index, why: 'carries no DM package (neither Package#1 nor Package#3)' });
      continue;
    }
    const devId = sessionKey(exchange.requestHeaders) ?? '';
    const alerts = alertsOf(exchange.requestBody);
    if (kind === 1) {
      const previous = open.get(devId);
      if (previous) {
        closed.push(previous);
        judgeAbandoned(previous, exchange.index);
      }
      sessions++;
      sessionCount.set(devId, (sessionCount.get(devId) ?? 0) + 1);
      const session: Session = { devId, openedAt: exchange.index, sequencer: new SessionSequencer(), afterEnd: false, endless: false };
      open.set(devId, session);
      // Judged now, before the answer: a server refusing the unknown device hides nothing.
      const check = checkPackageRequest(requestView(exchange), 1, claimedDevId);
      out.violations(
        PASSIVE_RULES.package1,
        exchange.index,
        check.violations,
        'a Package#1 is a POST with the initiation media type, OMADM-DevID, Accept and a valid body',
        'a valid Package#1 request',
      );
      if (alerts.some((a) => !isSessionAlert(a))) out.check(PASSIVE_RULES.clientGenericAlert, exchange.index);
      session.sequencer.accept({ package: 1, uri: pathOf(exchange.url) });
      const settles = settleAsync(devId, alerts, exchange.index);
      // The device's latest session the server answered (a refused one in between changes nothing).
      const answered = lastAnswered.get(devId);
      const afterEnd = answered !== undefined && answered.endedAt !== undefined && !answered.afterEnd;
      const mosMayBeRequired =
        alerts.some((a) => a.AlertType === ALERT_TYPES.serverInitiatedMgmt) && !hasMember(exchange.requestBody, 'MOS');
      judgeAnswerOf(session, exchange, alerts, check.violations, 1, { afterEnd, asyncResult: settles, mosMayBeRequired });
      continue;
    }
    // A Package#3 belongs to its device's open session; with an unknown DevID, to the one session
    // awaiting a Package#3 (so a changed OMADM-DevID is judged, not lost).
    let session = open.get(devId);
    if (!session) {
      const awaiting = [...open.values()].filter((s) => s.sequencer.state.phase === 'awaiting-package3');
      if (awaiting.length === 1) session = awaiting[0];
    }
    if (!session) {
      skipped.push({
        exchange: exchange.index,
        why: 'a Package#3 with no Package#1 before it in the capture (the capture starts mid-session)',
      });
      continue;
    }
    if (session.brokenAt !== undefined) {
      skipped.push({
        exchange: exchange.index,
        why: `follows exchange ${session.brokenAt}, whose request or answer was invalid: nothing valid to hold this Package#3 to`,
      });
      continue;
    }
    if (session.sequencer.state.phase === 'ended') {
      session.afterEnd = true;
      out.find(PASSIVE_RULES.end, {
        section: '5.3.9',
        requirement: 'no Package#3 is sent after a Package#2 that carries END',
        outcome: 'must-broken',
        expected: ['no further request in the session (a new session starts with a Package#1)'],
        actual: `a Package#3 answered the Package#2 with END of exchange ${session.endedAt ?? '?'}`,
        exchange: exchange.index,
      });
      continue;
    }
    const redirected = session.sequencer.state.redirected;
    const sequence = session.sequencer.accept({ package: 3, uri: pathOf(exchange.url) });
    const contBroken = sequence.filter((v) => v.rule === 'package3-uri-after-cont');
    if (redirected)
      out.violations(
        PASSIVE_RULES.cont,
        exchange.index,
        contBroken,
        'after CONT the next Package#3 goes to the CONT ServerURI',
        'the Package#3 posted to the CONT ServerURI',
      );
    const uriFindings = sequence.filter((v) => v.rule !== 'package3-uri-after-cont');
    const check = checkPackageRequest(requestView(exchange), 3, {
      ...(session.package2 ? { package2: session.package2 } : {}),
      // The session's DevID: its Package#1 was held to the claims.
      ...(session.devId !== '' ? { devId: session.devId } : {}),
    });
    out.violations(
      PASSIVE_RULES.package3,
      exchange.index,
      [...uriFindings, ...check.violations],
      "a Package#3 is a POST with the response media type, the session's OMADM-DevID, and one allowed status per command of the Package#2, in order",
      'a valid Package#3 answering the Package#2',
    );
    if (alerts.length > 0) out.check(PASSIVE_RULES.clientGenericAlert, exchange.index);
    if (check.package3 && session.package2)
      judgeReportedDevId(session, reportedDevIds(session.package2, check.package3.Status, check.parts), exchange.index);
    if (check.package3 && session.package2)
      judgeReporting(session, check.package3.Status, exchange, sessionCount.get(session.devId) ?? 0, out, pending);
    const asyncResult = settleAsync(session.devId, alerts, exchange.index);
    const statuses = check.package3?.Status ?? [];
    const exercised: Exercised = {
      accepted: statuses.some((status) => status.sc === 202),
      asyncResult,
      syncResult: (session.package2?.CMD ?? []).some((entry, i) => entry[0] === 'EXEC' && (statuses[i]?.sc ?? 202) !== 202),
      atCont: redirected,
    };
    const reportedNothing = statuses.length === 0 && alerts.length === 0;
    judgeAnswerOf(session, exchange, alerts, [...contBroken, ...check.violations], 3, exercised, reportedNothing);
  }

  /**
   * The answer is judged only when the request broke no MUST (an invalid request may be refused
   * any way); when either is invalid, the session's later Package#3s are not judged (one broken
   * rule fails one item, not every rule after it).
   */
  function judgeAnswerOf(
    session: Session,
    exchange: Exchange,
    alerts: readonly GenericAlert[],
    violations: readonly Violation[],
    kind: 1 | 3,
    exercised: Exercised,
    reportedNothing = false,
  ): void {
    const package2 = violations.some((v) => v.severity === 'error') ? undefined : judgeAnswer(exchange, alerts, out, kind, exercised);
    if (package2) afterPackage2(session, package2, exchange.index, reportedNothing);
    else session.brokenAt = exchange.index;
  }

  /**
   * The session's OMADM-DevID against the DevID the client itself reported to a GET of
   * DevInfo/DevID (§5.2.2): a mismatch is charged to the Package#1 that carried the header.
   */
  function judgeReportedDevId(session: Session, reported: readonly { index: number; devId: string }[], exchange: number): void {
    if (session.devId === '') return;
    for (const { index, devId } of reported) {
      if (devId === session.devId) {
        out.check(PASSIVE_RULES.package1, exchange);
        continue;
      }
      out.find(PASSIVE_RULES.package1, {
        section: '5.2.2',
        requirement: `a Package#1 carries the device's DevInfo/DevID in ${HEADERS.devId}`,
        outcome: 'must-broken',
        expected: [`${HEADERS.devId}: ${JSON.stringify(devId)} (the DevInfo/DevID the client reported)`],
        actual: `the Package#1 of exchange ${session.openedAt} sent ${HEADERS.devId} ${JSON.stringify(session.devId)}; the GET of DevInfo/DevID (command ${index}) reported ${JSON.stringify(devId)}`,
        exchange,
      });
    }
  }

  /**
   * A session the device left for a new one while a valid Package#2 without END awaited its
   * Package#3 (§5.2.4); not when the server let the session loop (its own §5.3.9 break).
   */
  function judgeAbandoned(session: Session, next: number): void {
    if (session.package2 === undefined || session.brokenAt !== undefined || session.endless) return;
    if (session.sequencer.state.phase !== 'awaiting-package3') return;
    out.find(PASSIVE_RULES.package3, {
      section: '5.2.4',
      requirement: 'the client answers each Package#2 that has no END with a Package#3',
      outcome: 'silent-after-stimulus',
      expected: ['a Package#3 answering the last Package#2 of the session'],
      actual: `the device opened a new session (exchange ${next}) without answering the Package#2 of exchange ${session.answeredAt ?? '?'}`,
      exchange: session.answeredAt ?? next,
    });
  }

  function afterPackage2(session: Session, package2: Package2, exchange: number, reportedNothing: boolean): void {
    session.sequencer.accept({ package: 2, body: package2 });
    session.package2 = package2;
    session.answeredAt = exchange;
    lastAnswered.set(session.devId, session);
    if (session.sequencer.state.phase === 'ended') session.endedAt = exchange;
    // A Package#3 that reported nothing answered by a Package#2 that gives nothing to do, and no
    // END: the round trip did nothing and the session can only loop; the server had its turn to
    // close it (§5.3.9). Charged once per session.
    if (reportedNothing && package2.CMD.length === 0 && !session.endless) {
      session.endless = true;
      out.find(PASSIVE_RULES.serverEnd, {
        section: '5.3.9',
        requirement: 'the server closes the session with END',
        outcome: 'must-broken',
        expected: ['a Package#2 carrying END once the server has nothing left to send'],
        actual: 'a Package#3 that reported nothing was answered by a Package#2 with no command and no END: the session only loops',
        exchange,
      });
    }
  }

  // END held: the session's END was followed by no Package#3 anywhere in the capture.
  for (const session of [...closed, ...open.values()]) {
    if (session.endedAt !== undefined && !session.afterEnd) out.check(PASSIVE_RULES.end, session.endedAt);
  }
  // An alert still missing: a fail once the device opened a later session (it had its chance);
  // before that, the 202 held but the alert is not shown: inconclusive, not a pass.
  for (const p of pending) {
    const later = (sessionCount.get(p.devId) ?? 0) > p.session;
    out.find(PASSIVE_RULES.asyncReporting, {
      section: '5.4.1',
      requirement: 'after 202 for EXEC, the client reports the final result in a Generic Alert',
      outcome: later ? 'silent-after-stimulus' : 'precondition-not-met',
      expected: [`a Generic Alert with SourceURI ${p.node} in a later session`],
      actual: later
        ? 'the device opened a later session but no package of the capture carried that alert'
        : 'the capture ends before the device opened a later session: the alert was not observed',
      exchange: p.exchange,
    });
  }
  return { observations: out.all(), skipped, sessions };
}

/**
 * The reporting rules of one Package#3 (§5.4.1): a command other than EXEC reported synchronously
 * is a check held (a 202 for it is routed to the same rule by the violation); an EXEC with a
 * ServerURI answered 202 waits for its Generic Alert.
 */
function judgeReporting(
  session: Session,
  statuses: readonly { sc: number }[],
  exchange: Exchange,
  sessionIndex: number,
  out: Observations,
  pending: PendingAsync[],
): void {
  const commands = session.package2?.CMD ?? [];
  commands.forEach((entry, i) => {
    const sc = statuses[i]?.sc;
    if (sc === undefined) return;
    // A GET answered 200 brings its data in a part of the Package#3 (§5.3.6, App F); a missing part is routed here.
    if (entry[0] === 'GET' && sc === 200) out.check(PASSIVE_RULES.clientGet, exchange.index);
    if (entry[0] !== 'EXEC') {
      if (entry[0] !== 'END' && entry[0] !== 'CONT') out.check(PASSIVE_RULES.syncReporting, exchange.index);
      return;
    }
    if (entry.length === 3 && typeof entry[1] === 'string') {
      out.check(PASSIVE_RULES.asyncReporting, exchange.index);
      if (sc === 202) pending.push({ devId: session.devId, node: entry[1], exchange: exchange.index, session: sessionIndex });
    }
  });
}
