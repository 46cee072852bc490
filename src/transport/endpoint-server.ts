import http from 'node:http';
import https from 'node:https';
import type { SecureContextOptions, TLSSocket, TlsOptions } from 'node:tls';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getResponse, type RequestHandler } from 'msw';
import { DEFAULT_BODY_CAP_BYTES } from './body-capture.js';
import type { AdminRefusal } from './admin-guard.js';
import { capText } from './cap-text.js';
import { type HandlerErrorEvent, createHandlerGuard, reportHandlerError } from './resolver-guard.js';
import type { ExchangeRecorder } from './exchange-recorder.js';
import { negotiatedOf } from './https-exchange.js';
import { describeTls, type NegotiatedTls } from './tls-settings.js';

/** The origin msw handlers are written against; served requests are rewritten to it. */
export const DEFAULT_HANDLER_ORIGIN = 'http://dm.test';

export interface ServeOptions {
  /** Interface to bind (default loopback only). */
  host?: string;
  /** Port to bind (default 0: any free port). */
  port?: number;
  /** Origin of the handlers' absolute URLs and base of relative ones (default `http://dm.test`). */
  origin?: string;
  /** Largest request body accepted; larger ones get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** Time for a whole request (headers and body) to arrive; slower ones get 408 (default 10 s). */
  requestTimeoutMs?: number;
  /** Time for the request headers to arrive (default: the request time-out, at most 5 s). */
  headersTimeoutMs?: number;
  /** Simultaneous connections accepted (default 64). */
  maxConnections?: number;
  /** Where requests, responses and refusals are recorded. */
  recorder?: ExchangeRecorder;
  /** Lifeline name in the trace (default `endpoint`). */
  name?: string;
  /** Called when a handler throws (the scenario should end as `error`). */
  onError?: (event: HandlerErrorEvent) => void;
  /**
   * Tried before the msw handlers for every complete request: an endpoint that must answer at
   * load rates serves its routes from plain data here, without a fetch Request and Response per
   * exchange. Undefined leaves the request to the handlers; a throw is a handler fault like theirs.
   */
  direct?: DirectHandler;
  /**
   * Checked on the request head before the body is read (a control API's token, Host and Origin,
   * see admin-guard.ts); a refusal is answered at once and no handler runs.
   */
  admit?: (method: string, headers: http.IncomingHttpHeaders, port: number, path: string) => AdminRefusal | undefined;
  /**
   * Serve over TLS with these node:tls options (certificate, versions, suites, PSK; §9.2.2); the
   * URL is then `https:`, and each connection's negotiated parameters, or its failed handshake,
   * are recorded.
   */
  tls?: TlsOptions;
  /** Told each TLS connection's outcome: what it negotiated, or why its handshake failed. */
  onTls?: (event: TlsConnectionEvent) => void;
}

/** How one TLS connection to an endpoint went. */
export type TlsConnectionEvent = { ok: true; tls: NegotiatedTls } | { ok: false; detail: string };

/** A complete request as a direct handler sees it: the body already read within the cap. */
export interface DirectRequest {
  method: string;
  /** Path and query as received (origin-form). */
  path: string;
  /** Node's header record: lower-case names, repeated values joined with ", " (arrays only for set-cookie). */
  headers: http.IncomingHttpHeaders;
  body: Uint8Array;
}

/**
 * A direct handler's answer; it is written as one response with a Content-Length, or, with
 * `drop`, not at all: the connection is closed unanswered (as msw's `Response.error()`).
 */
export interface DirectResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  drop?: boolean;
}

export type DirectHandler = (request: DirectRequest) => DirectResponse | undefined;

export interface ServedEndpoint {
  /** `http://<host>:<port>`, ready to hand to a target. */
  url: string;
  port: number;
  /** Handler faults seen so far (each also went to `onError`). */
  errors: readonly HandlerErrorEvent[];
  /**
   * Over TLS: replaces what new connections are offered (certificate, versions, suites; §9.2.2)
   * and closes every open connection so that the next request handshakes afresh.
   */
  setSecureContext?(options: SecureContextOptions): void;
  /** Stops listening and drops open connections; safe to call more than once. */
  close(): Promise<void>;
}

type Handlers = readonly RequestHandler[] | (() => readonly RequestHandler[]);

type BodyRead =
  | { kind: 'complete'; bytes: Uint8Array }
  | { kind: 'too-large'; prefix: Uint8Array; received: number }
  | { kind: 'incomplete'; prefix: Uint8Array; received: number };

const TIMEOUT_RESPONSE = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';
const CLIENT_ERROR_RESPONSES: Record<string, { status: number; raw: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, raw: TIMEOUT_RESPONSE },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    raw: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
  },
};
const BAD_REQUEST = { status: 400, raw: 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n' };

/** After refusing a request, how long dmct keeps discarding what the peer still sends before closing. */
const LINGER_MS = 1000;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Path and query of the request target, whatever form it came in (origin-form or absolute-form). */
function pathOf(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

interface BoundedRead {
  result: Promise<BodyRead>;
  /** What has arrived so far (for recording a request that is cut off). */
  soFar(): { bytes: Uint8Array; size: number };
}

/** Reads a request body, keeping at most `max` bytes; stops at the first byte over the cap. */
function readBounded(req: http.IncomingMessage, max: number): BoundedRead {
  const chunks: Buffer[] = [];
  let received = 0;
  const prefix = () => Buffer.concat(chunks).subarray(0, max);
  const result = new Promise<BodyRead>((resolve) => {
    let settled = false;
    const settle = (read: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > max) {
        chunks.push(chunk.subarray(0, Math.max(0, max - (received - chunk.length))));
        req.pause();
        settle({ kind: 'too-large', prefix: prefix(), received });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => settle({ kind: 'complete', bytes: Buffer.concat(chunks) }));
    req.on('error', () => settle({ kind: 'incomplete', prefix: prefix(), received }));
    req.on('close', () => settle({ kind: 'incomplete', prefix: prefix(), received }));
  });
  return { result, soFar: () => ({ bytes: prefix(), size: received }) };
}

/** Errors that only mean the peer went away while dmct was answering. */
function isDisconnect(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED';
}

/** Lets the peer read what was written, then closes the connection whatever it still sends. */
function closeAfterLinger(socket: Socket): void {
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * Serves msw request handlers on a real `node:http` port, so an external target can reach the
 * same mock endpoints that the project's own tests intercept in-process.
 * Requests are rewritten to `origin` and resolved with msw `getResponse`.
 *
 * Hostile peers are contained: request bodies over `maxBodyBytes` get 413, requests slower than
 * `requestTimeoutMs` (or headers slower than `headersTimeoutMs`) get 408 and are closed, unmatched
 * requests get 404 JSON, and a throwing handler gets a 500 marked `x-dmct-error` plus an error event.
 * Every request, response and refusal is recorded when a recorder is given.
 */
export async function serveHandlers(handlers: Handlers, options: ServeOptions = {}): Promise<ServedEndpoint> {
  const host = options.host ?? '127.0.0.1';
  const origin = new URL(options.origin ?? DEFAULT_HANDLER_ORIGIN).origin;
  const name = options.name ?? 'endpoint';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? 5000, requestTimeoutMs);
  const recorder = options.recorder;
  const errors: HandlerErrorEvent[] = [];
  const guardOptions = {
    endpoint: name,
    onError: (event: HandlerErrorEvent) => {
      errors.push(event);
      options.onError?.(event);
    },
    ...(recorder === undefined ? {} : { recorder }),
  };
  const guard = createHandlerGuard(guardOptions);
  const currentHandlers = () => guard(typeof handlers === 'function' ? handlers() : handlers);
  // Sockets whose request body is being read, with how to record that request if it is cut off.
  const reading = new WeakMap<Socket, (status: number, code: string) => void>();
  let baseUrl = '';
  let boundPort = 0;

  const recordRequest = (req: http.IncomingMessage, body?: { bytes: Uint8Array; size: number }) =>
    recorder?.httpRequest({
      from: 'target',
      to: name,
      label: `${req.method ?? '?'} ${capText(req.url ?? '', 200)}`,
      method: req.method ?? '',
      url: `${baseUrl}${req.url ?? ''}`,
      headers: req.headers,
      ...(body === undefined ? {} : { body: { ...body, mediaType: req.headers['content-type'] } }),
    });

  const recordResponse = (status: number, headers?: Headers, body?: { bytes: Uint8Array; size: number }) =>
    recorder?.httpResponse({
      from: name,
      to: 'target',
      label: `${status} from ${name}`,
      status,
      ...(headers === undefined ? {} : { headers }),
      ...(body === undefined ? {} : { body: { ...body, mediaType: headers?.get('content-type') ?? undefined } }),
    });

  const refuse = (res: http.ServerResponse, status: number, reason: string, extra?: Readonly<Record<string, string>>) => {
    const headers = new Headers({ 'content-type': 'application/json', connection: 'close', ...extra });
    const bytes = Buffer.from(JSON.stringify({ error: reason }));
    recordResponse(status, headers, { bytes, size: bytes.length });
    const socket = res.socket;
    res.shouldKeepAlive = false;
    res.writeHead(status, Object.fromEntries(headers)).end(bytes, () => {
      if (socket !== null) closeAfterLinger(socket);
    });
  };

  const send = async (req: http.IncomingMessage, res: http.ServerResponse, response: Response) => {
    if (response.type === 'error') {
      recorder?.note({ from: name, to: 'target', label: `${name} answered with a network error: connection dropped` });
      req.socket.destroy();
      return;
    }
    res.statusCode = response.status;
    for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    if (response.body === null || req.method === 'HEAD') {
      recordResponse(response.status, response.headers, { bytes: new Uint8Array(0), size: 0 });
      res.end();
      return;
    }
    // Up to the capture cap the body is read before anything is sent, so the trace holds the
    // response before the target can react to it; a longer body is streamed and recorded after.
    const reader = response.body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    let done = false;
    while (!done && size <= DEFAULT_BODY_CAP_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) done = true;
      else {
        head.push(chunk.value);
        size += chunk.value.length;
      }
    }
    const headBytes = Buffer.concat(head);
    if (done) {
      recordResponse(response.status, response.headers, { bytes: headBytes, size });
      res.end(headBytes);
      return;
    }
    async function* rest() {
      yield headBytes;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        size += chunk.value.length;
        yield chunk.value;
      }
    }
    try {
      await pipeline(Readable.from(rest()), res);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      if (!isDisconnect(error)) throw error;
      recorder?.note({ from: 'target', to: name, label: 'the target closed the connection while the response was sent' });
    }
    recordResponse(response.status, response.headers, { bytes: headBytes, size });
  };

  const sendDirect = (req: http.IncomingMessage, res: http.ServerResponse, answer: DirectResponse) => {
    if (answer.drop === true) return send(req, res, Response.error());
    const bytes =
      answer.body === undefined || req.method === 'HEAD'
        ? undefined
        : typeof answer.body === 'string'
          ? Buffer.from(answer.body, 'utf8')
          : answer.body;
    if (recorder !== undefined)
      recordResponse(answer.status, new Headers(answer.headers), { bytes: bytes ?? new Uint8Array(0), size: bytes?.length ?? 0 });
    // Status line, headers and body leave in one write: nothing waits on Nagle or a delayed ACK.
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes?.length ?? 0) });
    res.end(bytes);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refusal = options.admit?.(req.method ?? 'GET', req.headers, boundPort, req.url ?? '/');
    if (refusal !== undefined) {
      recordRequest(req);
      return refuse(res, refusal.status, refusal.reason, refusal.headers);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      recordRequest(req);
      return refuse(res, 413, `request body of ${declared} bytes exceeds the ${maxBodyBytes}-byte limit`);
    }
    const body = readBounded(req, maxBodyBytes);
    reading.set(req.socket, (status, code) => {
      recordRequest(req, body.soFar());
      recordResponse(status);
      const why = status === 408 ? `request not complete within ${requestTimeoutMs} ms` : `malformed request body (${code})`;
      recorder?.note({ from: name, to: 'target', label: `${why}: ${status}, connection closed` });
    });
    const read = await body.result;
    const cutOffRecorded = !reading.has(req.socket);
    reading.delete(req.socket);
    if (read.kind === 'too-large') {
      recordRequest(req, { bytes: read.prefix, size: read.received });
      return refuse(res, 413, `request body exceeds the ${maxBodyBytes}-byte limit`);
    }
    if (read.kind === 'incomplete') {
      if (cutOffRecorded) return;
      recordRequest(req, { bytes: read.prefix, size: read.received });
      recorder?.note({ from: name, to: 'target', label: 'the target closed the connection before the request was complete' });
      return;
    }
    recordRequest(req, { bytes: read.bytes, size: read.bytes.length });
    const path = pathOf(req.url ?? '/');
    const method = req.method ?? 'GET';
    const unusable = (why: string) => refuse(res, 400, `request cannot be handled: ${why}`);
    if (path === undefined) return unusable(`unusable request target ${capText(req.url ?? '', 200)}`);
    try {
      // msw decodes path parameters and throws on a malformed escape (`/x/%zz`): that is the
      // peer's mistake (400), not a handler fault.
      decodeURIComponent(path.split('?')[0] ?? '');
    } catch (error) {
      return unusable(error instanceof Error ? error.message : String(error));
    }
    if (options.direct !== undefined) {
      let answer: DirectResponse | undefined;
      try {
        answer = options.direct({ method, path, headers: req.headers, body: read.bytes });
      } catch (error) {
        return send(req, res, reportHandlerError(error, { method, url: new URL(path, origin).href }, guardOptions));
      }
      if (answer !== undefined) return sendDirect(req, res, answer);
    }
    let request: Request;
    try {
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      request = new Request(new URL(path, origin), {
        method,
        headers,
        ...(hasBody ? { body: new Uint8Array(read.bytes.buffer as ArrayBuffer, read.bytes.byteOffset, read.bytes.byteLength) } : {}),
      });
    } catch (error) {
      return unusable(error instanceof Error ? error.message : String(error));
    }
    let response: Response | undefined;
    try {
      response = await getResponse(currentHandlers(), request, { baseUrl: origin });
    } catch (error) {
      response = reportHandlerError(error, request, guardOptions);
    }
    if (response === undefined) {
      const headers = new Headers({ 'content-type': 'application/json' });
      response = new Response(JSON.stringify({ error: 'no handler', method, path }), { status: 404, headers });
    }
    await send(req, res, response);
  };

  const serverOptions: http.ServerOptions = {
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    // How often node checks those time-outs; the default (30 s) is far too coarse here.
    connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 10))),
  };
  const listener: http.RequestListener = (req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch((error: unknown) => {
      const answer = reportHandlerError(error, { method: req.method ?? '', url: `${baseUrl}${req.url ?? ''}` }, guardOptions);
      if (!res.headersSent) res.writeHead(answer.status, Object.fromEntries(answer.headers)).end();
      else res.destroy();
    });
  };
  const server =
    options.tls === undefined
      ? http.createServer(serverOptions, listener)
      : https.createServer({ ...serverOptions, ...options.tls }, listener);
  if (options.tls !== undefined) {
    server.on('secureConnection', (socket: TLSSocket) => {
      const tls = negotiatedOf(socket);
      recorder?.note({ from: 'target', to: name, label: `${describeTls(tls)}` });
      options.onTls?.({ ok: true, tls });
    });
    server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
      const detail = capText(error.code ?? error.message, 200);
      recorder?.note({ from: 'target', to: name, label: `TLS handshake failed (${detail}): connection closed` });
      options.onTls?.({ ok: false, detail });
      socket.destroy();
    });
  }
  server.maxConnections = options.maxConnections ?? 64;
  /** Every TCP connection open now, from its accept on (before any TLS handshake). */
  const accepted = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    accepted.add(socket);
    socket.once('close', () => accepted.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const answer = CLIENT_ERROR_RESPONSES[error.code ?? ''] ?? BAD_REQUEST;
    const recordCutOff = reading.get(socket);
    reading.delete(socket);
    if (recordCutOff !== undefined) recordCutOff(answer.status, error.code ?? error.message);
    else {
      recorder?.note({
        from: 'target',
        to: name,
        label: `malformed or incomplete request (${error.code ?? error.message}): ${answer.status}, connection closed`,
      });
    }
    if (socket.writable && socket.bytesWritten === 0) socket.write(answer.raw);
    closeAfterLinger(socket);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  boundPort = port;
  baseUrl = `${options.tls === undefined ? 'http' : 'https'}://${hostForUrl(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    errors,
    ...(server instanceof https.Server
      ? {
          setSecureContext: (context: SecureContextOptions) => {
            server.setSecureContext(context);
            // Every connection accepted under the old offer, not only the idle ones: a request still
            // in flight on one (a late request of an earlier session), or a handshake the client
            // has yet to begin on one (its TLS socket already holds the old certificate), would
            // otherwise arrive after the change without the client ever having accepted the new one.
            for (const socket of accepted) socket.destroy();
          },
        }
      : {}),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
