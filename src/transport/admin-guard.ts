import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Why an admin request is refused before any handler sees it. */
export interface AdminRefusal {
  status: number;
  reason: string;
  /** Headers of the refusal, e.g. the `WWW-Authenticate` challenge of a 401. */
  headers?: Readonly<Record<string, string>>;
}

/** Environment variable the `dmct sim` admin clients read the token from when no flag gives it. */
export const ADMIN_TOKEN_ENV = 'DMCT_ADMIN_TOKEN';

/**
 * A fresh random admin token (192 bits, hex). Hex, not base64url: a token that began with `-`
 * would be read as a flag by any command line it is pasted into (`--admin-token -x…`).
 */
export function newAdminToken(): string {
  return randomBytes(24).toString('hex');
}

/** The header an admin caller sends: `Authorization: Bearer <token>`. */
export function adminAuthorization(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host part of a Host header (`name`, `a.b.c.d` or `[v6]`) and its port, or undefined. */
function splitHost(host: string): { name: string; port: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  if (match === null) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), port: match[2] ?? '80' };
}

/** 127.0.0.0/8 in dotted form, `localhost`, or [::1]: a name a DNS rebinding attack cannot reuse. */
function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(method: string, headers: IncomingHttpHeaders): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  const length = Number(headers['content-length'] ?? '0');
  return headers['transfer-encoding'] !== undefined || (Number.isFinite(length) && length > 0);
}

/**
 * Admits a request to a control (admin) API only when it cannot come from a browser page or a
 * stranger: the Host header names a loopback address at the port served (a DNS-rebound name is
 * refused), an Origin header, when present, is that same origin (a cross-site form or no-cors
 * fetch is refused), `Authorization: Bearer <token>` carries the peer's token, and a body is
 * declared JSON (a content type no simple cross-site request can send).
 */
export function checkAdminRequest(method: string, headers: IncomingHttpHeaders, port: number, token: string): AdminRefusal | undefined {
  const host = splitHost(headers.host ?? '');
  if (host === undefined || !isLoopbackName(host.name) || host.port !== String(port)) {
    return { status: 421, reason: `Host ${JSON.stringify(headers.host ?? '')} is not this loopback endpoint (127.0.0.1:${port})` };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.name}:${host.port}`) {
    return { status: 403, reason: `cross-origin request from ${JSON.stringify(origin)} refused` };
  }
  const authorization = headers.authorization ?? '';
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (given === undefined || !sameToken(given, token)) {
    return { status: 401, reason: 'missing or wrong admin token (send Authorization: Bearer <the token the peer printed>)' };
  }
  if (hasBody(method, headers) && !JSON_TYPE.test(headers['content-type'] ?? '')) {
    return { status: 415, reason: 'a request body must be declared application/json' };
  }
  return undefined;
}
