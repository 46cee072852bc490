import { http, HttpResponse, type RequestHandler } from 'msw';
import { captureBody } from '../../harness/body-capture.js';
import { capText } from '../../harness/cap-text.js';
import { negotiateResponseType, isSupportedRequestType } from '../../protocol/http/accept.js';
import { HEADERS } from '../../protocol/http/headers.js';
import { MEDIA_TYPES, PACKAGE_MEDIA_TYPES } from '../../protocol/http/media-types.js';
import { checkPackageRequest } from '../../protocol/http/package-requests.js';
import { onPackage1, onPackage3, type SessionAnswer, type SessionOutcome } from './dm-session.js';
import { problem, problemResponse, type Problem } from './problem.js';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../protocol/json-limits.js';
import { ASYNC_RESULT_PATH_SEGMENT } from './readings.js';
import { DEFAULT_MAX_BODY_BYTES, readBody } from './request-input.js';
import type { ReceivedPackage } from './schemas/device-log.schema.js';
import { appendBounded, type ReferenceServerState } from './server-state.js';

/** Where a DM request arrived: the DM endpoint, a CONT URI (§5.3.8) or an asynchronous-result URI (§5.4.1). */
type Route = { kind: 'dm' } | { kind: 'cont'; token: string } | { kind: 'async'; commandId: string };

const MAX_HEADERS = 100;
const MAX_HEADER_CHARS = 2048;

/** Request headers as recorded: lower-case names, capped values, at most MAX_HEADERS of them. */
export function recordHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    if (++count > MAX_HEADERS) break;
    out[name] = capText(value, MAX_HEADER_CHARS);
  }
  return out;
}

/** The URL as the client used it: the handlers see requests rewritten to their origin. */
export function publicUrlOf(state: ReferenceServerState, url: URL): string {
  return `${new URL(state.urls.dm).origin}${url.pathname}${url.search}`;
}

function answerResponse(state: ReferenceServerState, answer: SessionAnswer): { response: Response; record: ReceivedPackage['response'] } {
  if (answer.kind === 'package2') {
    // The one place `package2-wrong-content-type` acts (§5.2.3, §7.2.1.2).
    const mediaType = state.faults.has('package2-wrong-content-type') ? 'application/json' : MEDIA_TYPES.package2;
    return {
      response: new HttpResponse(JSON.stringify(answer.package2), { status: 200, headers: { 'content-type': mediaType } }),
      record: { status: 200, mediaType, body: answer.package2 },
    };
  }
  if (answer.kind === 'no-content') return { response: new HttpResponse(null, { status: 204 }), record: { status: 204 } };
  return problemAnswer(answer.problem);
}

function problemAnswer(body: Problem): { response: Response; record: ReceivedPackage['response'] } {
  return { response: problemResponse(body), record: { status: body.status, mediaType: 'application/problem+json', body: { ...body } } };
}

/**
 * One DM request (§5.2.2, §5.2.4, §5.5): OMADM-DevID required (400), an unknown DevID refused
 * (403) unless the server registers devices on the fly, the body capped (413), a Content-Type
 * that is no package refused (415), an Accept that excludes Package#2 refused (406); then the
 * package goes to the session engine and everything is recorded in the device's log.
 */
async function handleDmRequest(state: ReferenceServerState, request: Request, route: Route, maxBodyBytes: number): Promise<Response> {
  const url = new URL(request.url);
  const devId = request.headers.get(HEADERS.devId)?.trim();
  const refuse = (body: Problem, id?: string) => {
    state.logRefused({ method: request.method, url: capText(publicUrlOf(state, url), MAX_HEADER_CHARS), status: body.status, ...(id === undefined ? {} : { devId: capText(id, 256) }) });
    return problemResponse(body);
  };
  if (devId === undefined || devId === '') {
    return refuse(problem(400, 'devid-missing', 'OMADM-DevID missing', `every Package#1 and Package#3 MUST carry the ${HEADERS.devId} header (§5.2.2, §5.2.4)`));
  }
  if (route.kind === 'cont') {
    const owner = state.contTokens.get(route.token);
    // The one place `cont-uri-rejected` acts (§5.3.8): the CONT URI it handed out is not honoured.
    if (owner === undefined || state.faults.has('cont-uri-rejected')) {
      return refuse(problem(404, 'unknown-cont-uri', 'Unknown CONT URI', `${url.pathname} is not a session URI of this server`), devId);
    }
    if (owner !== devId) return refuse(problem(403, 'cont-uri-of-another-device', 'CONT URI of another device', `${url.pathname} belongs to another device`), devId);
  }
  if (!state.devices.has(devId) && state.unknownDevices === 'register') state.register({ devId });
  const device = state.devices.get(devId);
  if (device === undefined) {
    return refuse(problem(403, 'unknown-device', 'Unknown device', `no device ${JSON.stringify(capText(devId, 256))} is registered with this server`), devId);
  }
  if (route.kind === 'async' && !device.commands.has(route.commandId)) {
    return refuse(problem(404, 'unknown-async-uri', 'Unknown asynchronous-result URI', `${url.pathname} names no command of ${devId}`), devId);
  }

  const body = await readBody(request, maxBodyBytes);
  const contentType = request.headers.get(HEADERS.contentType) ?? undefined;
  const seq = device.nextSeq();
  const entry: ReceivedPackage = {
    seq,
    kind: 'unknown',
    time: state.timestamp(),
    http: { method: request.method, url: capText(publicUrlOf(state, url), MAX_HEADER_CHARS), headers: recordHeaders(request.headers) },
    body: body.ok ? captureBody({ bytes: body.bytes, mediaType: contentType }) : { size: Number(request.headers.get('content-length') ?? 0) || 0 },
    violations: [],
    response: { status: 0 },
  };
  const finish = (answer: { response: Response; record: ReceivedPackage['response'] }) => {
    entry.response = answer.record;
    appendBounded(device.log.packages, entry);
    return answer.response;
  };
  if (!body.ok) {
    return finish({ response: body.response, record: { status: body.response.status } });
  }

  const packageNumber = isSupportedRequestType(contentType, 1) && route.kind !== 'cont' ? 1 : isSupportedRequestType(contentType, 3) ? 3 : undefined;
  if (packageNumber === undefined) {
    const accepted = route.kind === 'cont' ? PACKAGE_MEDIA_TYPES[3] : [...PACKAGE_MEDIA_TYPES[1], ...PACKAGE_MEDIA_TYPES[3]];
    return finish(
      problemAnswer(
        problem(415, 'unsupported-media-type', 'Unsupported media type',
          `${url.pathname} takes ${accepted.join(', ')} (multipart with a boundary), not ${JSON.stringify(contentType ?? null)} (§5.5)`),
      ),
    );
  }
  entry.kind = packageNumber === 1 ? 'package1' : 'package3';
  const negotiation = negotiateResponseType(request.headers.get(HEADERS.accept) ?? undefined);
  if (!negotiation.ok) {
    return finish(
      problemAnswer(problem(406, 'not-acceptable', 'Not acceptable', `the Accept header excludes ${MEDIA_TYPES.package2}, the only type this server answers with (§5.5)`)),
    );
  }

  const check = checkPackageRequest({ method: request.method, headers: request.headers, body: body.bytes }, packageNumber);
  if (exceedsJsonDepth(check.package1 ?? check.package3)) {
    return finish(problemAnswer(problem(400, 'json-too-deep', 'JSON nested too deep', `the package nests deeper than ${MAX_JSON_DEPTH} levels`)));
  }
  if (check.parts !== undefined && check.parts.size > 0) {
    entry.parts = [...check.parts].map(([index, part]) => ({ name: String(index), body: captureBody({ bytes: part.body, mediaType: part.mediaType }) }));
  }
  const arrival = { path: url.pathname, seq };
  const outcome: SessionOutcome = packageNumber === 1 ? onPackage1(state, device, check, arrival) : onPackage3(state, device, check, arrival);
  entry.violations = outcome.violations;
  if (outcome.decoded !== undefined) entry.package = { ...outcome.decoded };
  const sessionId = outcome.answer.sessionId ?? device.session?.record.id;
  if (sessionId !== undefined) entry.sessionId = sessionId;
  return finish(answerResponse(state, outcome.answer));
}

function methodNotAllowed(): Response {
  return problemResponse(problem(405, 'method-not-allowed', 'Method not allowed', 'DM packages are sent with HTTP POST (§5.2.2, §5.2.4)'), { allow: 'POST' });
}

/**
 * The DM endpoint as msw handlers: `POST <origin>/dm` (Package#1 and Package#3), the CONT URIs
 * `POST <origin>/dm/cont/<token>` (Package#3 of that session, §5.3.8), and the
 * asynchronous-result URIs `POST <origin>/dm/async/<commandId>` (a Package#1 carrying an EXEC's
 * Generic Alert, §5.4.1). Any other method gets 405.
 */
export function dmEndpointHandlers(state: ReferenceServerState, origin: string, maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES): RequestHandler[] {
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
