import type { MoInstance } from './management-tree.js';
import type { TreeNode } from './node.js';

/** One node a ClientURI resolved to (section 6.1.2): its instance and its path below the root. */
export interface NodeLocation {
  instance: MoInstance;
  /** Real node names from the instance root down to `node`; `[]` = the instance root. */
  path: string[];
  node: TreeNode;
}

/**
 * The concrete ClientURI of a location: MOID, MIID and real node names, no query (section 6.1.1).
 * The instance root is `<MOID>/<MIID>/`.
 */
export function locationUri(location: Pick<NodeLocation, 'instance' | 'path'>): string {
  const { moid, miid } = location.instance;
  return `${moid}/${miid}/${location.path.join('/')}`;
}

/** The parent of a location's node, or undefined for the instance root. */
export function parentOf(location: NodeLocation): TreeNode | undefined {
  let node: TreeNode | undefined = location.instance.root;
  for (const name of location.path.slice(0, -1)) node = node?.children?.find((child) => child.name === name);
  return location.path.length === 0 ? undefined : node;
}
