import type { Fault } from './types.js';

/**
 * The reference DM server's fault switches for rules the approved 2016 tables add (SUB, UNSUB,
 * OMADM-Accept, the ClientURI forms, the ServerURI placeholders, the standard MOs of section 12, WAP Push). Each breaks one rule; under the seed
 * edition no item holds these rules, so their scenarios are not applicable there.
 */
export const serverFaults2016 = [
  {
    name: 'sub-no-client-uri',
    role: 'server',
    breaks: '5.3.11/sub',
    section: '5.3.11',
    description: 'Sends SUB with its ServerURI only, without the ClientURI of the subtree to watch.',
    expect: { verdict: 'fail', message: 'SUB' },
  },
  {
    name: 'unsub-no-client-uri',
    role: 'server',
    breaks: '5.3.12/unsub',
    section: '5.3.12',
    description: 'Sends UNSUB without its ClientURI parameter, so the client cannot tell which SUB to cancel.',
    expect: { verdict: 'fail', message: 'UNSUB' },
  },
  {
    name: 'package2-no-omadm-accept',
    role: 'server',
    breaks: '5.5/omadm-accept',
    section: '5.5',
    description:
      'Leaves the OMADM-Accept header out of every response carrying a Package#2, although the server takes serializations beyond the mandated ones.',
    expect: { verdict: 'fail', message: 'OMADM-Accept' },
  },
  {
    name: 'client-uri-forms-escaped',
    role: 'server',
    breaks: '6.1/client-uri-forms',
    section: '6.1',
    description:
      'Percent-encodes the parentheses of x-names and the wildcard "*" in the ClientURIs it sends ("(x)" becomes "%28x%29", "*" becomes "%2A"), so they no longer read as x-names and wildcards.',
    expect: { verdict: 'fail', message: 'ClientURI' },
  },
  {
    name: 'server-uri-query-dropped',
    role: 'server',
    breaks: '6.2/serveruri',
    section: '6.2',
    description: 'Drops the query ("?…") of every ServerURI it sends, as if a ServerURI could be no more than a path.',
    expect: { verdict: 'fail', message: 'HPUT|ServerURI' },
  },
  {
    name: 'server-uri-placeholder-escaped',
    role: 'server',
    breaks: '6.2/serveruri-devid',
    section: '6.2',
    description:
      'Percent-encodes the brackets of the [DevID] placeholder in the ServerURIs it sends ("%5BDevID%5D"), so the client no longer sees a placeholder to replace.',
    expect: { verdict: 'fail', message: 'HPUT|ServerURI' },
  },
  ...(['MNC', 'MCC', 'CMNC', 'CMCC', 'SPName'] as const).map((placeholder) => ({
    name: `server-uri-${placeholder.toLowerCase() as Lowercase<typeof placeholder>}-escaped` as const,
    role: 'server' as const,
    breaks: `6.2/serveruri-${placeholder.toLowerCase() as Lowercase<typeof placeholder>}` as const,
    section: '6.2',
    description: `Percent-encodes the brackets of the [${placeholder}] placeholder in the ServerURIs it sends ("%5B${placeholder}%5D"), so the client no longer sees a placeholder to replace.`,
    expect: { verdict: 'fail' as const, message: 'HPUT|ServerURI' },
  })),
  {
    name: 'devinfo-data-refused',
    role: 'server',
    breaks: '12.1/devinfo',
    section: '12.1',
    description:
      'Refuses with HTTP 400 a Package#3 whose GET data is a whole DevInfo instance (MOID urn:oma:mo:oma-dm-devinfo, at the instance root), as if it could not read that MO.',
    expect: { verdict: 'fail', message: 'DevInfo|Package#2' },
  },
  {
    name: 'dmacc-data-refused',
    role: 'server',
    breaks: '12.2/dmacc',
    section: '12.2',
    description:
      'Refuses with HTTP 400 a Package#3 whose GET data is a whole DM Account instance (MOID urn:oma:mo:oma-dm-dmacc, at the instance root), as if it could not read that MO.',
    expect: { verdict: 'fail', message: 'DM Account|DMAcc|Package#2' },
  },
  {
    name: 'dacmo-data-refused',
    role: 'server',
    breaks: '12.3/dacmo',
    section: '12.3',
    description:
      'Refuses with HTTP 400 a Package#3 whose GET data is a whole Delegation Access Control MO instance (MOID urn:oma:mo:oma-dm-dacmo, at the instance root), as if it could not read that MO.',
    expect: { verdict: 'fail', message: 'Access Control|DACMO|Package#2' },
  },
  {
    name: 'sessioninfo-data-refused',
    role: 'server',
    breaks: '12.4/session-info',
    section: '12.4',
    description:
      'Refuses with HTTP 400 a Package#3 whose GET data is a whole Session Information MO instance (MOID urn:oma:mo:oma-sessioninfomo, at the instance root), as if it could not read that MO.',
    expect: { verdict: 'fail', message: 'Session Information|SessionInfo|Package#2' },
  },
  {
    name: 'wap-push-app-id-wrong',
    role: 'server',
    breaks: 'E.1/wap-push',
    section: 'E.1',
    description: 'Sends its connectionless WAP Push datagrams with X-Wap-Application-Id 0x02 instead of 0x07, the DM client.',
    expect: { verdict: 'fail', message: 'Application-Id|0x7|WAP' },
  },
] as const satisfies readonly Fault[];

/** Names of these switches. */
export type ServerFaultName2016 = (typeof serverFaults2016)[number]['name'];
