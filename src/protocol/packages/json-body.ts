import { MAX_JSON_DEPTH, jsonTextExceedsDepth } from '../json-limits.js';
import type { Violation } from '../violation.js';

/** A package body as it arrives: JSON text, raw bytes, or a value already parsed from JSON. */
export type BodyInput = unknown;

/** Decoded JSON or the violations that stopped it. */
export type JsonDecode = { ok: true; value: unknown; violations: Violation[] } | { ok: false; violations: Violation[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a JSON body (§7.2.1: RFC 4627 JSON, UTF-8). Bytes are decoded as strict UTF-8, strings
 * are parsed, anything else is taken as already-parsed JSON. Never throws: bad bytes give
 * `json-encoding`, bad text `json-syntax`; a byte-order mark is read past with a `json-bom` warning.
 * Text nested deeper than `maxDepth` is refused unparsed (`json-too-deep`, naming the limit).
 */
export function decodeJsonBody(body: BodyInput, section: string, maxDepth: number = MAX_JSON_DEPTH): JsonDecode {
  const violations: Violation[] = [];
  let text: string;
  if (body instanceof Uint8Array) {
    try {
      text = UTF8.decode(body);
    } catch {
      return {
        ok: false,
        violations: [{ rule: 'json-encoding', section, severity: 'error', message: 'the body is not valid UTF-8', pointer: '' }],
      };
    }
  } else if (typeof body === 'string') {
    text = body;
  } else {
    return { ok: true, value: body, violations };
  }
  if (text.startsWith('\uFEFF')) {
    violations.push({ rule: 'json-bom', section, severity: 'warning', message: 'the body starts with a byte-order mark', pointer: '' });
    text = text.slice(1);
  }
  if (jsonTextExceedsDepth(text, maxDepth)) {
    violations.push({
      rule: 'json-too-deep',
      section,
      severity: 'error',
      message: `the body nests deeper than ${maxDepth} levels (limit limits.maxJsonDepth); not parsed`,
      pointer: '',
    });
    return { ok: false, violations };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, violations };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    violations.push({ rule: 'json-syntax', section, severity: 'error', message: `the body is not JSON: ${detail}`, pointer: '' });
    return { ok: false, violations };
  }
}
