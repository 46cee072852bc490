import type { IncomingHttpHeaders } from 'node:http';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { captureBody } from '../../transport/body-capture.js';
import { capText } from '../../transport/cap-text.js';
import type { DirectHandler } from '../../transport/endpoint-server.js';
import { negotiateResponseType, isSupportedRequestType } from '../../protocol/http/accept.js';
import { HEADERS } from '../../protocol/http/headers.js';
import { MEDIA_TYPES, PACKAGE_MEDIA_TYPES } from '../../protocol/http/media-types.js';
import { checkPackageRequest } from '../../protocol/http/package-requests.js';
import { onPackage1, onPackage3, type SessionAnswer, type SessionOutcome } from './dm-session.js';
import { PROBLEM_MEDIA_TYPE, problem, problemResponse, type Problem } from './problem.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../protocol/json-limits.js';
import { ASYNC_RESULT_PATH_SEGMENT, UPLOAD_MEDIA_TYPES } from './readings.js';
import { DEFAULT_MAX_BODY_BYTES, readBodyBytes } from './request-input.js';
import type { ReceivedPackage } from './schemas/device-log.schema.js';
import { appendBounded, type ReferenceServerState } from './server-state.js';

/** Where a DM request arrived: the DM endpoint, a CONT URI (§5.3.8) or an asynchronous-result URI (§5.4.1). */
export type DmRoute = { kind: 'dm' } | { kind: 'cont'; token: string } | { kind: 'async'; commandId: string };

const MAX_HEADERS = 100;
const MAX_HEADER_CHARS = 2048;
/** `/dm/cont/<token>` and `/dm/async/<commandId>`: one non-empty segment after the kind. */
const DM_SUB_PATH = new RegExp(`^/dm/(cont|${ASYNC_RESULT_PATH_SEGMENT})/([^/]+)$`);

/** A DM request as the endpoint reads it, whichever wiring delivered it (msw or the raw served port). */
export interface DmRequest {
  method: string;
  /** The request URL on the handler origin (path and query as the client sent them). */
  url: URL;
  /** A header's value (repeated ones joined with ", "), or null. */
  headers: { get(name: string): string | null };
  /** Every header, lower-case names, for the device log. */
  headerEntries(): Iterable<[string, string]>;
  /** The body, or why it could not be read (413 over the cap, 400 unreadable). */
  body: { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };
}

/** The endpoint's answer as plain data: each wiring turns it into its own response object. */
export interface DmAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body text (Package#2 or problem JSON); none for 204. */
  body?: string;
  /** Close the connection without an answer (a fault switch; §5.2 obliges an answer). */
  drop?: boolean;
}

/** Request headers as recorded: lower-case names in sorted order, capped values, at most MAX_HEADERS of them. */
function recordHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of [...headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (++count > MAX_HEADERS) break;
    out[name] = capText(value, MAX_HEADER_CHARS);
  }
  return out;
}

/** The URL as the client used it: the handlers see requests rewritten to their origin. */
function publicUrlOf(state: ReferenceServerState, url: URL): string {
  return `${new URL(state.urls.dm).origin}${url.pathname}${url.search}`;
}

function problemAnswer(body: Problem): { answer: DmAnswer; record: ReceivedPackage['response'] } {
  return {
    answer: { status: body.status, headers: { 'content-type': PROBLEM_MEDIA_TYPE }, body: JSON.stringify(body) },
    record: { status: body.status, mediaType: PROBLEM_MEDIA_TYPE, body: { ...body } },
  };
}

function sessionAnswer(state: ReferenceServerState, answer: SessionAnswer): { answer: DmAnswer; record: ReceivedPackage['response'] } {
  if (answer.kind === 'package2') {
    // The one place `package2-wrong-content-type` acts (§5.2.3, §7.2.1.2).
    const mediaType = state.faults.has('package2-wrong-content-type') ? 'application/json' : MEDIA_TYPES.package2;
    // §5.5: the server takes uploads beyond the mandated serialization and says so with OMADM-Accept (`package2-no-omadm-accept` stays silent).
    const accepts: Record<string, string> = state.faults.has('package2-no-omadm-accept')
      ? {}
      : { [HEADERS.omadmAccept]: UPLOAD_MEDIA_TYPES.join(', ') };
    return {
      answer: { status: 200, headers: { 'content-type': mediaType, ...accepts }, body: JSON.stringify(answer.package2) },
      record: { status: 200, mediaType, body: answer.package2 },
    };
  }
  if (answer.kind === 'no-content') return { answer: { status: 204, headers: {} }, record: { status: 204 } };
  return problemAnswer(answer.problem);
}

/**
 * One DM request (§5.2.2, §5.2.4, §5.5): OMADM-DevID required (400), an unknown DevID refused
 * (403) unless the server registers devices on the fly, the body capped (413), a Content-Type
 * that is no package refused (415), an Accept that excludes Package#2 refused (406); then the
 * package goes to the session engine and everything is recorded in the device's log.
 */
export function answerDmRequest(state: ReferenceServerState, request: DmRequest, route: DmRoute): DmAnswer {
  const url = request.url;
  const devId = request.headers.get(HEADERS.devId)?.trim();
  const refuse = (body: Problem, id?: string) => {
    state.logRefused({
      method: request.method,
      url: capText(publicUrlOf(state, url), MAX_HEADER_CHARS),
      status: body.status,
      ...(id === undefined ? {} : { devId: capText(id, 256) }),
    });
    return problemAnswer(body).answer;
  };
  if (devId === undefined || devId === '') {
    return refuse(
      problem(
        400,
        'devid-missing',
        'OMADM-DevID missing',
        `every Package#1 and Package#3 MUST carry the ${HEADERS.devId} header (§5.2.2, §5.2.4)`,
      ),
    );
  }
  if (route.kind === 'cont') {
    const owner = state.contTokens.get(route.token);
    // The one place `cont-uri-rejected` acts (§5.3.8): the CONT URI it handed out is not honoured.
    if (owner === undefined || state.faults.has('cont-uri-rejected')) {
      return refuse(problem(404, 'unknown-cont-uri', 'Unknown CONT URI', `${url.pathname} is not a session URI of this server`), devId);
    }
    if (owner !== devId)
      return refuse(
        problem(403, 'cont-uri-of-another-device', 'CONT URI of another device', `${url.pathname} belongs to another device`),
        devId,
      );
  }
  if (!state.devices.has(devId) && state.unknownDevices === 'register') state.register({ devId });
  const device = state.devices.get(devId);
  if (device === undefined) {
    return refuse(
      problem(403, 'unknown-device', 'Unknown device', `no device ${JSON.stringify(capText(devId, 256))} is registered with this server`),
      devId,
    );
  }
  if (route.kind === 'async' && !device.commands.has(route.commandId)) {
    return refuse(
      problem(404, 'unknown-async-uri', 'Unknown asynchronous-result URI', `${url.pathname} names no command of ${devId}`),
      devId,
    );
  }

  const body = request.body;
  const contentType = request.headers.get(HEADERS.contentType) ?? undefined;
  const seq = device.nextSeq();
  const entry: ReceivedPackage = {
    seq,
    kind: 'unknown',
    time: state.timestamp(),
    http: {
      method: request.method,
      url: capText(publicUrlOf(state, url), MAX_HEADER_CHARS),
      headers: recordHeaders(request.headerEntries()),
    },
    body: body.ok
      ? captureBody({ bytes: body.bytes, mediaType: contentType })
      : { size: Number(request.headers.get('content-length') ?? 0) || 0 },
    violations: [],
    response: { status: 0 },
  };
  const finish = (answer: { answer: DmAnswer; record: ReceivedPackage['response'] }) => {
    entry.response = answer.record;
    appendBounded(device.log.packages, entry);
    return answer.answer;
  };
  if (!body.ok) {
    return finish({ answer: problemAnswer(body.problem).answer, record: { status: body.problem.status } });
  }

  const packageNumber =
    isSupportedRequestType(contentType, 1) && route.kind !== 'cont' ? 1 : isSupportedRequestType(contentType, 3) ? 3 : undefined;
  if (packageNumber === undefined) {
    const accepted = route.kind === 'cont' ? PACKAGE_MEDIA_TYPES[3] : [...PACKAGE_MEDIA_TYPES[1], ...PACKAGE_MEDIA_TYPES[3]];
    return finish(
      problemAnswer(
        problem(
          415,
          'unsupported-media-type',
          'Unsupported media type',
          `${url.pathname} takes ${accepted.join(', ')} (multipart with a boundary), not ${JSON.stringify(contentType ?? null)} (§5.5)`,
        ),
      ),
    );
  }
  entry.kind = packageNumber === 1 ? 'package1' : 'package3';
  // The one place `package3-connection-closed` acts (§5.2.4): the Package#3 was read in full, the connection is dropped unanswered.
  if (packageNumber === 3 && state.faults.has('package3-connection-closed'))
    return finish({ answer: { status: 0, headers: {}, drop: true }, record: { status: 0 } });
  const negotiation = negotiateResponseType(request.headers.get(HEADERS.accept) ?? undefined);
  if (!negotiation.ok) {
    return finish(
      problemAnswer(
        problem(
          406,
          'not-acceptable',
          'Not acceptable',
          `the Accept header excludes ${MEDIA_TYPES.package2}, the only type this server answers with (§5.5)`,
        ),
      ),
    );
  }

  const check = checkPackageRequest({ method: request.method, headers: request.headers, body: body.bytes }, packageNumber, {
    reqMosAsked: device.lastNotification?.reqMos === true,
  });
  if (exceedsJsonDepth(check.package1 ?? check.package3)) {
    return finish(
      problemAnswer(problem(400, 'json-too-deep', 'JSON nested too deep', `the package nests deeper than ${MAX_JSON_DEPTH} levels`)),
    );
  }
  if (check.parts !== undefined && check.parts.size > 0) {
    entry.parts = [...check.parts].map(([index, part]) => ({
      name: String(index),
      body: captureBody({ bytes: part.body, mediaType: part.mediaType }),
    }));
  }
  const arrival = { path: url.pathname, seq };
  const outcome: SessionOutcome =
    packageNumber === 1 ? onPackage1(state, device, check, arrival) : onPackage3(state, device, check, arrival);
  entry.violations = outcome.violations;
  if (outcome.decoded !== undefined) entry.package = { ...outcome.decoded };
  const sessionId = outcome.answer.sessionId ?? device.session?.record.id;
  if (sessionId !== undefined) entry.sessionId = sessionId;
  return finish(sessionAnswer(state, outcome.answer));
}

/** The DM route of a request path (`/dm`, `/dm/cont/<token>`, `/dm/async/<commandId>`), or undefined for any other path. */
export function dmRouteOf(pathname: string): DmRoute | undefined {
  if (pathname === '/dm') return { kind: 'dm' };
  const match = DM_SUB_PATH.exec(pathname);
  if (match === null) return undefined;
  let segment: string;
  try {
    segment = decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
  return match[1] === 'cont' ? { kind: 'cont', token: segment } : { kind: 'async', commandId: segment };
}

/** A header of node's record: lower-case name, repeated values joined with ", " (RFC 7230 §3.2.2). */
function nodeHeader(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  return value === undefined ? null : typeof value === 'string' ? value : value.join(', ');
}

/**
 * The DM endpoint for the served port, without msw: a POST to `/dm`, a CONT URI or an
 * asynchronous-result URI is answered from node's request by the same `answerDmRequest` the msw
 * handlers call, so the two wirings cannot differ in what they answer. Any other method or path
 * (405s, malformed escapes, the repository) is left to the msw handlers.
 */
export function directDmEndpoint(state: ReferenceServerState, origin: string): DirectHandler {
  return (request) => {
    if (request.method !== 'POST') return undefined;
    const url = new URL(request.path, origin);
    const route = dmRouteOf(url.pathname);
    if (route === undefined) return undefined;
    const headers = request.headers;
    const dmRequest: DmRequest = {
      method: request.method,
      url,
      headers: { get: (name) => nodeHeader(headers, name) },
      headerEntries: () => Object.keys(headers).map((name): [string, string] => [name, nodeHeader(headers, name) ?? '']),
      body: { ok: true, bytes: request.body },
    };
    return answerDmRequest(state, dmRequest, route);
  };
}

/** An msw request in the endpoint's terms; the body is read up front, within the cap. */
async function dmRequestOf(request: Request, maxBodyBytes: number): Promise<DmRequest> {
  const body = await readBodyBytes(request, maxBodyBytes);
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    headerEntries: () => request.headers.entries(),
    body,
  };
}

function responseOf(answer: DmAnswer): Response {
  if (answer.drop === true) return Response.error();
  return new HttpResponse(answer.body ?? null, { status: answer.status, headers: answer.headers });
}

async function handleDmRequest(state: ReferenceServerState, request: Request, route: DmRoute, maxBodyBytes: number): Promise<Response> {
  return responseOf(answerDmRequest(state, await dmRequestOf(request, maxBodyBytes), route));
}

function methodNotAllowed(): Response {
  return problemResponse(problem(405, 'method-not-allowed', 'Method not allowed', 'DM packages are sent with HTTP POST (§5.2.2, §5.2.4)'), {
    allow: 'POST',
  });
}

/**
 * The DM endpoint as msw handlers: `POST <origin>/dm` (Package#1 and Package#3), the CONT URIs
 * `POST <origin>/dm/cont/<token>` (Package#3 of that session, §5.3.8), and the
 * asynchronous-result URIs `POST <origin>/dm/async/<commandId>` (a Package#1 carrying an EXEC's
 * Generic Alert, §5.4.1). Any other method gets 405.
 */
export function dmEndpointHandlers(
  state: ReferenceServerState,
  origin: string,
  maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES,
): RequestHandler[] {
  const base = `${origin}/dm`;
  const asyncPath = `${base}/${ASYNC_RESULT_PATH_SEGMENT}/:commandId`;
  const paths = [base, `${base}/cont/:token`, asyncPath];
  return [
    http.post(base, ({ request }) => handleDmRequest(state, request, { kind: 'dm' }, maxBodyBytes)),
    http.post(`${base}/cont/:token`, ({ request, params }) =>
      handleDmRequest(state, request, { kind: 'cont', token: String(params['token']) }, maxBodyBytes),
    ),
    http.post(asyncPath, ({ request, params }) =>
      handleDmRequest(state, request, { kind: 'async', commandId: String(params['commandId']) }, maxBodyBytes),
    ),
    ...paths.map((path) => http.all(path, methodNotAllowed)),
  ];
}
