import type { ClientUri } from '../addressing/client-uri.js';
import type { NodeLocation } from './location.js';
import type { ManagementTree } from './management-tree.js';
import { allows } from './node.js';
import { resolveClientUri } from './resolve.js';

/** Outcome of DELETE: the Appendix C status, and why when it is not 200. */
export interface DeleteResult {
  status: number;
  reason?: string;
  /** For 405: the node is permanent (section 6.3.1.2), or its access types lack Delete. */
  refusal?: 'permanent' | 'no-delete-access';
}

function removeLocation(tree: ManagementTree, location: NodeLocation): void {
  if (location.path.length === 0) {
    tree.removeInstance(location.instance.moid, location.instance.miid);
    return;
  }
  let parent = location.instance.root;
  for (const name of location.path.slice(0, -1)) parent = parent.children?.find((child) => child.name === name) ?? parent;
  parent.children = (parent.children ?? []).filter((child) => child !== location.node);
  tree.recordChange(location.instance, location.path, 'deleted');
}

/**
 * DELETE (section 5.3.4): removes the node and its whole subtree; an instance root removes the
 * instance. Every addressed node must be dynamic and allow Delete, else nothing is removed and
 * the answer is 405 (section 6.3.1.2: permanent nodes cannot be deleted by a server; Appendix C
 * 405 "command not allowed"). An unresolvable ClientURI gives its resolution status (404).
 */
export function deleteAtClientUri(tree: ManagementTree, uri: ClientUri): DeleteResult {
  const resolution = resolveClientUri(tree, uri);
  if (!resolution.ok) return { status: resolution.status, reason: resolution.reason };
  for (const location of resolution.locations) {
    if (location.node.scope === 'permanent')
      return { status: 405, reason: `node ${location.node.name} is permanent`, refusal: 'permanent' };
    if (!allows(location.node, 'Delete'))
      return { status: 405, reason: `node ${location.node.name} does not allow Delete`, refusal: 'no-delete-access' };
  }
  for (const location of resolution.locations) removeLocation(tree, location);
  return { status: 200 };
}
