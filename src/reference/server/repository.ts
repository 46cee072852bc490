import { http, HttpResponse, type RequestHandler } from 'msw';
import { captureBody } from '../../transport/body-capture.js';
import { capText } from '../../transport/cap-text.js';
import { negotiateResponseType } from '../../protocol/http/accept.js';
import { HEADERS } from '../../protocol/http/headers.js';
import { MEDIA_TYPES, isMediaType } from '../../protocol/http/media-types.js';
import { parseMoData } from '../../protocol/packages/mo-data.js';
import type { MoData } from '../../protocol/packages/index.js';
import { hasErrors } from '../../protocol/violation.js';
import { describeViolations, problem, problemResponse } from './problem.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../protocol/json-limits.js';
import { SINGLE_LEAF_AS_TEXT_PLAIN, UPLOAD_MEDIA_TYPES } from './readings.js';
import { DEFAULT_MAX_BODY_BYTES, readBody } from './request-input.js';
import type { RepoHit } from './schemas/device-log.schema.js';
import { appendBounded, type DeviceState, type ReferenceServerState } from './server-state.js';

const encoder = new TextEncoder();

/**
 * The device an upload or page hit belongs to: the OMADM-DevID header when sent, else a
 * registered DevID found as a segment of the path (a ServerURI with `[DevID]`, §6.2).
 */
function deviceOf(state: ReferenceServerState, request: Request, segments: readonly string[]): DeviceState | undefined {
  const header = request.headers.get(HEADERS.devId)?.trim();
  if (header !== undefined && header !== '') return state.devices.get(header);
  for (const segment of segments) {
    const device = state.devices.get(segment);
    if (device !== undefined) return device;
  }
  return undefined;
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** The value of MO data holding exactly one leaf, which a client may take as text/plain (App I.2). */
function singleLeaf(data: MoData): string | undefined {
  if (data.length !== 1) return undefined;
  const values = Object.values(data[0]?.MOData ?? {});
  const [value] = values;
  if (values.length !== 1 || value === null || typeof value === 'object') return undefined;
  return String(value);
}

function hitBase(request: Request, url: URL): Pick<RepoHit, 'method' | 'path' | 'devId' | 'accept'> {
  const hit: Pick<RepoHit, 'method' | 'path' | 'devId' | 'accept'> = { method: request.method, path: capText(url.pathname, 2048) };
  const devId = request.headers.get(HEADERS.devId);
  if (devId !== null) hit.devId = capText(devId, 256);
  const accept = request.headers.get(HEADERS.accept);
  if (accept !== null) hit.accept = capText(accept, 1024);
  return hit;
}

/**
 * GET <repo>/<name>: the content registered under that name (HGET, DEFAULT fallback sources,
 * §5.3.1, §5.3.10) in a media type the client's Accept allows: as registered, or — for
 * dmmo+json holding a single leaf — the bare value as text/plain (App I.2); otherwise 406.
 */
function serveContent(state: ReferenceServerState, request: Request, name: string): Response {
  const url = new URL(request.url);
  const base = hitBase(request, url);
  const content = state.repo.get(name);
  const respond = (response: Response, size = 0) => {
    state.logRepo({ ...base, status: response.status, body: { size } });
    return response;
  };
  if (content === undefined) {
    return respond(
      problemResponse(
        problem(404, 'no-such-content', 'No such content', `the repository holds nothing named ${JSON.stringify(capText(name, 256))}`),
      ),
    );
  }
  const offered: string[] = [content.mediaType];
  let leaf: string | undefined;
  if (SINGLE_LEAF_AS_TEXT_PLAIN && isMediaType(content.mediaType, MEDIA_TYPES.moData)) {
    const parsed = parseMoData(content.bytes);
    leaf = parsed.value === undefined ? undefined : singleLeaf(parsed.value);
    if (leaf !== undefined) offered.push('text/plain');
  }
  const negotiation = negotiateResponseType(request.headers.get(HEADERS.accept) ?? undefined, offered);
  if (!negotiation.ok) {
    return respond(
      problemResponse(
        problem(406, 'not-acceptable', 'Not acceptable', `content ${JSON.stringify(name)} is available as ${offered.join(', ')} only`),
      ),
    );
  }
  const bytes = negotiation.mediaType === content.mediaType || leaf === undefined ? content.bytes : encoder.encode(leaf);
  return respond(new HttpResponse(bytes, { status: 200, headers: { 'content-type': negotiation.mediaType } }), bytes.length);
}

/**
 * PUT or POST <repo>/<name>: an upload from HPUT, HPOST or SUB (§5.3.2, §5.3.3, §5.3.11).
 * application/dmmo+json is decoded (400 when invalid) and text/plain kept as text; any other
 * type gets 415 with OMADM-Accept naming what the repository takes (§5.3.11, §5.5). Recorded in
 * the repository log and in the device's log.
 */
async function receiveUpload(state: ReferenceServerState, request: Request, maxBodyBytes: number): Promise<Response> {
  const url = new URL(request.url);
  const hit: Omit<RepoHit, 'seq' | 'time'> = { ...hitBase(request, url), status: 0 };
  const device = deviceOf(state, request, segmentsOf(url));
  const record = (response: Response) => {
    hit.status = response.status;
    const entry = state.logRepo(hit);
    if (device !== undefined) appendBounded(device.log.uploads, entry);
    return response;
  };
  const body = await readBody(request, maxBodyBytes);
  if (!body.ok) return record(body.response);
  const contentType = request.headers.get(HEADERS.contentType) ?? undefined;
  hit.body = captureBody({ bytes: body.bytes, mediaType: contentType });
  if (isMediaType(contentType, MEDIA_TYPES.moData)) {
    const parsed = parseMoData(body.bytes);
    if (parsed.violations.length > 0) hit.violations = parsed.violations;
    if (parsed.value === undefined || hasErrors(parsed.violations)) {
      return record(
        problemResponse(
          problem(
            400,
            'invalid-mo-data',
            'Invalid MO data',
            describeViolations(parsed.violations.filter((v) => v.severity === 'error')),
            parsed.violations,
          ),
        ),
      );
    }
    if (exceedsJsonDepth(parsed.value)) {
      return record(
        problemResponse(problem(400, 'json-too-deep', 'JSON nested too deep', `the MO data nests deeper than ${MAX_JSON_DEPTH} levels`)),
      );
    }
    hit.moData = parsed.value;
    return record(new HttpResponse(null, { status: 204 }));
  }
  if (UPLOAD_MEDIA_TYPES.some((type) => type !== MEDIA_TYPES.moData && isMediaType(contentType, type)))
    return record(new HttpResponse(null, { status: 204 }));
  return record(
    problemResponse(
      problem(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `the repository takes ${UPLOAD_MEDIA_TYPES.join(', ')}, not ${JSON.stringify(contentType ?? null)}`,
      ),
      { [HEADERS.omadmAccept]: UPLOAD_MEDIA_TYPES.join(', ') },
    ),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GET <web>/<page>: a small HTML page for SHOW (§5.3.7); the hit is recorded. */
function servePage(state: ReferenceServerState, request: Request, page: string): Response {
  const url = new URL(request.url);
  const entry = state.logRepo({ ...hitBase(request, url), status: 200 });
  const device = deviceOf(state, request, segmentsOf(url));
  if (device !== undefined) appendBounded(device.log.webHits, entry);
  const html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>dmct reference server</title></head>` +
    `<body><h1>dmct reference server</h1><p>Page <code>${escapeHtml(capText(page, 256))}</code> opened by SHOW.</p></body></html>\n`;
  return new HttpResponse(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * The data repository (`<origin>/repo/<name>`: GET content, PUT/POST uploads) and the web server
 * SHOW opens (`<origin>/web/<page>`), as msw handlers.
 */
export function repositoryHandlers(
  state: ReferenceServerState,
  origin: string,
  maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES,
): RequestHandler[] {
  const name = (params: Record<string, unknown>) => String(params['0'] ?? '');
  return [
    http.get(`${origin}/repo/*`, ({ request, params }) => serveContent(state, request, name(params))),
    http.put(`${origin}/repo/*`, ({ request }) => receiveUpload(state, request, maxBodyBytes)),
    http.post(`${origin}/repo/*`, ({ request }) => receiveUpload(state, request, maxBodyBytes)),
    http.get(`${origin}/web/*`, ({ request, params }) => servePage(state, request, name(params))),
  ];
}
