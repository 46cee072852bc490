import type { HttpOutcome } from '../../transport/http-client.js';
import { checkPackage2Response } from '../../protocol/http/package-requests.js';
import { HEADERS } from '../../protocol/http/headers.js';
import { CONT_APPLIES_TO_CURRENT_RESPONSE } from '../../protocol/interpretations/packages.js';
import { decodeJsonBody } from '../../protocol/packages/json-body.js';
import type { GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import { describeOutcome, isSuccess } from './client-http.js';
import type { DmAccount } from './dm-account.js';
import { package1Request, package3Request, type PackageRequest } from './package-bodies.js';
import { runPackage2 } from './package2-runner.js';
import type { PackageExchange, SessionRecord } from './schemas/client-state.schema.js';
import type { ClientServices, SessionContext } from './services.js';

/** What opens a session: who asked, where Package#1 goes, and what it carries (section 5.2.2). */
export interface SessionPlan {
  id: number;
  trigger: SessionRecord['trigger'];
  account: DmAccount;
  url: string;
  sessionAlert: GenericAlert;
  /** Client-initiated alerts for this Package#1 besides the queued ones (e.g. an EXEC result). */
  clientAlerts: GenericAlert[];
  /** The notification carried REQ-MOS (section 5.2.1.2). */
  includeMos: boolean;
}

/** Problems with a Package#2 response that leave nothing to run: the session is aborted. */
const FATAL_RULES = new Set(['http-status-package2', 'http-content-type', 'http-content-type-missing', 'json-syntax', 'json-encoding']);

/** Bytes of a response body kept in the state. */
const RESPONSE_TEXT_CAP = 64 * 1024;

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function text(body: string | Uint8Array, cap = Number.POSITIVE_INFINITY): string {
  const full = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body.length > cap ? body.subarray(0, cap) : body);
  return full.length > cap ? full.slice(0, cap) : full;
}

function exchangeOf(packageNumber: 1 | 3, url: string, request: PackageRequest, outcome: HttpOutcome): PackageExchange {
  const exchange: PackageExchange = { package: packageNumber, url, headers: request.headers, body: text(request.body) };
  if (outcome.kind === 'response') {
    exchange.response = { status: outcome.status, headers: headerRecord(outcome.headers), body: text(outcome.body, RESPONSE_TEXT_CAP) };
  } else {
    exchange.failure = describeOutcome(outcome);
  }
  return exchange;
}

/**
 * The commands of the response carrying a Package#2 (section 5.2.3), or why there are none.
 * Only a 2xx `application/vnd.oma.dm.request+json` JSON body with a `CMD` array is run; 4xx and
 * 5xx answers, time-outs and anything unreadable abort the session with no retry (section 5.6).
 */
export function readPackage2(outcome: HttpOutcome): { entries: unknown[]; omadmAccept?: string } | { reason: string } {
  if (outcome.kind !== 'response') return { reason: `no Package#2: ${describeOutcome(outcome)} (section 5.6: session aborted, no retry)` };
  if (!isSuccess(outcome)) return { reason: `the server answered HTTP ${outcome.status} (section 5.6: session aborted, no retry)` };
  const check = checkPackage2Response({ status: outcome.status, headers: outcome.headers, body: outcome.body });
  const fatal = check.violations.filter((violation) => violation.severity === 'error' && FATAL_RULES.has(violation.rule));
  if (fatal.length > 0) return { reason: `unusable Package#2: ${fatal.map((violation) => violation.message).join('; ')}` };
  const decoded =
    check.package2 ??
    (() => {
      const json = decodeJsonBody(outcome.body, '7.2.1.2');
      return json.ok ? json.value : undefined;
    })();
  const cmd = decoded !== null && typeof decoded === 'object' ? (decoded as Record<string, unknown>)['CMD'] : undefined;
  if (!Array.isArray(cmd)) return { reason: 'unusable Package#2: it has no CMD array' };
  const omadmAccept = outcome.headers.get(HEADERS.omadmAccept);
  return omadmAccept === null ? { entries: cmd } : { entries: cmd, omadmAccept };
}

/**
 * One DM session (section 5.2): Package#1 to the account's server (or the plan's URL), then for
 * every Package#2 the commands in order and a Package#3 — to the CONT URI once one was given —
 * until a Package#2 carries END. Any HTTP error or unusable answer aborts the session without
 * retry (section 5.6); a server that never sends END is left after `maxPackagesPerSession`.
 * Never throws: internal faults abort the session with the reason recorded.
 */
export async function runSession(plan: SessionPlan, services: ClientServices): Promise<SessionRecord> {
  const record = services.state.startSession(plan.id, plan.trigger, plan.account.serverId);
  const session: SessionContext = { id: plan.id, account: plan.account, package3Url: plan.url };
  const send = async (
    packageNumber: 1 | 3,
    url: string,
    request: PackageRequest,
    alerts: readonly GenericAlert[],
  ): Promise<HttpOutcome> => {
    const outcome = await services.http.post(`Package#${packageNumber}`, {
      method: 'POST',
      url,
      headers: request.headers,
      body: request.body,
    });
    services.state.recordPackage(record, exchangeOf(packageNumber, url, request, outcome));
    if (!isSuccess(outcome)) services.alerts.putBack(alerts);
    return outcome;
  };
  try {
    const queued = services.alerts.take();
    let response = await send(
      1,
      plan.url,
      package1Request(services, plan.account, plan.sessionAlert, [...plan.clientAlerts, ...queued], plan.includeMos),
      queued,
    );
    for (let packageNumber = 1; ; packageNumber++) {
      const read = readPackage2(response);
      if ('reason' in read) {
        services.state.finishSession(record, 'aborted', read.reason);
        return record;
      }
      if (packageNumber === 1 && services.faults.has('package1-then-stop')) {
        services.state.finishSession(record, 'aborted', 'fault package1-then-stop: the Package#2 is neither run nor answered');
        return record;
      }
      if (read.omadmAccept === undefined) delete session.omadmAccept;
      else session.omadmAccept = read.omadmAccept;
      const result = await runPackage2(read.entries, packageNumber, services, session, record);
      if (result.sawEnd && !services.faults.has('package3-after-end')) {
        services.state.finishSession(record, 'ended');
        return record;
      }
      if (services.faults.has('no-package3')) {
        services.state.finishSession(record, 'aborted', 'fault no-package3: the commands ran, no Package#3 is sent');
        return record;
      }
      if (packageNumber >= services.timings.maxPackagesPerSession) {
        services.state.finishSession(record, 'aborted', `no END after ${packageNumber} Package#2s`);
        return record;
      }
      const alerts = services.alerts.take();
      const request = package3Request(services, result.statuses, result.parts, alerts);
      services.alerts.putBack(request.deferredAlerts);
      const carried = alerts.filter((alert) => !request.deferredAlerts.includes(alert));
      const contUrl = session.contUrl;
      delete session.contUrl;
      if (contUrl !== undefined && CONT_APPLIES_TO_CURRENT_RESPONSE) session.package3Url = contUrl;
      response = await send(3, session.package3Url, request, carried);
      if (contUrl !== undefined) session.package3Url = contUrl;
      if (result.sawEnd) {
        services.state.finishSession(record, 'ended');
        return record;
      }
    }
  } catch (error) {
    services.state.finishSession(record, 'aborted', `internal error: ${error instanceof Error ? error.message : String(error)}`);
    return record;
  }
}
