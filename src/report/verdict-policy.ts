/**
 * The verdict policy: every kind of outcome a scenario can observe, the verdict it gives and the
 * item it is charged to. Written once, here; fixtures/verify.ts records findings by these kinds,
 * verdict.ts decides from them, and the README's policy table is generated from this constant
 * (scripts/interpretations-doc.ts), so the three cannot drift apart.
 */
import type { Finding } from './schemas/evidence.schema.js';

/** The finding verdicts, from evidence.schema.json. */
export type FindingVerdict = Finding['verdict'];

/** One row of the policy. */
export interface PolicyRow {
  /** The verdict a finding of this kind gives its scenario (`non-strict` is a pass unless `--strict`). */
  verdict: FindingVerdict;
  /** Which item the finding is charged to. */
  chargedTo: string;
  /** When this kind applies, in plain words (the README table's first column). */
  when: string;
}

/**
 * Outcome kinds, in the order the README lists them. A scenario's checks and waits record a
 * finding of one of these kinds (its `outcome`); nothing else turns target behaviour into a verdict.
 */
export const VERDICT_POLICY = {
  'must-broken': {
    verdict: 'fail',
    chargedTo: 'the item whose MUST the observation breaks',
    when: 'the target sent something a MUST (or MUST NOT) of the text forbids',
  },
  'over-limit': {
    verdict: 'fail',
    chargedTo: 'the item of the exchange that went over the limit',
    when: 'the target sent more than a named IXIT limit allows (body size, nesting depth, command count)',
  },
  'silent-after-stimulus': {
    verdict: 'fail',
    chargedTo: 'the item whose rule mandates the answer',
    when: 'dmct delivered a complete, valid message the target must answer, and no answer came within the claimed time-out',
  },
  'closed-after-stimulus': {
    verdict: 'fail',
    chargedTo: 'the item whose rule mandates the answer',
    when: 'dmct delivered a complete, valid message the target must answer, and the target closed or reset the connection instead',
  },
  'should-departure': {
    verdict: 'non-strict',
    chargedTo: 'the item whose SHOULD (or RECOMMENDED) the observation departs from; a fail only with --strict',
    when: 'the target did something the text allows but does not recommend',
  },
  'stimulus-not-delivered': {
    verdict: 'inconclusive',
    chargedTo: "the scenario's item, with the cause named",
    when: 'dmct could not deliver its stimulus: the connection was refused before anything was sent, a trigger failed before anything was observed, a notification could not be sent, an operator did not act',
  },
  'precondition-not-met': {
    verdict: 'inconclusive',
    chargedTo: "the scenario's item, naming the precondition and what was observed",
    when: 'a state the rule presupposes did not hold (a node value, an MO instance absent, an IXIT value not configured)',
  },
  'depends-on-failed': {
    verdict: 'inconclusive',
    chargedTo: "the scenario's item, naming the failed item it depends on",
    when: 'the scenario could not reach its own check because an earlier, mandatory step failed (that step is failed under its own item)',
  },
  'nothing-checked': {
    verdict: 'inconclusive',
    chargedTo: "the scenario's item",
    when: 'the scenario ended without evaluating a single check that could have failed',
  },
} as const satisfies Record<string, PolicyRow>;

/** The kind of an outcome, a key of {@link VERDICT_POLICY}. */
export type OutcomeKind = keyof typeof VERDICT_POLICY;

/** The verdict a finding of this kind gives. */
export function policyVerdict(kind: OutcomeKind): FindingVerdict {
  return VERDICT_POLICY[kind].verdict;
}

/** The outcome kinds whose findings give `verdict`. */
export function kindsGiving(verdict: FindingVerdict): OutcomeKind[] {
  return (Object.keys(VERDICT_POLICY) as OutcomeKind[]).filter((kind) => VERDICT_POLICY[kind].verdict === verdict);
}

/**
 * Outcomes decided outside the findings (by the run, the Playwright result or the claims), listed
 * beside the table so the README shows the whole policy; verdict.ts implements them.
 */
export const RUN_POLICY: readonly { when: string; verdict: string; chargedTo: string }[] = [
  { when: 'every check of a scenario held', verdict: 'pass (with its non-strict findings listed)', chargedTo: "the scenario's item" },
  { when: 'the item is not required under the claims', verdict: 'not-applicable', chargedTo: 'the item' },
  { when: 'the claims themselves break the table (a claimed item whose requirement is false)', verdict: 'fail', chargedTo: 'the item' },
  {
    when: 'dmct itself broke (an exception, unreadable evidence, a scenario skipped without a reason)',
    verdict: 'error',
    chargedTo: "the scenario's item; the target is never blamed",
  },
  { when: 'the run was interrupted or the scenario ran in another shard', verdict: 'inconclusive', chargedTo: "the scenario's item" },
  { when: 'no scenario covers an applicable item', verdict: 'untested', chargedTo: 'the item' },
];
