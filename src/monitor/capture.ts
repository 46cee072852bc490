/**
 * Reads a captured DM session: a HAR 1.2 file (as browser dev tools, mitmproxy and Charles export
 * it), validated against schemas/har.schema.json and bounded, into the exchanges the passive judge
 * reads. dmct's own trace format is not read yet. Hostile input gives a CaptureError, never a crash.
 */
import { readFile, stat } from 'node:fs/promises';
import { compileSchema, formatViolation } from '../protocol/json-schema.js';
import { jsonTextExceedsDepth } from '../protocol/json-limits.js';
import { harSchema, type Har, type HarHeader } from './schemas/har.schema.js';

/** Largest capture file read, in bytes. */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;
/** Largest body kept per request or response, in bytes (after base64 decoding); larger ones are judged as cut. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest JSON nesting a capture file may have. */
const MAX_CAPTURE_DEPTH = 32;

/** One HTTP request and its response, as the capture holds them. */
export interface Exchange {
  /** 1-based position in the capture (the HAR entry index + 1): the evidence a finding names. */
  index: number;
  time: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string[]>;
  requestBody: Uint8Array | undefined;
  /** 0 when the capture saw no response (the connection closed or was aborted). */
  status: number;
  responseHeaders: Record<string, string[]>;
  responseBody: Uint8Array | undefined;
  /** Full size of a body of which only a prefix is kept (a live monitor's cap); absent when whole. */
  requestBodySize?: number;
  responseBodySize?: number;
  /** Why a body could not be read whole (too large, bad base64): the exchange is not judged on it. */
  problems: string[];
}

/** A capture dmct cannot read: the message is one line for the CLI. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

const validateHar = compileSchema<Har>(harSchema);

function headerRecord(headers: readonly HarHeader[]): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const { name, value } of headers) {
    // HTTP/2 pseudo-headers (":authority") are not message headers.
    if (name.startsWith(':')) continue;
    const key = name.toLowerCase();
    (record[key] ??= []).push(value);
  }
  return record;
}

/** A HAR body as bytes: base64 decoded when so marked, bounded by MAX_BODY_BYTES. */
function bodyOf(content: { text?: string; encoding?: string } | undefined, what: string, problems: string[]): Uint8Array | undefined {
  if (content?.text === undefined) return undefined;
  if (content.encoding === undefined || content.encoding === '') {
    const bytes = Buffer.from(content.text, 'utf8');
    if (bytes.length > MAX_BODY_BYTES) {
      problems.push(`${what} body is larger than ${MAX_BODY_BYTES} bytes`);
      return undefined;
    }
    return new Uint8Array(bytes);
  }
  if (content.encoding.toLowerCase() !== 'base64') {
    problems.push(`${what} body has encoding ${JSON.stringify(content.encoding)}; only base64 is read`);
    return undefined;
  }
  const text = content.text.replace(/\s+/g, '');
  if (text.length > Math.ceil(MAX_BODY_BYTES / 3) * 4) {
    problems.push(`${what} body is larger than ${MAX_BODY_BYTES} bytes`);
    return undefined;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    problems.push(`${what} body is marked base64 but is not base64`);
    return undefined;
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** The exchanges of a HAR document already parsed from JSON; `source` names it in errors. */
export function exchangesOfHar(data: unknown, source: string): Exchange[] {
  const checked = validateHar(data);
  if (!checked.ok) {
    const [first] = checked.violations;
    const more = checked.violations.length > 1 ? ` (and ${checked.violations.length - 1} more)` : '';
    throw new CaptureError(`${first ? formatViolation(source, first) : `${source}: not a HAR 1.2 file`}${more}`);
  }
  return checked.value.log.entries.map((entry, i) => {
    const problems: string[] = [];
    const requestBody = bodyOf(entry.request.postData, 'request', problems);
    const responseBody = bodyOf(entry.response.content, 'response', problems);
    // A capture that kept only part of a body says so by its size: such a body is not judged.
    if (requestBody !== undefined && (entry.request.bodySize ?? -1) > requestBody.length)
      problems.push(`request body was cut in the capture (${requestBody.length} of ${entry.request.bodySize} bytes)`);
    if (responseBody !== undefined && (entry.response.content.size ?? -1) > responseBody.length)
      problems.push(`response body was cut in the capture (${responseBody.length} of ${entry.response.content.size} bytes)`);
    return {
      index: i + 1,
      time: entry.startedDateTime,
      method: entry.request.method.toUpperCase(),
      url: entry.request.url,
      requestHeaders: headerRecord(entry.request.headers),
      requestBody,
      status: entry.response.status,
      responseHeaders: headerRecord(entry.response.headers),
      responseBody,
      problems,
    };
  });
}

/** Parses HAR text (bounded in size and depth) into its exchanges. */
export function parseHarText(text: string, source: string): Exchange[] {
  if (text.length > MAX_CAPTURE_BYTES) throw new CaptureError(`${source}: larger than ${MAX_CAPTURE_BYTES} bytes`);
  if (jsonTextExceedsDepth(text, MAX_CAPTURE_DEPTH))
    throw new CaptureError(`${source}: JSON nested deeper than ${MAX_CAPTURE_DEPTH} levels`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CaptureError(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return exchangesOfHar(data, source);
}

/** Reads a HAR file from disk: its size is checked before it is read. */
export async function readCapture(path: string): Promise<Exchange[]> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CaptureError(`${path}: not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof CaptureError) throw err;
    throw new CaptureError(`${path}: no such file`);
  }
  if (size > MAX_CAPTURE_BYTES) throw new CaptureError(`${path}: larger than ${MAX_CAPTURE_BYTES} bytes`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CaptureError(`${path}: cannot read it`);
  }
  return parseHarText(text, path);
}
