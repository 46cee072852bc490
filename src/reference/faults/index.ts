import { clientFaults } from './client-faults.js';
import { clientAddressingFaults } from './client-faults-addressing.js';
import { moClientFaults } from './client-faults-mo.js';
import { securityClientFaults } from './client-faults-security.js';
import { serverFaults, type ServerFaultName as SeedServerFaultName } from './server-faults.js';
import { serverFaults2016, type ServerFaultName2016 } from './server-faults-2016.js';
import type { Fault, FaultRole, FaultSet } from './types.js';

export type { Fault, FaultRole, FaultSet } from './types.js';
export { serverFaults } from './server-faults.js';
export { serverFaults2016 } from './server-faults-2016.js';

/** Names of the reference server's fault switches. */
export type ServerFaultName = SeedServerFaultName | ServerFaultName2016;
export { clientFaults } from './client-faults.js';

/** Every fault switch of both reference peers: the mutant matrix reads this list. */
export const allFaults: readonly Fault[] = [
  ...serverFaults,
  ...serverFaults2016,
  ...clientFaults,
  ...clientAddressingFaults,
  ...moClientFaults,
  ...securityClientFaults,
];

/** The fault switches of one peer, in registry order. */
export function faultsOfRole(role: FaultRole): Fault[] {
  return allFaults.filter((fault) => fault.role === role);
}

/** A fault switch by name, or undefined. */
export function findFault(name: string): Fault | undefined {
  return allFaults.find((fault) => fault.name === name);
}

/** Some requested switch names are not switches of the peer. */
export class UnknownFaultError extends Error {
  override readonly name = 'UnknownFaultError';
  constructor(
    readonly unknown: readonly string[],
    readonly role: FaultRole,
  ) {
    const known = faultsOfRole(role).map((fault) => fault.name);
    super(
      `unknown ${role} fault${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; ` + `known: ${known.join(', ')}`,
    );
  }
}

/** A set with no switch on: the conformant peer. */
export const NO_FAULTS: FaultSet<never> = { has: () => false, names: [] };

/**
 * Turns on the named switches of one peer. Throws UnknownFaultError naming every name that is not
 * a switch of that role (a client switch given to the server counts as unknown).
 */
export function selectFaults<Name extends string>(names: readonly string[], role: FaultRole): FaultSet<Name> {
  const known = new Set(faultsOfRole(role).map((fault) => fault.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new UnknownFaultError(unknown, role);
  const on = [...new Set(names)] as Name[];
  const lookup = new Set<string>(on);
  return { has: (name) => lookup.has(name), names: on };
}
