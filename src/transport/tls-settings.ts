/**
 * TLS as §9.2.2 describes it, in node:tls terms: the versions (TLS 1.0, 1.1, 1.2; nothing weaker),
 * the PSK and X.509 cipher suites by their IANA names, and the options that make Node's OpenSSL
 * offer exactly those. TLS 1.0 and 1.1 are off at OpenSSL's default security level; they are
 * offered only when asked for, at level 0 (`@SECLEVEL=0`).
 */
import { constants as cryptoConstants } from 'node:crypto';
import { checkServerIdentity, type ConnectionOptions, type PeerCertificate, type SecureVersion, type TlsOptions } from 'node:tls';

/** The TLS versions of §9.2.2, in order. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** The PSK cipher suites of §9.2.2 (IANA name → OpenSSL name). */
export const PSK_SUITES: Readonly<Record<string, string>> = {
  TLS_PSK_WITH_AES_128_GCM_SHA256: 'PSK-AES128-GCM-SHA256',
  TLS_DHE_PSK_WITH_AES_128_GCM_SHA256: 'DHE-PSK-AES128-GCM-SHA256',
  TLS_RSA_PSK_WITH_AES_128_GCM_SHA256: 'RSA-PSK-AES128-GCM-SHA256',
  TLS_PSK_WITH_AES_128_CBC_SHA256: 'PSK-AES128-CBC-SHA256',
  TLS_DHE_PSK_WITH_AES_128_CBC_SHA256: 'DHE-PSK-AES128-CBC-SHA256',
  TLS_RSA_PSK_WITH_AES_128_CBC_SHA256: 'RSA-PSK-AES128-CBC-SHA256',
  TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256: 'ECDHE-PSK-AES128-CBC-SHA256',
};

/** The X.509 cipher suites of §9.2.2 (IANA name → OpenSSL name). */
export const X509_SUITES: Readonly<Record<string, string>> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: 'DHE-RSA-AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: 'ECDHE-ECDSA-AES128-SHA256',
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: 'DHE-RSA-AES128-SHA256',
  TLS_RSA_WITH_AES_128_CBC_SHA256: 'AES128-SHA256',
};

/** The key type of a server certificate. */
export type CertificateKeyType = 'ecdsa' | 'rsa';

/**
 * The key type of the certificate the server must hold for a suite of §9.2.2 (IANA name), or
 * undefined for the PSK suites that use none: the ECDHE_ECDSA suites sign with an ECDSA key, the
 * RSA and RSA_PSK ones encrypt to an RSA key, the DHE_RSA ones sign with it.
 */
export function suiteKeyType(suite: string): CertificateKeyType | undefined {
  if (suite.includes('_ECDSA_')) return 'ecdsa';
  return /^TLS_(DHE_)?RSA_/.test(suite) ? 'rsa' : undefined;
}

/** How a suite authenticates the server: with a certificate of a key type, or with the PSK alone. */
export type SuiteAuthentication = CertificateKeyType | 'psk';

/** OpenSSL's cipher-string name of each kind of server authentication. */
const AUTHENTICATION_TOKEN: Readonly<Record<SuiteAuthentication, string>> = { ecdsa: 'aECDSA', rsa: 'aRSA', psk: 'aPSK' };

/**
 * What a peer offers that claims only `claimed` of the suites of §9.2.2 (IANA names): none of the
 * others, and no suite that authenticates the server otherwise than a claimed one does (an RSA-only
 * device offers no ECDSA and no plain PSK suite); OpenSSL's default suites of the claimed kinds stay,
 * for TLS 1.0 and 1.1, which no suite of §9.2.2 runs on.
 */
export function claimedSuitesOffer(claimed: readonly string[]): Pick<TlsSettings, 'withoutSuites' | 'authentication'> {
  return {
    withoutSuites: [...Object.keys(PSK_SUITES), ...Object.keys(X509_SUITES)].filter((suite) => !claimed.includes(suite)),
    authentication: [...new Set(claimed.map((suite) => suiteKeyType(suite) ?? 'psk'))],
  };
}

/** A pre-shared key and the identity it goes with (§12.2.1.1). */
export interface PskCredentials {
  identity: string;
  key: Uint8Array;
}

/** What dmct offers and trusts on one side of a TLS connection. */
export interface TlsSettings {
  /** PEM CA certificates trusted besides the system's (the target's private CA). */
  ca?: string;
  /** PEM certificate and key dmct presents (a client certificate, or its endpoints' server certificate). */
  cert?: string;
  key?: string;
  psk?: PskCredentials;
  /** Versions offered (default: all of §9.2.2). */
  versions?: readonly TlsVersion[];
  /** Cipher suites offered, IANA names of §9.2.2 (default: OpenSSL's defaults, plus the PSK ones of §9.2.2 with `psk`). */
  suites?: readonly string[];
  /** Suites of §9.2.2 (IANA names) taken out of what is offered (a fault of the reference client, or suites it does not claim). */
  withoutSuites?: readonly string[];
  /** Only suites that authenticate the server so are offered (default: any), e.g. `['rsa']` for an RSA-only client. */
  authentication?: readonly SuiteAuthentication[];
  /** Accept any server certificate (a fault of the reference client, never dmct's default). */
  acceptAnyCertificate?: boolean;
  /**
   * Verification errors (OpenSSL codes, e.g. `CERT_HAS_EXPIRED`) accepted anyway, all others still
   * refused (a fault of the reference client that breaks one check only, never dmct's default).
   */
  tolerateCertificateErrors?: readonly string[];
  /**
   * Versions whose connection is closed once negotiated, before anything is sent (a fault of the
   * reference client: OpenSSL's client cannot leave a hole in the versions it offers).
   */
  closeOnVersions?: readonly TlsVersion[];
}

/** The negotiated parameters of one TLS connection, for the trace. */
export interface NegotiatedTls {
  protocol: string;
  /** IANA name of the cipher suite. */
  suite: string;
  /** The peer certificate's subject CN, when one was presented. */
  peer?: string;
}

/** One line for the trace: `TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (peer CN=…)`. */
export function describeTls(tls: NegotiatedTls): string {
  return `TLS ${tls.protocol}, ${tls.suite}${tls.peer === undefined ? '' : ` (peer certificate CN=${tls.peer})`}`;
}

/**
 * The OpenSSL cipher list: exactly these suites, or without `suites` OpenSSL's default list (plus
 * the PSK suites of §9.2.2 with `psk`), less `withoutSuites` and the suites authenticated otherwise
 * than `authentication` allows; security level 0 when a version below TLS 1.2 is offered.
 */
export function cipherList(settings: Pick<TlsSettings, 'authentication' | 'psk' | 'suites' | 'versions' | 'withoutSuites'>): string {
  const legacy = (settings.versions ?? TLS_VERSIONS).some((version) => version !== 'TLSv1.2');
  const openSsl = (names: readonly string[]) =>
    names.map((name) => PSK_SUITES[name] ?? X509_SUITES[name]).filter((name): name is string => name !== undefined);
  const named = settings.suites === undefined ? undefined : openSsl(settings.suites);
  const list = [
    ...(named ?? ['DEFAULT', ...(settings.psk === undefined ? [] : Object.values(PSK_SUITES))]),
    ...openSsl(settings.withoutSuites ?? []).map((name) => `!${name}`),
    ...Object.entries(AUTHENTICATION_TOKEN)
      .filter(([kind]) => settings.authentication !== undefined && !settings.authentication.includes(kind as SuiteAuthentication))
      .map(([, token]) => `!${token}`),
  ];
  return `${list.join(':')}${legacy ? ':@SECLEVEL=0' : ''}`;
}

/** The lowest and highest of the versions offered (TLS allows a contiguous range only). */
export function versionRange(versions: readonly TlsVersion[] = TLS_VERSIONS): { minVersion: SecureVersion; maxVersion: SecureVersion } {
  const sorted = [...versions].sort((a, b) => TLS_VERSIONS.indexOf(a) - TLS_VERSIONS.indexOf(b));
  return { minVersion: sorted[0] ?? 'TLSv1.2', maxVersion: sorted[sorted.length - 1] ?? 'TLSv1.2' };
}

const NO_VERSION_OPTION: Readonly<Record<TlsVersion, number>> = {
  TLSv1: cryptoConstants.SSL_OP_NO_TLSv1,
  'TLSv1.1': cryptoConstants.SSL_OP_NO_TLSv1_1,
  'TLSv1.2': cryptoConstants.SSL_OP_NO_TLSv1_2,
};

/**
 * The OpenSSL options that turn off the versions inside the offered range that are not offered
 * (TLS 1.0 and 1.2 without 1.1): a range alone would offer them; 0 when there is no hole. A server
 * only: OpenSSL's client offers nothing above a hole.
 */
export function versionHoles(versions: readonly TlsVersion[] = TLS_VERSIONS): number {
  const { minVersion, maxVersion } = versionRange(versions);
  const inside = TLS_VERSIONS.slice(TLS_VERSIONS.indexOf(minVersion as TlsVersion), TLS_VERSIONS.indexOf(maxVersion as TlsVersion) + 1);
  return inside.filter((version) => !versions.includes(version)).reduce((options, version) => options | NO_VERSION_OPTION[version], 0);
}

/** node:tls options of a client connection offering exactly these settings. */
export function clientTlsOptions(settings: TlsSettings, rootCertificates: readonly string[]): ConnectionOptions {
  const psk = settings.psk;
  return {
    ...versionRange(settings.versions),
    ciphers: cipherList(settings),
    ...(settings.ca === undefined ? {} : { ca: [...rootCertificates, settings.ca] }),
    ...(settings.cert === undefined || settings.key === undefined ? {} : { cert: settings.cert, key: settings.key }),
    ...(psk === undefined
      ? {}
      : {
          pskCallback: () => ({ identity: psk.identity, psk: Buffer.from(psk.key) }),
          // A PSK handshake presents no certificate: the key is the server's proof (§9.2.2).
          checkServerIdentity: (host: string, cert: PeerCertificate) =>
            cert.raw === undefined ? undefined : checkServerIdentity(host, cert),
        }),
    // Tolerated errors are told apart after the handshake (https-exchange.ts), so OpenSSL must not refuse first.
    rejectUnauthorized: settings.acceptAnyCertificate !== true && settings.tolerateCertificateErrors === undefined,
  };
}

/** A certificate and its private key, PEM-encoded. */
export interface CertificateAndKey {
  cert: string;
  key: string;
}

/**
 * What a TLS server offers: the settings with its certificate (required) and optionally a second
 * one with an RSA key beside it, so that every suite of §9.2.2 can complete whatever key type the
 * peer's suites need.
 */
export type ServerTlsSettings = TlsSettings & CertificateAndKey & { rsa?: CertificateAndKey };

/**
 * node:tls options of a server offering exactly these settings: with `rsa`, both certificates
 * (OpenSSL presents the one whose key type the negotiated suite needs), and DH parameters sized
 * to the certificate (the DHE_RSA and DHE_PSK suites of §9.2.2 need them).
 */
export function serverTlsOptions(settings: ServerTlsSettings): TlsOptions {
  const { psk, rsa } = settings;
  const holes = versionHoles(settings.versions);
  return {
    ...versionRange(settings.versions),
    ...(holes === 0 ? {} : { secureOptions: holes }),
    ciphers: cipherList(settings),
    ...(rsa === undefined ? { cert: settings.cert, key: settings.key } : { cert: [settings.cert, rsa.cert], key: [settings.key, rsa.key] }),
    dhparam: 'auto',
    ...(settings.ca === undefined ? {} : { ca: settings.ca }),
    ...(psk === undefined
      ? {}
      : { pskCallback: (_socket: unknown, identity: string) => (identity === psk.identity ? Buffer.from(psk.key) : null) }),
  };
}
