import { WAP_PUSH } from '../interpretations/notification.js';
import { hasErrors, type Violation } from '../violation.js';
import { plainBytes } from './encodings.js';
import { notificationViolation } from './rules.js';

const SHORT_INTEGER_FLAG = 0x80;
const MAX_SHORT_LENGTH = 30;
const LENGTH_QUOTE = 31;
const SHIFT_DELIMITER = 0x7f;
const MAX_UINTVAR_BYTES = 5;

/** WSP uintvar (7 bits per byte, high bit = more follow), as used for the Push PDU headers length (App E.1). */
export function encodeUintvar(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`uintvar out of range: ${value}`);
  const groups = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) groups.unshift((rest & 0x7f) | 0x80);
  return Uint8Array.from(groups);
}

/** Reads a WSP uintvar at `offset` (App E.1 framing); undefined when it runs past the buffer or exceeds 5 bytes. */
export function decodeUintvar(bytes: Uint8Array, offset: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let i = 0; i < MAX_UINTVAR_BYTES; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return undefined;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  return undefined;
}

/** Options of `encodeWapPushDatagram` (App E.1). */
export interface WapPushEncodeOptions {
  /** WSP transaction id, 0–255; default WAP_PUSH.defaultTid. */
  tid?: number;
  /** X-Wap-Application-Id as a short integer, 0–127; default WAP_PUSH.applicationId (0x07, the DM client). */
  applicationId?: number;
}

/**
 * Wraps a notification in a connectionless WAP Push datagram for UDP port 2948 (App E.1; framing
 * per App E.1, see WAP_PUSH): TID, Push PDU type 0x06, uintvar headers length,
 * content type 0x58 as a short integer (0xD8), X-Wap-Application-Id (0xAF) = 0x07 as a short
 * integer (0x87), then the notification.
 */
export function encodeWapPushDatagram(notification: Uint8Array, options: WapPushEncodeOptions = {}): Uint8Array {
  const headers = Uint8Array.of(
    WAP_PUSH.contentType | SHORT_INTEGER_FLAG,
    WAP_PUSH.applicationIdHeader | SHORT_INTEGER_FLAG,
    (options.applicationId ?? WAP_PUSH.applicationId) | SHORT_INTEGER_FLAG,
  );
  return encodeRawWapPushDatagram({ tid: options.tid ?? WAP_PUSH.defaultTid, headers, body: notification });
}

/** A WAP Push datagram (App E.1) described field by field, for tests and mutants; nothing is checked. */
export interface RawWapPushSpec {
  tid?: number;
  /** PDU type; default 0x06 (Push). */
  pduType?: number;
  /** The WSP headers field: content type then headers, already encoded. */
  headers: Uint8Array;
  /** Value written as the headers length; default the size of `headers`. */
  headersLength?: number;
  body: Uint8Array;
}

/** Builds a WAP Push datagram exactly as described (App E.1), valid or not. */
export function encodeRawWapPushDatagram(spec: RawWapPushSpec): Uint8Array {
  const length = encodeUintvar(spec.headersLength ?? spec.headers.length);
  const out = new Uint8Array(2 + length.length + spec.headers.length + spec.body.length);
  out[0] = (spec.tid ?? WAP_PUSH.defaultTid) & 0xff;
  out[1] = (spec.pduType ?? WAP_PUSH.pduType) & 0xff;
  out.set(length, 2);
  out.set(spec.headers, 2 + length.length);
  out.set(spec.body, 2 + length.length + spec.headers.length);
  return out;
}

/** What `decodeWapPushDatagram` found (App E.1). */
export interface WapPushDecoding {
  /** The push body: the notification bytes, when the framing could be read. */
  notification?: Uint8Array;
  tid?: number;
  pduType?: number;
  /** Content type: the well-known code, or the text when sent as text. */
  contentType?: number | string;
  /** X-Wap-Application-Id: the well-known id, or the text (URI) when sent as text. */
  applicationId?: number | string;
  /** Size of the WSP headers field (content type + headers), checked against the 48-byte limit. */
  headerLength?: number;
  /** Offset of the body in the datagram. */
  bodyOffset?: number;
  violations: Violation[];
  valid: boolean;
}

type WspValue = { kind: 'integer'; value: number } | { kind: 'text'; value: string } | { kind: 'data'; value: Uint8Array };

/** Reads a WSP text string (NUL-terminated, optional leading quote) within [offset, end). */
function readText(bytes: Uint8Array, offset: number, end: number): { value: string; next: number } | undefined {
  const nul = bytes.subarray(offset, end).indexOf(0);
  if (nul < 0) return undefined;
  let text = bytes.subarray(offset, offset + nul);
  if (text[0] === SHIFT_DELIMITER || text[0] === 0x22) text = text.subarray(1);
  return { value: new TextDecoder('latin1').decode(text), next: offset + nul + 1 };
}

/** Reads a WSP field value (short integer, text, or length-prefixed data) within [offset, end). */
function readValue(bytes: Uint8Array, offset: number, end: number): { value: WspValue; next: number } | undefined {
  const first = bytes[offset];
  if (first === undefined || offset >= end) return undefined;
  if (first >= SHORT_INTEGER_FLAG) return { value: { kind: 'integer', value: first & 0x7f }, next: offset + 1 };
  if (first <= MAX_SHORT_LENGTH || first === LENGTH_QUOTE) {
    let start = offset + 1;
    let length = first;
    if (first === LENGTH_QUOTE) {
      const quoted = decodeUintvar(bytes, offset + 1);
      if (quoted === undefined) return undefined;
      start = quoted.next;
      length = quoted.value;
    }
    if (start + length > end) return undefined;
    return { value: { kind: 'data', value: bytes.subarray(start, start + length) }, next: start + length };
  }
  const text = readText(bytes, offset, end);
  return text && { value: { kind: 'text', value: text.value }, next: text.next };
}

/** A long integer (1–30 length-prefixed bytes, big-endian) or a short integer as a number. */
function integerOf(value: WspValue): number | undefined {
  if (value.kind === 'integer') return value.value;
  if (value.kind === 'data' && value.value.length >= 1 && value.value.length <= 6) {
    let n = 0;
    for (const byte of value.value) n = n * 256 + byte;
    return n;
  }
  return undefined;
}

/** Content type of a content-type value: constrained form, or general form (length, media, parameters). */
function contentTypeOf(value: WspValue): number | string | undefined {
  if (value.kind !== 'data') return value.value;
  const inner = readValue(value.value, 0, value.value.length);
  if (inner === undefined) return undefined;
  if (inner.value.kind === 'text') return inner.value.value;
  return integerOf(inner.value);
}

function applicationIdOf(value: WspValue): number | string | undefined {
  return value.kind === 'text' ? value.value : integerOf(value);
}

/**
 * Decodes a connectionless WAP Push datagram carrying a DM Notification (App E.1; framing per
 * `WAP_PUSH`) and checks it: PDU type 0x06, a readable headers length, headers ≤ 48 bytes,
 * content type 0x58 (or its text), X-Wap-Application-Id 0x07 (or its text), a non-empty body.
 * Other well-known and application headers are skipped. Never throws and never reads outside
 * `bytes`. The body is returned for `decodeNotification`.
 */
export function decodeWapPushDatagram(input: Uint8Array): WapPushDecoding {
  const bytes = plainBytes(input);
  const violations: Violation[] = [];
  const done = (result: Omit<WapPushDecoding, 'violations' | 'valid'>): WapPushDecoding => ({
    ...result,
    violations,
    valid: !hasErrors(violations),
  });
  const tid = bytes[0];
  const pduType = bytes[1];
  if (tid === undefined || pduType === undefined || bytes.length < 3) {
    violations.push(
      notificationViolation('wap-push-too-short', `${bytes.length} byte(s); TID, PDU type and headers length need at least 3`, {
        offset: 0,
      }),
    );
    return done(tid === undefined ? {} : pduType === undefined ? { tid } : { tid, pduType });
  }
  if (pduType !== WAP_PUSH.pduType) {
    violations.push(
      notificationViolation('wap-push-pdu-type', `PDU type 0x${pduType.toString(16).padStart(2, '0')}; a Push PDU is 0x06`, { offset: 1 }),
    );
    return done({ tid, pduType });
  }
  const length = decodeUintvar(bytes, 2);
  if (length === undefined || length.next + length.value > bytes.length) {
    violations.push(
      notificationViolation(
        'wap-push-headers-length',
        length === undefined
          ? 'headers length is not a valid uintvar'
          : `headers length ${length.value} runs past the end of the ${bytes.length}-byte datagram`,
        { offset: 2 },
      ),
    );
    return done({ tid, pduType });
  }
  const headersStart = length.next;
  const headersEnd = headersStart + length.value;
  const headerLength = length.value;
  if (headerLength > WAP_PUSH.maxHeaderBytes) {
    violations.push(
      notificationViolation('wap-push-header-too-long', `push headers are ${headerLength} bytes; at most ${WAP_PUSH.maxHeaderBytes}`, {
        offset: 2,
      }),
    );
  }

  const result: Omit<WapPushDecoding, 'violations' | 'valid'> = { tid, pduType, headerLength, bodyOffset: headersEnd };
  const contentValue = readValue(bytes, headersStart, headersEnd);
  let pos = headersEnd;
  if (contentValue === undefined) {
    violations.push(notificationViolation('wap-push-header-malformed', 'content type is missing or malformed', { offset: headersStart }));
  } else {
    pos = contentValue.next;
    const contentType = contentTypeOf(contentValue.value);
    if (contentType !== undefined) result.contentType = contentType;
    const matches =
      contentType === WAP_PUSH.contentType ||
      (typeof contentType === 'string' && contentType.trim().toLowerCase() === WAP_PUSH.contentTypeText);
    if (!matches) {
      violations.push(
        notificationViolation(
          'wap-push-content-type',
          `content type ${typeof contentType === 'number' ? `0x${contentType.toString(16)}` : JSON.stringify(contentType ?? null)}; expected 0x58 (${WAP_PUSH.contentTypeText})`,
          { offset: headersStart },
        ),
      );
    }
  }

  while (pos < headersEnd) {
    const start = pos;
    const first = bytes[pos] ?? 0;
    let name: number | string | undefined;
    if (first === SHIFT_DELIMITER) {
      pos += 2;
      continue;
    } else if (first >= 0x01 && first <= 0x1f) {
      pos += 1;
      continue;
    } else if (first >= SHORT_INTEGER_FLAG) {
      name = first & 0x7f;
      pos += 1;
    } else {
      const token = first === 0 ? undefined : readText(bytes, pos, headersEnd);
      if (token !== undefined) {
        name = token.value.toLowerCase();
        pos = token.next;
      }
    }
    const value = name === undefined ? undefined : readValue(bytes, pos, headersEnd);
    if (value === undefined) {
      violations.push(notificationViolation('wap-push-header-malformed', 'a push header is malformed or cut short', { offset: start }));
      break;
    }
    pos = value.next;
    if ((name === WAP_PUSH.applicationIdHeader || name === WAP_PUSH.applicationIdHeaderText) && result.applicationId === undefined) {
      const id = applicationIdOf(value.value);
      if (id !== undefined) result.applicationId = id;
      const matches = id === WAP_PUSH.applicationId || (typeof id === 'string' && id.trim().toLowerCase() === WAP_PUSH.applicationIdText);
      if (!matches) {
        violations.push(
          notificationViolation(
            'wap-push-app-id',
            `X-Wap-Application-Id is ${typeof id === 'number' ? `0x${id.toString(16)}` : JSON.stringify(id ?? null)}; expected 0x07 (${WAP_PUSH.applicationIdText})`,
            { offset: start },
          ),
        );
      }
    }
  }
  if (result.applicationId === undefined && !violations.some((v) => v.rule === 'wap-push-app-id')) {
    violations.push(notificationViolation('wap-push-app-id-missing', 'no X-Wap-Application-Id header', { offset: headersStart }));
  }
  if (headersEnd >= bytes.length) {
    violations.push(notificationViolation('wap-push-body-empty', 'the push carries no notification bytes', { offset: headersEnd }));
  }
  result.notification = bytes.slice(headersEnd);
  return done(result);
}
