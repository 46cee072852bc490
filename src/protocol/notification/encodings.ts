/** Result of parsing a textual byte encoding of a notification or datagram (§7.1.1, App E): the bytes, or one line saying what is wrong and where. */
export type ParsedBytes = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Lower-case hex of notification or datagram bytes (§7.1.1, App E.1), no separators: the evidence format. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Base64 (RFC 4648 §4, padded) of the bytes, as App E.2 carries a notification in GCM. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Parses hex text of notification bytes (§7.1.1). Whitespace, `:` and `-` between bytes and a leading `0x` are allowed; anything
 * else is an error naming the first offending character's position.
 */
export function parseHex(text: string): ParsedBytes {
  const body = text.trim().replace(/^0x/i, '');
  const digits = body.replace(/[\s:-]/g, '');
  const bad = /[^0-9a-fA-F\s:-]/.exec(body);
  if (bad) {
    return { ok: false, error: `not hex: ${JSON.stringify(bad[0])} at character ${bad.index + 1}` };
  }
  if (digits.length % 2 !== 0) return { ok: false, error: `not hex: odd number of digits (${digits.length})` };
  return { ok: true, bytes: new Uint8Array(Buffer.from(digits, 'hex')) };
}

/**
 * Parses base64 (RFC 4648 §4) or base64url (§5) text, padded or not, whitespace ignored. Node's
 * decoder skips bad characters silently, so the alphabet and padding are checked first.
 */
export function parseBase64(text: string): ParsedBytes {
  const body = text.replace(/\s/g, '');
  const bad = /[^A-Za-z0-9+/_=-]/.exec(body);
  if (bad) return { ok: false, error: `not base64: ${JSON.stringify(bad[0])} at character ${bad.index + 1}` };
  const unpadded = body.replace(/=+$/, '');
  if (unpadded.includes('=')) return { ok: false, error: 'not base64: "=" before the end' };
  if (body.length - unpadded.length > 2 || unpadded.length % 4 === 1) {
    return { ok: false, error: `not base64: impossible length (${unpadded.length} characters without padding)` };
  }
  if (/[+/]/.test(unpadded) && /[-_]/.test(unpadded)) {
    return { ok: false, error: 'not base64: mixes the standard (+/) and URL-safe (-_) alphabets' };
  }
  return { ok: true, bytes: new Uint8Array(Buffer.from(unpadded, /[-_]/.test(unpadded) ? 'base64url' : 'base64')) };
}

/**
 * True when the text is written in hex digits only, so `auto` input detection reads it as hex
 * rather than base64 (App E.2 uses base64): an odd number of digits is then a hex error, not
 * silently other bytes.
 */
export function looksLikeHex(text: string): boolean {
  const digits = text
    .trim()
    .replace(/^0x/i, '')
    .replace(/[\s:-]/g, '');
  return digits.length > 0 && /^[0-9a-fA-F]+$/.test(digits);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly (SERVER-ID is a UTF-8 String, §5.2.1.2); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8 bytes of a string, or the bytes themselves: digest secrets and auth-data (§5.2.1.2, §12.2) may be either. */
export function asBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? new TextEncoder().encode(value) : value;
}

/**
 * The bytes as a plain Uint8Array, for the decoders of §7.1.1 and App E.1. Node's Buffer (a Uint8Array subclass) returns views from
 * `slice`, so decoders copy a Buffer once on entry and can then slice and zero freely.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes);
}
