/**
 * The mutant matrices of both roles: one Playwright invocation of
 * playwright.mutants.config.ts runs each role's suite against its clean reference peer and against
 * the peer with each fault switch on (a few workers, each walking through many fault sets); the
 * results are grouped by role and `dmct-faults` annotation and judged with the report's own
 * scenarioVerdict.
 * Used by matrix.test.ts (server-matrix.ts, client-matrix.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULTS_ANNOTATION } from '../../../fixtures/base.js';
import { CRASH_MARKER_DIR_ENV } from '../../../src/reference/client/crash-marker.js';
import { faultsOfRole, type Fault, type FaultRole } from '../../../src/reference/faults/index.js';
import { scenarioVerdict, type ScenarioResult } from '../../../src/report/index.js';
import { worstOf } from '../../../src/report/verdict.js';
import { validateScenarioResults } from '../../../src/report/validate.js';
import { itemsHoldingRules, loadEdition, type Edition } from '../../../src/scr/index.js';
import { referenceClaimsOf } from '../../../src/run/run-env.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The edition the matrices run under: the approved 2016 text, whose rules include every seed rule,
 * so every scenario of both editions meets every fault. Vectors are declared by rule key and hold
 * under any edition.
 */
export const MATRIX_EDITION = 'dm20-2016';
const CONFIG = fileURLToPath(new URL('./playwright.mutants.config.ts', import.meta.url));

/** One scenario's outcome against one fault set of the matrix. */
export interface MatrixCell {
  id: string;
  title: string;
  items: string[];
  /** The rules the scenario proves (its tags). */
  rules: string[];
  verdict: string;
  reason: string;
  /** The non-strict findings riding on the verdict (SHOULD departures). */
  nonStrict: string[];
}

/** Every result of one role's matrix, by fault switch name (`''` = the clean peer). */
export interface MatrixRun {
  byFault: Map<string, MatrixCell[]>;
  exitCode: number | null;
  output: string;
}

function cellOf(result: ScenarioResult): MatrixCell {
  const judged = scenarioVerdict(result);
  return {
    id: result.id,
    title: result.title,
    items: result.items,
    rules: result.rules ?? [],
    verdict: judged.verdict,
    reason: judged.reason ?? '',
    nonStrict: judged.nonStrict ?? [],
  };
}

/**
 * Runs each role's suite against its clean peer and every fault switch of it, both roles in one
 * Playwright invocation (DMCT_MUTANT_ROLE limits it to one role).
 */
export async function runMatrices(): Promise<Record<FaultRole, MatrixRun>> {
  const dir = mkdtempSync(join(tmpdir(), 'dmct-matrix-'));
  const resultsFile = join(dir, 'results.json');
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DMCT_RESULTS_FILE: resultsFile,
    DMCT_MUTANT_OUTPUT: join(dir, 'test-results'),
    DMCT_EMBEDDED: '1',
    FORCE_COLOR: '0',
    [CRASH_MARKER_DIR_ENV]: join(dir, 'crash'),
  };
  for (const name of ['DMCT_FAULTS', 'DMCT_CLAIMS_SERVER', 'DMCT_CLAIMS_CLIENT', 'DMCT_EDITION', 'DMCT_PLAN_FILE']) delete env[name];
  for (const role of ['server', 'client'] as const) {
    const claims = referenceClaimsOf(MATRIX_EDITION, role);
    if (claims === undefined) throw new Error(`no reference ${role} claims for ${MATRIX_EDITION}`);
    env[role === 'server' ? 'DMCT_CLAIMS_SERVER' : 'DMCT_CLAIMS_CLIENT'] = claims;
  }
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'test', '-c', CONFIG, '--reporter', join(ROOT, 'src/report/playwright-reporter.ts')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      const keep = (chunk: Buffer) => {
        text = (text + chunk.toString('utf8')).slice(-20_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code, output: text }));
    });
    const checked = validateScenarioResults(JSON.parse(readFileSync(resultsFile, 'utf8')));
    if (!checked.ok) throw new Error(`results file breaks its schema: ${JSON.stringify(checked.violations.slice(0, 3))}`);
    const runs: Record<FaultRole, MatrixRun> = {
      server: { byFault: new Map(), exitCode, output },
      client: { byFault: new Map(), exitCode, output },
    };
    for (const result of checked.value.results) {
      const faults = result.annotations.find((annotation) => annotation.type === FAULTS_ANNOTATION)?.description ?? '';
      const { byFault } = runs[result.role];
      byFault.set(faults, [...(byFault.get(faults) ?? []), cellOf(result)]);
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The matrix edition's item of `role` holding `rule` (regex-escaped), or the rule key when none does. */
export function itemOf(role: FaultRole, rule: string, edition: Edition = loadEdition(MATRIX_EDITION)): string {
  const [item] = itemsHoldingRules(edition, role, [rule]);
  return item === undefined ? rule : item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A declared message with each `{<rule key>}` replaced by the edition's item holding that rule (regex-escaped). */
export function resolveMessage(message: string, role: FaultRole, edition: Edition): string {
  return message.replace(/\{([^{}]+)\}/g, (_whole, rule: string) => itemOf(role, rule, edition));
}

/**
 * What went wrong for a fault switch that declares its whole verdict vector (a half-finished
 * implementation), by rule: each rule's verdict is the worst of the scenarios proving it, and it
 * must be the declared one — a listed rule its verdict and message, every other rule `otherRules`
 * (default a pass). Nothing passes wrongly.
 */
function vectorProblems(fault: Fault, verdicts: NonNullable<Fault['verdicts']>, cells: readonly MatrixCell[], edition: Edition): string[] {
  const problems: string[] = [];
  const otherwise = fault.otherRules ?? { verdict: 'pass' as const };
  const declaredOf = (rule: string) => verdicts[rule] ?? otherwise;
  // A crashed peer is silent: where the policy leaves every rule inconclusive, so is the broken one.
  const failsAny = [...Object.values(verdicts), otherwise].some((declared) => declared?.verdict === 'fail');
  const brokenExpected = failsAny ? 'fail' : 'inconclusive';
  if (declaredOf(fault.breaks).verdict !== brokenExpected)
    problems.push(`the declared vector does not give ${fault.breaks}, the rule the switch breaks, ${brokenExpected}`);
  const rules = [...new Set(cells.flatMap((cell) => cell.rules))].sort();
  for (const rule of Object.keys(verdicts))
    if (!rules.includes(rule)) problems.push(`${rule}: declared ${verdicts[rule]?.verdict}, but no scenario proving it ran`);
  for (const rule of rules) {
    const ofRule = cells.filter((cell) => cell.rules.includes(rule) && cell.verdict !== 'not-applicable');
    if (ofRule.length === 0) continue;
    const actual = worstOf(ofRule.map((cell) => cell.verdict as MatrixVerdict)) ?? 'not-applicable';
    const declared = declaredOf(rule);
    const first = ofRule.find((cell) => cell.verdict === actual);
    if (actual !== declared.verdict)
      problems.push(`${rule}: ${actual}${first ? ` (${first.title}: ${first.reason})` : ''}, expected ${declared.verdict}`);
    else if (
      declared.message !== undefined &&
      first &&
      !new RegExp(resolveMessage(declared.message, fault.role, edition), 'i').test(first.reason)
    ) {
      problems.push(`${rule}: reason does not match /${resolveMessage(declared.message, fault.role, edition)}/i: ${first.reason}`);
    }
  }
  return problems;
}

type MatrixVerdict = 'pass' | 'fail' | 'inconclusive' | 'error' | 'not-applicable';

/**
 * What went wrong for one fault switch: every scenario judged other than the switch declares —
 * with `verdicts`, the whole item vector; else the scenarios of `breaks` fail with the declared
 * message and every other scenario passes.
 */
export function matrixProblems(fault: Fault, cells: readonly MatrixCell[], edition: Edition = loadEdition(MATRIX_EDITION)): string[] {
  if (fault.verdicts !== undefined) return vectorProblems(fault, fault.verdicts, cells, edition);
  const pattern = new RegExp(fault.expect.message, 'i');
  const problems: string[] = [];
  const tagged = cells.filter((cell) => cell.rules.includes(fault.breaks));
  if (tagged.length === 0) problems.push(`no scenario proving ${fault.breaks} ran`);
  if (fault.expect.verdict === 'non-strict') return [...problems, ...nonStrictProblems(fault, pattern, tagged, cells)];
  for (const cell of cells) {
    if (tagged.includes(cell)) {
      if (cell.verdict !== fault.expect.verdict)
        problems.push(`${cell.title}: ${cell.verdict} (${cell.reason}), expected ${fault.expect.verdict}`);
      else if (!pattern.test(cell.reason))
        problems.push(`${cell.title}: message does not match /${fault.expect.message}/i: ${cell.reason}`);
    } else if (cell.verdict !== 'pass' && cell.verdict !== 'not-applicable') {
      problems.push(`${cell.title} (not ${fault.breaks}): ${cell.verdict} (${cell.reason})`);
    }
  }
  return problems;
}

/**
 * A switch that departs from a SHOULD: every scenario passes (nothing fails), and a scenario of
 * `breaks` reports the departure as a non-strict finding matching the declared message.
 */
function nonStrictProblems(fault: Fault, pattern: RegExp, tagged: readonly MatrixCell[], cells: readonly MatrixCell[]): string[] {
  const problems = cells
    .filter((cell) => cell.verdict !== 'pass' && cell.verdict !== 'not-applicable')
    .map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason}), expected a pass`);
  if (!tagged.some((cell) => cell.nonStrict.some((line) => pattern.test(line)))) {
    problems.push(`no scenario of ${fault.breaks} reports a non-strict finding matching /${fault.expect.message}/i`);
  }
  return problems;
}

/**
 * Why a matrix test about `role` (and, when named, the fault switches `faults`) is skipped: the
 * run was limited by DMCT_MUTANT_ROLE to the other role, or by DMCT_MUTANT_FAULTS to other
 * switches (playwright.mutants.config.ts reads the same variables). Undefined: it ran.
 */
export function skippedBecause(role: FaultRole, faults: readonly string[] = []): string | undefined {
  const onlyRole = process.env['DMCT_MUTANT_ROLE'];
  if ((onlyRole === 'server' || onlyRole === 'client') && onlyRole !== role)
    return `DMCT_MUTANT_ROLE=${onlyRole}: the ${role} matrix did not run`;
  const only = (process.env['DMCT_MUTANT_FAULTS'] ?? '').split(',').filter((name) => name !== '');
  const missing = faults.filter((name) => only.length > 0 && !only.includes(name));
  return missing.length === 0 ? undefined : `DMCT_MUTANT_FAULTS leaves out ${missing.join(', ')}`;
}

/** The role's fault switches, in registry order. */
export function roleFaults(role: FaultRole): Fault[] {
  return faultsOfRole(role);
}
