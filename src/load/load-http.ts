import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { capText } from '../transport/cap-text.js';

/** A complete answer: any status (redirects are answers, never followed), all headers, the whole body. */
export interface LoadHttpResponse {
  kind: 'response';
  status: number;
  /** Every header with all its values, lower-case names (repeated ones are joined by the validators, RFC 7230 §3.2.2). */
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  body: Uint8Array;
}

/** No usable answer; the kinds are the harness HTTP client's, so load reports name them the same way. */
export interface LoadHttpFailure {
  kind: 'timeout' | 'connection-error' | 'too-large' | 'invalid-url' | 'invalid-request';
  detail: string;
  /** Status line of the answer, for `too-large`. */
  status?: number;
}

export type LoadHttpOutcome = LoadHttpResponse | LoadHttpFailure;

export interface LoadHttpClientOptions {
  /** Connections kept open per host: the load run's concurrency, so every session in flight has one. */
  maxSockets: number;
  /** Limit for a whole exchange, request sent and body read. */
  timeoutMs: number;
  /** Largest answer read; reading stops (and the connection is dropped) at the first byte over it. */
  maxBodyBytes: number;
  /** How host names are resolved for every connection (a load run pins the target's addresses); default the system's. */
  lookup?: LookupFunction;
}

/**
 * The load generator's HTTP client: POSTs over keep-alive connections (one pool per run, at most
 * `maxSockets` per host) with `node:http`, because fetch's per-request Request, Response,
 * AbortSignal and web-stream objects cost more CPU than the exchange itself at load rates. Like
 * the harness client it never throws for what the target does: time-outs, resets, oversized and
 * unparseable answers come back as failures. Nothing is recorded (a load run keeps no trace).
 */
export class LoadHttpClient {
  readonly #options: LoadHttpClientOptions;
  readonly #agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(options: LoadHttpClientOptions) {
    this.#options = options;
    const pool = {
      keepAlive: true,
      maxSockets: Math.max(1, options.maxSockets),
      scheduling: 'lifo' as const,
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    };
    this.#agents = { 'http:': new http.Agent(pool), 'https:': new https.Agent(pool) };
  }

  /** Largest answer read. */
  get maxBodyBytes(): number {
    return this.#options.maxBodyBytes;
  }

  /** POSTs `body` to `url` and reads the whole answer (up to the cap); an aborted `signal` (Ctrl-C) ends the wait as a `timeout`. */
  post(url: string, headers: Readonly<Record<string, string>>, body: Uint8Array, signal?: AbortSignal): Promise<LoadHttpOutcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ kind: 'invalid-url', detail: `not an absolute URL: ${capText(url, 200)}` });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return Promise.resolve({ kind: 'invalid-url', detail: `scheme ${target.protocol} is not http: or https:` });
    }
    const { timeoutMs, maxBodyBytes } = this.#options;
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise<LoadHttpOutcome>((resolve) => {
      let settled = false;
      let request: http.ClientRequest | undefined;
      const finish = (outcome: LoadHttpOutcome, request?: http.ClientRequest): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // A connection whose answer was not read to its end cannot carry another request.
        request?.destroy();
        resolve(outcome);
      };
      const failed = (error: unknown): void => {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        const message = error instanceof Error ? error.message : String(error);
        finish({ kind: 'connection-error', detail: capText([code, message].filter((part) => part !== undefined).join(': '), 500) });
      };
      const timer = setTimeout(() => finish({ kind: 'timeout', detail: `no complete answer within ${timeoutMs} ms` }, request), timeoutMs);
      const onAbort = (): void => finish({ kind: 'timeout', detail: 'the run was stopped before the answer came' }, request);
      if (signal?.aborted === true) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        request = transport.request(
          target,
          {
            method: 'POST',
            agent: this.#agents[target.protocol as 'http:' | 'https:'],
            headers: { ...headers, 'content-length': String(body.length) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            let received = 0;
            response.on('data', (chunk: Buffer) => {
              received += chunk.length;
              if (received > maxBodyBytes) {
                finish(
                  {
                    kind: 'too-large',
                    detail: `response body exceeds ${maxBodyBytes} bytes; reading stopped`,
                    status: response.statusCode ?? 0,
                  },
                  request,
                );
                return;
              }
              chunks.push(chunk);
            });
            response.on('end', () =>
              finish({
                kind: 'response',
                status: response.statusCode ?? 0,
                headers: response.headersDistinct,
                body: Buffer.concat(chunks, received),
              }),
            );
            response.on('error', failed);
            response.on('close', () => {
              if (!response.complete) failed(new Error('the connection closed before the answer was complete'));
            });
          },
        );
      } catch (error) {
        // Header values node refuses (control characters in a DevID, say) are the caller's, not the target's.
        finish({ kind: 'invalid-request', detail: capText(error instanceof Error ? error.message : String(error), 500) });
        return;
      }
      request.on('error', failed);
      request.end(body);
    });
  }

  /** Closes the pooled connections. */
  close(): void {
    this.#agents['http:'].destroy();
    this.#agents['https:'].destroy();
  }
}
