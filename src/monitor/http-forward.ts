/**
 * Forwards one HTTP exchange from the DM client to the configured upstream DM server and back,
 * unchanged, while keeping a bounded copy of what went by for the passive judge.
 *
 * What is forwarded as received: the method, the request target's path and query, every
 * end-to-end header (name case, order and repeats kept), the body bytes, the response status,
 * reason phrase, headers and body bytes. What is not: the hop-by-hop headers (RFC 9110 §7.6.1:
 * Connection and the headers it names, Keep-Alive, Proxy-Connection, Proxy-Authenticate,
 * Proxy-Authorization, TE, Trailer, Transfer-Encoding, Upgrade), which belong to one connection
 * (a chunked body is re-chunked, not re-framed into other bytes); and Host, which names the
 * upstream instead of the monitor. The destination is always the upstream: an absolute-form
 * request target gives only its path (no open proxy).
 */
import http from 'node:http';
import https from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Exchange } from './capture.js';

/** Connection-scoped headers a proxy must not forward (RFC 9110 §7.6.1). */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The bounds of one forwarded exchange. */
export interface ForwardLimits {
  /** Body bytes kept for judging per request and per response; longer bodies are forwarded whole but not judged. */
  maxBodyBytes: number;
  /** Time the whole exchange may take, request to last response byte; then both sides are cut. */
  exchangeTimeoutMs: number;
}

/** Where and how exchanges are forwarded. */
export interface ForwardTarget {
  upstream: URL;
  /** The agent of the upstream connections (http or https, matching the upstream's scheme). */
  agent: http.Agent;
  /** Extra TLS options for an https upstream (the CA it chains to). */
  tls?: https.RequestOptions;
}

/** Keeps the first `cap` bytes of a stream that passes through it untouched, and counts them all. */
class BodyTap extends Transform {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  size = 0;

  constructor(private readonly cap: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.kept < this.cap) {
      const part = chunk.subarray(0, this.cap - this.kept);
      this.chunks.push(Buffer.from(part));
      this.kept += part.length;
    }
    callback(null, chunk);
  }

  /** The kept bytes; undefined when nothing was sent. */
  bytes(): Uint8Array | undefined {
    return this.size === 0 ? undefined : new Uint8Array(Buffer.concat(this.chunks));
  }

  get cut(): boolean {
    return this.size > this.kept;
  }
}

/** The header names a Connection header lists (they are hop-by-hop too). */
function connectionTokens(raw: readonly string[]): Set<string> {
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] ?? '').split(',')) tokens.add(token.trim().toLowerCase());
  }
  return tokens;
}

/** Raw headers (node's flat name, value list) without the hop-by-hop ones and without `drop`. */
export function endToEndHeaders(raw: readonly string[], drop: ReadonlySet<string> = new Set()): string[] {
  const named = connectionTokens(raw);
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const key = name.toLowerCase();
    if (HOP_BY_HOP_HEADERS.has(key) || named.has(key) || drop.has(key)) continue;
    kept.push(name, raw[i + 1] ?? '');
  }
  return kept;
}

/** Raw headers as the record an Exchange holds: lower-case names, values in order. */
export function headerRecordOf(raw: readonly string[]): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) (record[(raw[i] ?? '').toLowerCase()] ??= []).push(raw[i + 1] ?? '');
  return record;
}

/**
 * The path and query to request upstream: the origin-form target as received, or the path of an
 * absolute-form one (its authority is ignored: the upstream is fixed). Undefined for `*` and
 * authority-form (CONNECT) targets, which are not forwarded.
 */
export function upstreamPathOf(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

/** The exchange as forwarded, before the monitor numbers it. */
export type ForwardedExchange = Omit<Exchange, 'index'>;

function errorCode(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code ?? (e?.message || 'error');
}

/**
 * Forwards `req` to the upstream and its answer to `res`, byte for byte (see the module comment),
 * and resolves with what went by. `url` is the URL the client addressed (the exchange's `url`).
 * Never rejects: a failure is an exchange with status 0 and, when the request may not have
 * reached the server or the client left first, a problem (so the judge does not charge the server).
 */
export async function forwardExchange(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  url: string,
  target: ForwardTarget,
  limits: ForwardLimits,
): Promise<ForwardedExchange> {
  const time = new Date().toISOString();
  const problems: string[] = [];
  const requestTap = new BodyTap(limits.maxBodyBytes);
  const responseTap = new BodyTap(limits.maxBodyBytes);
  const { upstream } = target;
  const headers = ['Host', upstream.host, ...endToEndHeaders(req.rawHeaders, new Set(['host']))];
  const transport = upstream.protocol === 'https:' ? https : http;
  let status = 0;
  let responseRaw: string[] = [];
  let requestSent = false;
  let clientLeft = false;
  let timedOut = false;

  const upstreamRequest = transport.request({
    ...target.tls,
    protocol: upstream.protocol,
    hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
    port: upstream.port === '' ? undefined : Number(upstream.port),
    method: req.method ?? 'GET',
    path,
    headers,
    setHost: false,
    agent: target.agent,
  });
  upstreamRequest.on('finish', () => {
    requestSent = true;
  });
  res.on('close', () => {
    if (!res.writableFinished) clientLeft = true;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    upstreamRequest.destroy();
    res.destroy();
  }, limits.exchangeTimeoutMs);

  const answered = new Promise<void>((resolve, reject) => {
    upstreamRequest.once('error', reject);
    upstreamRequest.once('response', (upstreamResponse) => {
      status = upstreamResponse.statusCode ?? 0;
      responseRaw = upstreamResponse.rawHeaders;
      res.writeHead(status, upstreamResponse.statusMessage, endToEndHeaders(upstreamResponse.rawHeaders));
      pipeline(upstreamResponse, responseTap, res).then(resolve, reject);
    });
  });
  try {
    await Promise.all([pipeline(req, requestTap, upstreamRequest), answered]);
  } catch (error) {
    if (clientLeft && !timedOut) problems.push('the client closed the connection before the whole response was forwarded');
    else if (!requestSent) problems.push(`the request did not reach the upstream whole (${timedOut ? 'time-out' : errorCode(error)})`);
    else if (status !== 0)
      problems.push(`the response was cut (${timedOut ? `not whole within ${limits.exchangeTimeoutMs} ms` : errorCode(error)})`);
    // Else the server took the whole request and gave no answer: judged as such (no problem noted).
    // Nothing was answered yet: tell the client the gateway failed, the way any proxy does.
    if (!res.headersSent && !res.destroyed) res.writeHead(502, { 'content-length': '0', connection: 'close' }).end();
    else if (!res.destroyed) res.destroy();
  } finally {
    clearTimeout(timer);
  }
  for (const [tap, what] of [
    [requestTap, 'request'],
    [responseTap, 'response'],
  ] as const) {
    if (tap.cut) problems.push(`${what} body is larger than ${limits.maxBodyBytes} bytes`);
  }
  return {
    time,
    method: (req.method ?? '').toUpperCase(),
    url,
    requestHeaders: headerRecordOf(req.rawHeaders),
    requestBody: requestTap.bytes(),
    status,
    responseHeaders: headerRecordOf(responseRaw),
    responseBody: responseTap.bytes(),
    ...(requestTap.cut ? { requestBodySize: requestTap.size } : {}),
    ...(responseTap.cut ? { responseBodySize: responseTap.size } : {}),
    problems,
  };
}
