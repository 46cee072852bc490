/**
 * The passive judge of Package#0: each WAP Push datagram the monitor relayed from the DM server,
 * and each Package#0 the server POSTed over HTTP (bare, App E.3, or in a GCM message, App E.2), is
 * judged, from its bytes alone, against the server's rules of its carrier (App E.1, App E.2), the
 * Package#0 encoding (§5.2.1, §5.2.1.1, §5.2.1.2, §7.1.1) and, when the server's claims give the
 * device's notification credentials (DMAcc Auth/Noti, §12.2), its SHA256-DIGEST (§5.2.1.2, §9.1).
 * Every finding is charged to the server, the sender. Decoding comes from src/protocol/notification.
 */
import { decodeNotification } from '../protocol/notification/decode.js';
import { parseHex } from '../protocol/notification/encodings.js';
import { OPTION } from '../protocol/notification/options.js';
import type { NotificationRule } from '../protocol/notification/rules.js';
import { decodeWapPushDatagram } from '../protocol/notification/wap-push.js';
import type { Violation } from '../protocol/violation.js';
import type { ServerIxit } from '../scr/index.js';
import type { HttpNotification } from './http-notifications.js';
import type { RelayedNotification } from './notification-relay.js';
import { PASSIVE_RULES, type PassiveFinding, type RuleObservation } from './passive-judge.js';

/** The device's notification credentials as the server holds them (DMAcc Auth/Noti, §12.2). */
export interface NotificationCredentials {
  secret: Uint8Array;
  authData: Uint8Array;
}

type NotificationRuleKey = (typeof PASSIVE_RULES)[
  | 'wapPush'
  | 'package0'
  | 'verHeader'
  | 'ocHeader'
  | 'serverId'
  | 'preferredConType'
  | 'notificationId'
  | 'digest'
  | 'timestamp'
  | 'reqMos'];

/** The rules judged on Package#0; `dmct judge` reads only HTTP, so it judges all but the WAP Push framing (E.1). */
export const NOTIFICATION_PASSIVE_RULES: readonly NotificationRuleKey[] = [
  PASSIVE_RULES.wapPush,
  PASSIVE_RULES.package0,
  PASSIVE_RULES.verHeader,
  PASSIVE_RULES.ocHeader,
  PASSIVE_RULES.serverId,
  PASSIVE_RULES.preferredConType,
  PASSIVE_RULES.notificationId,
  PASSIVE_RULES.digest,
  PASSIVE_RULES.timestamp,
  PASSIVE_RULES.reqMos,
];

/** The rule key each decoder violation breaks: the same keys the active server scenarios judge it under. */
const RULE_OF: Readonly<Partial<Record<NotificationRule, NotificationRuleKey>>> = {
  'notification-too-short': PASSIVE_RULES.package0,
  'notification-option-header-truncated': PASSIVE_RULES.package0,
  'notification-option-length-exceeds': PASSIVE_RULES.package0,
  'notification-trailing-bytes': PASSIVE_RULES.package0,
  'notification-option-order': PASSIVE_RULES.package0,
  'notification-option-duplicate': PASSIVE_RULES.package0,
  'notification-option-unknown': PASSIVE_RULES.package0,
  'notification-version': PASSIVE_RULES.verHeader,
  'notification-reserved-bits': PASSIVE_RULES.verHeader,
  'notification-option-count-high': PASSIVE_RULES.ocHeader,
  'notification-option-count-low': PASSIVE_RULES.ocHeader,
  'notification-server-id-utf8': PASSIVE_RULES.serverId,
  'notification-con-type-empty': PASSIVE_RULES.preferredConType,
  'notification-con-type-unknown': PASSIVE_RULES.preferredConType,
  'notification-con-type-any-not-last': PASSIVE_RULES.preferredConType,
  'notification-id-length': PASSIVE_RULES.notificationId,
  'notification-digest-length': PASSIVE_RULES.digest,
  'notification-digest-mismatch': PASSIVE_RULES.digest,
  'notification-digest-absent': PASSIVE_RULES.digest,
  'notification-timestamp-length': PASSIVE_RULES.timestamp,
  'notification-timestamp-stale': PASSIVE_RULES.timestamp,
  'notification-timestamp-future': PASSIVE_RULES.timestamp,
  'notification-req-mos-value': PASSIVE_RULES.reqMos,
};

/** The option whose presence makes an option rule checkable (§5.2.1.2, Table 1). */
const OPTION_RULES: readonly [number, NotificationRuleKey][] = [
  [OPTION.SERVER_ID, PASSIVE_RULES.serverId],
  [OPTION.PREFERRED_CON_TYPE, PASSIVE_RULES.preferredConType],
  [OPTION.NOTIFICATION_ID, PASSIVE_RULES.notificationId],
  [OPTION.TIMESTAMP, PASSIVE_RULES.timestamp],
  [OPTION.REQ_MOS, PASSIVE_RULES.reqMos],
];

function bytesOf(text: string | undefined, hex: string | undefined): Uint8Array | undefined {
  if (text !== undefined) return new TextEncoder().encode(text);
  if (hex === undefined) return undefined;
  const parsed = parseHex(hex);
  return parsed.ok ? parsed.bytes : undefined;
}

/** The notification credentials of the server's claims (/server/device/notification), when a secret is given. */
export function notificationCredentialsOf(ixit: ServerIxit | undefined): NotificationCredentials | undefined {
  const notification = ixit?.device.notification;
  if (notification === undefined) return undefined;
  const secret = bytesOf(notification.secret, notification.secretHex);
  if (secret === undefined) return undefined;
  return { secret, authData: bytesOf(notification.authData, notification.authDataHex) ?? new Uint8Array() };
}

/** The observations of one kind of evidence: relayed datagrams, or HTTP exchanges. */
class Package0Observations {
  private readonly byKey = new Map<string, RuleObservation>();

  constructor(private readonly evidence: 'datagram' | 'exchange') {}

  private of(rule: NotificationRuleKey): RuleObservation {
    let observation = this.byKey.get(rule.key);
    if (!observation) {
      observation = { key: rule.key, side: 'server', checks: 0, findings: [], exchanges: [] };
      if (this.evidence === 'datagram') observation.evidence = 'datagram';
      this.byKey.set(rule.key, observation);
    }
    return observation;
  }

  check(rule: NotificationRuleKey, datagram: number): RuleObservation {
    const observation = this.of(rule);
    observation.checks++;
    if (!observation.exchanges.includes(datagram)) observation.exchanges.push(datagram);
    return observation;
  }

  /** Each violation under its rule key: an error breaks a MUST, a warning departs from a SHOULD, infos are notes only. */
  violations(violations: readonly Violation[], fallback: NotificationRuleKey, datagram: number, counted: Set<string>): void {
    for (const v of violations) {
      if (v.severity === 'info') continue;
      const rule = RULE_OF[v.rule as NotificationRule] ?? fallback;
      // One check per rule and datagram: the rule was counted when it was checkable, else count it now.
      const observation = counted.has(rule.key) ? this.of(rule) : this.check(rule, datagram);
      counted.add(rule.key);
      const finding: PassiveFinding = {
        section: v.section,
        requirement: `the DM server sends a Package#0 that keeps ${rule.key}`,
        outcome: v.severity === 'error' ? 'must-broken' : 'should-departure',
        expected: [`no ${v.rule} violation`],
        actual: `${v.message}${v.offset === undefined ? '' : ` (at byte ${v.offset})`} [${v.rule}]`,
        exchange: datagram,
      };
      observation.findings.push(finding);
    }
  }

  all(): RuleObservation[] {
    return [...this.byKey.values()];
  }
}

/**
 * What makes two Package#0 the same notification to a device: the same NOTIFICATION-ID from the same
 * sending server (§5.2.1.2); the device drops the second.
 */
export function duplicateKeyOf(serverId: string | undefined, notificationId: number): string {
  return `${serverId ?? ''}\u0000${notificationId}`;
}

/** The first Package#0 seen under each SERVER-ID and NOTIFICATION-ID (its bytes in hex), by key. */
type FirstById = Map<string, { index: number; hex: string }>;

/**
 * A NOTIFICATION-ID the same server already used for another Package#0: the device drops the
 * second as a duplicate, so the server did not set it so duplicates are detectable (§5.2.1.2). A
 * byte-identical Package#0 is the same notification sent again, not a reuse.
 */
function reusedId(
  firstById: FirstById,
  serverId: string | undefined,
  id: number,
  at: { index: number },
  notification: Uint8Array,
): Violation[] {
  const key = duplicateKeyOf(serverId, id);
  const hex = Buffer.from(notification).toString('hex');
  const first = firstById.get(key);
  if (first === undefined) {
    firstById.set(key, { index: at.index, hex });
    return [];
  }
  if (first.hex === hex) return [];
  return [
    {
      rule: 'notification-id-reused',
      section: '5.2.1.2',
      severity: 'error',
      message: `NOTIFICATION-ID ${id} of SERVER-ID ${JSON.stringify((serverId ?? '').slice(0, 64))} was already used by Package#0 ${first.index}, a different one: the device drops this one as a duplicate`,
    },
  ];
}

/**
 * Judges one Package#0 (§5.2.1, §5.2.1.1, §5.2.1.2, §7.1.1) received at `time`: the frame, VER, OC
 * and each option present. Without credentials the digest is not verified: its rule stays
 * unobserved (or fails on a digest of the wrong length), never a pass.
 */
function judgePackage0(
  observations: Package0Observations,
  notification: Uint8Array,
  at: { index: number; time: string },
  credentials: NotificationCredentials | undefined,
  counted: Set<string>,
  firstById: FirstById,
): void {
  const checkOnce = (rule: NotificationRuleKey) => {
    observations.check(rule, at.index);
    counted.add(rule.key);
  };
  const receivedAt = Math.floor(Date.parse(at.time) / 1000);
  const decoded = decodeNotification(notification, {
    ...(credentials ?? {}),
    ...(Number.isNaN(receivedAt) ? {} : { now: receivedAt }),
  });
  for (const rule of [PASSIVE_RULES.package0, PASSIVE_RULES.verHeader, PASSIVE_RULES.ocHeader]) checkOnce(rule);
  const present = new Set(decoded.notification?.rawOptions.map((o) => o.number) ?? []);
  for (const [number, rule] of OPTION_RULES) if (present.has(number)) checkOnce(rule);
  // The digest verifies only with the credentials and a digest to recompute; a notification
  // without one shows nothing of the server's support (§5.2.1.2). A digest of the wrong length
  // is seen without credentials: that violation alone counts its check.
  if (credentials !== undefined && present.has(OPTION.SHA256_DIGEST)) checkOnce(PASSIVE_RULES.digest);
  observations.violations(decoded.violations, PASSIVE_RULES.package0, at.index, counted);
  const id = decoded.notification?.options.notificationId;
  if (id !== undefined)
    observations.violations(
      reusedId(firstById, decoded.notification?.options.serverId, id, at, notification),
      PASSIVE_RULES.notificationId,
      at.index,
      counted,
    );
}

/**
 * Judges the relayed datagrams (server side): the WAP Push framing (App E.1), then the Package#0
 * it carries. A datagram the relay could not forward is still the server's sending, and judged.
 * The observations' indices name datagrams (`evidence: 'datagram'`).
 */
export function judgeNotifications(
  relayed: readonly RelayedNotification[],
  credentials: NotificationCredentials | undefined,
): RuleObservation[] {
  const observations = new Package0Observations('datagram');
  /** The first Package#0 seen under each SERVER-ID and NOTIFICATION-ID (hex), to find an id reused. */
  const firstById: FirstById = new Map();
  for (const datagram of relayed) {
    const counted = new Set<string>([PASSIVE_RULES.wapPush.key]);
    observations.check(PASSIVE_RULES.wapPush, datagram.index);
    const push = decodeWapPushDatagram(datagram.bytes);
    observations.violations(push.violations, PASSIVE_RULES.wapPush, datagram.index, counted);
    if (push.notification !== undefined) judgePackage0(observations, push.notification, datagram, credentials, counted, firstById);
  }
  return observations.all();
}

/**
 * Judges the Package#0 POSTed over HTTP (server side): a GCM message's form and base64 (App E.2,
 * under the Package#0 rule, as the active scenarios judge it), then the Package#0 itself. The
 * observations' indices name HTTP exchanges.
 */
export function judgeHttpNotifications(
  notifications: readonly HttpNotification[],
  credentials: NotificationCredentials | undefined,
): RuleObservation[] {
  const observations = new Package0Observations('exchange');
  const firstById: FirstById = new Map();
  for (const posted of notifications) {
    const counted = new Set<string>();
    if (posted.framing.length > 0) observations.violations(posted.framing, PASSIVE_RULES.package0, posted.exchange, counted);
    if (posted.notification !== undefined)
      judgePackage0(observations, posted.notification, { index: posted.exchange, time: posted.time }, credentials, counted, firstById);
  }
  return observations.all();
}
