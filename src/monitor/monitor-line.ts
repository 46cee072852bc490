/**
 * The live console line of `dmct monitor`: one per exchange (a DM package or other HTTP) and one
 * per relayed Package#0, with the findings the passive judge charged to that exchange.
 */
import { decodeNotification } from '../protocol/notification/decode.js';
import { policyVerdict } from '../report/verdict-policy.js';
import type { FindingVerdict } from '../report/verdict-policy.js';
import type { Exchange } from './capture.js';
import { httpNotificationOf } from './http-notifications.js';
import { judgeHttpNotifications, type NotificationCredentials } from './notification-judge.js';
import { packageOf, type PassiveJudgement, type RuleObservation, type Side } from './passive-judge.js';

/** A finding of one line: the side charged, the rule, the verdict. */
export interface MonitorLineFinding {
  side: Side;
  key: string;
  verdict: FindingVerdict;
  actual: string;
}

/** One live line. */
export interface MonitorLine {
  kind: 'package1' | 'package3' | 'http' | 'package0';
  /** The exchange's number (the evidence a report names), or the notification's. */
  index: number;
  /** The line, uncoloured. */
  text: string;
  /** Fails and SHOULD departures charged to this exchange (an inconclusive wait is not a line's business). */
  findings: MonitorLineFinding[];
}

/** The path of a URL for display; the URL itself when it does not parse. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The fails and SHOULD departures the observations charge to one exchange (or datagram) `index`. */
export function lineFindingsAt(observations: readonly RuleObservation[], index: number): MonitorLineFinding[] {
  return observations.flatMap((o) =>
    o.findings
      .filter((f) => f.exchange === index)
      .map((f) => ({ side: o.side, key: o.key, verdict: policyVerdict(f.outcome), actual: f.actual }))
      .filter((f) => f.verdict === 'fail' || f.verdict === 'non-strict'),
  );
}

/** The findings as the end of a line. */
export function findingsText(findings: readonly MonitorLineFinding[]): string {
  return findings.map((f) => `${f.verdict.toUpperCase()} ${f.side} ${f.key}: ${f.actual}`).join(' | ');
}

/** What one Package#0 says, in a few words (SERVER-ID, NOTIFICATION-ID, REQ-MOS, its errors). */
export function describePackage0(notification: Uint8Array): string {
  const decoded = decodeNotification(notification);
  const options = decoded.notification?.options;
  if (options === undefined) return 'a Package#0 that cannot be read';
  const parts = [
    options.serverId === undefined ? undefined : `SERVER-ID ${JSON.stringify(options.serverId.slice(0, 64))}`,
    options.notificationId === undefined ? undefined : `NOTIFICATION-ID ${options.notificationId}`,
    options.reqMos ? 'REQ-MOS' : undefined,
    decoded.valid ? undefined : `${decoded.violations.filter((v) => v.severity === 'error').length} error(s)`,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

/** The line of one exchange of the HTTP relay: the Package#0 it carried, with what the judge charges to it. */
export function relayLineOf(exchange: Exchange, credentials: NotificationCredentials | undefined): MonitorLine {
  const posted = httpNotificationOf(exchange);
  const answer = exchange.status === 0 ? 'no response' : `${exchange.status}`;
  const head = `#${exchange.index} Package#0 ${posted?.form === 'gcm' ? 'in a GCM message' : 'over HTTP'} POST ${pathOf(exchange.url).slice(0, 120)} → ${answer}`;
  if (posted === undefined) {
    const why = exchange.problems.length > 0 ? exchange.problems.join('; ') : 'neither the notification media type nor a GCM message';
    return { kind: 'package0', index: exchange.index, text: `${head}  not judged: ${why}`.slice(0, 2000), findings: [] };
  }
  const findings = lineFindingsAt(judgeHttpNotifications([posted], credentials), exchange.index);
  const said = posted.notification === undefined ? 'no Package#0 in it' : describePackage0(posted.notification);
  const judged = findings.length > 0 ? findingsText(findings) : 'ok';
  return { kind: 'package0', index: exchange.index, text: `${head}: ${said}  ${judged}`.slice(0, 2000), findings };
}

/** The line of one exchange, from a judgement of the exchanges up to and including it. */
export function monitorLineOf(exchange: Exchange, judgement: PassiveJudgement): MonitorLine {
  const kind = exchange.problems.length > 0 ? undefined : packageOf(exchange);
  const findings = lineFindingsAt(
    judgement.observations.filter((o) => o.evidence !== 'datagram'),
    exchange.index,
  );
  const what = kind === 1 ? 'Package#1' : kind === 3 ? 'Package#3' : 'HTTP';
  const answer = exchange.status === 0 ? 'no response' : `${exchange.status}`;
  const judged =
    findings.length > 0
      ? findingsText(findings)
      : exchange.problems.length > 0
        ? `not judged: ${exchange.problems.join('; ')}`
        : kind === undefined
          ? 'not a DM package'
          : 'ok';
  return {
    kind: kind === 1 ? 'package1' : kind === 3 ? 'package3' : 'http',
    index: exchange.index,
    text: `#${exchange.index} ${what} ${exchange.method} ${pathOf(exchange.url).slice(0, 120)} → ${answer}  ${judged}`.slice(0, 2000),
    findings,
  };
}
