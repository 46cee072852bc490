/**
 * A per-run test PKI: a CA and the leaf certificates dmct and the reference peers use for TLS
 * (§9.2.2 X.509 mode), made in memory at run time so that no private key is ever stored in the
 * repository. Node's crypto cannot sign X.509, so the certificates are built with @peculiar/x509
 * over Node's WebCrypto. Keys are ECDSA P-256 (§9.2.2: ECDHE/ECDSA keys of at least 256 bits);
 * RSA 2048 server certificates (trusted, expired, untrusted), for the RSA, DHE_RSA and RSA_PSK
 * suites of §9.2.2, are made only when first asked for.
 */
import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';

/** A certificate and its private key, PEM-encoded (the forms node:tls takes). */
export interface PemPair {
  cert: string;
  key: string;
}

/** What one run's PKI holds. */
export interface TestPki {
  /** The per-run CA the leaves chain to; trust it (its `cert`) to accept them. */
  ca: PemPair;
  /** A server certificate for 127.0.0.1, ::1 and localhost (plus `hosts`). */
  server: PemPair;
  /** A client certificate (TLS client authentication). */
  client: PemPair;
  /** A server certificate like `server` whose validity ended before now. */
  expiredServer: PemPair;
  /** A server certificate like `server` from a CA nobody was told to trust. */
  untrustedServer: PemPair;
  /** The CA `untrustedServer` chains to (a test may show it is not `ca`). */
  untrustedCa: PemPair;
  /**
   * A server certificate like `server` with an RSA 2048 key (same CA, names and validity): the
   * `server` of {@link TestPki.rsa}.
   */
  rsaServer(): Promise<PemPair>;
  /**
   * The server certificates with an RSA 2048 key, like their ECDSA namesakes, made on the first
   * call and kept: RSA key generation is slow, and only a peer offering the RSA-keyed suites of
   * §9.2.2 needs them. A client whose only suites are RSA-keyed meets the expired and untrusted
   * ones in the negative tests (an ECDSA one it would refuse for want of a suite, proving nothing).
   */
  rsa(): Promise<RsaServerCertificates>;
}

/** The RSA-keyed server certificates of a test PKI (one RSA key, the process's: its generation is the slow part). */
export interface RsaServerCertificates {
  server: PemPair;
  expiredServer: PemPair;
  untrustedServer: PemPair;
}

export interface TestPkiOptions {
  /** How long the certificates are valid from now (default 1 day: short-lived by design). */
  validityMs?: number;
  /** Extra names (DNS names or IP addresses) the server certificates cover. */
  hosts?: readonly string[];
  /** Common name prefix, e.g. `dmct run 2026-12-07` (default `dmct test`). */
  label?: string;
  /** Clock (tests pass a fixed one). */
  now?: () => Date;
}

const ALGORITHM: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA_ALGORITHM: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** The key type of a key pair: every certificate is ECDSA but the on-demand RSA server ones. */
type KeyType = 'ecdsa' | 'rsa';
const DEFAULT_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** Backdating absorbs a peer's clock that runs a little behind. */
const BACKDATE_MS = 5 * 60 * 1000;
const DEFAULT_HOSTS = ['127.0.0.1', '::1', 'localhost'];
const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

type X509Module = typeof X509;
let x509Module: Promise<X509Module> | undefined;

/**
 * @peculiar/x509, loaded on the first PKI made: it is about a third of a second of start-up
 * (hundreds of modules) that a run whose claims name no TLS, and the listing, never use.
 */
function loadX509(): Promise<X509Module> {
  x509Module ??= (async () => {
    // It resolves its parts through decorators and needs the Reflect metadata API first.
    await import('reflect-metadata');
    // The package is CommonJS (`main` only): Node and the CLI bundle both give module.exports as
    // `default`, while only Node also lifts the named exports.
    const x509 = (await import('@peculiar/x509')).default as unknown as X509Module;
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return x509Module;
}

interface Issuer {
  name: string;
  keys: CryptoKeyPair;
  cert: X509.X509Certificate;
}

async function keyPair(type: KeyType = 'ecdsa'): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(type === 'rsa' ? RSA_ALGORITHM : ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

let rsaKeys: Promise<CryptoKeyPair> | undefined;

/**
 * The process's RSA key pair, made on the first call: 2048-bit generation takes a good part of a
 * second on a busy machine, and a worker may make a PKI per target it opens. Every PKI of the
 * process signs its own RSA certificates over it.
 */
function rsaKeyPair(): Promise<CryptoKeyPair> {
  rsaKeys ??= keyPair('rsa');
  return rsaKeys;
}

async function pemKey(x509: X509Module, key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function selfSignedCa(x509: X509Module, name: string, notBefore: Date, notAfter: Date): Promise<Issuer> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name, keys, cert };
}

async function leaf(
  x509: X509Module,
  issuer: Issuer,
  subject: string,
  usage: 'server' | 'client',
  hosts: readonly string[],
  notBefore: Date,
  notAfter: Date,
  given?: CryptoKeyPair,
): Promise<PemPair> {
  const keys = given ?? (await keyPair());
  // The RSA key exchange encrypts the premaster secret to the key (keyEncipherment); ECDH agrees on it.
  const rsa = keys.publicKey.algorithm.name === RSA_ALGORITHM.name;
  const exchange = rsa ? x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.keyAgreement;
  const names = hosts.map((host) => ({ type: IP_ADDRESS.test(host) ? ('ip' as const) : ('dns' as const), value: host }));
  const cert = await x509.X509CertificateGenerator.create({
    subject,
    issuer: issuer.cert.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | exchange, true),
      new x509.ExtendedKeyUsageExtension([usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
      ...(names.length === 0 ? [] : [new x509.SubjectAlternativeNameExtension(names)]),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pemKey(x509, keys.privateKey) };
}

async function pemOf(x509: X509Module, issuer: Issuer): Promise<PemPair> {
  return { cert: issuer.cert.toString('pem'), key: await pemKey(x509, issuer.keys.privateKey) };
}

/**
 * Makes a fresh test PKI: a CA, a server and a client certificate valid from a few minutes ago
 * for `validityMs`, an expired server certificate from the same CA and a server certificate from
 * a second, untrusted CA (for the negative tests: a client must refuse both, §9.2.2); the same
 * three server certificates with an RSA key on demand (`rsa`).
 */
export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const x509 = await loadX509();
  const now = (options.now ?? (() => new Date()))().getTime();
  const label = options.label ?? 'dmct test';
  const notBefore = new Date(now - BACKDATE_MS);
  const notAfter = new Date(now + (options.validityMs ?? DEFAULT_VALIDITY_MS));
  const hosts = [...new Set([...DEFAULT_HOSTS, ...(options.hosts ?? [])])];
  const ca = await selfSignedCa(x509, `CN=${label} CA`, notBefore, notAfter);
  const untrustedCa = await selfSignedCa(x509, `CN=${label} untrusted CA`, notBefore, notAfter);
  const expiredFrom = new Date(now - 2 * DEFAULT_VALIDITY_MS);
  const expiredUntil = new Date(now - DEFAULT_VALIDITY_MS);
  let rsa: Promise<RsaServerCertificates> | undefined;
  const makeRsa = async (): Promise<RsaServerCertificates> => {
    const keys = await rsaKeyPair();
    return {
      server: await leaf(x509, ca, `CN=${label} RSA server`, 'server', hosts, notBefore, notAfter, keys),
      expiredServer: await leaf(x509, ca, `CN=${label} expired RSA server`, 'server', hosts, expiredFrom, expiredUntil, keys),
      untrustedServer: await leaf(x509, untrustedCa, `CN=${label} RSA server`, 'server', hosts, notBefore, notAfter, keys),
    };
  };
  const rsaOnce = () => (rsa ??= makeRsa());
  return {
    rsa: rsaOnce,
    rsaServer: async () => (await rsaOnce()).server,
    ca: await pemOf(x509, ca),
    server: await leaf(x509, ca, `CN=${label} server`, 'server', hosts, notBefore, notAfter),
    client: await leaf(x509, ca, `CN=${label} client`, 'client', [], notBefore, notAfter),
    expiredServer: await leaf(x509, ca, `CN=${label} expired server`, 'server', hosts, expiredFrom, expiredUntil),
    untrustedServer: await leaf(x509, untrustedCa, `CN=${label} server`, 'server', hosts, notBefore, notAfter),
    untrustedCa: await pemOf(x509, untrustedCa),
  };
}
