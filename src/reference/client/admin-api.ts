import { HttpResponse, http, type RequestHandler } from 'msw';
import { compileSchema, formatViolation, type SchemaValidator } from '../../protocol/json-schema.js';
import { checkGenericAlert } from '../../protocol/packages/generic-alert.js';
import { genericAlertSchema, type GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import { leafValueFromText } from '../../protocol/tree/leaf-values.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { allows, isInterior } from '../../protocol/tree/node.js';
import { resolveClientUriText } from '../../protocol/tree/resolve.js';
import { serializeLocation } from '../../protocol/tree/serialize.js';
import { MEDIA_TYPES } from '../../protocol/http/media-types.js';
import type { ReferenceClient } from './reference-client.js';
import { needMoidRequestSchema, type NeedMoidRequest } from './schemas/need-moid-request.schema.js';

/** Largest admin request body read. */
export const ADMIN_MAX_BODY_BYTES = 64 * 1024;

const validateAlert = compileSchema<GenericAlert>(genericAlertSchema);
const validateNeedMoid = compileSchema<NeedMoidRequest>(needMoidRequestSchema);

function error(status: number, message: string): Response {
  return HttpResponse.json({ error: message }, { status });
}

async function readText(request: Request): Promise<string | Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > ADMIN_MAX_BODY_BYTES) return error(413, `body over ${ADMIN_MAX_BODY_BYTES} bytes`);
  const bytes = new Uint8Array(await request.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (bytes.length > ADMIN_MAX_BODY_BYTES) return error(413, `body over ${ADMIN_MAX_BODY_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return error(400, 'body is not UTF-8');
  }
}

async function readJson<T>(request: Request, validate: SchemaValidator<T>, what: string): Promise<T | Response> {
  const text = await readText(request);
  if (text instanceof Response) return text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    return error(400, `${what}: invalid JSON (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  const result = validate(data);
  if (!result.ok) return error(400, result.violations.map((violation) => formatViolation(what, violation)).join('; '));
  return result.value;
}

function locate(client: ReferenceClient, request: Request): NodeLocation[] | Response {
  const uri = new URL(request.url).searchParams.get('uri');
  if (uri === null || uri === '') return error(400, 'query parameter uri (a ClientURI) is required');
  const resolution = resolveClientUriText(client.tree, uri);
  if (!resolution.ok) return error(resolution.status, resolution.reason);
  return resolution.locations;
}

/**
 * The text form of the leaf value PUT /tree carries: the body as is, or, declared JSON (as the
 * served admin API requires), a JSON string, number or boolean.
 */
function leafText(body: string, contentType: string | null): string | Response {
  if (!/json/i.test(contentType ?? '')) return body;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return error(400, 'PUT /tree: the body is declared JSON but is not JSON');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return error(400, 'PUT /tree: a JSON body is one string, number or boolean');
}

const wantsWait = (request: Request): boolean => ['1', 'true'].includes(new URL(request.url).searchParams.get('wait') ?? '');

/** Longest `?server=` URL taken. */
const MAX_SERVER_URL_CHARS = 2048;

/** The `?server=` of POST /session: an http(s) URL the session goes to instead of the account's ServerURI; undefined when absent. */
function sessionServer(request: Request): string | undefined | Response {
  const server = new URL(request.url).searchParams.get('server');
  if (server === null) return undefined;
  if (server.length > MAX_SERVER_URL_CHARS || !/^https?:\/\//i.test(server) || !URL.canParse(server))
    return error(400, `query parameter server: an http(s) URL of at most ${MAX_SERVER_URL_CHARS} characters`);
  return server;
}

/**
 * The reference client's admin API (loopback only; claims triggers call it): `POST /session`
 * opens a client-initiated session (`?server=URL` with that DM server instead of the account's;
 * `?wait=1` answers once it is over, with `"sessionDone": true`), `POST /alerts` raises a
 * Generic Alert for the next package (`?now=1` opens a session to carry it), `GET /tree?uri=`
 * reads the tree, `PUT /tree?uri=` changes a leaf as a local application would (SUB fires),
 * `POST /need-moid` makes a local application need an MO (DEFAULT source), `GET /state`, `GET /health`.
 */
export function adminHandlers(client: ReferenceClient, origin: string): RequestHandler[] {
  const at = (path: string) => `${origin}${path}`;
  return [
    http.get(at('/health'), () =>
      HttpResponse.json({ ok: true, devId: client.devId, serverIds: client.accounts().map((a) => a.serverId), busy: client.busy }),
    ),
    http.get(at('/state'), () => HttpResponse.json(client.snapshot())),
    http.post(at('/session'), async ({ request }) => {
      const server = sessionServer(request);
      if (server instanceof Response) return server;
      const ticket = client.openSession('client', server === undefined ? {} : { url: server });
      if (!wantsWait(request)) return HttpResponse.json({ sessionId: ticket.id }, { status: 202 });
      const record = await ticket.done;
      return record ? HttpResponse.json({ ...record, sessionDone: true }) : error(503, 'the client is stopping or has no DM account');
    }),
    http.post(at('/alerts'), async ({ request }) => {
      const alert = await readJson(request, validateAlert, 'alert');
      if (alert instanceof Response) return alert;
      const problems = checkGenericAlert(alert).filter((violation) => violation.severity === 'error');
      if (problems.length > 0)
        return error(
          400,
          problems.map((violation) => `alert ${violation.pointer ?? ''}: ${violation.message} (${violation.rule})`).join('; '),
        );
      client.raiseAlert(alert);
      if (!['1', 'true'].includes(new URL(request.url).searchParams.get('now') ?? ''))
        return HttpResponse.json({ queued: client.snapshot().pendingAlerts }, { status: 202 });
      const ticket = client.openSession('alert');
      if (!wantsWait(request)) return HttpResponse.json({ sessionId: ticket.id }, { status: 202 });
      const record = await ticket.done;
      return record ? HttpResponse.json(record) : error(503, 'the client is stopping or has no DM account');
    }),
    http.get(at('/tree'), ({ request }) => {
      const locations = locate(client, request);
      if (locations instanceof Response) return locations;
      const entries = locations
        .filter((location) => allows(location.node, 'Get'))
        .map((location) => serializeLocation(client.tree, location));
      return new HttpResponse(JSON.stringify(entries), { headers: { 'content-type': MEDIA_TYPES.moData } });
    }),
    http.put(at('/tree'), async ({ request }) => {
      const locations = locate(client, request);
      if (locations instanceof Response) return locations;
      const [location] = locations;
      if (!location || locations.length !== 1 || isInterior(location.node)) return error(400, 'PUT /tree sets exactly one leaf');
      const body = await readText(request);
      if (body instanceof Response) return body;
      const text = leafText(body, request.headers.get('content-type'));
      if (text instanceof Response) return text;
      const value = leafValueFromText(location.node.format as Exclude<typeof location.node.format, 'node'>, text);
      if (value === undefined) return error(415, `${JSON.stringify(text.slice(0, 60))} is not a ${location.node.format} value`);
      await client.setLeaf(location, value);
      return HttpResponse.json({ cv: location.instance.cv });
    }),
    http.post(at('/need-moid'), async ({ request }) => {
      const need = await readJson(request, validateNeedMoid, 'need-moid');
      if (need instanceof Response) return need;
      return HttpResponse.json(await client.needMoid(need.moid));
    }),
  ];
}

/**
 * The HTTP notification transport (App E.3 "other"): `POST /notify` with the raw Package#0 bytes
 * as body. Always 202 with no body: what became of the notification is in `GET /state`.
 */
export function notifyHandlers(client: ReferenceClient, origin: string, maxBytes = 4096): RequestHandler[] {
  return [
    http.post(`${origin}/notify`, async ({ request }) => {
      const bytes = new Uint8Array(await request.arrayBuffer().catch(() => new ArrayBuffer(0)));
      if (bytes.length > maxBytes) return error(413, `a notification is at most ${maxBytes} bytes here`);
      client.receiveNotification('http', bytes);
      return new HttpResponse(null, { status: 202 });
    }),
  ];
}
