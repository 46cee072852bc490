/**
 * The client's answer to a Package#0 the monitor relayed (§5.2.2): the Package#1 of a session a
 * notification opens carries a ServerInitiatedMgmt session alert whose Data includes the
 * NOTIFICATION-ID; ClientInitiatedMgmt is for a session the client opens on its own.
 *
 * A ServerInitiatedMgmt Package#1 carrying the NOTIFICATION-ID confirms both the delivery and the
 * answer: a check held. A ClientInitiatedMgmt Package#1 after the Package#0, with no such answer
 * before the monitoring ended, may be the wrong alert, or a session of the client's own while the
 * datagram was lost (UDP confirms no delivery): inconclusive, never a fail and never a pass.
 * Judged only for a Package#0 the client had to answer: delivered by the relay, without a MUST
 * broken (a wrong digest, a stale timestamp: the client ignores it), not a duplicate, and only
 * when the capture's Package#1s come from one device (a datagram names no DevID).
 */
import { decodeNotification } from '../protocol/notification/decode.js';
import { decodeWapPushDatagram } from '../protocol/notification/wap-push.js';
import { ALERT_TYPES, extractNotificationId } from '../protocol/packages/generic-alert.js';
import type { GenericAlert } from '../protocol/schemas/generic-alert.schema.js';
import { HEADERS, getHeader } from '../protocol/http/headers.js';
import type { Exchange } from './capture.js';
import { duplicateKeyOf, type NotificationCredentials } from './notification-judge.js';
import type { RelayedNotification } from './notification-relay.js';
import { alertsOf, packageOf, type RuleObservation } from './passive-judge.js';
import { PASSIVE_RULES } from './passive-rules.js';

interface Package1Seen {
  exchange: number;
  time: number;
  devId: string | undefined;
  alerts: GenericAlert[];
}

/** A Package#0 the client had to answer: its datagram, time and NOTIFICATION-ID. */
interface Notified {
  datagram: number;
  time: number;
  id: number;
}

/** The Package#0s the client had to answer (see the module comment), in relay order. */
function notifiedOf(relayed: readonly RelayedNotification[], credentials: NotificationCredentials | undefined): Notified[] {
  const seen = new Set<string>();
  return relayed.flatMap((datagram) => {
    const time = Date.parse(datagram.time);
    if (datagram.notDelivered !== undefined || Number.isNaN(time)) return [];
    const push = decodeWapPushDatagram(datagram.bytes);
    if (push.notification === undefined || push.violations.some((v) => v.severity === 'error')) return [];
    const decoded = decodeNotification(push.notification, { ...(credentials ?? {}), now: Math.floor(time / 1000) });
    const id = decoded.notification?.options.notificationId;
    if (id === undefined || decoded.violations.some((v) => v.severity === 'error')) return [];
    // Same NOTIFICATION-ID from the same server: a duplicate the client drops (§5.2.1.2).
    const key = duplicateKeyOf(decoded.notification?.options.serverId, id);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ datagram: datagram.index, time, id }];
  });
}

/**
 * Judges the client's answer to each relayed Package#0 (client 5.2.2/package1). The observation's
 * indices name datagrams (`evidence: 'datagram'`); each finding names the Package#1 it is about.
 */
export function judgeNotificationAnswers(
  exchanges: readonly Exchange[],
  relayed: readonly RelayedNotification[],
  credentials: NotificationCredentials | undefined,
): RuleObservation[] {
  const notified = notifiedOf(relayed, credentials);
  if (notified.length === 0) return [];
  const package1s: Package1Seen[] = exchanges.flatMap((exchange) =>
    exchange.problems.length === 0 && packageOf(exchange) === 1
      ? [
          {
            exchange: exchange.index,
            time: Date.parse(exchange.time),
            devId: getHeader(exchange.requestHeaders, HEADERS.devId)?.trim(),
            alerts: alertsOf(exchange.requestBody),
          },
        ]
      : [],
  );
  if (new Set(package1s.map((p) => p.devId)).size !== 1) return [];
  const observation: RuleObservation = {
    key: PASSIVE_RULES.package1.key,
    side: PASSIVE_RULES.package1.side,
    checks: 0,
    findings: [],
    exchanges: [],
    evidence: 'datagram',
  };
  for (const n of notified) {
    const after = package1s.filter((p) => p.time >= n.time);
    const answered = after.some((p) =>
      p.alerts.some((a) => a.AlertType === ALERT_TYPES.serverInitiatedMgmt && extractNotificationId(a)?.id === n.id),
    );
    const clientInitiated = after.find((p) => p.alerts.some((a) => a.AlertType === ALERT_TYPES.clientInitiatedMgmt));
    if (!answered && clientInitiated === undefined) continue;
    observation.checks++;
    observation.exchanges.push(n.datagram);
    if (answered) continue;
    observation.findings.push({
      section: '5.2.2',
      requirement: 'a Package#1 answering a notification carries a ServerInitiatedMgmt session alert with its NOTIFICATION-ID',
      outcome: 'stimulus-not-delivered',
      expected: [`a Package#1 with ${ALERT_TYPES.serverInitiatedMgmt} whose Data includes NOTIFICATION-ID ${n.id}`],
      actual: `a later session of the device opened with ${ALERT_TYPES.clientInitiatedMgmt} (exchange ${clientInitiated?.exchange ?? '?'}), and no Package#1 answered NOTIFICATION-ID ${n.id} before the monitoring ended: the wrong session alert, or a session of its own while the datagram was lost (UDP confirms no delivery)`,
      exchange: n.datagram,
    });
  }
  return observation.checks > 0 ? [observation] : [];
}
