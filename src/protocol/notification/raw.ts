import { NOTIFICATION_RESERVED_BITS_SEND, NOTIFICATION_VERSION } from '../interpretations/notification.js';
import { computeNotificationDigest } from './digest.js';
import { asBytes } from './encodings.js';
import { DIGEST_LENGTH, FIELD_MAX, HEADER_LENGTH, OPTION_HEADER_LENGTH } from './options.js';
import { writeNotification, type WireOption } from './wire.js';

/** One option of a hand-built notification (§7.1.1.2); every field may be wrong on purpose. */
export interface RawNotificationOption {
  /** Option number; the delta is computed from the previous option's number, modulo 16 (so a lower number wraps). */
  number?: number;
  /** Explicit 4-bit delta; wins over `number`. */
  delta?: number;
  /** Declared 12-bit length; defaults to the value's size. */
  length?: number;
  /** Value bytes; default empty (or 32 zero bytes for a `digest` slot). */
  value?: Uint8Array;
  /** Fill this option's value with the digest computed per `RawNotificationSpec.digest`. */
  digest?: boolean;
}

/**
 * How the digest of a hand-built notification is computed: `spec` follows §5.2.1.2/§9.1; the others
 * are the mistakes a faulty sender makes.
 */
export type DigestMistake = 'spec' | 'without-secret' | 'without-auth-data' | 'secret-last' | 'not-zeroed';

/**
 * A notification described field by field, for tests and mutants (§7.1.1). Nothing is checked:
 * VER, OC and RESERVED take any value (masked to their bit widths), options may repeat, come out of
 * order, use unknown numbers or declare lengths that differ from their values, and bytes may trail.
 */
export interface RawNotificationSpec {
  /** VER; default 2 (§5.2.1.1). */
  version?: number;
  /** OC; default the number of options (§5.2.1.1). */
  optionCount?: number;
  /** RESERVED bits; default 0. */
  reserved?: number;
  options: RawNotificationOption[];
  /** Bytes appended after the last option. */
  trailing?: Uint8Array;
  /** Credentials for `digest` option slots. */
  digest?: {
    secret: Uint8Array | string;
    authData?: Uint8Array | string;
    mistake?: DigestMistake;
    /** Flip this bit (0 = MSB of the first digest byte) of the computed digest. */
    flipBit?: number;
  };
}

function wireOptions(spec: RawNotificationSpec): WireOption[] {
  let previous = 0;
  return spec.options.map((option) => {
    const value = option.value ?? (option.digest ? new Uint8Array(DIGEST_LENGTH) : new Uint8Array(0));
    let delta: number;
    if (option.delta !== undefined) {
      delta = option.delta;
      previous += delta;
    } else {
      const number = option.number ?? previous;
      delta = (number - previous) & FIELD_MAX.delta;
      previous = number;
    }
    return { delta, length: option.length ?? value.length, value };
  });
}

function digestOf(zeroed: Uint8Array, spec: NonNullable<RawNotificationSpec['digest']>): Uint8Array {
  const secret = asBytes(spec.secret);
  const authData = asBytes(spec.authData ?? new Uint8Array(0));
  const empty = new Uint8Array(0);
  switch (spec.mistake ?? 'spec') {
    case 'without-secret':
      return computeNotificationDigest(zeroed, empty, authData);
    case 'without-auth-data':
      return computeNotificationDigest(zeroed, secret, empty);
    case 'secret-last':
      return computeNotificationDigest(zeroed, authData, secret);
    default:
      return computeNotificationDigest(zeroed, secret, authData);
  }
}

/**
 * Builds a notification exactly as described, valid or not (§7.1.1). Used by tests and by the
 * reference peer's fault switches; `encodeNotification` is the encoder that only produces valid
 * notifications.
 */
export function encodeRawNotification(spec: RawNotificationSpec): Uint8Array {
  const options = wireOptions(spec);
  const header = {
    version: spec.version ?? NOTIFICATION_VERSION,
    optionCount: spec.optionCount ?? options.length,
    reserved: spec.reserved ?? NOTIFICATION_RESERVED_BITS_SEND,
  };
  const bytes = writeNotification(header, options, spec.trailing);
  if (!spec.digest) return bytes;

  const slots: { offset: number; length: number }[] = [];
  let pos = HEADER_LENGTH;
  spec.options.forEach((option, i) => {
    const length = options[i]?.value.length ?? 0;
    if (option.digest) slots.push({ offset: pos + OPTION_HEADER_LENGTH, length: Math.min(length, DIGEST_LENGTH) });
    pos += OPTION_HEADER_LENGTH + length;
  });
  const hashed = bytes.slice();
  const filler = spec.digest.mistake === 'not-zeroed' ? 0xff : 0;
  for (const slot of slots) hashed.fill(filler, slot.offset, slot.offset + slot.length);
  const digest = digestOf(hashed, spec.digest);
  const flip = spec.digest.flipBit;
  if (flip !== undefined) digest[(flip >> 3) % DIGEST_LENGTH]! ^= 0x80 >> (flip & 7);
  for (const slot of slots) bytes.set(digest.subarray(0, slot.length), slot.offset);
  return bytes;
}
