/**
 * The standard MO definitions of section 12 as checks of an instance's dmmo+json data (section
 * 7.2.1.4: an interior node is a JSON object, a leaf a member whose JSON type is its format's).
 * Each check lists what the definition forbids in one instance root's members: a Required node
 * missing, a node of the wrong format, a value outside the definition's range. Optional nodes
 * may be absent and nodes the definition does not name (vendor extensions) are never judged.
 */

/** JSON type of the leaf formats the standard MOs use (section 6.3.1 Format). */
type LeafFormat = 'chr' | 'int';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasFormat(value: unknown, format: LeafFormat): boolean {
  return format === 'chr' ? typeof value === 'string' : typeof value === 'number' && Number.isInteger(value);
}

/** Problems of Required leaves (`name` → format) at `where` (a path for the message). */
function requiredLeaves(members: Record<string, unknown>, leaves: Readonly<Record<string, LeafFormat>>, where: string): string[] {
  return Object.entries(leaves).flatMap(([name, format]) => {
    if (!(name in members)) return [`${where}${name} (Required) is missing`];
    return hasFormat(members[name], format) ? [] : [`${where}${name} is not ${format}: ${JSON.stringify(members[name])}`];
  });
}

/** Problems of an optional leaf: present → its format and, when given, one of `allowed`. */
function optionalLeaf(
  members: Record<string, unknown>,
  name: string,
  format: LeafFormat,
  where: string,
  allowed?: readonly number[],
): string[] {
  if (!(name in members)) return [];
  const value = members[name];
  if (!hasFormat(value, format)) return [`${where}${name} is not ${format}: ${JSON.stringify(value)}`];
  return allowed === undefined || allowed.includes(value as number)
    ? []
    : [`${where}${name} is ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`];
}

/** Problems of optional interior nodes: present → a JSON object. */
function optionalInterior(members: Record<string, unknown>, names: readonly string[], where: string): string[] {
  return names
    .filter((name) => name in members && !isObject(members[name]))
    .map((name) => `${where}${name} is an interior node but not a JSON object`);
}

/** DevInfo (section 12.1): the Required chr leaves; Bearer and Ext, when present, interior. */
export const DEVINFO_REQUIRED_LEAVES = ['DevID', 'Man', 'Mod', 'DmV', 'Lang', 'DevType', 'OEM', 'FwV', 'SwV', 'HwV'] as const;

/** What the DevInfo definition (section 12.1) forbids in an instance root's members. */
export function devInfoProblems(root: Record<string, unknown>): string[] {
  const leaves = Object.fromEntries(DEVINFO_REQUIRED_LEAVES.map((name) => [name, 'chr' as const]));
  const problems = [...requiredLeaves(root, leaves, ''), ...optionalInterior(root, ['Bearer', 'Ext'], '')];
  if (typeof root['DevID'] === 'string' && root['DevID'] === '') problems.push('DevID is empty (a globally unique id)');
  return problems;
}

/**
 * What the DM Account definition (section 12.2) forbids in one account's members: SrvID, SrvURI
 * and Name Required chr; Auth, Push and Ext interior when present; Auth/Noti/Type int when present.
 */
export function dmAccountProblems(account: Record<string, unknown>): string[] {
  const problems = [
    ...requiredLeaves(account, { SrvID: 'chr', SrvURI: 'chr', Name: 'chr' }, ''),
    ...optionalInterior(account, ['Auth', 'Push', 'Ext'], ''),
  ];
  const auth = account['Auth'];
  if (isObject(auth)) {
    problems.push(...optionalInterior(auth, ['Bootstrap', 'Noti', 'Trsp'], 'Auth/'));
    const noti = auth['Noti'];
    if (isObject(noti)) problems.push(...optionalLeaf(noti, 'Type', 'int', 'Auth/Noti/'));
  }
  return problems;
}

/** SessionInfo CBT values (section 12.4): 0 OTHERS/UNKNOWN, 1 MOBILE, 2 WIRELESS, 3 WIRELINE. */
export const CBT_VALUES = [0, 1, 2, 3] as const;

/** SessionInfo ROAMING values (section 12.4): 0 not roaming, 1 roaming, 2 unknown. */
export const ROAMING_VALUES = [0, 1, 2] as const;

/** What the Session Information definition (section 12.4) forbids: CBT Required int 0–3; ROAMING int 0–2. */
export function sessionInfoProblems(root: Record<string, unknown>): string[] {
  const cbt = 'CBT' in root ? optionalLeaf(root, 'CBT', 'int', '', CBT_VALUES) : ['CBT (Required) is missing'];
  return [...cbt, ...optionalLeaf(root, 'ROAMING', 'int', '', ROAMING_VALUES)];
}

/** A MAID (section 12.3): `serverid:<SrvID>`, `appid:<app id>` or `*`. */
export function isMaid(value: string): boolean {
  return value === '*' || /^(serverid|appid):.+$/.test(value);
}

/** One rights entry read from DACMO data: where (MOID, MIID, Path) and who holds what. */
export interface DacmoEntry {
  moid: string;
  miid: string;
  path: string;
  permissions: { maid: string; ar: number }[];
}

/**
 * What the DACMO definition (section 12.3) forbids in an instance root
 * (`<MOID>*\/<MIID>*\/<x>/{Path?, Permissions/<x>/{MAID, AR}}`), and the entries it holds.
 * Path chr (default `/`), MAID chr of a MAID form, AR int 0–15 (bit sum of Read 1, Write 2,
 * Execute 4, Delegate 8).
 */
export function readDacmo(root: Record<string, unknown>): { problems: string[]; entries: DacmoEntry[] } {
  const problems: string[] = [];
  const entries: DacmoEntry[] = [];
  for (const [moid, byMiid] of Object.entries(root)) {
    if (!isObject(byMiid)) {
      problems.push(`${moid} is an interior node but not a JSON object`);
      continue;
    }
    for (const [miid, list] of Object.entries(byMiid)) {
      if (!isObject(list)) {
        problems.push(`${moid}/${miid} is an interior node but not a JSON object`);
        continue;
      }
      for (const [x, entry] of Object.entries(list)) {
        const where = `${moid}/${miid}/${x}/`;
        if (!isObject(entry)) {
          problems.push(`${where} is an interior node but not a JSON object`);
          continue;
        }
        problems.push(...optionalLeaf(entry, 'Path', 'chr', where));
        const permissions = entry['Permissions'];
        if (!isObject(permissions)) {
          problems.push(`${where}Permissions (Required) is missing or not a JSON object`);
          continue;
        }
        const read: DacmoEntry['permissions'] = [];
        for (const [y, permission] of Object.entries(permissions)) {
          const at = `${where}Permissions/${y}/`;
          if (!isObject(permission)) {
            problems.push(`${at} is an interior node but not a JSON object`);
            continue;
          }
          const found = requiredLeaves(permission, { MAID: 'chr', AR: 'int' }, at);
          const { MAID: maid, AR: ar } = permission;
          if (typeof maid === 'string' && !isMaid(maid))
            found.push(`${at}MAID ${JSON.stringify(maid)} is none of serverid:<SrvID>, appid:<id>, *`);
          if (typeof ar === 'number' && Number.isInteger(ar) && (ar < 0 || ar > 15))
            found.push(`${at}AR ${ar} is no bit sum of 1, 2, 4, 8`);
          problems.push(...found);
          // The rights are read leniently (an AR given as digits still says who may do what): the
          // format is the DACMO definition's finding, not a reason to misread the access control.
          const bits = typeof ar === 'number' ? ar : typeof ar === 'string' && /^\d{1,2}$/.test(ar) ? Number(ar) : undefined;
          if (typeof maid === 'string' && bits !== undefined) read.push({ maid, ar: bits });
        }
        entries.push({ moid, miid, path: typeof entry['Path'] === 'string' ? entry['Path'] : '/', permissions: read });
      }
    }
  }
  return { problems, entries };
}
