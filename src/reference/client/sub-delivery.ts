import { acceptWeight, parseAccept } from '../../protocol/http/accept.js';
import { MEDIA_TYPES } from '../../protocol/http/media-types.js';
import { buildMoData } from '../../protocol/packages/mo-data.js';
import { leafValueToText } from '../../protocol/tree/leaf-values.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { isInterior } from '../../protocol/tree/node.js';
import { serializeLocation } from '../../protocol/tree/serialize.js';
import { isHttpUrl, prepareServerUri } from './server-uris.js';
import type { Subscription } from './schemas/client-state.schema.js';
import type { ClientServices } from './services.js';

/**
 * Sends a changed subscribed subtree (section 5.3.11): HTTP PUT of dmmo+json to the SUB's
 * ServerURI. A receiver that answers 415 with an OMADM-Accept naming `text/plain` gets the value
 * once more as raw text when the subtree is a single leaf (the client SHOULD retry with a type
 * the receiver takes); nothing else is retried. Every attempt is in the state's transfers.
 */
export async function deliverSubscription(
  services: ClientServices,
  subscription: Subscription,
  locations: readonly NodeLocation[],
): Promise<void> {
  const prepared = prepareServerUri(subscription.serverUri, services.uriValues);
  if (!prepared.ok || !isHttpUrl(prepared.url)) return;
  if (services.faults.has('sub-leaf-change-not-sent') && locations.every((location) => !isInterior(location.node))) return;
  const body = buildMoData(locations.map((location) => serializeLocation(services.tree, location)));
  const first = await services.http.transfer('SUB', {
    method: 'PUT',
    url: prepared.url,
    headers: { 'Content-Type': MEDIA_TYPES.moData },
    body,
  });
  if (first.kind !== 'response' || first.status !== 415) return;
  const accepted = first.headers.get('omadm-accept');
  const only = locations.length === 1 ? locations[0] : undefined;
  if (accepted === null || !only || isInterior(only.node) || only.node.value === undefined) return;
  if (acceptWeight(parseAccept(accepted, 'OMADM-Accept').ranges, 'text/plain') === 0) return;
  await services.http.transfer('SUB', {
    method: 'PUT',
    url: prepared.url,
    headers: { 'Content-Type': 'text/plain' },
    body: leafValueToText(only.node.value),
  });
}
