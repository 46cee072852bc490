import { GCM_NOTIFICATION_DATA_KEY } from '../interpretations/notification.js';
import { compileSchema } from '../json-schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { parseBase64, toBase64 } from './encodings.js';
import { notificationViolation } from './rules.js';
import { gcmMessageSchema, type GcmMessage } from './schemas/gcm-message.schema.js';

const validateGcmMessage = compileSchema<GcmMessage>(gcmMessageSchema);

/**
 * The GCM downstream message that carries a notification (App E.2): the notification bytes, base64,
 * under the data key `SMS` (GCM_NOTIFICATION_DATA_KEY), addressed to the client's registration id.
 */
export function encodeGcmMessage(notification: Uint8Array, options: { registrationId: string }): GcmMessage {
  return {
    registration_ids: [options.registrationId],
    data: { [GCM_NOTIFICATION_DATA_KEY]: toBase64(notification) } as GcmMessage['data'],
  };
}

/** What `decodeGcmMessage` found (App E.2). */
export interface GcmDecoding {
  message?: GcmMessage;
  /** The notification bytes from data.SMS, when they are valid base64. */
  notification?: Uint8Array;
  violations: Violation[];
  valid: boolean;
}

/**
 * Reads a GCM message carrying a notification (App E.2): JSON text or an already parsed value,
 * checked against the GcmMessage schema, then data.SMS decoded from base64. Never throws; every
 * problem is a Violation with a JSON pointer.
 */
export function decodeGcmMessage(json: unknown): GcmDecoding {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json) as unknown;
    } catch (err) {
      const violations = [notificationViolation('gcm-message-schema', `not JSON: ${(err as Error).message}`, { pointer: '' })];
      return { violations, valid: false };
    }
  }
  const checked = validateGcmMessage(data);
  if (!checked.ok) {
    const violations = checked.violations.map((v) =>
      notificationViolation('gcm-message-schema', `${v.message} (${v.rule})`, { pointer: v.pointer }),
    );
    return { violations, valid: false };
  }
  const message = checked.value;
  const parsed = parseBase64(message.data.SMS);
  if (!parsed.ok) {
    const violations = [notificationViolation('gcm-sms-base64', parsed.error, { pointer: `/data/${GCM_NOTIFICATION_DATA_KEY}` })];
    return { message, violations, valid: false };
  }
  const violations: Violation[] = [];
  return { message, notification: parsed.bytes, violations, valid: !hasErrors(violations) };
}
