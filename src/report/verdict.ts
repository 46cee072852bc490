/**
 * The one place where dmct decides verdicts. Reporters and writers only
 * render what these pure functions return.
 */
import { INCONCLUSIVE_ANNOTATION, NOT_APPLICABLE_ANNOTATION } from './contract.js';
import { failureMessage, oneLine } from './failure-message.js';
import type { Overall, ScenarioVerdict, Verdict } from './schemas/report.schema.js';
import { reportSchema } from './schemas/report.schema.js';
import type { Applicability, StaticFinding } from './schemas/run-plan.schema.js';
import type { ScenarioResult } from './schemas/scenario-results.schema.js';

export type { ScenarioVerdict, Verdict };

/**
 * The verdict lattice, best to worst (TTCN-3 style: a verdict only ever gets worse). The order
 * lives in the report schema's `Verdict` enum, so the schema, the `Verdict` union and this
 * constant cannot drift apart. `not-applicable` and `untested` are item verdicts; a scenario can
 * be `not-applicable` too, but never `untested`.
 */
export const VERDICTS: readonly Verdict[] = reportSchema.$defs.Verdict.enum;

/** A verdict with the one-line reason for it (every verdict but `pass` has a reason). */
export interface Judgement<V extends Verdict = Verdict> {
  verdict: V;
  reason?: string;
  /** The failure lines of the SHOULD departures seen (verdict policy `should-departure`). */
  nonStrict?: string[];
}

/** How the run judges: `strict` makes every non-strict finding a fail. */
export interface VerdictOptions {
  strict?: boolean;
}

/** The reason of a scenario that passed without evaluating a single check that could have failed. */
export const NOTHING_CHECKED = 'nothing was checked: the scenario evaluated no check that could have failed';

/** Position of a verdict in the lattice: higher is worse. */
export function verdictRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}

/** The worse of two verdicts (the lattice's join). */
export function worstVerdict<V extends Verdict>(a: V, b: V): V {
  return verdictRank(a) >= verdictRank(b) ? a : b;
}

/** The worst of several verdicts, or undefined for none. */
export function worstOf<V extends Verdict>(verdicts: readonly V[]): V | undefined {
  return verdicts.reduce<V | undefined>((worst, v) => (worst === undefined ? v : worstVerdict(worst, v)), undefined);
}

/** What scenarioVerdict reads of a scenario result. */
export type ScenarioOutcome = Pick<ScenarioResult, 'status' | 'annotations' | 'evidence' | 'evidenceProblem' | 'errors'>;

function annotation(outcome: ScenarioOutcome, type: string): { description?: string } | undefined {
  return outcome.annotations.find((a) => a.type === type);
}

function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? undefined : oneLine(line.trim(), 200);
}

/**
 * Decides one scenario's verdict from its Playwright result, per the verdict policy
 * (verdict-policy.ts) and the contract in contract.ts:
 * - `interrupted` → inconclusive "run interrupted";
 * - an unreadable `dmct-evidence` attachment → error (dmct broke; the target is not blamed);
 * - skipped with `dmct-inconclusive` → inconclusive (its reason); with `dmct-not-applicable` →
 *   not-applicable (its reason); any other skip → error "skipped without a reason";
 * - a `fail` finding → fail; else an `inconclusive` finding → inconclusive (each with the
 *   finding's failure line); this holds for failed, timed-out and passed tests alike, since a
 *   recorded finding is never dropped; under `strict`, a `non-strict` finding counts as a fail;
 * - passed with no finding: pass when at least one check that could have failed was evaluated,
 *   else inconclusive "nothing was checked"; non-strict findings ride along with a pass;
 * - failed or timed out with no finding → error.
 */
export function scenarioVerdict(outcome: ScenarioOutcome, options: VerdictOptions = {}): Judgement<ScenarioVerdict> {
  const judged = judgeScenario(outcome, options);
  const nonStrict = (outcome.evidence?.findings ?? []).filter((f) => f.verdict === 'non-strict').map(failureMessage);
  return nonStrict.length > 0 && judged.verdict !== 'not-applicable' ? { ...judged, nonStrict } : judged;
}

function judgeScenario(outcome: ScenarioOutcome, options: VerdictOptions): Judgement<ScenarioVerdict> {
  if (outcome.status === 'interrupted') return { verdict: 'inconclusive', reason: 'run interrupted' };
  if (outcome.evidenceProblem !== undefined) {
    return { verdict: 'error', reason: `dmct-evidence attachment unusable: ${oneLine(outcome.evidenceProblem, 200)}` };
  }
  const findings = outcome.evidence?.findings ?? [];
  const fail = findings.find((f) => f.verdict === 'fail' || (options.strict === true && f.verdict === 'non-strict'));
  const inconclusive = findings.find((f) => f.verdict === 'inconclusive');
  if (outcome.status === 'skipped') {
    if (fail) return { verdict: 'fail', reason: failureMessage(fail) };
    const marked = annotation(outcome, INCONCLUSIVE_ANNOTATION);
    if (marked)
      return {
        verdict: 'inconclusive',
        reason: firstLine(marked.description) ?? (inconclusive ? failureMessage(inconclusive) : 'no reason given'),
      };
    const notApplicable = annotation(outcome, NOT_APPLICABLE_ANNOTATION);
    if (notApplicable) return { verdict: 'not-applicable', reason: firstLine(notApplicable.description) ?? 'no reason given' };
    return { verdict: 'error', reason: 'skipped without a reason' };
  }
  if (fail) return { verdict: 'fail', reason: failureMessage(fail) };
  if (inconclusive) return { verdict: 'inconclusive', reason: failureMessage(inconclusive) };
  if (outcome.status === 'passed') {
    return (outcome.evidence?.checks ?? 0) > 0 ? { verdict: 'pass' } : { verdict: 'inconclusive', reason: NOTHING_CHECKED };
  }
  const marked = annotation(outcome, INCONCLUSIVE_ANNOTATION);
  if (marked) return { verdict: 'inconclusive', reason: firstLine(marked.description) ?? 'no reason given' };
  const error = firstLine(outcome.errors[0]);
  if (outcome.status === 'timedOut') return { verdict: 'error', reason: `timed out with no finding${error ? `: ${error}` : ''}` };
  return { verdict: 'error', reason: error ?? 'failed with no error message' };
}

function countPhrase(count: number, total: number, what: string): string {
  return count === 1 && total === 1 ? what : `${count} of ${total} ${what}`;
}

/**
 * Decides an SCR item's verdict: not applicable under the claims → `not-applicable`; otherwise
 * the worst of its scenarios' verdicts and its static findings (each a `fail`), where scenarios
 * that declared themselves not applicable give no evidence; nothing left → `untested`. A static
 * finding (a non-conformance of the claims themselves, e.g. a claimed item whose precondition is
 * false) makes even a not-applicable item `fail`: it is a fail of its item by definition.
 */
export function itemVerdict(
  scenarios: readonly Judgement<ScenarioVerdict>[],
  applicability: Applicability,
  staticFindings: readonly StaticFinding[] = [],
): Judgement {
  const firstStatic = staticFindings[0];
  if (applicability.kind === 'not-applicable') {
    if (firstStatic !== undefined) return { verdict: 'fail', reason: `claims: ${oneLine(firstStatic.message, 200)}` };
    return { verdict: 'not-applicable', reason: oneLine(applicability.why, 200) };
  }
  const evidence = scenarios.filter((s) => s.verdict !== 'not-applicable');
  if (evidence.length === 0 && firstStatic === undefined) {
    return {
      verdict: 'untested',
      reason:
        scenarios.length === 0
          ? (applicability.untestedWhy ?? 'no scenario covers this item')
          : 'every scenario declared itself not applicable',
    };
  }
  const worst = worstOf(evidence.map((s) => s.verdict)) ?? 'pass';
  if (firstStatic !== undefined && verdictRank('fail') >= verdictRank(worst)) {
    return { verdict: 'fail', reason: `claims: ${oneLine(firstStatic.message, 200)}` };
  }
  const nonStrict = [...new Set(evidence.flatMap((s) => s.nonStrict ?? []))];
  const withNonStrict = (judgement: Judgement): Judgement => (nonStrict.length > 0 ? { ...judgement, nonStrict } : judgement);
  if (worst === 'pass') return withNonStrict({ verdict: 'pass' });
  const matching = evidence.filter((s) => s.verdict === worst);
  const scenarioWord: Record<ScenarioVerdict, string> = {
    'not-applicable': 'scenarios not applicable',
    pass: 'scenarios passed',
    inconclusive: 'scenarios inconclusive',
    fail: 'scenarios failed',
    error: 'scenarios errored',
  };
  const reason = matching[0]?.reason ?? worst;
  return withNonStrict({
    verdict: worst,
    reason:
      matching.length === 1 && evidence.length === 1
        ? reason
        : `${countPhrase(matching.length, evidence.length, scenarioWord[worst])}; first: ${reason}`,
  });
}

/**
 * The run's overall verdict and exit code: conformant (0) only when every applicable item
 * passed; non-conformant (1) when some applicable item failed, whatever else happened;
 * incomplete (3) when nothing failed but an item is inconclusive, errored or untested — or when
 * no item at all was applicable, since nothing was then shown.
 */
export function overallVerdict(items: readonly { verdict: Verdict }[]): Overall {
  const applicable = items.filter((i) => i.verdict !== 'not-applicable');
  const count = (v: Verdict) => applicable.filter((i) => i.verdict === v).length;
  const plural = (n: number, word: string) => `${n} applicable item${n === 1 ? '' : 's'} ${word}`;
  if (count('fail') > 0) return { verdict: 'non-conformant', exitCode: 1, reason: plural(count('fail'), 'failed') };
  if (applicable.length === 0) return { verdict: 'incomplete', exitCode: 3, reason: 'no applicable item' };
  const open = (['error', 'inconclusive', 'untested'] as const).filter((v) => count(v) > 0);
  if (open.length > 0) {
    return { verdict: 'incomplete', exitCode: 3, reason: `no failure, but ${open.map((v) => `${count(v)} ${v}`).join(', ')}` };
  }
  return { verdict: 'conformant', exitCode: 0, reason: plural(applicable.length, 'passed') };
}
