/**
 * A rule of the DM 2.0 text that a message broke. Every decoder and validator of the protocol
 * layer reports problems in this shape; nothing in src/protocol throws on bad input.
 */
export interface Violation {
  /** Stable rule id, kebab-case, e.g. `notification-ver`, `package2-param-count`. */
  rule: string;
  /** Spec section of the approved text, e.g. `7.1.1`, `5.2.4`. */
  section: string;
  /** `error`: the text forbids it; `warning`: a SHOULD or an erratum form; `info`: noted only. */
  severity: 'error' | 'warning' | 'info';
  /** What is wrong, in plain words, with the offending value. */
  message: string;
  /** Byte offset into a binary message (Package#0, datagram), when the rule is about bytes. */
  offset?: number;
  /** JSON Pointer into a JSON message, when the rule is about JSON. */
  pointer?: string;
}

/** True when any violation is an error (warnings and infos do not make a message invalid). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
