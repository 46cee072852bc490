import { NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING, type NotificationTimestampEncoding } from '../interpretations/notification.js';
import { compileSchema, type SchemaViolation } from '../json-schema.js';
import { asBytes } from './encodings.js';
import { CONNECTION_TYPE_CODES, FIELD_MAX, NOTIFICATION_ID_LENGTH, OPTION } from './options.js';
import { encodeRawNotification, type RawNotificationOption, type RawNotificationSpec } from './raw.js';
import { notificationInputSchema, type NotificationInput } from './schemas/notification-input.schema.js';

/** Credentials (§5.2.1.2, §12.2) and encoding choices (§5.2.1.2) for `encodeNotification`. */
export interface NotificationEncodeOptions {
  /** DMAcc `Auth/Noti/Secret` (§12.2); required when the input asks for a digest. Strings are UTF-8. */
  secret?: Uint8Array | string;
  /** DMAcc `Auth/Noti/Data` (§12.2); empty when absent. Strings are UTF-8. */
  authData?: Uint8Array | string;
  /** TIMESTAMP representation (§5.2.1.2); default NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING. */
  timestampEncoding?: NotificationTimestampEncoding;
}

/** Thrown by `encodeNotification` when the input cannot make a valid notification (§5.2.1.2, §7.1.1); lists every reason. */
export class NotificationInputError extends Error {
  override readonly name = 'NotificationInputError';
  constructor(readonly problems: readonly SchemaViolation[]) {
    super(problems.map((p) => `${p.pointer || '/'}: ${p.message} (${p.rule})`).join('; '));
  }
}

const validateInput = compileSchema<NotificationInput>(notificationInputSchema);

/**
 * Everything that stops `input` from encoding to a valid notification (§5.2.1.2, §7.1.1): schema
 * violations (types, ranges, connection-type names) and the rules the schema cannot say
 * (ANY_AVAILABLE last, 12-bit value lengths, a digest needs a secret, the timestamp must fit its
 * encoding). Each problem carries a JSON pointer into the input.
 */
export function checkNotificationInput(input: unknown, options: NotificationEncodeOptions = {}): SchemaViolation[] {
  const result = validateInput(input);
  if (!result.ok) return result.violations;
  const value = result.value;
  const problems: SchemaViolation[] = [];
  const conTypes = value.preferredConTypes ?? [];
  conTypes.forEach((name, i) => {
    if (name === 'ANY_AVAILABLE' && i !== conTypes.length - 1) {
      problems.push({
        pointer: `/preferredConTypes/${i}`,
        rule: 'any-available-last',
        message: 'ANY_AVAILABLE must be the last connection type (§5.2.1.2)',
      });
    }
  });
  if (value.serverId !== undefined) {
    const size = asBytes(value.serverId).length;
    if (size > FIELD_MAX.length) {
      problems.push({
        pointer: '/serverId',
        rule: 'option-length',
        message: `is ${size} bytes in UTF-8; an option value holds at most ${FIELD_MAX.length} (§7.1.1)`,
      });
    }
  }
  if (value.digest === true && options.secret === undefined) {
    problems.push({
      pointer: '/digest',
      rule: 'digest-secret',
      message: 'a SHA256-DIGEST needs the secret (DMAcc Auth/Noti/Secret) to compute it (§5.2.1.2)',
    });
  }
  const encoding = options.timestampEncoding ?? NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING;
  const limit = encoding === 'uint32' ? 0xffff_ffff : Number.MAX_SAFE_INTEGER;
  if (value.timestamp !== undefined && value.timestamp > limit) {
    problems.push({
      pointer: '/timestamp',
      rule: 'timestamp-range',
      message: `${value.timestamp} does not fit the ${encoding} timestamp encoding (max ${limit})`,
    });
  }
  return problems;
}

function uintBytes(value: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let rest = BigInt(value);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/**
 * The raw description of the valid notification for `input`: options in increasing number order
 * (§7.1.1.2), OC = their count, VER 2, RESERVED 0. Mutants start from it and change one field.
 * Does not check the input; `encodeNotification` does.
 */
export function notificationToRawSpec(input: NotificationInput, options: NotificationEncodeOptions = {}): RawNotificationSpec {
  const raw: RawNotificationOption[] = [];
  if (input.serverId !== undefined) raw.push({ number: OPTION.SERVER_ID, value: asBytes(input.serverId) });
  if (input.preferredConTypes !== undefined) {
    raw.push({
      number: OPTION.PREFERRED_CON_TYPE,
      value: Uint8Array.from(input.preferredConTypes.map((name) => CONNECTION_TYPE_CODES[name])),
    });
  }
  if (input.notificationId !== undefined) {
    raw.push({ number: OPTION.NOTIFICATION_ID, value: uintBytes(input.notificationId, NOTIFICATION_ID_LENGTH) });
  }
  if (input.digest === true) raw.push({ number: OPTION.SHA256_DIGEST, digest: true });
  if (input.timestamp !== undefined) {
    const encoding = options.timestampEncoding ?? NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING;
    raw.push({ number: OPTION.TIMESTAMP, value: uintBytes(input.timestamp, encoding === 'uint32' ? 4 : 8) });
  }
  if (input.reqMos === true) raw.push({ number: OPTION.REQ_MOS });
  const spec: RawNotificationSpec = { options: raw };
  if (input.digest === true && options.secret !== undefined) {
    spec.digest = { secret: options.secret, authData: options.authData ?? new Uint8Array(0) };
  }
  return spec;
}

/**
 * Encodes a valid Package#0 DM Notification (§5.2.1, §7.1.1): 2-byte header (VER 2, OC, RESERVED
 * 0), then the options in increasing number order, each a 4-bit delta, a 12-bit length and the
 * value; the SHA256-DIGEST, when asked for, computed per §5.2.1.2 over the notification with a
 * zeroed digest. Throws NotificationInputError when the input cannot make a valid notification;
 * deliberately broken notifications come from `encodeRawNotification`.
 */
export function encodeNotification(input: NotificationInput, options: NotificationEncodeOptions = {}): Uint8Array {
  const problems = checkNotificationInput(input, options);
  if (problems.length > 0) throw new NotificationInputError(problems);
  return encodeRawNotification(notificationToRawSpec(input, options));
}
