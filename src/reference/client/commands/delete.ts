import { deleteAtClientUri } from '../../../protocol/tree/delete.js';
import type { ClientServices, SessionContext } from '../services.js';
import { clientUriParam, refuse, type CommandOutcome } from './outcome.js';

/**
 * DELETE (section 5.3.4): removes the node and its subtree. 405 for a permanent node or one whose
 * access types lack Delete (section 6.3.1.2), 404 when it does not exist (App C).
 */
export function runDelete(params: readonly string[], services: ClientServices, session: SessionContext): CommandOutcome {
  const param = clientUriParam(params[0] ?? '', session);
  if ('refused' in param) return param.refused;
  const result = deleteAtClientUri(services.tree, param.uri);
  if (result.refusal === 'permanent' && services.faults.has('wrong-status-code')) return { status: 200 };
  return result.status === 200 ? { status: 200 } : refuse(result.status, result.reason ?? 'not deleted');
}
