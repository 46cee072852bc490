import type { Violation } from '../violation.js';
import { MEDIA_TYPES, PACKAGE_MEDIA_TYPES, parseMediaType, type HttpPackage } from './media-types.js';

/** One media range of an Accept or OMADM-Accept header (RFC 7231 §5.3.2, §5.5). */
export interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
  /** The weight, 0–1 (1 when absent). */
  q: number;
}

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Splits a header value at commas that are not inside quoted strings. */
function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (quoted && char === '\\') {
      current += char + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Parses an `Accept` or `OMADM-Accept` value (§5.5: same syntax as Accept, RFC 7231 §5.3.2):
 * media ranges with q-values. Malformed ranges are skipped and reported (`accept-syntax`).
 */
export function parseAccept(text: string, header = 'Accept'): { ranges: MediaRange[]; violations: Violation[] } {
  const ranges: MediaRange[] = [];
  const violations: Violation[] = [];
  for (const item of splitList(text)) {
    const parsed = parseMediaType(item);
    const q = parsed?.params['q'];
    const wildcardMisuse = parsed !== undefined && parsed.type === '*' && parsed.subtype !== '*';
    if (!parsed || wildcardMisuse || (q !== undefined && !QVALUE.test(q))) {
      violations.push({
        rule: 'accept-syntax',
        section: '5.5',
        severity: 'error',
        message: `${header}: ${JSON.stringify(item)} is not a media range with an optional q-value`,
      });
      continue;
    }
    const params = { ...parsed.params };
    delete params['q'];
    ranges.push({ type: parsed.type, subtype: parsed.subtype, params, q: q === undefined ? 1 : Number(q) });
  }
  return { ranges, violations };
}

/** How specifically a range matches a media type: -1 no match, 0 `*\/*`, 1 `type/*`, 2 exact, 3 exact with parameters. */
function specificity(range: MediaRange, mediaType: string): number {
  const parsed = parseMediaType(mediaType);
  if (!parsed) return -1;
  if (range.type === '*' && range.subtype === '*') return 0;
  if (range.type !== parsed.type) return -1;
  if (range.subtype === '*') return 1;
  if (range.subtype !== parsed.subtype) return -1;
  const names = Object.keys(range.params);
  if (names.length === 0) return 2;
  return names.every((name) => parsed.params[name] === range.params[name]) ? 3 : -1;
}

/** The weight an Accept list gives a media type: the q of its most specific matching range, 0 if none. */
export function acceptWeight(ranges: readonly MediaRange[], mediaType: string): number {
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const s = specificity(range, mediaType);
    if (s > best) {
      best = s;
      q = range.q;
    }
  }
  return q;
}

/** The outcome of content negotiation (§5.5): a media type to answer with, or HTTP 406. */
export type Negotiation = { ok: true; mediaType: string } | { ok: false; status: 406 };

/**
 * Picks the response media type for an `Accept` value (§5.5): the offered type with the highest
 * weight above 0; a missing or empty Accept accepts anything. No acceptable type → 406.
 * `offered` defaults to Package#2's media type.
 */
export function negotiateResponseType(accept: string | undefined, offered: readonly string[] = [MEDIA_TYPES.package2]): Negotiation {
  const first = offered[0];
  if (first === undefined) return { ok: false, status: 406 };
  if (accept === undefined || accept.trim() === '') return { ok: true, mediaType: first };
  const { ranges } = parseAccept(accept);
  if (ranges.length === 0) return { ok: true, mediaType: first };
  let chosen: string | undefined;
  let weight = 0;
  for (const mediaType of offered) {
    const q = acceptWeight(ranges, mediaType);
    if (q > weight) {
      weight = q;
      chosen = mediaType;
    }
  }
  return chosen === undefined ? { ok: false, status: 406 } : { ok: true, mediaType: chosen };
}

/**
 * True when a request body of this Content-Type is one the server must take for that package
 * (§5.5, §7.2.1, App F); otherwise the server answers HTTP 415.
 */
export function isSupportedRequestType(contentType: string | undefined, expectedPackage: HttpPackage): boolean {
  const parsed = contentType === undefined ? undefined : parseMediaType(contentType);
  if (!parsed) return false;
  if (parsed.essence === MEDIA_TYPES.multipart && parsed.params['boundary'] === undefined) return false;
  return PACKAGE_MEDIA_TYPES[expectedPackage].includes(parsed.essence);
}
