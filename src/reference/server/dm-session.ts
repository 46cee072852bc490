import { captureBody } from '../../transport/body-capture.js';
import { validatePackage3Against } from '../../protocol/commands/validate-package3.js';
import { MEDIA_TYPES, isMediaType } from '../../protocol/http/media-types.js';
import type { PackageRequestCheck } from '../../protocol/http/package-requests.js';
import { ALERT_TYPES, extractNotificationId, isSessionAlert } from '../../protocol/packages/generic-alert.js';
import type { GenericAlert, Package2, Package3 } from '../../protocol/packages/index.js';
import { parseMoData } from '../../protocol/packages/mo-data.js';
import type { Violation } from '../../protocol/violation.js';
import type { ServerFaultName } from '../faults/index.js';
import { describeViolations, problem, type Problem } from './problem.js';
import { exceedsJsonDepth } from '../../protocol/json-limits.js';
import { planNextPackage2 } from './package2-planner.js';
import { MISDIRECTED_PACKAGE3_STATUS, MOS_MISSING_STATUS, NOTIFICATION_ID_MISMATCH_REFUSED } from './readings.js';
import type { CommandRecord, ReceivedAlert, SessionRecord } from './schemas/device-log.schema.js';
import { appendBounded, type DeviceState, type LiveSession, type ReferenceServerState, type SentPackage2 } from './server-state.js';
import { appendAll } from '../../protocol/json-limits.js';

/**
 * Rules of the HTTP envelope the endpoint has already answered (415, 400, 406) or tolerates (a
 * malformed or missing Accept is read leniently, §5.5); they never refuse a package here.
 */
const ENVELOPE_RULES = new Set([
  'http-method',
  'http-content-type-missing',
  'http-content-type',
  'http-devid-missing',
  'http-devid-mismatch',
  'http-accept-missing',
  'http-accept-excludes-package2',
  'accept-syntax',
]);

/** The errors about a package's body, the ones that make the server refuse it. */
function bodyErrors(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'error' && !ENVELOPE_RULES.has(v.rule));
}

/** What the session engine answers: a Package#2, no content, or a problem. */
export type SessionAnswer =
  | { kind: 'package2'; sessionId: string; package2: { CMD: unknown[][]; Status?: { sc: number }[] } }
  | { kind: 'no-content'; sessionId?: string }
  | { kind: 'problem'; sessionId?: string; problem: Problem };

/** Where the package came in, for the session's Package#3 URI (§5.3.8) and the log. */
export interface Arrival {
  /** Request path, e.g. `/dm` or `/dm/cont/<token>`. */
  path: string;
  /** Position of the package in the device's log. */
  seq: number;
}

/** What the engine concluded about one package, besides its answer. */
export interface SessionOutcome {
  answer: SessionAnswer;
  violations: Violation[];
  /** The decoded package, when it parsed. */
  decoded?: object;
}

function entryAsStrings(entry: readonly unknown[]): string[] {
  return entry.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

/** The Package#2 as sent, in the typed form the validators take (mutated entries as JSON text). */
function sentAsPackage2(sent: SentPackage2): Package2 {
  return { CMD: sent.entries.map(entryAsStrings) as Package2['CMD'] };
}

function openSession(state: ReferenceServerState, device: DeviceState, arrival: Arrival, sessionAlert: string | undefined): LiveSession {
  const record: SessionRecord = { id: state.newId('s'), startedAt: state.timestamp(), state: 'open', package2Count: 0 };
  if (sessionAlert !== undefined) record.sessionAlert = sessionAlert;
  appendBounded(device.log.sessions, record);
  const session: LiveSession = { record, package3Path: arrival.path, alertsSinceLastPackage2: 0 };
  device.session = session;
  return session;
}

/** Ends a session: END sent (`ended`) or cut short (`aborted`); commands still awaiting a status get none. */
export function closeSession(state: ReferenceServerState, device: DeviceState, outcome: 'ended' | 'aborted', reason?: string): void {
  const session = device.session;
  if (session === undefined) return;
  session.record.state = outcome;
  session.record.endedAt = state.timestamp();
  if (reason !== undefined) session.record.abortReason = reason;
  for (const id of session.lastSent?.commandIds ?? []) {
    const record = id === undefined ? undefined : device.commands.get(id);
    if (record?.state === 'sent') record.state = 'unanswered';
  }
  delete device.session;
}

/** The EXEC an alert completes, per ASYNC_RESULT_LINK: the oldest one accepted with 202 whose ClientURI is the SourceURI (§5.4.1, §13.1). */
function pendingExecFor(device: DeviceState, alert: GenericAlert): string | undefined {
  if (alert.SourceURI === undefined) return undefined;
  for (const record of device.commands.values()) {
    if (record.state === 'accepted' && record.command[0] === 'EXEC' && record.command[1] === alert.SourceURI) return record.id;
  }
  return undefined;
}

/**
 * Records the Generic Alerts of a package (§5.4): the Package#1's session alert, asynchronous EXEC
 * results linked by SourceURI (§5.4.1), and every other alert, which is
 * recorded and otherwise ignored — never answered with a status.
 */
function recordAlerts(
  state: ReferenceServerState,
  device: DeviceState,
  session: LiveSession,
  alerts: readonly GenericAlert[],
  seq: number,
  sessionAlertIndex: number,
): void {
  alerts.forEach((alert, index) => {
    const entry: ReceivedAlert = { packageSeq: seq, time: state.timestamp(), alert: { ...structuredClone(alert) }, purpose: 'other' };
    if (index === sessionAlertIndex) {
      entry.purpose = 'session';
    } else {
      session.alertsSinceLastPackage2 += 1;
      const commandId = pendingExecFor(device, alert);
      const record = commandId === undefined ? undefined : device.commands.get(commandId);
      if (record !== undefined && commandId !== undefined) {
        record.state = 'completed';
        record.asyncResult = { time: entry.time, packageSeq: seq, alert: entry.alert };
        entry.purpose = 'async-result';
        entry.commandId = commandId;
      }
    }
    appendBounded(device.log.alerts, entry);
  });
}

/** True when some alert would complete an EXEC accepted with 202 (what `async-alert-rejected` refuses). */
function carriesAsyncResult(device: DeviceState, alerts: readonly GenericAlert[], sessionAlertIndex: number): boolean {
  return alerts.some((alert, index) => index !== sessionAlertIndex && pendingExecFor(device, alert) !== undefined);
}

/** Sends the next Package#2 and closes the session when it carries END (§5.3.9). */
function answerWithPackage2(state: ReferenceServerState, device: DeviceState, session: LiveSession): SessionAnswer {
  const alerts = session.alertsSinceLastPackage2;
  const sent = planNextPackage2(state, device, session);
  const sessionId = session.record.id;
  if (sent.hasEnd) {
    // The one place `expects-package3-after-end` acts: only after an END that answered the Package#1.
    if (state.faults.has('expects-package3-after-end') && session.record.package2Count === 1) session.awaitsPackage3AfterEnd = true;
    else closeSession(state, device, 'ended');
  }
  // The one place `status-member-for-alerts` acts (§5.4): a status per alert, as a member beside CMD.
  const statuses =
    state.faults.has('status-member-for-alerts') && alerts > 0 ? { Status: Array.from({ length: alerts }, () => ({ sc: 200 })) } : {};
  return { kind: 'package2', sessionId, package2: { CMD: sent.entries, ...statuses } };
}

/**
 * A Package#1 (§5.2.2): opens a session (cutting short one left open by a client that started
 * over), records the MOS array and the alerts, checks that a ServerInitiatedMgmt alert carries the
 * NOTIFICATION-ID last sent and that the MOS array came when REQ-MOS was sent, and answers with
 * the first Package#2.
 */
export function onPackage1(state: ReferenceServerState, device: DeviceState, check: PackageRequestCheck, arrival: Arrival): SessionOutcome {
  const violations = [...check.violations];
  const pkg = check.package1;
  const errors = bodyErrors(violations);
  if (pkg === undefined || errors.length > 0) {
    const refusal = problem(400, 'invalid-package1', 'Invalid Package#1', describeViolations(errors), errors);
    return { answer: { kind: 'problem', problem: refusal }, violations, ...(pkg === undefined ? {} : { decoded: pkg }) };
  }
  const refuse = (status: number, slug: string, title: string, detail: string): SessionOutcome => ({
    answer: { kind: 'problem', problem: problem(status, slug, title, detail) },
    violations,
    decoded: pkg,
  });

  if (device.session?.awaitsPackage3AfterEnd === true) {
    return refuse(
      409,
      'session-still-open',
      'Session still open',
      `session still open: a Package#3 is awaited for session ${device.session.record.id}`,
    );
  }
  if (state.faults.has('package1-rejected-without-mos') && pkg.MOS === undefined) {
    return refuse(400, 'mos-missing', 'MOS array missing', 'Package#1 carries no MOS array');
  }
  const alerts = pkg.Alert ?? [];
  const sessionAlertIndex = alerts.findIndex((alert) => isSessionAlert(alert));
  const sessionAlert = alerts[sessionAlertIndex];
  const serverInitiated = sessionAlert?.AlertType === ALERT_TYPES.serverInitiatedMgmt;
  if (serverInitiated && device.lastNotification?.reqMos === true && pkg.MOS === undefined) {
    violations.push({
      rule: 'package1-mos-missing',
      section: '5.2.2',
      severity: 'error',
      message: 'the notification carried REQ-MOS but Package#1 has no MOS array',
      pointer: '/MOS',
    });
    return refuse(
      MOS_MISSING_STATUS,
      'mos-missing',
      'MOS array missing',
      'the notification that opened this session carried REQ-MOS, so Package#1 MUST include the MOS array (§5.2.2)',
    );
  }
  if (
    NOTIFICATION_ID_MISMATCH_REFUSED &&
    serverInitiated &&
    sessionAlert !== undefined &&
    notificationIdCheck(device, sessionAlert) === 'mismatch'
  ) {
    return refuse(
      400,
      'notification-id-mismatch',
      'NOTIFICATION-ID mismatch',
      'the ServerInitiatedMgmt alert does not carry the NOTIFICATION-ID last sent (§5.2.2)',
    );
  }
  if (state.faults.has('async-alert-rejected') && carriesAsyncResult(device, alerts, sessionAlertIndex)) {
    return refuse(400, 'unexpected-alert', 'Unexpected alert', 'Package#1 carries an alert this server does not accept');
  }
  if (device.session !== undefined) closeSession(state, device, 'aborted', 'a new Package#1 arrived before the session ended');
  const session = openSession(state, device, arrival, sessionAlert?.AlertType);
  if (serverInitiated && sessionAlert !== undefined) session.record.notificationIdCheck = notificationIdCheck(device, sessionAlert);
  recordAlerts(state, device, session, alerts, arrival.seq, sessionAlertIndex);
  return { answer: answerWithPackage2(state, device, session), violations, decoded: pkg };
}

function notificationIdCheck(device: DeviceState, alert: GenericAlert): NonNullable<SessionRecord['notificationIdCheck']> {
  const sent = device.lastNotification;
  if (sent === undefined || sent.notificationId === undefined) return 'no-notification-sent';
  const found = extractNotificationId(alert);
  if (found === undefined) return 'missing';
  return found.id === sent.notificationId ? 'match' : 'mismatch';
}

/** Records the statuses (and GET data parts) of a Package#3 on the commands they answer (§5.2.4, App F). */
function recordStatuses(device: DeviceState, sent: SentPackage2, pkg: Package3, parts: PackageRequestCheck['parts']): void {
  pkg.Status.forEach((status, index) => {
    const id = sent.commandIds[index];
    const record = id === undefined ? undefined : device.commands.get(id);
    if (record === undefined) return;
    record.status = structuredClone(status);
    record.state = record.command[0] === 'EXEC' && status.sc === 202 ? 'accepted' : 'reported';
  });
  for (const [index, part] of parts ?? []) {
    const id = sent.commandIds[index];
    const record = id === undefined ? undefined : device.commands.get(id);
    if (record === undefined) continue;
    const result: NonNullable<CommandRecord['result']> = { body: captureBody({ bytes: part.body, mediaType: part.mediaType }) };
    if (isMediaType(part.mediaType, MEDIA_TYPES.moData)) {
      const data = parseMoData(part.body);
      if (data.value !== undefined && !exceedsJsonDepth(data.value)) result.moData = data.value;
    }
    record.result = result;
  }
}

/**
 * The switches that refuse GET data holding a whole instance of one standard MO (§12): its MOID
 * (any version), a MIID, then "/" alone (§6.1.1), and what the refusal says.
 */
const INSTANCE_DATA_REFUSALS: readonly { fault: ServerFaultName; root: RegExp; mo: string }[] = [
  { fault: 'devinfo-data-refused', root: /^urn:oma:mo:oma-dm-devinfo:[^/]*\/[^/]*\/$/, mo: 'DevInfo' },
  { fault: 'dmacc-data-refused', root: /^urn:oma:mo:oma-dm-dmacc:[^/]*\/[^/]*\/$/, mo: 'DM Account' },
  { fault: 'dacmo-data-refused', root: /^urn:oma:mo:oma-dm-dacmo:[^/]*\/[^/]*\/$/, mo: 'Delegation Access Control' },
  { fault: 'sessioninfo-data-refused', root: /^urn:oma:mo:oma-sessioninfomo:[^/]*\/[^/]*\/$/, mo: 'Session Information' },
];

/** Whether a GET data part holds a whole instance whose ClientURI matches `root`. */
function carriesInstanceData(parts: PackageRequestCheck['parts'], root: RegExp): boolean {
  return [...(parts?.values() ?? [])].some((part) => {
    if (!isMediaType(part.mediaType, MEDIA_TYPES.moData)) return false;
    return parseMoData(part.body).value?.some((entry) => root.test(entry.ClientURI)) ?? false;
  });
}

/**
 * A Package#3 (§5.2.4): must answer the last Package#2 of an open session, at the URI the session
 * expects (the Package#1 URI, or the CONT URI, §5.3.8). Statuses are paired with the commands in
 * order; a 202 for EXEC leaves it awaiting its Generic Alert (§5.4.1). A Package#3 that cannot be
 * read or paired is refused with 400 and ends the session; other rule breaks are recorded.
 */
export function onPackage3(state: ReferenceServerState, device: DeviceState, check: PackageRequestCheck, arrival: Arrival): SessionOutcome {
  const session = device.session;
  if (session === undefined || session.lastSent === undefined) {
    const refusal = problem(
      409,
      'no-open-session',
      'No open session',
      `no session is open for ${device.devId}: a Package#3 only answers a Package#2 without END (§5.2.4)`,
    );
    return { answer: { kind: 'problem', problem: refusal }, violations: [] };
  }
  const sessionId = session.record.id;
  const refuse = (
    status: number,
    slug: string,
    title: string,
    detail: string,
    violations: Violation[],
    decoded?: object,
  ): SessionOutcome => {
    closeSession(state, device, 'aborted', detail);
    return {
      answer: { kind: 'problem', sessionId, problem: problem(status, slug, title, detail, violations) },
      violations,
      ...(decoded === undefined ? {} : { decoded }),
    };
  };
  if (arrival.path !== session.package3Path) {
    const cont = session.record.contUri !== undefined;
    return refuse(
      MISDIRECTED_PACKAGE3_STATUS,
      'wrong-package3-uri',
      'Package#3 sent to the wrong URI',
      `this session's Package#3 must go to ${session.package3Path}${cont ? ' (the CONT URI, §5.3.8)' : ' (where its Package#1 went)'}, not ${arrival.path}`,
      [],
    );
  }
  if (session.pendingPackage3Path !== undefined) {
    session.package3Path = session.pendingPackage3Path;
    delete session.pendingPackage3Path;
  }
  const violations = [...check.violations];
  const pkg = check.package3;
  const errors = bodyErrors(violations);
  if (pkg === undefined || errors.length > 0) {
    return refuse(400, 'invalid-package3', 'Invalid Package#3', describeViolations(errors), errors, pkg);
  }
  if (session.awaitsPackage3AfterEnd === true) {
    delete session.awaitsPackage3AfterEnd;
    closeSession(state, device, 'ended');
    return { answer: { kind: 'package2', sessionId, package2: { CMD: [['END']] } }, violations, decoded: pkg };
  }
  const sent = session.lastSent;
  const dataPartIndexes = [...(check.parts?.keys() ?? [])];
  const pairing = validatePackage3Against(sentAsPackage2(sent), pkg, { dataPartIndexes });
  appendAll(violations, pairing);
  const unpaired = pairing.filter((v) => v.rule === 'status-count');
  if (unpaired.length > 0)
    return refuse(400, 'statuses-unpaired', 'Statuses do not match the commands', describeViolations(unpaired), violations, pkg);
  if (state.faults.has('sync-status-rejected') && sent.entries.some((entry, i) => entry[0] === 'EXEC' && pkg.Status[i]?.sc !== 202)) {
    return refuse(
      400,
      'exec-not-async',
      'EXEC reported synchronously',
      'EXEC must be reported asynchronously (202 Accepted)',
      violations,
      pkg,
    );
  }
  if (state.faults.has('async-accepted-rejected') && pkg.Status.some((status) => status.sc === 202)) {
    return refuse(
      400,
      'async-not-accepted',
      'Asynchronous reporting refused',
      'this server does not take 202 Accepted: report final statuses',
      violations,
      pkg,
    );
  }
  if (state.faults.has('async-alert-rejected') && carriesAsyncResult(device, pkg.Alert ?? [], -1)) {
    return refuse(400, 'unexpected-alert', 'Unexpected alert', 'Package#3 carries an alert this server does not accept', violations, pkg);
  }
  const refusal = INSTANCE_DATA_REFUSALS.find(({ fault, root }) => state.faults.has(fault) && carriesInstanceData(check.parts, root));
  if (refusal !== undefined) {
    return refuse(400, 'mo-data-not-read', `${refusal.mo} data not read`, `this server cannot read ${refusal.mo} MO data`, violations, pkg);
  }
  // The one place `flow-no-package2` acts: the third Package#3 of a session gets no Package#2.
  if (state.faults.has('flow-no-package2') && session.record.package2Count >= 3) {
    closeSession(state, device, 'aborted', 'flow-no-package2: no Package#2 for the third Package#3');
    return { answer: { kind: 'no-content', sessionId }, violations, decoded: pkg };
  }
  recordStatuses(device, sent, pkg, check.parts);
  recordAlerts(state, device, session, pkg.Alert ?? [], arrival.seq, -1);
  return { answer: answerWithPackage2(state, device, session), violations, decoded: pkg };
}
