import type { Fault, FaultSet } from './types.js';

/**
 * The reference client's fault switches about transport security (§9.2): each breaks one rule of
 * HTTP authentication or TLS at the one place the client authenticates or sets up its connection.
 */
export const securityClientFaults = [
  {
    name: 'trusts-untrusted-certificate',
    role: 'client',
    breaks: '9.2.1/x509-untrusted-refused',
    section: '9.2.1',
    description:
      'Accepts a server certificate that chains to no CA it trusts (it still refuses an expired one), so it talks DM to any server.',
    expect: { verdict: 'fail', message: 'untrusted' },
  },
  {
    name: 'trusts-expired-certificate',
    role: 'client',
    breaks: '9.2.1/x509-expired-refused',
    section: '9.2.1',
    description: 'Accepts a server certificate whose validity has ended (it still refuses one from an unknown CA).',
    expect: { verdict: 'fail', message: 'expired' },
  },
  {
    name: 'ignores-basic-challenge',
    role: 'client',
    breaks: '9.2.1/basic-auth',
    section: '9.2.1',
    description: 'Gives up on a 401 that offers only Basic: it never sends Basic credentials (Digest challenges are still answered).',
    expect: { verdict: 'fail', message: 'Basic' },
  },
  {
    name: 'digest-answer-wrong-uri',
    role: 'client',
    breaks: '9.2.1/digest-auth',
    section: '9.2.1',
    description: 'Answers a Digest challenge with a response computed over another request-URI than the one it sends (RFC 7616 §3.4.1).',
    expect: { verdict: 'fail', message: 'Digest' },
  },
  {
    name: 'tls11-off',
    role: 'client',
    breaks: '9.2.2/tls11',
    section: '9.2.2',
    description:
      'Closes a connection that negotiated TLS 1.1 before sending anything (TLS 1.0 and 1.2 stay usable), although both sides SHALL support TLS 1.1.',
    expect: { verdict: 'fail', message: 'TLSv1.1' },
  },
  {
    name: 'psk-off',
    role: 'client',
    breaks: '9.2.2/psk-mode',
    section: '9.2.2',
    description: 'Forgets its pre-shared key: it offers no PSK cipher suite although it claims PSK-TLS.',
    expect: { verdict: 'fail', message: 'PSK' },
  },
  {
    name: 'x509-suites-off',
    role: 'client',
    breaks: '9.2.2/x509-mode',
    section: '9.2.2',
    description: 'Offers none of the six X.509 cipher suites of 9.2.2 (other X.509 suites stay on), although it claims X.509 mode.',
    expect: { verdict: 'fail', message: 'X.509' },
  },
  {
    name: 'talks-plain-http',
    role: 'client',
    breaks: '9.2.2/plain-http-refused',
    section: '9.2.2',
    description:
      'Sends its DM packages to a server URL that is plain http:// although it claims TLS, instead of refusing a server that uses no TLS version at all.',
    expect: { verdict: 'fail', message: 'plain HTTP' },
  },
] as const satisfies readonly Fault[];

/** Names of the transport-security fault switches of the reference client. */
export type SecurityClientFaultName = (typeof securityClientFaults)[number]['name'];

/** True when the transport-security fault switch `name` is on (the client's fault set holds every client switch). */
export function hasSecurityFault(faults: FaultSet<string>, name: SecurityClientFaultName): boolean {
  return faults.has(name);
}
