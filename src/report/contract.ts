/**
 * The contract between a scenario running in a Playwright worker and dmct's reporter. Scenarios
 * (through fixtures/) speak it; src/report/playwright-reporter.ts reads it; nothing else does.
 *
 * - Tags: every scenario carries the rule key(s) it proves, `@5.3.1/hget` (src/scr/rule-key.ts);
 *   it is evidence for the items that the run's edition maps to those rules (scr/<edition>/rules.json).
 * - Annotation `requirement`: the normative sentence the scenario checks, with its section.
 * - Attachment `dmct-evidence` (application/json, schema `evidence.schema.json`): every message
 *   exchanged with the target, and every finding (fail or inconclusive) with rule, expected, actual.
 * - A scenario that cannot conclude records an `inconclusive` finding, adds the annotation
 *   `dmct-inconclusive` with the reason, and skips itself (`test.skip(true, reason)`).
 * - A scenario that is not applicable under the claims adds `dmct-not-applicable` and skips.
 * - A failed check records a `fail` finding and throws (the test fails).
 * - Anything else that fails the test is an `error` of dmct or of the set-up, never of the target.
 */
export const EVIDENCE_ATTACHMENT = 'dmct-evidence';
export const REQUIREMENT_ANNOTATION = 'requirement';
export const INCONCLUSIVE_ANNOTATION = 'dmct-inconclusive';
export const NOT_APPLICABLE_ANNOTATION = 'dmct-not-applicable';

/**
 * A mutant-matrix run registers each suite once per fault set of the embedded peer, under a group
 * (describe) whose title starts with this (fixtures/mutant-groups.ts); the group is no part of
 * the scenario's id or title.
 */
export const FAULT_GROUP_TITLE_PREFIX = 'dmct-faults: ';

/** A scenario's titles (its describe blocks, then its own) without a mutant-matrix fault-set group. */
export function scenarioTitles(titles: readonly string[]): string[] {
  return titles[0]?.startsWith(FAULT_GROUP_TITLE_PREFIX) === true ? titles.slice(1) : [...titles];
}

/**
 * The role a scenario file tests when its Playwright project names none: the folder it lies in,
 * `server-target/` or `client-target/` (suites/), returned with the path up to and including that
 * folder. One project may hold both folders, so that one generation of workers runs both roles'
 * scenarios. Undefined for a file in neither.
 */
export function roleFolderOf(file: string): { role: 'server' | 'client'; folder: string } | undefined {
  const match = /^(?:.*?[\\/])?(server|client)-target[\\/]/.exec(file);
  return match?.[1] === 'server' || match?.[1] === 'client' ? { role: match[1], folder: match[0] } : undefined;
}

/** The role of a scenario file by its folder ({@link roleFolderOf}). */
export function roleOfSuiteFile(file: string): 'server' | 'client' | undefined {
  return roleFolderOf(file)?.role;
}

export { rulesOfTags } from '../scr/rule-key.js';
