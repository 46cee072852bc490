import { ManagementTree } from '../../protocol/tree/management-tree.js';
import { interior, leaf } from '../../protocol/tree/node-builders.js';
import type { AccessType } from '../../protocol/tree/node.js';
import type { FaultSet } from '../faults/types.js';
import { hasMoFault } from '../faults/client-faults-mo.js';
import { ALL_RIGHTS, DACMO_MIID, DACMO_MOID, dacmoRoot, serverMaid, type RightsEntry } from './dacmo.js';
import { DMACC_MOID, accountMiid, dmAccRoot, type AccountProvisioning } from './dm-account.js';

/** MOIDs of the reference client's tree. */
export const MOIDS = {
  /** DevInfo (section 12.1; ERRATUM: 1.2). */
  devInfo: 'urn:oma:mo:oma-dm-devinfo:1.2',
  dmAcc: DMACC_MOID,
  /** Session Information MO (section 12.4). */
  sessionInfo: 'urn:oma:mo:oma-sessioninfomo:1.0',
  /** Delegation Access Control MO (section 12.3). */
  dacmo: DACMO_MOID,
  /** dmct's sample MO: a permanent node, executables, an empty leaf, a deletable subtree. */
  sample: 'urn:dmct:mo:sample:1.0',
  /** An MO the client knows (it has its DDF) but holds no instance of: the server installs it with HGET. */
  installable: 'urn:dmct:mo:installable:1.0',
} as const;

/** The file name of each MO's DDF (section 6.4), below the base URL the client serves them at. */
export const DDF_FILES: Readonly<Record<string, string>> = {
  [MOIDS.devInfo]: 'oma-dm-devinfo-1.2.xml',
  [MOIDS.dmAcc]: 'oma-dm-dmacc-1.2.xml',
  [MOIDS.sessionInfo]: 'oma-sessioninfomo-1.0.xml',
  [MOIDS.dacmo]: 'oma-dm-dacmo-1.0.xml',
  [MOIDS.sample]: 'dmct-sample-1.0.xml',
  [MOIDS.installable]: 'dmct-installable-1.0.xml',
};

/** Where each MO's DDF lives below `base` (a URL ending in `/`): Package#1 MOS `DDF` (section 5.2.2, 6.4). */
export function ddfUrls(base: string): Record<string, string> {
  return Object.fromEntries(Object.entries(DDF_FILES).map(([moid, file]) => [moid, `${base}${file}`]));
}

/** The DDF links of a client not serving its DDFs (in-process, before `startReferenceClient` publishes them). */
export const DDF_URLS: Readonly<Record<string, string>> = ddfUrls('https://dmct.dev/ddf/');

/** The MIIDs of the single-instance MOs. */
export const MIIDS = { devInfo: '1', sessionInfo: '1', sample: 's1', dacmo: DACMO_MIID } as const;

/** The DevInfo leaves besides DevID (section 12.1: all Required). */
export interface DevInfoValues {
  devId: string;
  man: string;
  mod: string;
  dmV: string;
  lang: string;
  devType: string;
  oem: string;
  fwV: string;
  swV: string;
  hwV: string;
}

/** DevInfo of the reference client; DevID is the digest's example IMEI. */
export const DEFAULT_DEV_INFO: DevInfoValues = {
  devId: 'IMEI:351234567890123',
  man: 'dmct',
  mod: 'reference-client',
  dmV: '2.0',
  lang: 'en',
  devType: 'simulator',
  oem: 'dmct',
  fwV: '1.0',
  swV: '1.0',
  hwV: 'sim',
};

const GET: readonly AccessType[] = ['Get'];
const GET_REPLACE: readonly AccessType[] = ['Get', 'Replace'];
const DYNAMIC = { scope: 'dynamic', access: ['Add', 'Delete', 'Get', 'Replace'] } as const;

function devInfoRoot(values: DevInfoValues, faults: FaultSet<string>) {
  return interior(
    'DevInfo',
    [
      leaf('DevID', 'chr', values.devId),
      leaf('Man', 'chr', values.man),
      leaf('Mod', 'chr', values.mod),
      leaf('DmV', 'chr', values.dmV),
      leaf('Lang', 'chr', values.lang),
      leaf('DevType', 'chr', values.devType),
      ...(hasMoFault(faults, 'devinfo-without-oem') ? [] : [leaf('OEM', 'chr', values.oem)]),
      leaf('FwV', 'chr', values.fwV),
      leaf('SwV', 'chr', values.swV),
      leaf('HwV', 'chr', values.hwV),
      // The devinfo-bad-node-name fault: an extension node whose name is not 1*unreserved (section 6.3.1).
      ...(hasMoFault(faults, 'devinfo-bad-node-name') ? [interior('Ext', [leaf('Build Info', 'chr', 'sim')])] : []),
    ],
    { access: GET, unnamed: true },
  );
}

/** ROAMING of the sessioninfo-roaming-out-of-range fault: none of 0, 1, 2 (section 12.4). */
const ROAMING_OUT_OF_RANGE = 7;

/** SessionInfo (section 12.4): CBT and ROAMING, read-only for servers; the client updates them. */
function sessionInfoRoot(faults: FaultSet<string>) {
  const roaming = hasMoFault(faults, 'sessioninfo-roaming-out-of-range') ? ROAMING_OUT_OF_RANGE : 0;
  return interior('SessionInfo', [leaf('CBT', 'int', 0), leaf('ROAMING', 'int', roaming)], { access: GET, unnamed: true });
}

/** The local application that keeps the sample MO's `Private` leaf (its DACMO MAID, section 12.3). */
export const SAMPLE_OWNER_APP = 'appid:dmct-reference';

/**
 * The reference client's access rights (section 10, 12.3): every account's server holds all rights
 * on the sample instance except its `Private` leaf, which only the local application may touch.
 * Other instances have no entry: their provisioned servers hold every right there.
 */
function sampleRights(accounts: readonly AccountProvisioning[]): RightsEntry[] {
  const where = { moid: MOIDS.sample, miid: MIIDS.sample };
  return [
    { ...where, path: '/', permissions: accounts.map((account) => ({ maid: serverMaid(account.serverId), ar: ALL_RIGHTS })) },
    { ...where, path: '/Private', permissions: [{ maid: SAMPLE_OWNER_APP, ar: ALL_RIGHTS }] },
  ];
}

/**
 * dmct's sample MO: `Label` (permanent: DELETE → 405), `BootCount` (counts `Reboot` runs),
 * `Reboot` (synchronous EXEC), `Update` (EXEC completing later: with a ServerURI → 202 and a Generic
 * Alert), `UpdateCount`, `Notes` (a leaf with no content: GET → 204), `Private` (readable by its
 * access types, but the DACMO gives servers no right on it) and `Items` (a dynamic,
 * deletable subtree of runtime-named entries, to which HGET may add).
 */
function sampleRoot() {
  return interior(
    'Sample',
    [
      leaf('Label', 'chr', 'dmct reference client', { access: GET_REPLACE }),
      leaf('BootCount', 'int', 0, { access: GET }),
      leaf('Reboot', 'null', null, { access: ['Exec'] }),
      leaf('Update', 'null', null, { access: ['Exec'] }),
      leaf('UpdateCount', 'int', 0, { access: GET }),
      leaf('Notes', 'chr', undefined, { access: GET_REPLACE }),
      leaf('Private', 'chr', 'kept by the local application', { access: GET }),
      interior(
        'Items',
        [
          interior('1', [leaf('Name', 'chr', 'first', DYNAMIC)], { ...DYNAMIC, unnamed: true }),
          interior('2', [leaf('Name', 'chr', 'second', DYNAMIC)], { ...DYNAMIC, unnamed: true }),
        ],
        DYNAMIC,
      ),
    ],
    { access: ['Get', 'Add'], unnamed: true },
  );
}

/**
 * The reference client's management tree (section 6.3): DevInfo, one DMAcc per account,
 * SessionInfo, the DACMO, the sample MO, and the DDF link of every MOID it knows, including the
 * installable MO it holds no instance of. `faults` are the client's switches (MO faults only).
 */
export function buildDeviceTree(
  devInfo: DevInfoValues,
  accounts: readonly AccountProvisioning[],
  faults: FaultSet<string> = NO_MO_FAULTS,
): ManagementTree {
  const tree = new ManagementTree();
  for (const [moid, url] of Object.entries(DDF_URLS)) tree.setDdf(moid, url);
  tree.addInstance(MOIDS.devInfo, MIIDS.devInfo, devInfoRoot(devInfo, faults));
  for (const account of accounts)
    tree.addInstance(MOIDS.dmAcc, accountMiid(account.serverId), dmAccRoot(account, !hasMoFault(faults, 'dmacc-without-name')));
  tree.addInstance(MOIDS.sessionInfo, MIIDS.sessionInfo, sessionInfoRoot(faults));
  tree.addInstance(MOIDS.dacmo, MIIDS.dacmo, dacmoRoot(sampleRights(accounts), hasMoFault(faults, 'dacmo-ar-as-text') ? 'chr' : 'int'));
  tree.addInstance(MOIDS.sample, MIIDS.sample, sampleRoot());
  return tree;
}

const NO_MO_FAULTS: FaultSet<string> = { has: () => false, names: [] };

/**
 * MOIDs a server is provisioned for by default: all it knows. The DM accounts and the DACMO
 * can only be read (their nodes allow Get alone), so provisioning them lets a server see its
 * account and its rights (section 12.2, 12.3) without being able to change them.
 */
export const DEFAULT_PERMITTED_MOIDS: readonly string[] = [
  MOIDS.devInfo,
  MOIDS.dmAcc,
  MOIDS.sessionInfo,
  MOIDS.dacmo,
  MOIDS.sample,
  MOIDS.installable,
];
