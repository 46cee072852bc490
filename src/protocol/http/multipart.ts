import { MULTIPART_BARE_LF_SEVERITY, MULTIPART_WITHOUT_DATA_SEVERITY } from '../interpretations/packages.js';
import { parseMoData } from '../packages/mo-data.js';
import { PackageBuildError, type ParseOptions } from '../packages/parse-result.js';
import { buildPackage3, parsePackage3 } from '../packages/package3.js';
import type { Package3 } from '../schemas/package3.schema.js';
import type { Violation } from '../violation.js';
import { MEDIA_TYPES, parseMediaType } from './media-types.js';
import { appendAll } from '../json-limits.js';

/** A data part to send next to a Package#3 (App F): the zero-based index of its GET and the data. */
export interface MultipartDataPartInput {
  index: number;
  mediaType: string;
  body: string | Uint8Array;
}

/** A data part as read from a multipart Package#3 (App F). */
export interface MultipartDataPart {
  /** Zero-based index of the command (and status) it answers, from `name="<i>"`. */
  index: number;
  /** The part's Content-Type (RFC 7578 default `text/plain` when absent). */
  mediaType: string;
  body: Uint8Array;
  /** Byte offset of the part's content in the whole body. */
  offset: number;
}

/** What {@link parseMultipartPackage3} found. */
export interface MultipartPackage3 {
  package3?: Package3;
  /** Data parts by zero-based command index. */
  parts: Map<number, MultipartDataPart>;
  violations: Violation[];
}

const encoder = new TextEncoder();
const headerDecoder = new TextDecoder('utf-8');
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** True when `boundary` is a valid multipart boundary (RFC 2046 §5.1.1). */
export function isValidBoundary(boundary: string): boolean {
  return BCHARS.test(boundary);
}

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return from;
  for (let i = haystack.indexOf(first, from); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        match = false;
        break;
      }
    }
    if (match) return i;
  }
  return -1;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function chooseBoundary(bodies: readonly Uint8Array[]): string {
  for (let n = 0; ; n++) {
    const candidate = `dmct-boundary-${n}`;
    const needle = encoder.encode(`--${candidate}`);
    if (bodies.every((body) => indexOfBytes(body, needle) < 0)) return candidate;
  }
}

/**
 * Builds the `multipart/form-data` body of a Package#3 that carries GET results (App F): the Package#3 first, unnamed, then one part per data item named by the zero-based index
 * of its command. Throws {@link PackageBuildError} for an invalid Package#3, a part whose status is
 * not 200, a duplicate or out-of-range index, or a boundary that is invalid or occurs in a body.
 */
export function buildMultipartPackage3(
  package3: Package3,
  parts: readonly MultipartDataPartInput[],
  boundary?: string,
): { contentType: string; body: Uint8Array } {
  const json = encoder.encode(buildPackage3(package3));
  const bodies = parts.map((part) => bytesOf(part.body));
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const part of parts) {
    if (seen.has(part.index)) problems.push(`two parts for index ${part.index}`);
    seen.add(part.index);
    if (package3.Status[part.index]?.sc !== 200) problems.push(`part ${part.index} does not answer a status 200`);
    if (!parseMediaType(part.mediaType)) problems.push(`part ${part.index} has media type ${JSON.stringify(part.mediaType)}`);
  }
  const chosen = boundary ?? chooseBoundary([json, ...bodies]);
  if (!isValidBoundary(chosen)) problems.push(`boundary ${JSON.stringify(chosen)} is not valid (RFC 2046)`);
  const delimiter = encoder.encode(`--${chosen}`);
  if ([json, ...bodies].some((body) => indexOfBytes(body, delimiter) >= 0)) problems.push('the boundary occurs inside a part');
  if (problems.length > 0) throw new PackageBuildError('multipart Package#3', problems);

  const chunks: Uint8Array[] = [
    encoder.encode(`--${chosen}\r\nContent-Disposition: form-data\r\nContent-Type: ${MEDIA_TYPES.package3}\r\n\r\n`),
    json,
  ];
  parts.forEach((part, i) => {
    chunks.push(
      encoder.encode(`\r\n--${chosen}\r\nContent-Disposition: form-data; name="${part.index}"\r\nContent-Type: ${part.mediaType}\r\n\r\n`),
    );
    chunks.push(bodies[i] ?? new Uint8Array());
  });
  chunks.push(encoder.encode(`\r\n--${chosen}--\r\n`));
  const quoted = /^[0-9A-Za-z'+_\-.]+$/.test(chosen) ? chosen : `"${chosen}"`;
  return { contentType: `${MEDIA_TYPES.multipart}; boundary=${quoted}`, body: concat(chunks) };
}

interface RawPart {
  headers: Map<string, string>;
  body: Uint8Array;
  offset: number;
}

type Report = (rule: string, message: string, offset?: number, severity?: Violation['severity']) => void;

/** Splits the body at its delimiters (RFC 2046 §5.1.1); CRLF, or bare LF with a warning. */
function splitParts(body: Uint8Array, boundary: string, report: Report): RawPart[] | undefined {
  const crlf = encoder.encode(`\r\n--${boundary}`);
  const lf = encoder.encode(`\n--${boundary}`);
  const startsWithDelimiter = indexOfBytes(body, encoder.encode(`--${boundary}`)) === 0;
  const afterFirst = body[boundary.length + 2];
  const hasCrlf = indexOfBytes(body, crlf) >= 0 || (startsWithDelimiter && afterFirst === 0x0d);
  const hasLf = indexOfBytes(body, lf) >= 0 || (startsWithDelimiter && afterFirst === 0x0a);
  const usesCrlf = hasCrlf || !hasLf;
  const delimiter = usesCrlf ? crlf : lf;
  if (!usesCrlf) report('multipart-bare-lf', 'the multipart body breaks lines with LF instead of CRLF', 0, MULTIPART_BARE_LF_SEVERITY);
  const eol = usesCrlf ? 2 : 1;

  let at = startsWithDelimiter ? 0 : indexOfBytes(body, delimiter);
  if (at < 0) {
    report('multipart-no-delimiter', `the body holds no "--${boundary}" delimiter`, 0);
    return undefined;
  }
  at += startsWithDelimiter ? boundary.length + 2 : delimiter.length;
  const parts: RawPart[] = [];
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (usesCrlf ? body[at] !== 0x0d || body[at + 1] !== 0x0a : body[at] !== 0x0a) {
      report('multipart-delimiter-line', 'a delimiter is not followed by a line break', at);
      return undefined;
    }
    at += eol;
    const headerEnd = indexOfBytes(body, encoder.encode(usesCrlf ? '\r\n\r\n' : '\n\n'), at);
    const next = indexOfBytes(body, delimiter, at);
    if (next < 0) {
      report('multipart-unterminated', 'the body ends before the closing delimiter', body.length);
      return undefined;
    }
    const emptyHeaders = usesCrlf ? body[at] === 0x0d && body[at + 1] === 0x0a : body[at] === 0x0a;
    const contentStart = emptyHeaders ? at + eol : headerEnd >= 0 && headerEnd < next ? headerEnd + 2 * eol : -1;
    if (contentStart < 0) {
      report('multipart-part-headers', 'a part has no empty line between its headers and its content', at);
      return undefined;
    }
    const headers = new Map<string, string>();
    const headerText = emptyHeaders ? '' : headerDecoder.decode(body.subarray(at, headerEnd));
    for (const line of headerText.split(usesCrlf ? '\r\n' : '\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        report('multipart-part-headers', `part header line ${JSON.stringify(line)} is not "Name: value"`, at);
        continue;
      }
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    parts.push({ headers, body: body.subarray(contentStart, next), offset: contentStart });
    at = next + delimiter.length;
  }
}

function dispositionName(value: string | undefined): { formData: boolean; name?: string } {
  const parsed = value === undefined ? undefined : parseMediaType(`x/${value.trim()}`);
  if (!parsed) return { formData: false };
  const formData = parsed.subtype === 'form-data';
  const name = parsed.params['name'];
  return name === undefined ? { formData } : { formData, name };
}

/**
 * Reads a multipart/form-data Package#3 (App F) byte-exactly: the first part is the
 * Package#3 JSON, each later part the data of one GET, named by its zero-based index. Never
 * throws. Framing findings carry a byte `offset`; findings inside a data part point into it as
 * `/parts/<index>/<pointer>`; Package#3 findings point into the Package#3.
 */
export function parseMultipartPackage3(contentType: string, body: Uint8Array, options: ParseOptions = {}): MultipartPackage3 {
  const violations: Violation[] = [];
  const parts = new Map<number, MultipartDataPart>();
  const report: Report = (rule, message, offset, severity = 'error') =>
    violations.push({ rule, section: 'App F', severity, message, ...(offset === undefined ? {} : { offset }) });

  const mediaType = parseMediaType(contentType);
  if (mediaType?.essence !== MEDIA_TYPES.multipart) {
    report('multipart-content-type', `Content-Type ${JSON.stringify(contentType)} is not ${MEDIA_TYPES.multipart}`);
    return { parts, violations };
  }
  const boundary = mediaType.params['boundary'];
  if (boundary === undefined || !isValidBoundary(boundary)) {
    report(
      'multipart-boundary',
      boundary === undefined ? 'Content-Type has no boundary parameter' : `boundary ${JSON.stringify(boundary)} is not valid (RFC 2046)`,
    );
    return { parts, violations };
  }
  const raw = splitParts(body, boundary, report);
  if (!raw) return { parts, violations };
  const [first, ...data] = raw;
  if (!first) {
    report('multipart-empty', 'the multipart body has no part');
    return { parts, violations };
  }

  const firstType = first.headers.get('content-type');
  if (parseMediaType(firstType ?? '')?.essence !== MEDIA_TYPES.package3) {
    report(
      'multipart-package3-type',
      `the first part must be the Package#3 (${MEDIA_TYPES.package3}); its Content-Type is ${JSON.stringify(firstType ?? null)}`,
      first.offset,
    );
  }
  const firstDisposition = dispositionName(first.headers.get('content-disposition'));
  if (!firstDisposition.formData)
    report('multipart-disposition', 'the first part has no "Content-Disposition: form-data"', first.offset, 'warning');
  const parsed = parsePackage3(first.body, options);
  appendAll(violations, parsed.violations);

  if (data.length === 0)
    report('multipart-without-data', 'the multipart Package#3 carries no data part', undefined, MULTIPART_WITHOUT_DATA_SEVERITY);
  for (const part of data) {
    const disposition = dispositionName(part.headers.get('content-disposition'));
    if (!disposition.formData) report('multipart-disposition', 'a data part has no "Content-Disposition: form-data"', part.offset);
    const name = disposition.name;
    if (name === undefined || !/^(?:0|[1-9]\d{0,8})$/.test(name)) {
      report('multipart-part-name', `a data part's name ${JSON.stringify(name ?? null)} is not a zero-based command index`, part.offset);
      continue;
    }
    const index = Number(name);
    if (parts.has(index)) {
      report('multipart-part-duplicate', `two data parts are named "${index}"`, part.offset);
      continue;
    }
    const statuses = parsed.value?.Status;
    if (statuses && index >= statuses.length) {
      report('multipart-part-index-range', `data part "${index}" names no status (the Package#3 has ${statuses.length})`, part.offset);
    } else if (statuses && statuses[index]?.sc !== 200) {
      report('multipart-part-status', `data part "${index}" answers a status ${statuses[index]?.sc}, not 200`, part.offset);
    }
    const partType = part.headers.get('content-type');
    if (partType === undefined) {
      report(
        'multipart-part-content-type-missing',
        `data part "${index}" has no Content-Type (read as text/plain)`,
        part.offset,
        'warning',
      );
    }
    const partMediaType = partType ?? 'text/plain';
    if (parseMediaType(partMediaType)?.essence === MEDIA_TYPES.moData) {
      for (const v of parseMoData(part.body, options).violations) {
        violations.push({ ...v, pointer: `/parts/${index}${v.pointer ?? ''}`, message: `part "${index}": ${v.message}` });
      }
    }
    parts.set(index, { index, mediaType: partMediaType, body: part.body, offset: part.offset });
  }
  return parsed.value ? { package3: parsed.value, parts, violations } : { parts, violations };
}
