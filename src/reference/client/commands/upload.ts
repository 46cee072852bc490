import { acceptWeight, parseAccept } from '../../../protocol/http/accept.js';
import { MEDIA_TYPES } from '../../../protocol/http/media-types.js';
import { buildMoData } from '../../../protocol/packages/mo-data.js';
import { leafValueToText } from '../../../protocol/tree/leaf-values.js';
import type { NodeLocation } from '../../../protocol/tree/location.js';
import { isInterior } from '../../../protocol/tree/node.js';
import { resolveClientUri } from '../../../protocol/tree/resolve.js';
import { serializeLocation } from '../../../protocol/tree/serialize.js';
import { describeOutcome, isSuccess } from '../client-http.js';
import { isHttpUrl, prepareServerUri } from '../server-uris.js';
import { cacheStillValid, mayRead, readableBelow } from '../read-access.js';
import type { ClientServices, SessionContext } from '../services.js';
import { clientUriParam, refuse, type CommandOutcome } from './outcome.js';

/** One ClientURI of an upload and what it addressed. */
interface Located {
  locations: NodeLocation[];
  lv?: number;
}

/**
 * The body media type of an upload (section 5.5: follow OMADM-Accept when the server gave one):
 * `application/dmmo+json` by default; raw `text/plain` for a single leaf when OMADM-Accept ranks it
 * higher; `undefined` (406) when OMADM-Accept names neither.
 */
export function uploadMediaType(omadmAccept: string | undefined, singleLeaf: boolean): string | undefined {
  if (omadmAccept === undefined) return MEDIA_TYPES.moData;
  const { ranges } = parseAccept(omadmAccept, 'OMADM-Accept');
  if (ranges.length === 0) return MEDIA_TYPES.moData;
  const json = acceptWeight(ranges, MEDIA_TYPES.moData);
  const text = singleLeaf ? acceptWeight(ranges, 'text/plain') : 0;
  if (json === 0 && text === 0) return undefined;
  return text > json ? 'text/plain' : MEDIA_TYPES.moData;
}

/**
 * HPUT (section 5.3.2) and HPOST (section 5.3.3): send the data at every ClientURI to the ServerURI
 * with PUT or POST. 200 when at least one ClientURI was sent, 404 when none exists, 403 when none
 * may be read, 304 when every one carried a `cv` that still matches (section 11.2), 406 when
 * OMADM-Accept names no type the client writes, 419 when the upload fails (App C).
 */
export async function runUpload(
  command: 'HPUT' | 'HPOST',
  params: readonly string[],
  services: ClientServices,
  session: SessionContext,
): Promise<CommandOutcome> {
  const [serverUri = '', ...clientUris] = params;
  const located: Located[] = [];
  let forbidden = 0;
  let unchanged = 0;
  /** A ClientURI named a node that is not there (as opposed to a whole instance that is not). */
  let missingNode = false;
  for (const text of clientUris) {
    const param = clientUriParam(text, session);
    if ('refused' in param) {
      if (param.refused.status !== 403) return param.refused;
      forbidden++;
      continue;
    }
    if (services.faults.has('x-name-unsupported') && param.uri.instance.kind === 'x-name') continue;
    const resolution = resolveClientUri(services.tree, param.uri);
    if (!resolution.ok) {
      missingNode ||= param.uri.path.length > 0;
      continue;
    }
    const readable = resolution.locations.filter((location) => mayRead(location, services, session));
    if (readable.length === 0) {
      forbidden++;
      continue;
    }
    if (readable.every((location) => cacheStillValid(location, param.uri.query.cv, services))) {
      unchanged++;
      continue;
    }
    located.push({ locations: readable, ...(param.uri.query.lv === undefined ? {} : { lv: param.uri.query.lv }) });
  }
  if (located.length === 0) {
    if (unchanged > 0) return refuse(304, 'every ClientURI carried a cache validator that still matches');
    if (forbidden > 0) return refuse(403, 'none of the ClientURIs may be read by this server');
    if (missingNode && services.faults.has('unresolvable-client-uri-accepted')) return { status: 200 };
    return refuse(404, 'none of the ClientURIs exists');
  }

  const all = located.flatMap((entry) => entry.locations);
  const single = all.length === 1 ? all[0] : undefined;
  const singleLeaf = single !== undefined && !isInterior(single.node) && single.node.value !== undefined;
  const mediaType = uploadMediaType(services.faults.has('ignore-omadm-accept') ? undefined : session.omadmAccept, singleLeaf);
  if (mediaType === undefined) return refuse(406, `OMADM-Accept ${JSON.stringify(session.omadmAccept)} names no type the client can send`);
  const body =
    mediaType === 'text/plain' && single?.node.value !== undefined
      ? leafValueToText(single.node.value)
      : buildMoData(
          located.flatMap((entry) =>
            entry.locations.map((location) =>
              serializeLocation(services.tree, location, {
                ...(entry.lv === undefined ? {} : { lv: entry.lv }),
                canRead: readableBelow(location, services, session),
              }),
            ),
          ),
        );

  const prepared = prepareServerUri(serverUri, services.uriValues);
  if (!prepared.ok) return refuse(prepared.status, prepared.reason);
  if (!isHttpUrl(prepared.url)) return refuse(419, `cannot upload to ${prepared.url}: only http and https are supported`);
  if (services.faults.has('server-uri-drops-query')) prepared.url = prepared.url.replace(/\?[^#]*/, '');
  let method = command === 'HPUT' ? 'PUT' : 'POST';
  if (command === 'HPUT' && services.faults.has('hput-wrong-method')) method = 'POST';
  if (command === 'HPOST' && services.faults.has('hpost-wrong-method')) method = 'PUT';
  const response = await services.http.transfer(command, { method, url: prepared.url, headers: { 'Content-Type': mediaType }, body });
  return isSuccess(response) ? { status: 200 } : refuse(419, `${method} ${prepared.url} failed: ${describeOutcome(response)}`);
}
