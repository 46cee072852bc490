import type { ManagementTree, MoInstance } from '../../protocol/tree/management-tree.js';
import { interior, leaf } from '../../protocol/tree/node-builders.js';
import { childNamed, type TreeNode } from '../../protocol/tree/node.js';

/** MOID of the DM Account MO (section 12.2; ERRATUM: the definition's 1.2, not the examples' 2.0). */
export const DMACC_MOID = 'urn:oma:mo:oma-dm-dmacc:1.2';

/** What the client needs of one DM account (DMAcc instance, section 12.2). */
export interface DmAccount {
  /** DMAcc MIID. */
  miid: string;
  /** `SrvID`: matched against the notification's SERVER-ID (section 5.2.1.2). */
  serverId: string;
  /** `SrvURI`: where Package#1 goes (section 5.2.2). */
  serverUri: string;
  /** `Perm/<x>/MOID`: MOIDs the server may manage; `*` = all (section 10). */
  permittedMoids: string[];
  /** `Auth/Noti/Secret` and `Auth/Noti/Data` (ERRATUM: the MO definition's names). */
  notification?: { secret: string; authData: string };
}

/** The provisioning of one account, as bootstrap would have written it (section 8). */
export interface AccountProvisioning {
  serverId: string;
  serverUri: string;
  name?: string;
  permittedMoids: string[];
  secret?: string;
  authData?: string;
}

/** Bootstrap-only nodes: the server may read them (Get) but change nothing (section 12.2). */
const READ_ONLY = { access: ['Get'] } as const;
/** `Perm` and `Auth/Noti/Secret` are never exposed (section 12.2: no Get). */
const HIDDEN = { access: [] } as const;

const MIID_SAFE = /[^A-Za-z0-9\-._~]/g;

/** A valid MIID for an account: the server id with non-`unreserved` characters replaced. */
export function accountMiid(serverId: string): string {
  const cleaned = serverId.replace(MIID_SAFE, '_');
  return cleaned === '' ? 'acc' : cleaned;
}

/** The DMAcc instance root for an account (section 12.2 node layout); `withName` false is the dmacc-without-name fault. */
export function dmAccRoot(account: AccountProvisioning, withName = true): TreeNode {
  const children: TreeNode[] = [
    leaf('SrvID', 'chr', account.serverId, READ_ONLY),
    leaf('SrvURI', 'chr', account.serverUri, READ_ONLY),
    ...(withName ? [leaf('Name', 'chr', account.name ?? account.serverId, READ_ONLY)] : []),
    interior(
      'Perm',
      account.permittedMoids.map((moid, i) => interior(String(i + 1), [leaf('MOID', 'chr', moid, HIDDEN)], { ...HIDDEN, unnamed: true })),
      HIDDEN,
    ),
  ];
  if (account.secret !== undefined) {
    children.push(
      interior(
        'Auth',
        [
          interior(
            'Noti',
            [
              leaf('Type', 'int', 0, READ_ONLY),
              leaf('Data', 'bin', account.authData ?? '', READ_ONLY),
              leaf('Secret', 'bin', account.secret, HIDDEN),
            ],
            READ_ONLY,
          ),
        ],
        READ_ONLY,
      ),
    );
  }
  return interior(accountMiid(account.serverId), children, { ...READ_ONLY, unnamed: true });
}

function text(node: TreeNode | undefined): string | undefined {
  return node?.value === undefined || node.value === null ? undefined : String(node.value);
}

function readAccount(instance: MoInstance): DmAccount | undefined {
  const root = instance.root;
  const serverId = text(childNamed(root, 'SrvID'));
  const serverUri = text(childNamed(root, 'SrvURI'));
  if (serverId === undefined || serverUri === undefined) return undefined;
  const perm = childNamed(root, 'Perm');
  const permittedMoids = (perm?.children ?? []).flatMap((entry) => {
    const moid = text(childNamed(entry, 'MOID'));
    return moid === undefined ? [] : [moid];
  });
  const noti = childNamed(root, 'Auth') && childNamed(childNamed(root, 'Auth') as TreeNode, 'Noti');
  const secret = noti && text(childNamed(noti, 'Secret'));
  const account: DmAccount = { miid: instance.miid, serverId, serverUri, permittedMoids };
  if (noti && secret !== undefined) account.notification = { secret, authData: text(childNamed(noti, 'Data')) ?? '' };
  return account;
}

/** Every DM account in the tree, in provisioning order (section 12.2). */
export function readAccounts(tree: ManagementTree): DmAccount[] {
  return tree.instancesOf(DMACC_MOID).flatMap((instance) => {
    const account = readAccount(instance);
    return account ? [account] : [];
  });
}

/** True when the account's server may manage the MOID (section 10: `Perm/<x>/MOID`, `*` = all). */
export function permits(account: DmAccount, moid: string): boolean {
  return account.permittedMoids.includes('*') || account.permittedMoids.includes(moid);
}
