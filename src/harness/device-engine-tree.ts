import { ManagementTree } from '../protocol/tree/management-tree.js';
import { interior, leaf } from '../protocol/tree/node-builders.js';
import type { AccessType } from '../protocol/tree/node.js';
import type { SupportedMo } from '../protocol/packages/index.js';

/**
 * The management tree of dmct's own DM client when it plays the device against a server target
 * (§6.3): a DevInfo instance (§12.1) and one instance of dmct's harness MO, whose nodes cover
 * what the server's commands need — readable leaves (GET, HPUT, HPOST), an empty leaf (GET 204),
 * permanent and deletable nodes (DELETE), executables (EXEC), a MOID HGET installs instances of.
 * The server learns these addresses from the commands dmct asks it to send (triggers).
 */
export const HARNESS_MOID = 'urn:dmct:mo:harness-device:1.0';
/** MIID of the harness MO instance. */
export const HARNESS_MIID = 'h1';
/** A MOID the device knows (it has its DDF) but holds no instance of: HGET installs one (§5.3.1). */
export const INSTALLABLE_MOID = 'urn:dmct:mo:harness-installable:1.0';
/** DevInfo MOID used unless the claims name another (§12.1: version 1.2, not the examples' 1.0). */
export const DEFAULT_DEV_INFO_MOID = 'urn:oma:mo:oma-dm-devinfo:1.2';
/** The other standard MOs the device holds one instance of (§12.2, §12.3, §12.4), with their MIIDs. */
export const STANDARD_MOS = {
  dmAcc: { moid: 'urn:oma:mo:oma-dm-dmacc:1.2', miid: 'dms1' },
  dacmo: { moid: 'urn:oma:mo:oma-dm-dacmo:1.0', miid: 'acl' },
  sessionInfo: { moid: 'urn:oma:mo:oma-sessioninfomo:1.0', miid: '1' },
} as const;

const DDF_BASE = 'https://dmct.dev/ddf/';

/** Where the device says each MO's DDF lives (Package#1 MOS `DDF`, §5.2.2, §6.4). */
export function ddfUrl(moid: string): string {
  return `${DDF_BASE}${moid.replace(/^urn:/, '').replaceAll(':', '-')}.xml`;
}

/** ClientURIs of the device's nodes (§6.1), for the commands a scenario asks the server to send. */
export interface DeviceNodes {
  /** DevInfo DevID: a readable leaf (GET, HPUT, HPOST). */
  devId: string;
  /** The DevInfo instance root (§12.1): the whole DevInfo MO for a GET. */
  devInfoRoot: string;
  /** DevInfo Man: a permanent node (DELETE answers 405, §6.3.1.2). */
  permanentNode: string;
  /** The harness MO's readable data subtree. */
  data: string;
  /** A leaf in it. */
  dataLeaf: string;
  /** A leaf without content (GET answers 204). */
  emptyLeaf: string;
  /** A dynamic subtree the server may delete (§5.3.4). */
  deletable: string;
  /** An executable node reporting synchronously unless told otherwise (§5.3.5). */
  executable: string;
  /** An executable node the device reports asynchronously (202, then a Generic Alert, §5.4.1). */
  asyncExecutable: string;
  /** A ClientURI that resolves to nothing (404). */
  missing: string;
  /** Where HGET may store a new instance: the installable MOID's instance root. */
  installRoot: string;
  /** The DM Account instance root (§12.2): SrvID, SrvURI, Name readable, Perm not. */
  dmAccRoot: string;
  /** The Delegation Access Control MO instance root (§12.3). */
  dacmoRoot: string;
  /** The Session Information MO instance root (§12.4). */
  sessionInfoRoot: string;
}

/** The ClientURIs of a tree built by {@link buildDeviceTree} with this DevInfo MOID. */
export function deviceNodes(devInfoMoid: string = DEFAULT_DEV_INFO_MOID): DeviceNodes {
  const harness = `${HARNESS_MOID}/${HARNESS_MIID}`;
  return {
    devId: `${devInfoMoid}//DevID`,
    devInfoRoot: `${devInfoMoid}//`,
    permanentNode: `${devInfoMoid}//Man`,
    data: `${harness}/Data`,
    dataLeaf: `${harness}/Data/Name`,
    emptyLeaf: `${harness}/Data/Empty`,
    deletable: `${harness}/Scratch`,
    executable: `${harness}/Operations/Run`,
    asyncExecutable: `${harness}/Operations/RunLater`,
    missing: `${harness}/NoSuchNode`,
    installRoot: `${INSTALLABLE_MOID}//`,
    dmAccRoot: `${STANDARD_MOS.dmAcc.moid}/${STANDARD_MOS.dmAcc.miid}/`,
    dacmoRoot: `${STANDARD_MOS.dacmo.moid}/${STANDARD_MOS.dacmo.miid}/`,
    sessionInfoRoot: `${STANDARD_MOS.sessionInfo.moid}/${STANDARD_MOS.sessionInfo.miid}/`,
  };
}

export interface DeviceTreeOptions {
  devId: string;
  /** DevInfo MOID as the server knows it (claims `moids.devInfo`). */
  devInfoMoid?: string;
}

const GET: readonly AccessType[] = ['Get'];
const GET_REPLACE: readonly AccessType[] = ['Get', 'Replace'];
const DYNAMIC = { scope: 'dynamic', access: ['Add', 'Delete', 'Get', 'Replace'] } as const;
const EXEC: readonly AccessType[] = ['Exec', 'Get'];

/**
 * The DM account of the server under test (§12.2, its Perm list not readable), the access rights
 * on the harness MO (§12.3: every server may do everything) and the session information (§12.4).
 */
function addStandardMos(tree: ManagementTree): void {
  const { dmAcc, dacmo, sessionInfo } = STANDARD_MOS;
  const perm = interior('Perm', [interior('1', [leaf('MOID', 'chr', '*', { access: [] })], { access: [], unnamed: true })], { access: [] });
  tree.addInstance(
    dmAcc.moid,
    dmAcc.miid,
    interior(
      'DMAcc',
      [
        leaf('SrvID', 'chr', 'server-under-test'),
        leaf('SrvURI', 'chr', 'https://dm.invalid/dm'),
        leaf('Name', 'chr', 'server under test'),
        perm,
      ],
      {
        access: GET,
        unnamed: true,
      },
    ),
  );
  const permission = interior('1', [leaf('MAID', 'chr', '*'), leaf('AR', 'int', 15)], { access: GET, unnamed: true });
  const rights = interior('1', [leaf('Path', 'chr', '/'), interior('Permissions', [permission], { access: GET })], {
    access: GET,
    unnamed: true,
  });
  tree.addInstance(
    dacmo.moid,
    dacmo.miid,
    interior(
      'DACMO',
      [interior(HARNESS_MOID, [interior(HARNESS_MIID, [rights], { access: GET, unnamed: true })], { access: GET, unnamed: true })],
      {
        access: GET,
        unnamed: true,
      },
    ),
  );
  tree.addInstance(
    sessionInfo.moid,
    sessionInfo.miid,
    interior('SessionInfo', [leaf('CBT', 'int', 3), leaf('ROAMING', 'int', 2)], { access: GET, unnamed: true }),
  );
}

/** A fresh tree for one scenario: DevInfo with the claims' DevID, the harness MO, the other standard MOs, and the installable MOID's DDF. */
export function buildDeviceTree(options: DeviceTreeOptions): ManagementTree {
  const tree = new ManagementTree();
  const devInfoMoid = options.devInfoMoid ?? DEFAULT_DEV_INFO_MOID;
  tree.addInstance(
    devInfoMoid,
    '1',
    interior(
      'DevInfo',
      [
        leaf('DevID', 'chr', options.devId),
        leaf('Man', 'chr', 'dmct'),
        leaf('Mod', 'chr', 'harness-device'),
        leaf('DmV', 'chr', '2.0'),
        leaf('Lang', 'chr', 'en'),
        leaf('DevType', 'chr', 'conformance-harness'),
        leaf('OEM', 'chr', 'dmct'),
        leaf('FwV', 'chr', '1.0'),
        leaf('SwV', 'chr', '1.0'),
        leaf('HwV', 'chr', 'none'),
      ],
      { access: GET, unnamed: true },
    ),
  );
  tree.addInstance(
    HARNESS_MOID,
    HARNESS_MIID,
    interior(
      'Harness',
      [
        interior(
          'Data',
          [
            leaf('Name', 'chr', 'dmct harness', { access: GET_REPLACE }),
            leaf('Count', 'int', 3, { access: GET_REPLACE }),
            leaf('Empty', 'chr', undefined),
          ],
          {
            access: GET,
          },
        ),
        interior('Scratch', [leaf('Note', 'chr', 'delete me', DYNAMIC)], DYNAMIC),
        interior('Operations', [leaf('Run', 'null', undefined, { access: EXEC }), leaf('RunLater', 'null', undefined, { access: EXEC })], {
          access: GET,
        }),
      ],
      { access: GET, unnamed: true },
    ),
  );
  addStandardMos(tree);
  for (const moid of [devInfoMoid, HARNESS_MOID, INSTALLABLE_MOID, ...Object.values(STANDARD_MOS).map((mo) => mo.moid)])
    tree.setDdf(moid, ddfUrl(moid));
  return tree;
}

/** The Package#1 MOS array of a tree (§5.2.2): every MOID with its DDF and the MIIDs present. */
export function supportedMos(tree: ManagementTree): SupportedMo[] {
  return tree.moids().map((moid) => ({
    DDF: tree.ddf(moid) ?? ddfUrl(moid),
    MOID: moid,
    MIID: tree.instancesOf(moid).map((instance) => instance.miid),
  }));
}
