import type { NodeLocation } from './location.js';
import type { ManagementTree } from './management-tree.js';
import { isInterior, type LeafValue } from './node.js';

/**
 * Sets a leaf on behalf of the device itself (a local application, section 10: not subject to a
 * server's access types), renewing the instance's cache validator and telling the change
 * listeners (section 11.1, SUB section 5.3.11). False for an interior node.
 */
export function setLeafLocally(tree: ManagementTree, location: NodeLocation, value: LeafValue): boolean {
  if (isInterior(location.node)) return false;
  location.node.value = value;
  tree.recordChange(location.instance, location.path, 'replaced');
  return true;
}
