import { cacheValidatorMatches } from '../../protocol/tree/cache-validator.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { allows } from '../../protocol/tree/node.js';
import { hasMoFault } from '../faults/client-faults-mo.js';
import { ACCESS_RIGHT, holdsRight } from './dacmo.js';
import type { ClientServices, SessionContext } from './services.js';

/**
 * True when the session's server may read the located node (section 6.3.1.1: Read needs Get among
 * the node's access types; section 10: and the Read right the DACMO gives the server there).
 */
export function mayRead(location: NodeLocation, services: ClientServices, session: SessionContext): boolean {
  const typeAllows = allows(location.node, 'Get') || hasMoFault(services.faults, 'read-without-get-access');
  return typeAllows && holdsReadRight(location.path, location, services, session);
}

function holdsReadRight(path: readonly string[], location: NodeLocation, services: ClientServices, session: SessionContext): boolean {
  if (hasMoFault(services.faults, 'dacmo-not-enforced')) return true;
  return holdsRight(services.tree, session.account.serverId, { ...location, path: [...path] }, ACCESS_RIGHT.read);
}

/** The serializer's filter of the nodes below `location` the server may read (section 10). */
export function readableBelow(
  location: NodeLocation,
  services: ClientServices,
  session: SessionContext,
): (path: readonly string[]) => boolean {
  return (path) => holdsReadRight(path, location, services, session);
}

/** True when the server's `cv` still names the instance's content (section 11.2: answer 304). */
export function cacheStillValid(location: NodeLocation, cv: string | undefined, services: ClientServices): boolean {
  if (cv !== undefined && hasMoFault(services.faults, 'cv-always-matches')) return true;
  return cacheValidatorMatches(location, cv);
}
