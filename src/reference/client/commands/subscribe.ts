import { checkServerUri } from '../../../protocol/addressing/server-uri.js';
import { allows } from '../../../protocol/tree/node.js';
import { resolveClientUri } from '../../../protocol/tree/resolve.js';
import type { ClientServices, SessionContext } from '../services.js';
import { clientUriParam, refuse, type CommandOutcome } from './outcome.js';

/**
 * SUB (section 5.3.11): from now on, any change under the ClientURI is PUT to the ServerURI.
 * 404 when the ClientURI addresses nothing, 403 when it cannot be read.
 */
export function runSub(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const [serverUri = '', clientUri = ''] = params;
  const errors = checkServerUri(serverUri).filter((violation) => violation.severity === 'error');
  if (errors.length > 0) return refuse(400, errors.map((violation) => violation.message).join('; '));
  const param = clientUriParam(clientUri, session);
  if ('refused' in param) return param.refused;
  const resolution = resolveClientUri(services.tree, param.uri);
  if (!resolution.ok) return refuse(resolution.status, resolution.reason);
  if (resolution.locations.some((location) => !allows(location.node, 'Get'))) return refuse(403, 'the node does not allow Get');
  services.subscriptions.add(clientUri, serverUri);
  return { status: 200 };
}

/** UNSUB (section 5.3.12): cancels the SUB with exactly this ClientURI; 404 when there is none. */
export function runUnsub(params: readonly string[], services: ClientServices): CommandOutcome {
  const clientUri = params[0] ?? '';
  if (services.faults.has('unsub-keeps-sub') && services.subscriptions.list().some((sub) => sub.clientUri === clientUri))
    return { status: 200 };
  return services.subscriptions.remove(clientUri) ? { status: 200 } : refuse(404, `no SUB with ClientURI ${clientUri}`);
}
