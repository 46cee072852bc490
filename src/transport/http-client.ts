import { capText } from './cap-text.js';
import type { EgressPolicy } from './egress.js';
import type { ExchangeRecorder } from './exchange-recorder.js';
import { HttpsExchangeError, httpsExchange } from './https-exchange.js';
import { describeTls, type NegotiatedTls, type TlsSettings } from './tls-settings.js';

export interface HttpRequestOptions {
  /** Default `GET`. */
  method?: string;
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: Uint8Array | string;
  /** Limit for the whole exchange, body included (default 10 s). */
  timeoutMs?: number;
  /** Largest response body read (default 1 MiB). */
  maxResponseBytes?: number;
  /**
   * What a body over the cap gives: `too-large` (default), or `truncate`, a `response` holding
   * the first `maxResponseBytes` bytes with `truncated: true`.
   */
  overflow?: 'too-large' | 'truncate';
  /** Where a target may make dmct send requests; a URL outside it is `refused`, never fetched. */
  egress?: EgressPolicy;
  /** Aborts the exchange early (a run being stopped); it then ends as a `timeout`. */
  signal?: AbortSignal;
  /** Caption of the request in the trace, e.g. `Package#1`. */
  label: string;
  /** Lifelines (default `dmct` → `target`). */
  from?: string;
  to?: string;
  /**
   * TLS settings for an `https:` URL (trusted CA, client certificate, PSK, versions and suites,
   * §9.2.2): the exchange then runs on a connection of its own and its negotiated parameters are
   * recorded and returned. Without them an `https:` URL is fetched with the system's trust.
   */
  tls?: TlsSettings;
}

/** The target answered (any status; a redirect is an answer too, it is not followed). */
export interface HttpResponseOutcome {
  kind: 'response';
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** True only with `overflow: 'truncate'` when the body was longer than the cap. */
  truncated: boolean;
  /** `seq` of the recorded request and response. */
  requestSeq: number;
  responseSeq: number;
  /** What the TLS connection negotiated (an `https:` exchange with `tls` settings). */
  tls?: NegotiatedTls;
}

/**
 * The exchange did not give a usable answer; `detail` says why, in one line. The kinds keep apart
 * what the verdict policy must: `connection-error` — the request never reached the target
 * (refused, name not resolved, unreachable, TLS not established); `connection-closed` — the
 * target closed or reset the connection after dmct sent the request; `timeout` — no complete
 * answer within the time allowed.
 */
export interface HttpFailureOutcome {
  /** `refused`: the URL is outside the egress policy; nothing was sent. */
  kind: 'timeout' | 'connection-error' | 'connection-closed' | 'too-large' | 'invalid-url' | 'invalid-request' | 'refused';
  detail: string;
  /** Status line of the answer, for `too-large`. */
  status?: number;
  /** `seq` of the trace message that records the failure. */
  seq: number;
}

export type HttpOutcome = HttpResponseOutcome | HttpFailureOutcome;

type BodyRead = { kind: 'complete'; bytes: Uint8Array } | { kind: 'over-cap'; prefix: Uint8Array; received: number };

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<BodyRead> {
  if (body === null) return { kind: 'complete', bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { kind: 'complete', bytes: Buffer.concat(chunks) };
    received += value.length;
    if (received > max) {
      chunks.push(value.subarray(0, value.length - (received - max)));
      // Cancelling stops the download: the rest of the body is never buffered. Not awaited: under
      // msw's in-process interception the cancel of a mocked stream never settles.
      reader.cancel().catch(() => undefined);
      return { kind: 'over-cap', prefix: Buffer.concat(chunks), received };
    }
    chunks.push(value);
  }
}

function describeFailure(error: unknown, timeoutMs: number): Pick<HttpFailureOutcome, 'kind' | 'detail'> {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'timeout', detail: `no complete answer within ${timeoutMs} ms` };
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause instanceof DOMException && cause.name === 'TimeoutError') {
    return { kind: 'timeout', detail: `no complete answer within ${timeoutMs} ms` };
  }
  if (cause?.code === 'UND_ERR_HEADERS_OVERFLOW') {
    return { kind: 'too-large', detail: "the response header is too large (over the HTTP client's header limit); reading stopped" };
  }
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  const detail = capText([cause?.code, message].filter((p) => p !== undefined).join(': '), 500);
  return { kind: closedAfterSending(cause?.code, message) ? 'connection-closed' : 'connection-error', detail };
}

/**
 * Socket errors that come only from a connection that was established: the peer closed it
 * ("other side closed") or reset it while dmct wrote the request or read the answer. A reset
 * while TLS was still being set up never carried the request, so it stays a connection error.
 */
const CLOSED_AFTER_CONNECT = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function closedAfterSending(code: string | undefined, message: string): boolean {
  return code !== undefined && CLOSED_AFTER_CONNECT.has(code) && !/before secure TLS connection/i.test(message);
}

/**
 * What a failed exchange means for a message dmct built complete and valid (the verdict policy,
 * src/report/verdict-policy.ts): a close or reset after sending, or no answer in time, is the
 * target's (`closed-after-stimulus`, `silent-after-stimulus`); anything before the request left
 * is dmct's stimulus not delivered.
 */
export function failureOutcome(
  kind: HttpFailureOutcome['kind'],
): 'closed-after-stimulus' | 'silent-after-stimulus' | 'stimulus-not-delivered' {
  if (kind === 'connection-closed') return 'closed-after-stimulus';
  if (kind === 'timeout') return 'silent-after-stimulus';
  return 'stimulus-not-delivered';
}

/**
 * How dmct calls a target or one of its endpoints. Never throws for anything the target does:
 * time-outs, refused connections, oversized bodies and bad URLs come back as outcomes. The request
 * and the response (or the failure, as a note) are recorded. Redirects are not followed: a 3xx is
 * evidence about the target, returned as a `response`.
 */
export async function request(recorder: ExchangeRecorder, options: HttpRequestOptions): Promise<HttpOutcome> {
  const method = options.method ?? 'GET';
  const from = options.from ?? 'dmct';
  const to = options.to ?? 'target';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  const fail = (kind: HttpFailureOutcome['kind'], detail: string, status?: number): HttpFailureOutcome => {
    const seq = recorder.note({ from: to, to: from, label: `${options.label}: ${kind} (${detail})` }).seq;
    return { kind, detail, seq, ...(status === undefined ? {} : { status }) };
  };

  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return fail('invalid-url', `not an absolute URL: ${capText(options.url, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('invalid-url', `scheme ${url.protocol} is not http: or https:`);
  }
  const refusal = options.egress?.refusal(url.href);
  if (refusal !== undefined) return fail('refused', `dmct did not send ${method} ${capText(url.href, 200)}: ${refusal}`);
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (error) {
    return fail('invalid-request', error instanceof Error ? error.message : String(error));
  }
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  const requestSeq = recorder.httpRequest({
    from,
    to,
    label: options.label,
    method,
    url: url.href,
    headers,
    ...(body === undefined ? {} : { body: { bytes: body, mediaType: headers.get('content-type') ?? undefined } }),
  }).seq;

  let response: Response;
  let read: BodyRead;
  let tls: NegotiatedTls | undefined;
  const signal =
    options.signal === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]);
  try {
    if (url.protocol === 'https:' && options.tls !== undefined) {
      ({ response, tls } = await httpsExchange(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal,
        tls: options.tls,
      }));
      // The negotiated parameters are evidence of the exchange (§9.2.2): recorded before the answer.
      recorder.note({ from: to, to: from, label: `${options.label}: ${describeTls(tls)}` });
    } else {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: Uint8Array.from(body) }),
        redirect: 'manual',
        signal,
      });
    }
    read = await readCapped(response.body, maxResponseBytes);
  } catch (error) {
    if (error instanceof HttpsExchangeError) return fail(error.kind, error.message);
    const failure =
      signal.aborted && options.tls !== undefined ? describeFailure(signal.reason, timeoutMs) : describeFailure(error, timeoutMs);
    return fail(failure.kind, failure.detail);
  }

  const recorded = (bytes: Uint8Array, size: number) =>
    recorder.httpResponse({
      from: to,
      to: from,
      label: `${response.status} ← ${options.label}`,
      status: response.status,
      url: url.href,
      headers: response.headers,
      body: { bytes, size, mediaType: response.headers.get('content-type') ?? undefined },
    }).seq;

  if (read.kind === 'complete') {
    const responseSeq = recorded(read.bytes, read.bytes.length);
    return {
      kind: 'response',
      status: response.status,
      headers: response.headers,
      body: read.bytes,
      truncated: false,
      requestSeq,
      responseSeq,
      ...(tls === undefined ? {} : { tls }),
    };
  }
  const responseSeq = recorded(read.prefix, read.received);
  if (options.overflow === 'truncate') {
    return {
      kind: 'response',
      status: response.status,
      headers: response.headers,
      body: read.prefix,
      truncated: true,
      requestSeq,
      responseSeq,
      ...(tls === undefined ? {} : { tls }),
    };
  }
  return fail('too-large', `response body exceeds ${maxResponseBytes} bytes; reading stopped`, response.status);
}
