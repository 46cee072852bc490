/**
 * The Data Repository a client target reaches for HGET, DEFAULT fetches (HTTP GET) and HPUT, HPOST,
 * SUB uploads (HTTP PUT/POST) — section 5.3.1–5.3.3, 5.3.10, 5.3.11 — as msw handlers. Content is
 * served in the media type the client accepts (section 5.5); uploads are decoded by their media
 * type and logged, with what their bodies break.
 */
import { http, type RequestHandler } from 'msw';
import { negotiateResponseType } from '../protocol/http/accept.js';
import { MEDIA_TYPES, parseMediaType } from '../protocol/http/media-types.js';
import { buildMoData, parseMoData } from '../protocol/packages/mo-data.js';
import type { MoData } from '../protocol/schemas/mo-data.schema.js';
import type { Violation } from '../protocol/violation.js';
import type { EngineEvent, EndpointEvent, ReceivedRequest } from './dm-server-engine-events.js';
import { answer, readRequest, recordReceived, type EndpointAddress } from './dm-server-engine-http.js';
import type { EventLog } from './dm-server-engine-log.js';
import type { TraceRecorder } from './trace-recorder.js';

/** What the repository serves for one resource. */
export interface RepositoryContent {
  /** MO data, served as `application/dmmo+json` (built with the protocol layer: it must be valid). */
  moData?: MoData;
  /** A single leaf value, served as `text/plain` (App I.2). */
  text?: string;
  /** Deliberately odd content: these exact bytes with this Content-Type, whatever the client accepts. */
  raw?: { body: string | Uint8Array; contentType: string };
  /** Answer every GET with this HTTP status and no data (e.g. 404 or 500, to make an HGET fail: 419). */
  failWith?: number;
}

/** How the repository answers uploads to one resource (default 200). */
export interface UploadAnswer {
  status: number;
  headers?: Readonly<Record<string, string>>;
}

/** Media types of uploads that are decoded as text (besides dmmo+json, which is parsed). */
const TEXT_UPLOADS = /^(text\/|application\/json$)/;

/** What the engine judged of one repository exchange: an upload's decoding, a fetch's served type. */
type RepositoryJudgement = Pick<EndpointEvent, 'decoded' | 'violations' | 'served'>;

function decodeUpload(body: Uint8Array, mediaType: string | undefined): { decoded?: EndpointEvent['decoded']; violations: Violation[] } {
  const essence = mediaType === undefined ? undefined : parseMediaType(mediaType)?.essence;
  if (essence === MEDIA_TYPES.moData) {
    const parsed = parseMoData(body);
    return { ...(parsed.value === undefined ? {} : { decoded: { moData: parsed.value } }), violations: parsed.violations };
  }
  if (essence !== undefined && TEXT_UPLOADS.test(essence)) {
    try {
      return { decoded: { text: new TextDecoder('utf-8', { fatal: true }).decode(body) }, violations: [] };
    } catch {
      return {
        violations: [{ rule: 'upload-not-utf8', section: '5.3.2', severity: 'warning', message: `a ${essence} upload is not UTF-8` }],
      };
    }
  }
  return { violations: [] };
}

/** The repository's resources, answers and log; one per scenario. */
export class DataRepository {
  readonly #contents = new Map<string, RepositoryContent>();
  readonly #uploadAnswers = new Map<string, UploadAnswer>();
  readonly #basePath: string;

  constructor(
    private readonly log: EventLog<EngineEvent>,
    private readonly recorder: TraceRecorder,
    private readonly address: EndpointAddress,
    basePath = '/repo',
  ) {
    this.#basePath = basePath;
  }

  /** The public URL of a resource (what a ServerURI names). Names may contain `/` and ServerURI placeholders. */
  url(name: string): string {
    return `${this.address.publicUrl()}${this.#basePath}/${name}`;
  }

  /** Serves `content` at `name` for HGET / DEFAULT fetches and returns its public URL. */
  offer(name: string, content: RepositoryContent): string {
    if (content.moData !== undefined) buildMoData(content.moData);
    this.#contents.set(name, content);
    return this.url(name);
  }

  /** A URL that takes uploads (HPUT, HPOST, SUB), answered with `answerWith` (default 200). */
  uploadUrl(name: string, answerWith: UploadAnswer = { status: 200 }): string {
    this.#uploadAnswers.set(name, answerWith);
    return this.url(name);
  }

  /** Fetches (GET) of the repository after `after`. */
  fetches(after = 0): EndpointEvent[] {
    return this.#events(after).filter((e) => e.method === 'GET' || e.method === 'HEAD');
  }

  /** Uploads (PUT, POST) to the repository after `after`. */
  uploads(after = 0): EndpointEvent[] {
    return this.#events(after).filter((e) => e.method !== 'GET' && e.method !== 'HEAD');
  }

  #events(after: number): EndpointEvent[] {
    return this.log.list().filter((e): e is EndpointEvent => e.order > after && e.type === 'endpoint' && e.endpoint === 'repository');
  }

  /** The msw handlers of the repository (any path below its base path). */
  handlers(): RequestHandler[] {
    const pattern = `${this.address.origin}${this.#basePath}/*`;
    return [http.all(pattern, async ({ request }) => this.#handle(request))];
  }

  #nameOf(path: string): string {
    const rest = path.slice(this.#basePath.length + 1);
    try {
      return decodeURIComponent(rest);
    } catch {
      return rest;
    }
  }

  async #handle(request: Request): Promise<Response> {
    const read = await readRequest(request, this.address);
    const name = this.#nameOf(read.path);
    const isFetch = read.method === 'GET' || read.method === 'HEAD';
    const label = isFetch ? `GET ${name} → repository` : `${read.method} ${name} → repository`;
    const received = recordReceived(this.recorder, read, { to: 'repository', label });
    if (isFetch) return this.#serve(received, name);
    const { decoded, violations } = decodeUpload(received.body, received.mediaType);
    if (violations.length > 0) this.recorder.annotate(received.requestSeq, { violations });
    if (decoded !== undefined) this.recorder.annotate(received.requestSeq, { decoded: { ...decoded } });
    const configured = this.#uploadAnswers.get(name) ?? { status: 200 };
    return this.#answer(
      received,
      name,
      { status: configured.status, ...(configured.headers ? { headers: configured.headers } : {}) },
      { ...(decoded ? { decoded } : {}), violations },
    );
  }

  #serve(received: ReceivedRequest, name: string): Response {
    const content = this.#contents.get(name);
    let reply: { status: number; contentType?: string; body?: string | Uint8Array };
    if (content === undefined) reply = { status: 404, contentType: 'text/plain', body: `no resource ${name}` };
    else if (content.failWith !== undefined) reply = { status: content.failWith };
    else if (content.raw !== undefined) reply = { status: 200, contentType: content.raw.contentType, body: content.raw.body };
    else {
      const offered = [...(content.moData ? [MEDIA_TYPES.moData] : []), ...(content.text !== undefined ? ['text/plain'] : [])];
      const chosen = negotiateResponseType(received.headers['accept'], offered);
      if (!chosen.ok) reply = { status: 406, contentType: 'text/plain', body: `offered: ${offered.join(', ')}` };
      else if (chosen.mediaType === MEDIA_TYPES.moData)
        reply = { status: 200, contentType: MEDIA_TYPES.moData, body: JSON.stringify(content.moData) };
      else reply = { status: 200, contentType: 'text/plain', body: content.text ?? '' };
    }
    return this.#answer(received, name, reply, {
      violations: [],
      ...(reply.status === 200 && reply.contentType !== undefined ? { served: reply.contentType } : {}),
    });
  }

  /** Sends `reply` (recorded as the repository's answer) and logs the exchange with what was judged of it. */
  #answer(received: ReceivedRequest, name: string, reply: Parameters<typeof answer>[1], judged: RepositoryJudgement): Response {
    const { response, sent } = answer(this.recorder, reply, {
      from: 'repository',
      label: `${reply.status} ← repository`,
      url: received.url,
    });
    this.log.append((order, at) => ({ type: 'endpoint', endpoint: 'repository', order, at, ...received, name, ...judged, reply: sent }));
    return response;
  }
}
