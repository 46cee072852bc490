import { NOTIFICATION_FRESHNESS_WINDOW_SECONDS } from '../../protocol/interpretations/notification.js';
import { UNSIGNED_NOTIFICATION_ACCEPTED } from './interpretations.js';
import { decodeNotification, type Notification } from '../../protocol/notification/decode.js';
import type { NotificationDeduplicator } from '../../protocol/notification/deduplicator.js';
import type { Violation } from '../../protocol/violation.js';
import type { FaultSet } from '../faults/types.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';
import { chooseBearer, type Bearer, type Connectivity } from './connection.js';
import type { DmAccount } from './dm-account.js';

/** Why the reference client dropped a notification (admin GET /state, `reason`). */
export const NOTIFICATION_DROP_REASONS = [
  'wap-push-framing',
  'malformed',
  'version',
  'option-count',
  'unknown-server-id',
  'no-server-id',
  'digest-without-secret',
  'digest-missing',
  'digest-mismatch',
  'stale-timestamp',
  'duplicate',
  'no-preferred-connection',
  'stopped',
] as const;

/** One reason a notification was dropped. */
export type NotificationDropReason = (typeof NOTIFICATION_DROP_REASONS)[number];

/** What the gate needs to judge a notification. */
export interface GateContext {
  accounts: readonly DmAccount[];
  deduplicator: NotificationDeduplicator;
  connectivity: Connectivity;
  faults: FaultSet<ReferenceClientFaultName>;
  /** Receiver clock, POSIX seconds. */
  now: number;
  freshnessWindowSeconds?: number;
}

/** The gate's decision: open a session (with the account and call-back bearer) or drop, and why. */
export type GateDecision =
  | { accept: true; account: DmAccount; notification: Notification; bearer: Bearer; overriddenBy: ReferenceClientFaultName[] }
  | { accept: false; reason: NotificationDropReason; detail: string; serverId?: string; notificationId?: number };

const OPTION_COUNT_RULES = new Set(['notification-option-count-high', 'notification-option-count-low']);
const STALE_RULES = new Set(['notification-timestamp-stale', 'notification-timestamp-future']);

function describe(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.message} (${v.rule})`).join('; ');
}

/**
 * Judges a Package#0 (section 5.2.1) the way a careful client does: a session is opened only for
 * a valid notification — VER 2 and OC matching (5.2.1.1), well-formed options in order (7.1.1),
 * a SERVER-ID naming one of the client's accounts (or no SERVER-ID with a single account), a
 * SHA256-DIGEST that verifies whenever one is present (it MUST be ignored when no secret is
 * provisioned or it is wrong; an unsigned one per `UNSIGNED_NOTIFICATION_ACCEPTED`), a TIMESTAMP inside the freshness window (9.1, the client MAY drop),
 * a NOTIFICATION-ID not seen before from that server (duplicates MUST be dropped), and an
 * available bearer among the PREFERRED-CON-TYPE list. Each fault switch lets exactly its one kind
 * of broken notification through.
 */
export function judgeNotification(bytes: Uint8Array, context: GateContext, transportSender?: string): GateDecision {
  const { faults } = context;
  const overriddenBy: ReferenceClientFaultName[] = [];
  const first = decodeNotification(bytes);
  const found = first.notification;
  const ids = {
    ...(found?.options.serverId === undefined ? {} : { serverId: found.options.serverId }),
    ...(found?.options.notificationId === undefined ? {} : { notificationId: found.options.notificationId }),
  };
  const drop = (reason: NotificationDropReason, detail: string): GateDecision => ({ accept: false, reason, detail, ...ids });
  if (!found) return drop('malformed', describe(first.violations));

  const errors = first.violations.filter((v) => v.severity === 'error');
  const version = errors.filter((v) => v.rule === 'notification-version');
  const count = errors.filter((v) => OPTION_COUNT_RULES.has(v.rule));
  const other = errors.filter((v) => v.rule !== 'notification-version' && !OPTION_COUNT_RULES.has(v.rule));
  if (version.length > 0) {
    if (!faults.has('accept-wrong-ver')) return drop('version', describe(version));
    overriddenBy.push('accept-wrong-ver');
  }
  if (count.length > 0) {
    if (!faults.has('accept-oc-mismatch')) return drop('option-count', describe(count));
    overriddenBy.push('accept-oc-mismatch');
  }
  // An OC that overstates the options makes the decoder also report the missing option's framing.
  const framing =
    count.length > 0 && faults.has('accept-oc-mismatch') ? other.filter((v) => v.rule !== 'notification-option-header-truncated') : other;
  if (framing.length > 0) return drop('malformed', describe(framing));

  const serverId = found.options.serverId;
  let account =
    serverId === undefined
      ? context.accounts.length === 1
        ? context.accounts[0]
        : undefined
      : context.accounts.find((a) => a.serverId === serverId);
  if (!account) {
    if (!faults.has('ignore-server-id') || context.accounts.length === 0) {
      return serverId === undefined
        ? drop('no-server-id', `no SERVER-ID and ${context.accounts.length} accounts to choose from`)
        : drop('unknown-server-id', `SERVER-ID ${JSON.stringify(serverId)} names no DM account of this client`);
    }
    overriddenBy.push('ignore-server-id');
    account = context.accounts[0] as DmAccount;
  }

  const judged = decodeNotification(bytes, {
    ...(account.notification ? { secret: account.notification.secret, authData: account.notification.authData } : {}),
    now: context.now,
    freshnessWindowSeconds: context.freshnessWindowSeconds ?? NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
  });
  if (!judged.digest?.present && account.notification && !UNSIGNED_NOTIFICATION_ACCEPTED) {
    return drop('digest-missing', `account ${account.serverId} holds Auth/Noti credentials but the notification carries no SHA256-DIGEST`);
  }
  if (judged.digest?.present) {
    if (!account.notification)
      return drop('digest-without-secret', `SHA256-DIGEST present but account ${account.serverId} has no Auth/Noti secret`);
    if (judged.digest.verified !== true) {
      if (!faults.has('accept-bad-digest'))
        return drop(
          'digest-mismatch',
          describe(judged.violations.filter((v) => v.rule.startsWith('notification-digest'))) || 'SHA256-DIGEST does not verify',
        );
      overriddenBy.push('accept-bad-digest');
    }
  }
  const stale = judged.violations.filter((v) => STALE_RULES.has(v.rule));
  if (stale.length > 0) {
    if (!faults.has('accept-stale-timestamp')) return drop('stale-timestamp', describe(stale));
    overriddenBy.push('accept-stale-timestamp');
  }

  const seen = context.deduplicator.observe(
    {
      ...(found.options.notificationId === undefined ? {} : { notificationId: found.options.notificationId }),
      ...(serverId === undefined ? {} : { serverId }),
    },
    transportSender,
  );
  if (seen === 'duplicate') {
    if (!faults.has('accept-duplicate'))
      return drop(
        'duplicate',
        `NOTIFICATION-ID ${found.options.notificationId} from ${serverId ?? transportSender ?? 'this sender'} was seen before`,
      );
    overriddenBy.push('accept-duplicate');
  }

  const bearer = faults.has('ignore-con-type')
    ? context.connectivity.defaultBearer
    : chooseBearer(found.options.preferredConTypes, context.connectivity);
  if (bearer === undefined)
    return drop(
      'no-preferred-connection',
      `none of PREFERRED-CON-TYPE ${JSON.stringify(found.options.preferredConTypes)} is available and ANY_AVAILABLE is not listed`,
    );
  return { accept: true, account, notification: found, bearer, overriddenBy };
}
