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

/** Violations of one rule kept before the rest are summarised (one message can break a rule per entry). */
export const MAX_VIOLATIONS_PER_RULE = 20;

/** The text of the entry that stands for `count` further violations of the same rule. */
export function moreOfTheSame(count: number): string {
  return `… and ${count} more of the same`;
}

/**
 * The violations with each rule's repeats summarised (a hostile message can break one rule once
 * per entry, 100k times): the first `maxPerRule` of each rule and severity are kept in order, then
 * one entry per summarised rule saying how many more there were. Linear; the input is not changed.
 */
export function summariseViolations(violations: readonly Violation[], maxPerRule: number = MAX_VIOLATIONS_PER_RULE): Violation[] {
  const seen = new Map<string, { first: Violation; count: number }>();
  const kept: Violation[] = [];
  for (const violation of violations) {
    const key = `${violation.severity}\u0000${violation.rule}`;
    const group = seen.get(key) ?? { first: violation, count: 0 };
    group.count += 1;
    seen.set(key, group);
    if (group.count <= maxPerRule) kept.push(violation);
  }
  if (kept.length === violations.length) return kept;
  for (const { first, count } of seen.values()) {
    if (count > maxPerRule)
      kept.push({ rule: first.rule, section: first.section, severity: first.severity, message: moreOfTheSame(count - maxPerRule) });
  }
  return kept;
}
