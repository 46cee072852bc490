import type { Violation } from './schemas/violation.schema.js';

/**
 * A rule of the DM 2.0 text that a message broke (schemas/violation.schema.json). Every decoder
 * and validator of the protocol layer reports problems in this shape; nothing in src/protocol
 * throws on bad input.
 */
export type { Violation };

/** True when any violation is an error (warnings and infos do not make a message invalid). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
