import {
  NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
  NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS,
  NOTIFICATION_VERSION,
  type NotificationTimestampEncoding,
} from '../interpretations/notification.js';
import { hasErrors, type Violation } from '../violation.js';
import { checkDigestAt } from './digest.js';
import { decodeUtf8, plainBytes, toHex } from './encodings.js';
import {
  CONNECTION_TYPE_CODES,
  DIGEST_LENGTH,
  FIELD_MAX,
  HEADER_LENGTH,
  NOTIFICATION_ID_LENGTH,
  OPTION,
  OPTION_HEADER_LENGTH,
  OPTION_NAMES,
  connectionTypeName,
  isKnownOption,
  type OptionName,
} from './options.js';
import { notificationViolation, type NotificationRule } from './rules.js';
import { appendAll } from '../json-limits.js';

/** One option as found on the wire (§7.1.1.2), with where it sits in the buffer. */
export interface NotificationOption {
  /** Option number: the running sum of deltas (or the out-of-order reading, see `notification-option-order`). */
  number: number;
  /** Name, for the option numbers §5.2.1.2 defines. */
  name?: OptionName;
  delta: number;
  /** Byte offset of the 2-byte option header. */
  offset: number;
  /** Declared value length. */
  length: number;
  /** Value bytes present in the buffer: fewer than `length` when the option is truncated. */
  value: Uint8Array;
  truncated: boolean;
}

/** The standard options, decoded; the first occurrence of each counts (§5.2.1.2). */
export interface NotificationFields {
  serverId?: string;
  /** PREFERRED-CON-TYPE bytes in priority order (§5.2.1.2). */
  preferredConTypes?: number[];
  notificationId?: number;
  digest?: Uint8Array;
  /** TIMESTAMP as POSIX seconds. */
  timestamp?: number;
  reqMos: boolean;
}

/** A decoded Package#0 (§5.2.1, §7.1.1). */
export interface Notification {
  version: number;
  optionCount: number;
  reserved: number;
  options: NotificationFields;
  /** Every option in wire order, including unknown, repeated and truncated ones. */
  rawOptions: NotificationOption[];
}

/** What `decodeNotification` found (§5.2.1, §7.1.1): the notification (when at least the header was there) and every violation. */
export interface NotificationDecoding {
  notification?: Notification;
  violations: Violation[];
  /** True when no violation is an error. */
  valid: boolean;
  /** SHA256-DIGEST: whether one is present and, when credentials were given, whether it verifies. */
  digest?: { present: boolean; verified?: boolean };
}

/** Receiver-side settings for `decodeNotification`: digest credentials (§5.2.1.2, §12.2) and the clock for TIMESTAMP freshness (§9.1). */
export interface NotificationDecodeOptions {
  /** DMAcc `Auth/Noti/Secret`; when given, the digest is verified (§5.2.1.2). Strings are UTF-8. */
  secret?: Uint8Array | string;
  /** DMAcc `Auth/Noti/Data`; empty when absent. */
  authData?: Uint8Array | string;
  /** Receiver clock, POSIX seconds; when given, TIMESTAMP freshness is judged (§9.1). */
  now?: number;
  /** Allowed distance of TIMESTAMP from `now`; default NOTIFICATION_FRESHNESS_WINDOW_SECONDS. */
  freshnessWindowSeconds?: number;
  /** TIMESTAMP representation; `auto` (default) accepts NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS. */
  timestampEncoding?: NotificationTimestampEncoding | 'auto';
}

interface Scan {
  options: NotificationOption[];
  violations: Violation[];
  /** Offset after the last complete option; undefined when scanning hit the end mid-option. */
  end?: number;
}

function readUint16(bytes: Uint8Array, offset: number): number | undefined {
  const hi = bytes[offset];
  const lo = bytes[offset + 1];
  return hi === undefined || lo === undefined ? undefined : (hi << 8) | lo;
}

function describeOption(number: number): string {
  const name = OPTION_NAMES[number];
  return name === undefined ? `option ${number}` : `option ${number} (${name})`;
}

/**
 * Option number of the next option. A delta that wraps below 16 onto a defined option number
 * lower than the previous one is read as that option written out of order: a sender that computes
 * `number − previous` for options out of order and keeps 4 bits produces exactly that delta.
 */
function nextNumber(previous: number, delta: number, isFirst: boolean): { number: number; outOfOrder: boolean } {
  if (!isFirst) {
    const wrapped = previous + delta - (FIELD_MAX.delta + 1);
    if (wrapped < previous && wrapped >= 1 && isKnownOption(wrapped)) return { number: wrapped, outOfOrder: true };
  }
  return { number: previous + delta, outOfOrder: false };
}

/** Reads up to `limit` options from `start`, never past the buffer. */
function scanOptions(bytes: Uint8Array, start: number, limit: number): Scan {
  const options: NotificationOption[] = [];
  const violations: Violation[] = [];
  let pos = start;
  let number = 0;
  for (let i = 0; i < limit; i++) {
    if (pos >= bytes.length) {
      violations.push(
        notificationViolation('notification-option-count-high', `OC says ${limit} options but the notification ends after ${i}`, {
          offset: pos,
        }),
      );
      return { options, violations, end: pos };
    }
    const head = readUint16(bytes, pos);
    if (head === undefined) {
      violations.push(
        notificationViolation(
          'notification-option-header-truncated',
          `option ${i + 1} of ${limit}: only 1 of the 2 option-header bytes is present`,
          { offset: pos },
        ),
      );
      return { options, violations };
    }
    const delta = head >>> 12;
    const length = head & FIELD_MAX.length;
    const next = nextNumber(number, delta, i === 0);
    number = next.number;
    const valueStart = pos + OPTION_HEADER_LENGTH;
    const available = Math.max(0, Math.min(length, bytes.length - valueStart));
    const option: NotificationOption = {
      number,
      delta,
      offset: pos,
      length,
      value: bytes.slice(valueStart, valueStart + available),
      truncated: available < length,
    };
    const name = OPTION_NAMES[number];
    if (name !== undefined) option.name = name;
    options.push(option);
    if (next.outOfOrder) {
      violations.push(
        notificationViolation(
          'notification-option-order',
          `delta ${delta} wraps to ${describeOption(number)} after option ${number + FIELD_MAX.delta + 1 - delta}: options must be in increasing number order`,
          { offset: pos },
        ),
      );
    }
    if (option.truncated) {
      violations.push(
        notificationViolation(
          'notification-option-length-exceeds',
          `${describeOption(number)} declares ${length} value bytes but only ${available} remain`,
          { offset: pos },
        ),
      );
      return { options, violations };
    }
    pos = valueStart + length;
  }
  return { options, violations, end: pos };
}

/** Counts the well-formed options that exactly fill `bytes[start..]`, or 0 when they do not. */
function countExactOptions(bytes: Uint8Array, start: number): number {
  let pos = start;
  let count = 0;
  while (pos < bytes.length) {
    const head = readUint16(bytes, pos);
    if (head === undefined) return 0;
    pos += OPTION_HEADER_LENGTH + (head & FIELD_MAX.length);
    count++;
  }
  return pos === bytes.length ? count : 0;
}

function readUint(value: Uint8Array): number {
  let result = 0;
  for (const byte of value) result = result * 256 + byte;
  return result;
}

interface FieldContext {
  fields: NotificationFields;
  violations: Violation[];
  options: NotificationDecodeOptions;
}

function flag(context: FieldContext, rule: NotificationRule, message: string, offset: number): void {
  context.violations.push(notificationViolation(rule, message, { offset }));
}

function decodeServerId(context: FieldContext, option: NotificationOption): void {
  const text = decodeUtf8(option.value);
  if (text === undefined) {
    flag(context, 'notification-server-id-utf8', 'SERVER-ID is not valid UTF-8', option.offset + OPTION_HEADER_LENGTH);
    return;
  }
  context.fields.serverId = text;
}

function decodeConTypes(context: FieldContext, option: NotificationOption): void {
  const valueOffset = option.offset + OPTION_HEADER_LENGTH;
  if (option.length === 0) {
    flag(context, 'notification-con-type-empty', 'PREFERRED-CON-TYPE has no value; it needs at least 1 byte', option.offset);
  }
  const codes = Array.from(option.value);
  codes.forEach((code, i) => {
    if (connectionTypeName(code) === undefined) {
      flag(
        context,
        'notification-con-type-unknown',
        `connection type 0x${code.toString(16).padStart(2, '0')} is not defined`,
        valueOffset + i,
      );
    }
    if (code === CONNECTION_TYPE_CODES.ANY_AVAILABLE && i !== codes.length - 1) {
      flag(
        context,
        'notification-con-type-any-not-last',
        `ANY_AVAILABLE (0x00) is entry ${i + 1} of ${codes.length}; it must be the last`,
        valueOffset + i,
      );
    }
  });
  context.fields.preferredConTypes = codes;
}

function decodeNotificationId(context: FieldContext, option: NotificationOption): void {
  if (option.length !== NOTIFICATION_ID_LENGTH) {
    flag(context, 'notification-id-length', `NOTIFICATION-ID is ${option.length} bytes; it must be exactly 2`, option.offset);
  }
  if (option.length >= 1 && option.length <= 6) context.fields.notificationId = readUint(option.value);
}

function decodeDigest(context: FieldContext, option: NotificationOption): void {
  if (option.length !== DIGEST_LENGTH) {
    flag(context, 'notification-digest-length', `SHA256-DIGEST is ${option.length} bytes; it must be exactly 32`, option.offset);
    return;
  }
  context.fields.digest = option.value;
}

function acceptedTimestampLengths(encoding: NotificationDecodeOptions['timestampEncoding']): readonly number[] {
  if (encoding === 'uint32') return [4];
  if (encoding === 'uint64') return [8];
  return NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS;
}

function decodeTimestamp(context: FieldContext, option: NotificationOption): void {
  const accepted = acceptedTimestampLengths(context.options.timestampEncoding);
  if (!accepted.includes(option.length)) {
    flag(
      context,
      'notification-timestamp-length',
      `TIMESTAMP is ${option.length} bytes; expected ${accepted.join(' or ')} (big-endian POSIX seconds)`,
      option.offset,
    );
    return;
  }
  const seconds = readUint(option.value);
  context.fields.timestamp = seconds;
  const now = context.options.now;
  if (now === undefined) return;
  const window = context.options.freshnessWindowSeconds ?? NOTIFICATION_FRESHNESS_WINDOW_SECONDS;
  const valueOffset = option.offset + OPTION_HEADER_LENGTH;
  if (seconds < now - window) {
    flag(
      context,
      'notification-timestamp-stale',
      `TIMESTAMP ${seconds} is ${now - seconds} s before now (${now}); window ${window} s`,
      valueOffset,
    );
  } else if (seconds > now + window) {
    flag(
      context,
      'notification-timestamp-future',
      `TIMESTAMP ${seconds} is ${seconds - now} s after now (${now}); window ${window} s`,
      valueOffset,
    );
  }
}

function decodeReqMos(context: FieldContext, option: NotificationOption): void {
  context.fields.reqMos = true;
  if (option.length !== 0) {
    flag(context, 'notification-req-mos-value', `REQ-MOS is Null but carries ${option.length} value bytes`, option.offset);
  }
}

const FIELD_DECODERS: Readonly<Record<number, (context: FieldContext, option: NotificationOption) => void>> = {
  [OPTION.SERVER_ID]: decodeServerId,
  [OPTION.PREFERRED_CON_TYPE]: decodeConTypes,
  [OPTION.NOTIFICATION_ID]: decodeNotificationId,
  [OPTION.SHA256_DIGEST]: decodeDigest,
  [OPTION.TIMESTAMP]: decodeTimestamp,
  [OPTION.REQ_MOS]: decodeReqMos,
};

function decodeFields(rawOptions: readonly NotificationOption[], context: FieldContext): void {
  const seen = new Set<number>();
  for (const option of rawOptions) {
    if (seen.has(option.number)) {
      flag(
        context,
        'notification-option-duplicate',
        `${describeOption(option.number)} appears again (delta ${option.delta}); every option is ZeroOrOne`,
        option.offset,
      );
      continue;
    }
    seen.add(option.number);
    const decoder = FIELD_DECODERS[option.number];
    if (decoder === undefined) {
      flag(context, 'notification-option-unknown', `option number ${option.number} is not defined (1-6); skipped`, option.offset);
      continue;
    }
    if (!option.truncated) decoder(context, option);
  }
}

function checkDigest(
  bytes: Uint8Array,
  rawOptions: readonly NotificationOption[],
  options: NotificationDecodeOptions,
  violations: Violation[],
): NonNullable<NotificationDecoding['digest']> {
  const digestOption = rawOptions.find((o) => o.number === OPTION.SHA256_DIGEST);
  if (digestOption === undefined) {
    if (options.secret !== undefined) {
      violations.push(
        notificationViolation('notification-digest-absent', 'credentials are provisioned but the notification carries no SHA256-DIGEST'),
      );
    }
    return { present: false };
  }
  if (options.secret === undefined || digestOption.length !== DIGEST_LENGTH || digestOption.truncated) return { present: true };
  const valueOffset = digestOption.offset + OPTION_HEADER_LENGTH;
  const check = checkDigestAt(bytes, valueOffset, options.secret, options.authData);
  if (check === undefined) return { present: true };
  if (!check.verified) {
    violations.push(
      notificationViolation(
        'notification-digest-mismatch',
        `SHA256-DIGEST does not match SHA-256(secret ‖ notification with zeroed digest ‖ auth-data) = ${toHex(check.expected)}`,
        { offset: valueOffset },
      ),
    );
  }
  return { present: true, verified: check.verified };
}

/**
 * Decodes a Package#0 DM Notification (§5.2.1, §7.1.1) and checks every rule the bytes can break:
 * header length, VER, RESERVED, OC against the options present, option framing, order, repeats,
 * unknown numbers, trailing bytes, each option's value (§5.2.1.2), the digest when credentials
 * are given (§9.1) and the timestamp's freshness when `now` is given. Never throws and never reads
 * outside `bytes`; every problem is a Violation with its byte offset.
 */
export function decodeNotification(input: Uint8Array, options: NotificationDecodeOptions = {}): NotificationDecoding {
  const bytes = plainBytes(input);
  const violations: Violation[] = [];
  const header = readUint16(bytes, 0);
  if (header === undefined) {
    violations.push(
      notificationViolation('notification-too-short', `${bytes.length} byte(s); the VER/OC header alone needs ${HEADER_LENGTH}`, {
        offset: 0,
      }),
    );
    return { violations, valid: false };
  }
  const version = header >>> 12;
  const optionCount = (header >>> 7) & FIELD_MAX.optionCount;
  const reserved = header & FIELD_MAX.reserved;
  if (version !== NOTIFICATION_VERSION) {
    violations.push(notificationViolation('notification-version', `VER is ${version}; it must be ${NOTIFICATION_VERSION}`, { offset: 0 }));
  }
  if (reserved !== 0) {
    violations.push(
      notificationViolation('notification-reserved-bits', `RESERVED bits are 0x${reserved.toString(16)}; sent as 0`, { offset: 1 }),
    );
  }

  const scan = scanOptions(bytes, HEADER_LENGTH, optionCount);
  appendAll(violations, scan.violations);
  if (scan.end !== undefined && scan.end < bytes.length) {
    const extra = countExactOptions(bytes, scan.end);
    if (extra > 0) {
      violations.push(
        notificationViolation(
          'notification-option-count-low',
          `OC says ${optionCount} options but ${optionCount + extra} follow the header`,
          { offset: scan.end },
        ),
      );
    } else {
      violations.push(
        notificationViolation('notification-trailing-bytes', `${bytes.length - scan.end} byte(s) after the last option`, {
          offset: scan.end,
        }),
      );
    }
  }

  const fields: NotificationFields = { reqMos: false };
  decodeFields(scan.options, { fields, violations, options });
  const digest = checkDigest(bytes, scan.options, options, violations);
  violations.sort((a, b) => (a.offset ?? Number.MAX_SAFE_INTEGER) - (b.offset ?? Number.MAX_SAFE_INTEGER));
  return {
    notification: { version, optionCount, reserved, options: fields, rawOptions: scan.options },
    violations,
    valid: !hasErrors(violations),
    digest,
  };
}

/**
 * Checks the SHA256-DIGEST of a notification (§5.2.1.2, §9.1): `present` says whether the option
 * is there; `verified` is set when it is 32 bytes and could be recomputed.
 */
export function verifyNotificationDigest(
  bytes: Uint8Array,
  secret: Uint8Array | string,
  authData: Uint8Array | string = new Uint8Array(0),
): { present: boolean; verified?: boolean } {
  return decodeNotification(bytes, { secret, authData }).digest ?? { present: false };
}
