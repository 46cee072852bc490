/**
 * The TLS a monitor offers the client it stands in front of. The monitor must not refuse a client
 * its upstream server would take: §9.2.2 allows TLS 1.0, 1.1 and 1.2 and suites keyed by ECDSA or
 * RSA, and a client needs only one of them. So every version from TLS 1.0 up (security level 0
 * for the older ones), OpenSSL's default suites, DH parameters for the DHE suites, and with a
 * per-run CA both an ECDSA and an RSA certificate (OpenSSL picks the one a suite needs).
 */
import type { TlsOptions } from 'node:tls';

/** A certificate and its private key (PEM). */
export interface MonitorCertificate {
  cert: string;
  key: string;
}

/** The options of the monitor's https server: the main certificate and optionally an RSA one beside it. */
export function monitorServerTls(main: MonitorCertificate, rsa?: MonitorCertificate): TlsOptions {
  return {
    minVersion: 'TLSv1',
    ciphers: 'DEFAULT:@SECLEVEL=0',
    dhparam: 'auto',
    ...(rsa === undefined ? { cert: main.cert, key: main.key } : { cert: [main.cert, rsa.cert], key: [main.key, rsa.key] }),
  };
}
