/**
 * The peers of an interop matrix: each client and server claims file read, checked for what the
 * matrix needs of it (a server's DM endpoint `server.url`; a client's `client.sessionWith`
 * trigger, or a notification address a server's Package#0 can be relayed to), and named for its
 * row or column and its pairs' folders.
 */
import { basename, dirname, resolve } from 'node:path';
import { ClaimsError, loadRoleClaims, type Claims } from '../../scr/index.js';
import { displayPath } from '../../scr/errors.js';
import type { MatrixPeer } from './schemas/matrix.schema.js';
import { relayFor } from './server-initiated.js';

/** A claims file the matrix cannot use; the CLI prints it as one line and exits 2. */
export class MatrixInputError extends Error {
  override readonly name = 'MatrixInputError';
}

/** Most peers of one role: the matrix is bounded, and a row or a column is read by a person. */
export const MAX_PEERS_PER_ROLE = 100;

/** A matrix peer with its claims, and the folder its module or shell triggers run in. */
export interface ClaimedPeer extends MatrixPeer {
  claims: Claims;
  baseDir: string;
}

/** The name of a claims file in the matrix: its file name without `.json`, in the characters a folder name may safely hold. */
export function peerName(file: string): string {
  const stem = basename(file).replace(/\.json$/i, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return name === '' ? 'peer' : name;
}

/** `name`, or `name-2`, `name-3`… when taken: two files of the same name in different folders stay two peers. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted.slice(0, 60)}-${n}`;
  taken.add(name);
  return name;
}

function readPeer(file: string, role: MatrixPeer['role']): { claims: Claims; sha256: string } {
  let peer: { claims: Claims; sha256: string };
  try {
    peer = loadRoleClaims(file, role, `a ${role} of the matrix`);
  } catch (err) {
    if (err instanceof ClaimsError) throw new MatrixInputError(err.problems[0] ?? err.message);
    throw err;
  }
  const { claims } = peer;
  if (role === 'server' && claims.server?.url === undefined)
    throw new MatrixInputError(`${file}: the server claims name no server.url, the DM endpoint the monitor forwards to`);
  if (role === 'client' && claims.client?.sessionWith === undefined && relayFor({ claims }) === undefined)
    throw new MatrixInputError(
      `${file}: the client claims have neither a client.sessionWith trigger nor a udp or http client.notification, so no session can be started`,
    );
  return peer;
}

/** Reads the claims files of one role of the matrix, in the order given; throws MatrixInputError. */
export function loadPeers(files: readonly string[], role: MatrixPeer['role']): ClaimedPeer[] {
  if (files.length === 0) throw new MatrixInputError(`no ${role} claims given`);
  if (files.length > MAX_PEERS_PER_ROLE) throw new MatrixInputError(`${files.length} ${role}s: at most ${MAX_PEERS_PER_ROLE}`);
  const taken = new Set<string>();
  return files.map((file) => {
    const { claims, sha256 } = readPeer(file, role);
    const { name, version } = claims.implementation;
    return {
      name: uniqueName(peerName(file), taken),
      role,
      file: displayPath(file),
      sha256,
      implementation: `${name} ${version}`.slice(0, 300),
      claims,
      baseDir: dirname(resolve(file)),
    };
  });
}
