import type { Fault } from './schemas/fault.schema.js';

export type { Fault } from './schemas/fault.schema.js';

/** Which reference peer a fault switch belongs to. */
export type FaultRole = Fault['role'];

/**
 * The switches a running reference peer has turned on. The peer asks `has(name)` at exactly the
 * place where the switch breaks its one rule, and nowhere else.
 */
export interface FaultSet<Name extends string = string> {
  has(name: Name): boolean;
  /** The names turned on, in the order given. */
  readonly names: readonly Name[];
}
