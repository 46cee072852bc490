import { EMPTY_LEAF_JSON, LEVEL_COUNTS_ADDRESSED_NODE, MO_DATA_ROOT_MEMBER } from '../interpretations/tree.js';
import type { MoDataEntry } from '../schemas/mo-data.schema.js';
import type { ManagementTree } from './management-tree.js';
import { locationUri, type NodeLocation } from './location.js';
import { allows, isInterior, type TreeNode } from './node.js';

/** Options of a serialization: the `lv` query field (section 6.1.1.3). */
export interface SerializeOptions {
  /** `lv=<n>`: sub-levels of children to include (reading `LEVEL_COUNTS_ADDRESSED_NODE`). */
  lv?: number;
  /**
   * Whether the reading server may read the node at `path` (node names below the instance root)
   * beyond its access types, e.g. the rights of an access control MO (section 10); default yes.
   */
  canRead?: (path: readonly string[]) => boolean;
}

function nodeJson(node: TreeNode, path: readonly string[], levelsLeft: number, canRead: (path: readonly string[]) => boolean): unknown {
  if (!isInterior(node)) return node.value === undefined ? EMPTY_LEAF_JSON : node.value;
  if (levelsLeft <= 0) return {};
  const members: Record<string, unknown> = {};
  for (const child of node.children ?? []) {
    const childPath = [...path, child.name];
    if (allows(child, 'Get') && canRead(childPath)) members[child.name] = nodeJson(child, childPath, levelsLeft - 1, canRead);
  }
  return members;
}

/**
 * The `application/dmmo+json` object for one located node (section 7.2.1.4): `ClientURI` = the
 * concrete address, `MOData` = one member named after the node (reading `MO_DATA_ROOT_MEMBER`), its value the subtree cut at `lv`. `CV` is added only when the instance root
 * is addressed (section 11.2: SHOULD for root-level targets); `DDF` when the MOID has one.
 * Children whose access types lack Get (e.g. DMAcc `Perm`, `Auth/Noti/Secret`, section 12.2) are
 * left out: the Read operation needs Get (section 6.3.1.1).
 */
export function serializeLocation(tree: ManagementTree, location: NodeLocation, options: SerializeOptions = {}): MoDataEntry {
  const levels = options.lv === undefined ? Number.POSITIVE_INFINITY : LEVEL_COUNTS_ADDRESSED_NODE ? options.lv - 1 : options.lv;
  const member = MO_DATA_ROOT_MEMBER === 'miid' && location.path.length === 0 ? location.instance.miid : location.node.name;
  const entry: MoDataEntry = {
    ClientURI: locationUri(location),
    MOData: { [member]: nodeJson(location.node, location.path, levels, options.canRead ?? (() => true)) },
  };
  const ddf = tree.ddf(location.instance.moid);
  if (ddf !== undefined) entry.DDF = ddf;
  if (location.path.length === 0) entry.CV = location.instance.cv;
  return entry;
}

/** True when the located node holds no data: a leaf without content (GET → 204, Appendix C). */
export function hasNoContent(location: NodeLocation): boolean {
  return !isInterior(location.node) && location.node.value === undefined;
}
