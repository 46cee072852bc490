import type { ClientFaultName } from './client-faults.js';
import type { Fault } from './types.js';

/** A switch that sends a ServerURI placeholder's own text (URI-encoded) instead of the device's value (section 6.2). */
function keepsPlaceholder(placeholder: string, what: string) {
  const slug = placeholder.toLowerCase();
  return {
    name: `server-uri-keeps-${slug}`,
    role: 'client',
    breaks: `6.2/server-uri-${slug}`,
    section: '6.2',
    description: `Uses a ServerURI without replacing its [${placeholder}] placeholder (${what}): the request goes to the URI with the placeholder's own text in it.`,
    expect: { verdict: 'fail', message: `\\[${placeholder}\\]` },
  } as const satisfies Fault;
}

/**
 * The reference DM client's fault switches for addressing (ClientURI, ServerURI and its
 * placeholders, section 6.1, 6.2), SUB/UNSUB (5.3.11, 5.3.12), the server's OMADM-Accept (5.5) and
 * the routing of connectionless WAP Push to the DM client (App E.1).
 * Each breaks one rule, seen on the wire by the scenario tagged with its `breaks` key.
 */
export const clientAddressingFaults = [
  {
    name: 'server-uri-drops-query',
    role: 'client',
    breaks: '6.2/server-uri',
    section: '6.2',
    description: 'Uploads (HPUT, HPOST) to a ServerURI without its query component: the request goes to the path alone.',
    expect: { verdict: 'fail', message: 'query' },
  },
  {
    name: 'unresolvable-client-uri-accepted',
    role: 'client',
    breaks: '6.1/client-uri',
    section: '6.1',
    description:
      'Answers an HPUT or HPOST whose ClientURIs name nodes that do not exist below an instance with 200 (sending nothing) instead of an error status.',
    expect: { verdict: 'fail', message: 'resolves to no node' },
  },
  {
    name: 'x-name-unsupported',
    role: 'client',
    breaks: '6.1/query-xname-wildcard',
    section: '6.1',
    description: 'Resolves no ClientURI whose mo-inst is an x-name (404), although it claims query, x-name and wildcard support.',
    expect: { verdict: 'fail', message: 'x-name' },
  },
  keepsPlaceholder('DevID', 'the DevInfo DevID'),
  keepsPlaceholder('MNC', 'the home network MNC'),
  keepsPlaceholder('MCC', 'the home network MCC'),
  keepsPlaceholder('CMNC', 'the current network MNC'),
  keepsPlaceholder('CMCC', 'the current network MCC'),
  keepsPlaceholder('SPName', 'the service provider name'),
  {
    name: 'sub-leaf-change-not-sent',
    role: 'client',
    breaks: '5.3.11/sub',
    section: '5.3.11',
    description:
      'Answers SUB with 200 but never sends a change of a subscribed leaf to its ServerURI (only subscriptions of interior nodes are delivered).',
    expect: { verdict: 'fail', message: 'HTTP PUT' },
  },
  {
    name: 'unsub-keeps-sub',
    role: 'client',
    breaks: '5.3.12/unsub',
    section: '5.3.12',
    description: 'Answers UNSUB of a subscribed ClientURI with 200 but keeps the SUB: later changes still go to its ServerURI.',
    expect: { verdict: 'fail', message: 'UNSUB' },
  },
  {
    name: 'ignore-omadm-accept',
    role: 'client',
    breaks: '5.5/omadm-accept-honoured',
    section: '5.5',
    description:
      'Ignores the OMADM-Accept header of the response carrying a Package#2: HPUT and HPOST bodies are always application/dmmo+json.',
    expect: { verdict: 'fail', message: 'OMADM-Accept' },
  },
  {
    name: 'wap-push-app-id-unchecked',
    role: 'client',
    breaks: 'E.1/wap-push',
    section: 'E.1',
    description:
      'Routes every WAP Push datagram to the DM client whatever its X-Wap-Application-Id, so a push addressed to another application (0x02, the WML user agent) opens a DM session.',
    expect: { verdict: 'fail', message: 'application' },
  },
] as const satisfies readonly Fault[];

/** Names of the reference client's addressing fault switches. */
export type ClientAddressingFaultName = (typeof clientAddressingFaults)[number]['name'];

/** Names of every fault switch of the reference client. */
export type ReferenceClientFaultName = ClientFaultName | ClientAddressingFaultName;
