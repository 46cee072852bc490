import { MEDIA_TYPES } from '../../../protocol/http/media-types.js';
import { buildMoData } from '../../../protocol/packages/mo-data.js';
import { hasWildcard } from '../../../protocol/addressing/client-uri.js';
import { leafValueToText } from '../../../protocol/tree/leaf-values.js';
import { isInterior } from '../../../protocol/tree/node.js';
import { resolveClientUri } from '../../../protocol/tree/resolve.js';
import { hasNoContent, serializeLocation } from '../../../protocol/tree/serialize.js';
import { cacheStillValid, mayRead, readableBelow } from '../read-access.js';
import type { ClientServices, SessionContext } from '../services.js';
import { clientUriParam, refuse, type CommandOutcome } from './outcome.js';

/**
 * GET (section 5.3.6, App F): the data travels as a part of a multipart Package#3, named by the
 * command's index. A single leaf goes raw as `text/plain`; anything else as dmmo+json (with `lv`
 * applied, `CV` for instance roots). 204 for a leaf without content, 304 when `cv` still matches,
 * 403 when the server may not read the node (section 6.3.1.1, 10), 404 when it does not exist (App C).
 */
export function runGet(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const param = clientUriParam(params[0] ?? '', session);
  if ('refused' in param) return param.refused;
  const resolution = resolveClientUri(services.tree, param.uri);
  if (!resolution.ok) return refuse(resolution.status, resolution.reason);
  const locations = resolution.locations;
  if (locations.some((location) => !mayRead(location, services, session))) return refuse(403, 'the server may not read the node');
  if (locations.every((location) => cacheStillValid(location, param.uri.query.cv, services)))
    return refuse(304, 'the cache validator still matches');
  const withData = locations.filter((location) => !hasNoContent(location));
  if (withData.length === 0) return { status: 204 };
  if (services.faults.has('get-no-data')) return { status: 200 };

  const single = withData.length === 1 && !hasWildcard(param.uri) ? withData[0] : undefined;
  if (single && !isInterior(single.node) && single.node.value !== undefined) {
    return { status: 200, part: { mediaType: 'text/plain', body: leafValueToText(single.node.value) } };
  }
  const lv = param.uri.query.lv === undefined ? {} : { lv: param.uri.query.lv };
  const body = buildMoData(
    withData.map((location) => serializeLocation(services.tree, location, { ...lv, canRead: readableBelow(location, services, session) })),
  );
  return { status: 200, part: { mediaType: MEDIA_TYPES.moData, body } };
}
