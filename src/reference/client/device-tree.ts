import { ManagementTree } from '../../protocol/tree/management-tree.js';
import { interior, leaf } from '../../protocol/tree/node-builders.js';
import type { AccessType } from '../../protocol/tree/node.js';
import { DMACC_MOID, accountMiid, dmAccRoot, type AccountProvisioning } from './dm-account.js';

/** MOIDs of the reference client's tree. */
export const MOIDS = {
  /** DevInfo (section 12.1; ERRATUM: 1.2). */
  devInfo: 'urn:oma:mo:oma-dm-devinfo:1.2',
  dmAcc: DMACC_MOID,
  /** Session Information MO (section 12.4). */
  sessionInfo: 'urn:oma:mo:oma-sessioninfomo:1.0',
  /** dmct's sample MO: a permanent node, executables, an empty leaf, a deletable subtree. */
  sample: 'urn:dmct:mo:sample:1.0',
  /** An MO the client knows (it has its DDF) but holds no instance of: the server installs it with HGET. */
  installable: 'urn:dmct:mo:installable:1.0',
} as const;

/** Where the client says each MO's DDF lives (Package#1 MOS `DDF`, section 5.2.2, 6.4). */
export const DDF_URLS: Readonly<Record<string, string>> = {
  [MOIDS.devInfo]: 'https://dmct.dev/ddf/oma-dm-devinfo-1.2.xml',
  [MOIDS.dmAcc]: 'https://dmct.dev/ddf/oma-dm-dmacc-1.2.xml',
  [MOIDS.sessionInfo]: 'https://dmct.dev/ddf/oma-sessioninfomo-1.0.xml',
  [MOIDS.sample]: 'https://dmct.dev/ddf/dmct-sample-1.0.xml',
  [MOIDS.installable]: 'https://dmct.dev/ddf/dmct-installable-1.0.xml',
};

/** The MIIDs of the single-instance MOs. */
export const MIIDS = { devInfo: '1', sessionInfo: '1', sample: 's1' } as const;

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

function devInfoRoot(values: DevInfoValues) {
  return interior(
    'DevInfo',
    [
      leaf('DevID', 'chr', values.devId),
      leaf('Man', 'chr', values.man),
      leaf('Mod', 'chr', values.mod),
      leaf('DmV', 'chr', values.dmV),
      leaf('Lang', 'chr', values.lang),
      leaf('DevType', 'chr', values.devType),
      leaf('OEM', 'chr', values.oem),
      leaf('FwV', 'chr', values.fwV),
      leaf('SwV', 'chr', values.swV),
      leaf('HwV', 'chr', values.hwV),
    ],
    { access: GET, unnamed: true },
  );
}

/** SessionInfo (section 12.4): CBT and ROAMING, read-only for servers; the client updates them. */
function sessionInfoRoot() {
  return interior('SessionInfo', [leaf('CBT', 'int', 0), leaf('ROAMING', 'int', 0)], { access: GET, unnamed: true });
}

/**
 * dmct's sample MO: `Label` (permanent: DELETE → 405), `BootCount` (counts `Reboot` runs),
 * `Reboot` (synchronous EXEC), `Update` (EXEC completing later: with a ServerURI → 202 and a Generic
 * Alert), `UpdateCount`, `Notes` (a leaf with no content: GET → 204) and `Items` (a dynamic,
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
 * SessionInfo, the sample MO, and the DDF link of every MOID it knows, including the
 * installable MO it holds no instance of.
 */
export function buildDeviceTree(devInfo: DevInfoValues, accounts: readonly AccountProvisioning[]): ManagementTree {
  const tree = new ManagementTree();
  for (const [moid, url] of Object.entries(DDF_URLS)) tree.setDdf(moid, url);
  tree.addInstance(MOIDS.devInfo, MIIDS.devInfo, devInfoRoot(devInfo));
  for (const account of accounts) tree.addInstance(MOIDS.dmAcc, accountMiid(account.serverId), dmAccRoot(account));
  tree.addInstance(MOIDS.sessionInfo, MIIDS.sessionInfo, sessionInfoRoot());
  tree.addInstance(MOIDS.sample, MIIDS.sample, sampleRoot());
  return tree;
}

/** MOIDs a server is provisioned for by default: everything but the DM accounts themselves. */
export const DEFAULT_PERMITTED_MOIDS: readonly string[] = [MOIDS.devInfo, MOIDS.sessionInfo, MOIDS.sample, MOIDS.installable];
