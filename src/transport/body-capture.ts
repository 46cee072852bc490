import { createHash } from 'node:crypto';
import type { TraceBody } from '../report/schemas/evidence.schema.js';
import { capText } from './cap-text.js';

/** Bytes of a body as dmct saw them, possibly only the first part of a longer body. */
export interface BodyBytes {
  bytes: Uint8Array;
  /** Full size in bytes when `bytes` holds only a prefix (defaults to `bytes.length`). */
  size?: number;
  /** Content-Type as sent (parameters allowed); decides text vs hex. */
  mediaType?: string;
}

/** Evidence keeps at most this many body bytes per message unless told otherwise. */
export const DEFAULT_BODY_CAP_BYTES = 64 * 1024;

const MAX_MEDIA_TYPE_CHARS = 256;

const TEXTUAL_MEDIA_TYPE =
  /^(?:text\/[^;]*|multipart\/[^;]*|application\/(?:json|xml|javascript|x-www-form-urlencoded)|[a-z]+\/[^;]*\+(?:json|xml))$/;

/** The `type/subtype` part of a Content-Type, lower-cased; `undefined` when absent or blank. */
export function essenceOf(mediaType: string | undefined): string | undefined {
  const essence = mediaType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

function isTextualMediaType(essence: string): boolean {
  return TEXTUAL_MEDIA_TYPE.test(essence);
}

const WHOLE_BODY_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Strict UTF-8 decoding of a prefix: a multi-byte character cut by the cap is dropped rather than
 * making the whole body count as binary (`stream: true` holds back an incomplete tail).
 */
function decodeUtf8(bytes: Uint8Array, isPrefix: boolean): string | undefined {
  try {
    // A streaming decode keeps state, so a prefix gets a decoder of its own; a whole body shares one.
    return isPrefix
      ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true })
      : WHOLE_BODY_DECODER.decode(bytes);
  } catch {
    return undefined;
  }
}

// Control characters other than TAB, LF and CR mark an untyped body as binary.
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Lower-case hex of the bytes, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Turns body bytes into the evidence form: `text` when the media type is textual (or absent and the
 * bytes look like text) and the bytes are valid UTF-8, lower-case `hex` otherwise; at most
 * `capBytes` bytes are kept, with `truncated: true` and the full `size` (a cap of 0 keeps neither
 * text nor hex). The SHA-256 of the whole body is kept when dmct has all of it, so a cut body can
 * still be compared with the bytes the target logged.
 */
export function captureBody(body: BodyBytes, capBytes: number = DEFAULT_BODY_CAP_BYTES): TraceBody {
  const size = Math.max(body.size ?? body.bytes.length, body.bytes.length);
  const kept = body.bytes.subarray(0, Math.max(0, capBytes));
  const truncated = kept.length < size;
  const essence = essenceOf(body.mediaType);
  const captured: TraceBody = { size };
  if (body.mediaType !== undefined) captured.mediaType = capText(body.mediaType, MAX_MEDIA_TYPE_CHARS);
  if (kept.length > 0 || size === 0) {
    const text = essence === undefined || isTextualMediaType(essence) ? decodeUtf8(kept, truncated) : undefined;
    if (text !== undefined && (essence !== undefined || !BINARY_CONTROL.test(text))) captured.text = text;
    else captured.hex = toHex(kept);
  }
  if (truncated) captured.truncated = true;
  if (body.bytes.length === size) captured.sha256 = createHash('sha256').update(body.bytes).digest('hex');
  return captured;
}
