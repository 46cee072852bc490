import { createHash, timingSafeEqual } from 'node:crypto';
import { asBytes } from './encodings.js';
import { DIGEST_LENGTH } from './options.js';

/**
 * SHA256-DIGEST value (§5.2.1.2, §9.1): SHA-256(secret ‖ notification ‖ auth-data), where the
 * notification bytes carry 32 zero bytes in place of the digest value. The caller passes the
 * bytes already zeroed; strings are taken as UTF-8.
 */
export function computeNotificationDigest(
  zeroedNotification: Uint8Array,
  secret: Uint8Array | string,
  authData: Uint8Array | string = new Uint8Array(0),
): Uint8Array {
  const hash = createHash('sha256');
  hash.update(asBytes(secret));
  hash.update(zeroedNotification);
  hash.update(asBytes(authData));
  return new Uint8Array(hash.digest());
}

/**
 * Recomputes the digest of a notification whose digest value starts at `valueOffset` (§5.2.1.2:
 * zero the 32 bytes, hash, compare) and says whether it matches. Returns undefined when the
 * 32 bytes do not fit in the buffer.
 */
export function checkDigestAt(
  notification: Uint8Array,
  valueOffset: number,
  secret: Uint8Array | string,
  authData: Uint8Array | string = new Uint8Array(0),
): { verified: boolean; expected: Uint8Array; actual: Uint8Array } | undefined {
  if (valueOffset < 0 || valueOffset + DIGEST_LENGTH > notification.length) return undefined;
  const actual = new Uint8Array(notification.subarray(valueOffset, valueOffset + DIGEST_LENGTH));
  const zeroed = new Uint8Array(notification);
  zeroed.fill(0, valueOffset, valueOffset + DIGEST_LENGTH);
  const expected = computeNotificationDigest(zeroed, secret, authData);
  return { verified: timingSafeEqual(expected, actual), expected, actual };
}
