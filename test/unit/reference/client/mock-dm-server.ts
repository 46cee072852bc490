import { HttpResponse, http, type RequestHandler } from 'msw';
import { checkPackageRequest } from '../../../../src/protocol/http/package-requests.js';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import type { Package2 } from '../../../../src/protocol/schemas/package2.schema.js';
import type { Violation } from '../../../../src/protocol/violation.js';
import type { ReferenceClient } from '../../../../src/reference/client/reference-client.js';

/** Origin of the mock DM server, repository and web server (intercepted in-process by msw). */
export const MOCK_ORIGIN = 'http://dm.test';
export const DM_URL = `${MOCK_ORIGIN}/dm`;
export const REPO = `${MOCK_ORIGIN}/repo`;
export const WEB = `${MOCK_ORIGIN}/web`;

/** A request the mock received. */
export interface Received {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array;
}

/** A request to the DM endpoint and the Package#2 (or error) it was answered with. */
export interface DmExchange extends Received {
  answeredWith?: Package2;
  /** The Package#2 this request answers (for a Package#3). */
  answers?: Package2;
}

/** What the DM endpoint answers next: a Package#2, or a raw response (bad-input tests). */
export type Reply = Package2 | (() => Response);

/**
 * A scripted DM server for in-process tests: each POST to `/dm` (or `/dm/...`, e.g. CONT URIs) is
 * answered with the next scripted reply, END when the script is empty. The repository serves
 * registered content and records uploads; the web server records page loads.
 */
export class MockDmServer {
  readonly dm: DmExchange[] = [];
  readonly repo: Received[] = [];
  readonly web: Received[] = [];
  private readonly script: Reply[] = [];
  private readonly content = new Map<string, { mediaType: string; body: string; status?: number; headers?: Record<string, string> }>();
  private readonly failing = new Map<string, number>();
  private last: Package2 | undefined;

  /** Queues the replies to the next requests to the DM endpoint. */
  reply(...replies: Reply[]): this {
    this.script.push(...replies);
    return this;
  }

  /** Serves `body` at `<repo>/<name>`. */
  serve(name: string, mediaType: string, body: string, extra: { status?: number; headers?: Record<string, string> } = {}): this {
    this.content.set(`/repo/${name}`, { mediaType, body, ...extra });
    return this;
  }

  /** Answers every request to `<repo>/<name>` with `status` and no data. */
  fail(name: string, status: number): this {
    this.failing.set(`/repo/${name}`, status);
    return this;
  }

  /** Package#1/#3 requests, checked with the protocol validators (Package#3 against the Package#2 it answers). */
  violations(devId: string): { exchange: DmExchange; violations: Violation[] }[] {
    return this.dm.map((exchange) => {
      const isPackage3 = new TextDecoder().decode(exchange.body).includes('"Status"');
      const check = checkPackageRequest({ method: exchange.method, headers: exchange.headers, body: exchange.body }, isPackage3 ? 3 : 1, {
        devId,
        ...(isPackage3 && exchange.answers ? { package2: exchange.answers } : {}),
      });
      return { exchange, violations: check.violations.filter((violation) => violation.severity === 'error') };
    });
  }

  handlers(): RequestHandler[] {
    const record = async (request: Request): Promise<Received> => ({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: new Uint8Array(await request.arrayBuffer()),
    });
    const dm = async ({ request }: { request: Request }) => {
      const exchange: DmExchange = await record(request);
      const isPackage3 = new TextDecoder().decode(exchange.body).includes('"Status"');
      if (isPackage3 && this.last) exchange.answers = this.last;
      this.dm.push(exchange);
      const next = this.script.shift() ?? { CMD: [['END']] };
      if (typeof next === 'function') return next();
      exchange.answeredWith = next;
      this.last = next;
      return new HttpResponse(JSON.stringify(next), { headers: { 'content-type': MEDIA_TYPES.package2 } });
    };
    return [
      http.post(DM_URL, dm),
      http.post(`${DM_URL}/*`, dm),
      http.all(`${REPO}/*`, async ({ request }) => {
        const received = await record(request);
        this.repo.push(received);
        const failure = this.failing.get(new URL(request.url).pathname);
        if (failure !== undefined) return new HttpResponse(null, { status: failure });
        if (request.method !== 'GET') return new HttpResponse(null, { status: 204 });
        const found = this.content.get(new URL(request.url).pathname);
        if (!found) return new HttpResponse('not here', { status: 404 });
        return new HttpResponse(found.body, {
          status: found.status ?? 200,
          headers: { 'content-type': found.mediaType, ...found.headers },
        });
      }),
      http.get(`${WEB}/*`, async ({ request }) => {
        this.web.push(await record(request));
        return new HttpResponse('<html><body>hello</body></html>', { headers: { 'content-type': 'text/html' } });
      }),
    ];
  }
}

/**
 * Waits until the client has judged at least `notifications` notifications and has nothing left to
 * do (sessions, timers, page loads), or fails after `timeoutMs`.
 */
export async function settled(client: Pick<ReferenceClient, 'whenIdle'>, { notifications = 0, timeoutMs = 5000 } = {}): Promise<void> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const late = new Promise<never>((_resolve, reject) =>
    deadline.addEventListener('abort', () => reject(new Error(`client still busy after ${timeoutMs} ms`)), { once: true }),
  );
  await Promise.race([client.whenIdle(notifications, deadline), late]);
}
