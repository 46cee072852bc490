import {
  NOTIFICATION_DIGEST_ABSENT_SEVERITY,
  NOTIFICATION_RESERVED_BITS_SEVERITY,
  NOTIFICATION_STALE_TIMESTAMP_SEVERITY,
  NOTIFICATION_TIMESTAMP_LENGTH_SEVERITY,
  NOTIFICATION_UNKNOWN_CON_TYPE_SEVERITY,
  NOTIFICATION_UNKNOWN_OPTION_SEVERITY,
} from '../interpretations/notification.js';
import type { Violation } from '../violation.js';

interface RuleDefinition {
  section: string;
  severity: Violation['severity'];
}

/**
 * Every rule the Package#0 decoder, the WAP Push and the GCM decoders report, with the spec
 * section it comes from (§5.2.1.1 header, §5.2.1.2 options, §7.1.1 byte layout, §9.1 security,
 * App E.1 WAP Push, App E.2 GCM) and its severity. Rule ids are stable: scenarios, fixtures and
 * mutants name them.
 */
export const NOTIFICATION_RULES = {
  'notification-too-short': { section: '7.1.1', severity: 'error' },
  'notification-version': { section: '5.2.1.1', severity: 'error' },
  'notification-reserved-bits': { section: '7.1.1', severity: NOTIFICATION_RESERVED_BITS_SEVERITY },
  'notification-option-count-high': { section: '5.2.1.1', severity: 'error' },
  'notification-option-count-low': { section: '5.2.1.1', severity: 'error' },
  'notification-option-header-truncated': { section: '7.1.1', severity: 'error' },
  'notification-option-length-exceeds': { section: '7.1.1', severity: 'error' },
  'notification-trailing-bytes': { section: '7.1.1', severity: 'error' },
  'notification-option-order': { section: '7.1.1', severity: 'error' },
  'notification-option-duplicate': { section: '5.2.1.2', severity: 'error' },
  'notification-option-unknown': { section: '5.2.1.2', severity: NOTIFICATION_UNKNOWN_OPTION_SEVERITY },
  'notification-server-id-utf8': { section: '5.2.1.2', severity: 'error' },
  'notification-con-type-empty': { section: '5.2.1.2', severity: 'error' },
  'notification-con-type-unknown': { section: '5.2.1.2', severity: NOTIFICATION_UNKNOWN_CON_TYPE_SEVERITY },
  'notification-con-type-any-not-last': { section: '5.2.1.2', severity: 'error' },
  'notification-id-length': { section: '5.2.1.2', severity: 'error' },
  'notification-digest-length': { section: '5.2.1.2', severity: 'error' },
  'notification-digest-mismatch': { section: '9.1', severity: 'error' },
  'notification-digest-absent': { section: '9.1', severity: NOTIFICATION_DIGEST_ABSENT_SEVERITY },
  'notification-timestamp-length': { section: '5.2.1.2', severity: NOTIFICATION_TIMESTAMP_LENGTH_SEVERITY },
  'notification-timestamp-stale': { section: '9.1', severity: NOTIFICATION_STALE_TIMESTAMP_SEVERITY },
  'notification-timestamp-future': { section: '9.1', severity: NOTIFICATION_STALE_TIMESTAMP_SEVERITY },
  'notification-req-mos-value': { section: '5.2.1.2', severity: 'error' },
  'wap-push-too-short': { section: 'E.1', severity: 'error' },
  'wap-push-pdu-type': { section: 'E.1', severity: 'error' },
  'wap-push-headers-length': { section: 'E.1', severity: 'error' },
  'wap-push-header-too-long': { section: 'E.1', severity: 'error' },
  'wap-push-header-malformed': { section: 'E.1', severity: 'error' },
  'wap-push-content-type': { section: 'E.1', severity: 'error' },
  'wap-push-app-id-missing': { section: 'E.1', severity: 'error' },
  'wap-push-app-id': { section: 'E.1', severity: 'error' },
  'wap-push-body-empty': { section: 'E.1', severity: 'error' },
  'gcm-message-schema': { section: 'E.2', severity: 'error' },
  'gcm-sms-base64': { section: 'E.2', severity: 'error' },
} as const satisfies Record<string, RuleDefinition>;

/** A rule id of the notification layer (§5.2.1, §7.1.1, §9.1, App E; see NOTIFICATION_RULES). */
export type NotificationRule = keyof typeof NOTIFICATION_RULES;

/** Builds the Violation of a notification-layer rule, with its section and severity from NOTIFICATION_RULES. */
export function notificationViolation(
  rule: NotificationRule,
  message: string,
  where: { offset?: number; pointer?: string } = {},
): Violation {
  const { section, severity } = NOTIFICATION_RULES[rule];
  return { rule, section, severity, message, ...where };
}
