import { X509_SUITES, type TlsSettings } from '../../transport/tls-settings.js';
import { hasSecurityFault } from '../faults/client-faults-security.js';
import type { FaultSet } from '../faults/types.js';

/** What OpenSSL says of a certificate that chains to no trusted CA (as opposed to an expired one). */
const UNTRUSTED_CHAIN_ERRORS = [
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
];

/**
 * The TLS the reference client offers and trusts (§9.2.2), as its fault switches leave it: each
 * switch takes away exactly one thing (trust checks, a version, the PSK, the X.509 suites).
 */
export function clientTls(settings: TlsSettings, faults: FaultSet<string>): TlsSettings {
  const tolerated = [
    ...(hasSecurityFault(faults, 'trusts-untrusted-certificate') ? UNTRUSTED_CHAIN_ERRORS : []),
    ...(hasSecurityFault(faults, 'trusts-expired-certificate') ? ['CERT_HAS_EXPIRED'] : []),
  ];
  const { psk: _psk, ...withoutPsk } = settings;
  return {
    ...(hasSecurityFault(faults, 'psk-off') ? withoutPsk : settings),
    ...(tolerated.length === 0 ? {} : { tolerateCertificateErrors: tolerated }),
    ...(hasSecurityFault(faults, 'tls11-off') ? { closeOnVersions: ['TLSv1.1'] as const } : {}),
    ...(hasSecurityFault(faults, 'x509-suites-off')
      ? { withoutSuites: [...(settings.withoutSuites ?? []), ...Object.keys(X509_SUITES)] }
      : {}),
  };
}

/**
 * Why the client sends no DM package to `url`: it must check the server uses TLS 1.0, 1.1 or 1.2
 * (§9.2.2), and a plain `http:` server uses none. Undefined when the URL may be used.
 */
export function plainHttpRefusal(url: string, requireTls: boolean): string | undefined {
  if (!requireTls || !URL.canParse(url) || new URL(url).protocol !== 'http:') return undefined;
  return `not sent: the DM server URL ${url.slice(0, 200)} is plain HTTP and the client uses DM servers over TLS only (9.2.2)`;
}

/** True when the client refuses plain-HTTP DM servers: it has TLS settings and the `talks-plain-http` switch is off. */
export function requiresTls(settings: TlsSettings | undefined, faults: FaultSet<string>): boolean {
  return settings !== undefined && !hasSecurityFault(faults, 'talks-plain-http');
}
