import type { IncomingHttpHeaders } from 'node:http';
import type { AdminRefusal } from '../../transport/admin-guard.js';
import { basicVerifies, digestChallenge, digestVerifies, readBasic, type HttpCredentials } from '../../transport/http-auth.js';
import type { FaultSet } from '../faults/index.js';
import type { ServerFaultName } from '../faults/index.js';

/** The device credentials the reference server demands on its DM endpoint (§9.2.1). */
export interface ReferenceHttpAuth extends HttpCredentials {
  /** Realm of its challenges (default `dmct-reference-server`). */
  realm?: string;
}

/** Nonces remembered; older ones are forgotten (a Digest answer to them is challenged anew). */
const MAX_NONCES = 256;

/**
 * The reference server's HTTP authentication of the DM endpoint (§9.2.1: Basic and Digest): a
 * request to `/dm…` without valid credentials is answered 401 with a Digest and a Basic challenge.
 * Other paths (repository, web pages) are left open.
 */
export function httpAuthGate(
  auth: ReferenceHttpAuth,
  faults: FaultSet<ServerFaultName>,
): (method: string, headers: IncomingHttpHeaders, port: number, path: string) => AdminRefusal | undefined {
  const realm = auth.realm ?? 'dmct-reference-server';
  const issued: string[] = [];
  const basicOk = (header: string | undefined) =>
    faults.has('auth-accepts-wrong-basic') ? readBasic(header)?.username === auth.username : basicVerifies(header, auth);
  const digestOk = (method: string, header: string | undefined) =>
    digestVerifies(header, auth, { method, realm, issued: (nonce) => issued.includes(nonce) }) ||
    (faults.has('auth-accepts-wrong-digest') &&
      header !== undefined &&
      /^digest\s/i.test(header) &&
      issued.some((nonce) => header.includes(nonce)));
  return (method, headers, _port, path) => {
    if (!/^\/dm(\/|\?|$)/.test(path)) return undefined;
    const header = headers.authorization;
    if (basicOk(header) || digestOk(method, header)) return undefined;
    const challenge = digestChallenge(realm);
    issued.push(challenge.nonce);
    if (issued.length > MAX_NONCES) issued.shift();
    return {
      status: 401,
      reason: header === undefined ? 'authentication required' : 'the credentials are not valid',
      headers: { 'www-authenticate': `${challenge.header}, Basic realm="${realm}"` },
    };
  };
}
