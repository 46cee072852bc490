/**
 * The TLS the reference server offers (§9.2.2): every version given, OpenSSL's default suites
 * (which hold the six X.509 suites of §9.2.2) plus the seven PSK ones with a PSK, an ECDSA and an
 * RSA certificate side by side (OpenSSL picks the one a suite needs) and DH parameters for the
 * DHE suites; less what its fault switches take away.
 */
import { constants as cryptoConstants } from 'node:crypto';
import type { TlsOptions } from 'node:tls';
import type { FaultSet, ServerFaultName } from '../faults/index.js';
import { serverTlsOptions, X509_SUITES, type ServerTlsSettings } from '../../transport/tls-settings.js';

/** The reference server's TLS: its ECDSA certificate (`cert`, `key`), optionally an RSA one, versions and PSK. */
export type ReferenceTlsSettings = ServerTlsSettings;

/** One suite each new fault switch drops: the others of its kind still complete, so only the "all suites" rule breaks. */
const DROPPED_BY: Readonly<Partial<Record<ServerFaultName, string>>> = {
  'psk-suite-missing': 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256',
  'x509-suite-missing': 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
};

/** node:tls options of the reference server's TLS endpoint, as its fault switches leave it. */
export function referenceTls(tls: ReferenceTlsSettings, faults: FaultSet<ServerFaultName>): TlsOptions {
  const dropped = faults.names.flatMap((name) => DROPPED_BY[name] ?? []);
  const settings = {
    ...tls,
    ...(faults.has('tls-no-psk') ? { psk: undefined } : {}),
    withoutSuites: [...(faults.has('tls-no-x509-suites') ? Object.keys(X509_SUITES) : []), ...dropped],
  };
  return {
    ...serverTlsOptions(settings),
    // A hole in the range: TLS 1.0 and 1.2 stay on, so only the TLS 1.1 rule breaks.
    ...(faults.has('tls-no-tls11') ? { secureOptions: cryptoConstants.SSL_OP_NO_TLSv1_1 } : {}),
  };
}
