import type { Fault, FaultSet } from './types.js';

/**
 * The reference client's fault switches about its management objects (section 6.3, 6.4, 10, 11, 12):
 * each breaks one rule of the standard MO definitions, of access rights or of the MO cache, at
 * the one place the client builds or enforces it.
 */
export const moClientFaults = [
  {
    name: 'devinfo-without-oem',
    role: 'client',
    breaks: '12.1/devinfo',
    section: '12.1',
    description: 'Builds its DevInfo instance without the Required OEM leaf.',
    expect: { verdict: 'fail', message: 'OEM' },
  },
  {
    name: 'devinfo-bad-node-name',
    role: 'client',
    breaks: '6.3/mo-definition',
    section: '6.3.1',
    description: 'Adds a DevInfo extension node named "Build Info", a name that is not 1*unreserved.',
    expect: { verdict: 'fail', message: 'Build Info' },
  },
  {
    name: 'dmacc-without-name',
    role: 'client',
    breaks: '12.2/dmacc',
    section: '12.2',
    description: 'Builds each DM account without the Required Name leaf.',
    expect: { verdict: 'fail', message: 'Name' },
  },
  {
    name: 'dacmo-ar-as-text',
    role: 'client',
    breaks: '12.3/dacmo',
    section: '12.3',
    description: 'Writes each DACMO AR leaf as text ("15") instead of an int.',
    expect: { verdict: 'fail', message: 'AR' },
  },
  {
    name: 'sessioninfo-roaming-out-of-range',
    role: 'client',
    breaks: '12.4/session-info',
    section: '12.4',
    description: 'Holds 7 in SessionInfo ROAMING, a value outside 0 (not roaming), 1 (roaming) and 2 (unknown).',
    expect: { verdict: 'fail', message: 'ROAMING' },
  },
  {
    name: 'read-without-get-access',
    role: 'client',
    breaks: '6.3.1.1/rights-on-all-nodes',
    section: '6.3.1.1',
    description: 'Reads out (GET, HPUT, HPOST) a node whose access types lack Get, such as the DMAcc Perm subtree.',
    expect: { verdict: 'fail', message: 'Perm' },
  },
  {
    name: 'dacmo-not-enforced',
    role: 'client',
    breaks: '10/access-control',
    section: '10',
    description: 'Ignores the rights its Delegation Access Control MO grants: any provisioned server may read every node.',
    expect: { verdict: 'fail', message: '403' },
  },
  {
    name: 'cv-always-matches',
    role: 'client',
    breaks: '11/mo-cache',
    section: '11.2',
    description: 'Answers 304 Not Modified to any cache validator, even one its instance changed since.',
    expect: { verdict: 'fail', message: '304|validator' },
  },
  {
    name: 'ddf-without-verdtd',
    role: 'client',
    breaks: '6.4/ddf-mgmt-tree',
    section: '6.4',
    description: 'Serves its DDFs without the VerDTD element MgmtTree must hold.',
    expect: { verdict: 'fail', message: 'VerDTD' },
  },
  {
    name: 'ddf-node-without-name',
    role: 'client',
    breaks: '6.4/ddf-node',
    section: '6.4',
    description: 'Serves its DDFs with leaf Node descriptions that have no NodeName.',
    expect: { verdict: 'fail', message: 'NodeName' },
  },
  {
    name: 'ddf-access-type-unknown',
    role: 'client',
    breaks: '6.4/ddf-access-type',
    section: '6.4',
    description: 'Writes <Read/> instead of <Get/> in the AccessType of its DDFs, an element the DDF does not know.',
    expect: { verdict: 'fail', message: 'Read' },
  },
  {
    name: 'ddf-format-unknown',
    role: 'client',
    breaks: '6.4/ddf-format',
    section: '6.4',
    description: 'Writes <string/> instead of <chr/> in the DFFormat of its DDFs, none of the format elements.',
    expect: { verdict: 'fail', message: 'string' },
  },
  {
    name: 'ddf-dftype-empty',
    role: 'client',
    breaks: '6.4/ddf-type',
    section: '6.4',
    description: 'Serves its DDFs with empty DFType elements, holding neither MIME nor DDFName.',
    expect: { verdict: 'fail', message: 'DFType' },
  },
  {
    name: 'ddf-occurrence-unknown',
    role: 'client',
    breaks: '6.4/ddf-property-values',
    section: '6.4',
    description: 'Writes <Many/> in the Occurrence of its DDFs, none of One, ZeroOrOne, ZeroOrMore, OneOrMore, ZeroOrN, OneOrN.',
    expect: { verdict: 'fail', message: 'Occurrence' },
  },
] as const satisfies readonly Fault[];

/** Names of the MO fault switches of the reference client. */
export type MoClientFaultName = (typeof moClientFaults)[number]['name'];

/** True when the MO fault switch `name` is on (the client's fault set holds every client switch). */
export function hasMoFault(faults: FaultSet<string>, name: MoClientFaultName): boolean {
  return faults.has(name);
}
