import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { interior, leaf } from '../../protocol/tree/node-builders.js';
import { childNamed, type TreeNode } from '../../protocol/tree/node.js';

/** MOID of the Delegation Access Control MO (section 12.3). */
export const DACMO_MOID = 'urn:oma:mo:oma-dm-dacmo:1.0';

/** MIID of the reference client's one DACMO instance. */
export const DACMO_MIID = '1';

/** The AR bits (section 12.3): Read 1, Write 2, Execute 4, Delegate 8. */
export const ACCESS_RIGHT = { read: 1, write: 2, execute: 4, delegate: 8 } as const;

/** Every right (section 12.3: 15 = all). */
export const ALL_RIGHTS = 15;

/** One rights entry of the DACMO: a subtree of an instance and who holds what there (section 12.3). */
export interface RightsEntry {
  moid: string;
  miid: string;
  /** path-from-moroot, `/` = the whole instance (the default when the MO omits Path). */
  path: string;
  /** `serverid:<SrvID>`, `appid:<id>` or `*`, with its AR bit sum. */
  permissions: { maid: string; ar: number }[];
}

/** The MAID of a DM server (section 12.3). */
export function serverMaid(serverId: string): string {
  return `serverid:${serverId}`;
}

/**
 * The DACMO instance root (section 12.3): `<MOID>/<MIID>/<x>/{Path, Permissions/<x>/{MAID, AR}}`,
 * the MOID and MIID levels named by the MOID and MIID they govern. Servers may read it; changing it
 * (delegation) is not offered. `arFormat` `chr` is the dacmo-ar-as-text fault.
 */
export function dacmoRoot(entries: readonly RightsEntry[], arFormat: 'int' | 'chr' = 'int'): TreeNode {
  const byMoid = new Map<string, Map<string, RightsEntry[]>>();
  for (const entry of entries) {
    const byMiid = byMoid.get(entry.moid) ?? new Map<string, RightsEntry[]>();
    byMiid.set(entry.miid, [...(byMiid.get(entry.miid) ?? []), entry]);
    byMoid.set(entry.moid, byMiid);
  }
  const entryNode = (entry: RightsEntry, index: number) =>
    interior(
      String(index + 1),
      [
        leaf('Path', 'chr', entry.path),
        interior(
          'Permissions',
          entry.permissions.map((permission, i) =>
            interior(
              String(i + 1),
              [leaf('MAID', 'chr', permission.maid), leaf('AR', arFormat, arFormat === 'int' ? permission.ar : String(permission.ar))],
              { unnamed: true },
            ),
          ),
        ),
      ],
      { unnamed: true },
    );
  const moidNodes = [...byMoid].map(([moid, byMiid]) =>
    interior(
      moid,
      [...byMiid].map(([miid, list]) => interior(miid, list.map(entryNode), { unnamed: true })),
      { unnamed: true },
    ),
  );
  return interior('DACMO', moidNodes, { unnamed: true });
}

function text(node: TreeNode | undefined): string | undefined {
  return node?.value === undefined || node.value === null ? undefined : String(node.value);
}

/** The rights entries of one instance as the tree's DACMO holds them now. */
function entriesOf(tree: ManagementTree, moid: string, miid: string): RightsEntry[] {
  const dacmo = tree.instance(DACMO_MOID, DACMO_MIID);
  const byMiid = dacmo && childNamed(dacmo.root, moid);
  const list = byMiid && childNamed(byMiid, miid);
  return (list?.children ?? []).map((entry) => ({
    moid,
    miid,
    path: text(childNamed(entry, 'Path')) ?? '/',
    permissions: (childNamed(entry, 'Permissions')?.children ?? []).map((permission) => ({
      maid: text(childNamed(permission, 'MAID')) ?? '',
      ar: Number(text(childNamed(permission, 'AR')) ?? 0),
    })),
  }));
}

/** True when `path` (node names below the root) lies in the subtree a Path names. */
function covers(entryPath: string, path: readonly string[]): boolean {
  const names = entryPath.split('/').filter((name) => name !== '');
  return names.length <= path.length && names.every((name, i) => path[i] === name);
}

/**
 * True when the server holds `right` (an AR bit) on the located node (section 10, 12.3): the
 * entry with the deepest Path covering the node decides, its permissions for the server's MAID
 * or `*` summed. An instance the DACMO says nothing about is the provisioned servers' alone
 * (the Perm MOIDs of their accounts, checked before).
 */
export function holdsRight(tree: ManagementTree, serverId: string, location: NodeLocation, right: number): boolean {
  const covering = entriesOf(tree, location.instance.moid, location.instance.miid).filter((entry) => covers(entry.path, location.path));
  if (covering.length === 0) return true;
  const deepest = covering.reduce((best, entry) =>
    entry.path.split('/').filter(Boolean).length > best.path.split('/').filter(Boolean).length ? entry : best,
  );
  const maids = new Set([serverMaid(serverId), '*']);
  const ar = deepest.permissions.filter((permission) => maids.has(permission.maid)).reduce((sum, permission) => sum | permission.ar, 0);
  return (ar & right) === right;
}
