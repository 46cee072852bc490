/**
 * HTTP Basic and Digest authentication (§9.2.1: RFC 2617, as updated by RFC 7617 and RFC 7616),
 * for both sides: building and reading challenges (`WWW-Authenticate`) and credentials
 * (`Authorization`). The Digest computation is written here rather than taken from a library:
 * the small npm helpers found compute only the client's MD5 answer, and dmct needs SHA-256, the
 * `-sess` variants and the server's check of the same computation.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One set of HTTP credentials. */
export interface HttpCredentials {
  username: string;
  password: string;
}

/** One challenge of a `WWW-Authenticate` header, or the credentials of an `Authorization` header. */
export interface AuthParams {
  /** Lower-case scheme, e.g. `basic`, `digest`. */
  scheme: string;
  /** Lower-case parameter names, unquoted values. */
  params: Record<string, string>;
  /** The token68 form (Basic credentials), when the scheme is followed by one. */
  token?: string;
}

/** Longest header value read; a longer one is not parsed (a peer's header is bounded input). */
export const MAX_AUTH_HEADER_CHARS = 8192;
/** Most parameters read from one header. */
const MAX_PARAMS = 64;
const DIGEST_ALGORITHMS = { md5: 'md5', 'md5-sess': 'md5', 'sha-256': 'sha256', 'sha-256-sess': 'sha256' } as const;
export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Reads a `WWW-Authenticate` or `Authorization` header value into its challenges (RFC 7235 §2.1:
 * `scheme token68` or `scheme param=value, …`, several challenges separated by commas). Returns
 * an empty list for a value over {@link MAX_AUTH_HEADER_CHARS} or one that does not parse.
 */
export function parseAuthHeader(value: string): AuthParams[] {
  if (value.length > MAX_AUTH_HEADER_CHARS) return [];
  const result: AuthParams[] = [];
  let rest = value.trim();
  let count = 0;
  while (rest.length > 0) {
    const scheme = TOKEN.exec(rest)?.[0];
    if (scheme === undefined) return [];
    rest = rest.slice(scheme.length).trimStart();
    const current: AuthParams = { scheme: scheme.toLowerCase(), params: {} };
    result.push(current);
    const token68 = /^([A-Za-z0-9\-._~+/]+=*)\s*(,|$)/.exec(rest);
    if (token68?.[1] !== undefined && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=[^=]/.test(rest)) {
      current.token = token68[1];
      rest = rest.slice(token68[0].length).trimStart();
      continue;
    }
    for (;;) {
      const name = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*/.exec(rest);
      if (name?.[1] === undefined) break;
      if (++count > MAX_PARAMS) return [];
      rest = rest.slice(name[0].length);
      let paramValue: string;
      if (rest.startsWith('"')) {
        const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
        if (quoted?.[1] === undefined) return [];
        paramValue = quoted[1].replace(/\\(.)/g, '$1');
        rest = rest.slice(quoted[0].length);
      } else {
        const token = TOKEN.exec(rest)?.[0];
        if (token === undefined) return [];
        paramValue = token;
        rest = rest.slice(token.length);
      }
      current.params[name[1].toLowerCase()] = paramValue;
      rest = rest.trimStart();
      if (!rest.startsWith(',')) break;
      rest = rest.slice(1).trimStart();
      // A comma followed by a new scheme (a token not followed by `=`) starts the next challenge.
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/.test(rest)) break;
    }
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
  }
  return result;
}

/** `Basic base64(user:password)` (RFC 7617). */
export function basicAuthorization(credentials: HttpCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** The user and password of a Basic `Authorization`, or undefined when it is none. */
export function readBasic(header: string | undefined): HttpCredentials | undefined {
  if (header === undefined) return undefined;
  const [parsed] = parseAuthHeader(header);
  if (parsed?.scheme !== 'basic' || parsed.token === undefined) return undefined;
  const text = Buffer.from(parsed.token, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The inputs of one Digest response computation (RFC 7616 §3.4.1). */
export interface DigestInput {
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  /** `auth`, or undefined for the RFC 2069 form without qop. */
  qop?: 'auth';
  cnonce?: string;
  /** Eight hex digits, e.g. `00000001`. */
  nc?: string;
}

function hashOf(algorithm: DigestAlgorithm): 'md5' | 'sha256' {
  return DIGEST_ALGORITHMS[algorithm.toLowerCase() as keyof typeof DIGEST_ALGORITHMS];
}

function hex(hash: 'md5' | 'sha256', text: string): string {
  return createHash(hash).update(text, 'utf8').digest('hex');
}

/** The Digest `response` value (RFC 7616 §3.4.1, RFC 2617 §3.2.2.1). */
export function digestResponse(input: DigestInput): string {
  const hash = hashOf(input.algorithm);
  let ha1 = hex(hash, `${input.username}:${input.realm}:${input.password}`);
  if (input.algorithm.toLowerCase().endsWith('-sess')) ha1 = hex(hash, `${ha1}:${input.nonce}:${input.cnonce ?? ''}`);
  const ha2 = hex(hash, `${input.method}:${input.uri}`);
  return input.qop === undefined
    ? hex(hash, `${ha1}:${input.nonce}:${ha2}`)
    : hex(hash, `${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
}

/** The algorithm a Digest challenge names, if dmct can compute it (default MD5, RFC 7616 §3.3). */
export function digestAlgorithmOf(params: Record<string, string>): DigestAlgorithm | undefined {
  const named = (params['algorithm'] ?? 'MD5').toLowerCase();
  const known: Record<string, DigestAlgorithm> = {
    md5: 'MD5',
    'md5-sess': 'MD5-sess',
    'sha-256': 'SHA-256',
    'sha-256-sess': 'SHA-256-sess',
  };
  return known[named];
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The `Authorization` answering a Digest challenge for one request, or a reason it cannot be
 * answered (no nonce or realm, an unknown algorithm, a qop other than `auth`).
 */
export function digestAuthorization(
  challenge: AuthParams,
  credentials: HttpCredentials,
  request: { method: string; uri: string; nc: number; cnonce?: string },
): { ok: true; header: string } | { ok: false; reason: string } {
  const { realm, nonce, opaque } = challenge.params;
  if (realm === undefined || nonce === undefined) return { ok: false, reason: 'the Digest challenge lacks realm or nonce' };
  const algorithm = digestAlgorithmOf(challenge.params);
  if (algorithm === undefined)
    return { ok: false, reason: `the Digest challenge names an unknown algorithm ${JSON.stringify(challenge.params['algorithm'])}` };
  const offered = challenge.params['qop']?.split(',').map((q) => q.trim().toLowerCase());
  if (offered !== undefined && !offered.includes('auth'))
    return { ok: false, reason: `the Digest challenge offers qop ${JSON.stringify(challenge.params['qop'])}, not auth` };
  const qop = offered === undefined ? undefined : ('auth' as const);
  const cnonce = request.cnonce ?? randomBytes(12).toString('base64url');
  const nc = request.nc.toString(16).padStart(8, '0');
  const response = digestResponse({
    algorithm,
    ...credentials,
    realm,
    method: request.method,
    uri: request.uri,
    nonce,
    ...(qop === undefined ? {} : { qop, cnonce, nc }),
  });
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(realm)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=${algorithm}`,
    `nonce=${quote(nonce)}`,
    ...(qop === undefined ? [] : [`nc=${nc}`, `cnonce=${quote(cnonce)}`, `qop=${qop}`]),
    `response=${quote(response)}`,
    ...(opaque === undefined ? [] : [`opaque=${quote(opaque)}`]),
  ];
  return { ok: true, header: `Digest ${parts.join(', ')}` };
}

/** A fresh Digest challenge for `realm` (qop auth, SHA-256 or MD5) and the nonce it carries. */
export function digestChallenge(realm: string, algorithm: DigestAlgorithm = 'SHA-256'): { header: string; nonce: string } {
  const nonce = randomBytes(18).toString('base64url');
  const opaque = randomBytes(9).toString('base64url');
  return {
    header: `Digest realm=${quote(realm)}, qop="auth", algorithm=${algorithm}, nonce=${quote(nonce)}, opaque=${quote(opaque)}`,
    nonce,
  };
}

/**
 * Whether a Digest `Authorization` proves `credentials` for this request: the user matches, the
 * nonce is one the server issued, and the response is the one computed with the password.
 */
export function digestVerifies(
  header: string | undefined,
  credentials: HttpCredentials,
  request: { method: string; realm: string; issued: (nonce: string) => boolean },
): boolean {
  if (header === undefined) return false;
  const [parsed] = parseAuthHeader(header);
  if (parsed?.scheme !== 'digest') return false;
  const { username, nonce, uri, response, qop, cnonce, nc, realm } = parsed.params;
  const algorithm = digestAlgorithmOf(parsed.params);
  if (
    username !== credentials.username ||
    realm !== request.realm ||
    nonce === undefined ||
    uri === undefined ||
    response === undefined ||
    algorithm === undefined
  )
    return false;
  if (!request.issued(nonce)) return false;
  if (qop !== undefined && qop !== 'auth') return false;
  const expected = digestResponse({
    algorithm,
    ...credentials,
    realm,
    method: request.method,
    uri,
    nonce,
    ...(qop === undefined ? {} : { qop, cnonce: cnonce ?? '', nc: nc ?? '' }),
  });
  const a = Buffer.from(expected);
  const b = Buffer.from(response.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a Basic `Authorization` carries exactly `credentials` (compared in constant time). */
export function basicVerifies(header: string | undefined, credentials: HttpCredentials): boolean {
  const given = readBasic(header);
  if (given === undefined) return false;
  const a = Buffer.from(`${given.username}\u0000${given.password}`);
  const b = Buffer.from(`${credentials.username}\u0000${credentials.password}`);
  return a.length === b.length && timingSafeEqual(a, b);
}
