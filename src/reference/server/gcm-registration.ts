import { http, HttpResponse, type RequestHandler } from 'msw';
import { capText } from '../../transport/cap-text.js';
import { HEADERS } from '../../protocol/http/headers.js';
import { isMediaType } from '../../protocol/http/media-types.js';
import { problem, problemResponse } from './problem.js';
import { DEFAULT_MAX_BODY_BYTES, readBody } from './request-input.js';
import type { ReferenceServerState } from './server-state.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * The GCM registration URIs a DMAcc `Push/GCM/RegURI` and `UnRegURI` point at (App E.2.4): the
 * client POSTs `RegId=<id>` (form-encoded) plus the server's RegParams. The device is named by
 * the OMADM-DevID header or a `DevID` RegParam; the registration id then addresses its GCM
 * notifications. Answers 204; 400 without RegId or device, 403 for an unknown device, 415 for
 * another body type.
 */
async function register(state: ReferenceServerState, request: Request, unregister: boolean, maxBodyBytes: number): Promise<Response> {
  const url = new URL(request.url);
  const respond = (response: Response, devId?: string) => {
    state.logRepo({
      method: request.method,
      path: capText(url.pathname, 2048),
      status: response.status,
      ...(devId === undefined ? {} : { devId: capText(devId, 256) }),
    });
    return response;
  };
  if (!isMediaType(request.headers.get(HEADERS.contentType) ?? undefined, FORM)) {
    return respond(
      problemResponse(problem(415, 'unsupported-media-type', 'Unsupported media type', `GCM registration takes ${FORM} (App E.2.4)`)),
    );
  }
  const body = await readBody(request, maxBodyBytes);
  if (!body.ok) return respond(body.response);
  const form = new URLSearchParams(new TextDecoder().decode(body.bytes));
  const regId = form.get('RegId') ?? '';
  const devId = request.headers.get(HEADERS.devId)?.trim() || form.get('DevID') || '';
  if (regId === '' || devId === '') {
    return respond(
      problemResponse(
        problem(
          400,
          'registration-incomplete',
          'Registration incomplete',
          'a GCM registration needs RegId and the device (OMADM-DevID header or DevID parameter)',
        ),
      ),
      devId || undefined,
    );
  }
  const device = state.devices.get(devId);
  if (device === undefined)
    return respond(
      problemResponse(problem(403, 'unknown-device', 'Unknown device', `no device ${JSON.stringify(capText(devId, 256))} is registered`)),
      devId,
    );
  if (!unregister) device.gcmRegId = regId;
  else if (device.gcmRegId === regId) delete device.gcmRegId;
  return respond(new HttpResponse(null, { status: 204 }), devId);
}

/** `POST <origin>/gcm/register` and `POST <origin>/gcm/unregister` as msw handlers (App E.2.4). */
export function gcmRegistrationHandlers(
  state: ReferenceServerState,
  origin: string,
  maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES,
): RequestHandler[] {
  return [
    http.post(`${origin}/gcm/register`, ({ request }) => register(state, request, false, maxBodyBytes)),
    http.post(`${origin}/gcm/unregister`, ({ request }) => register(state, request, true, maxBodyBytes)),
  ];
}
