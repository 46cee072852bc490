/**
 * The mutant matrices of both roles: one Playwright invocation of
 * playwright.mutants.config.ts runs each role's suite against its clean reference peer and against
 * the peer with each fault switch on (one worker generation for both roles); the results are
 * grouped by role and `dmct-faults` annotation and judged with the report's own scenarioVerdict.
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
import { brokenItems } from '../../unit/reference/faults/broken-items.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('./playwright.mutants.config.ts', import.meta.url));

/** One scenario's outcome in one project of the matrix. */
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
  return { id: result.id, title: result.title, items: result.items, rules: result.rules ?? [], verdict: judged.verdict, reason: judged.reason ?? '', nonStrict: judged.nonStrict ?? [] };
}

/**
 * Runs each role's suite against its clean peer and every fault switch of it, both roles in one
 * Playwright invocation (DMCT_MUTANT_ROLE limits it to one role).
 */
export async function runMatrices(): Promise<Record<FaultRole, MatrixRun>> {
  const dir = mkdtempSync(join(tmpdir(), 'dmct-matrix-'));
  const resultsFile = join(dir, 'results.json');
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env: NodeJS.ProcessEnv = { ...process.env, DMCT_RESULTS_FILE: resultsFile, DMCT_MUTANT_OUTPUT: join(dir, 'test-results'), DMCT_EMBEDDED: '1', FORCE_COLOR: '0', [CRASH_MARKER_DIR_ENV]: join(dir, 'crash') };
  for (const name of ['DMCT_FAULTS', 'DMCT_CLAIMS_SERVER', 'DMCT_CLAIMS_CLIENT', 'DMCT_EDITION', 'DMCT_PLAN_FILE']) delete env[name];
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'test', '-c', CONFIG, '--reporter', join(ROOT, 'src/report/playwright-reporter.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const runs: Record<FaultRole, MatrixRun> = { server: { byFault: new Map(), exitCode, output }, client: { byFault: new Map(), exitCode, output } };
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

/**
 * What went wrong for a fault switch that declares its whole item verdict vector (a half-finished
 * implementation): each item's verdict is the worst of its scenarios, and it must be the declared
 * one — a listed item its verdict and message, every other item a pass. Nothing passes wrongly.
 */
function vectorProblems(fault: Fault, verdicts: NonNullable<Fault['verdicts']>, cells: readonly MatrixCell[]): string[] {
  const problems: string[] = [];
  for (const broken of brokenItems(fault)) {
    // A crashed peer is silent: where the policy leaves every item inconclusive, so is the broken one.
    const expected = Object.values(verdicts).some((declared) => declared?.verdict === 'fail') ? 'fail' : 'inconclusive';
    if (verdicts[broken]?.verdict !== expected) problems.push(`the declared vector does not give ${broken}, the item holding ${fault.breaks}, the rule the switch breaks, ${expected}`);
  }
  const items = [...new Set(cells.flatMap((cell) => cell.items))].sort();
  for (const item of Object.keys(verdicts)) if (!items.includes(item)) problems.push(`${item}: declared ${verdicts[item]?.verdict}, but no scenario tagged it ran`);
  for (const item of items) {
    const ofItem = cells.filter((cell) => cell.items.includes(item) && cell.verdict !== 'not-applicable');
    const actual = worstOf(ofItem.map((cell) => cell.verdict as MatrixVerdict)) ?? 'not-applicable';
    const declared = verdicts[item];
    const expected = declared?.verdict ?? 'pass';
    const first = ofItem.find((cell) => cell.verdict === actual);
    if (actual !== expected) problems.push(`${item}: ${actual}${first ? ` (${first.title}: ${first.reason})` : ''}, expected ${expected}`);
    else if (declared?.message !== undefined && first && !new RegExp(declared.message, 'i').test(first.reason)) {
      problems.push(`${item}: reason does not match /${declared.message}/i: ${first.reason}`);
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
export function matrixProblems(fault: Fault, cells: readonly MatrixCell[]): string[] {
  if (fault.verdicts !== undefined) return vectorProblems(fault, fault.verdicts, cells);
  const pattern = new RegExp(fault.expect.message, 'i');
  const problems: string[] = [];
  const tagged = cells.filter((cell) => cell.rules.includes(fault.breaks));
  if (tagged.length === 0) problems.push(`no scenario proving ${fault.breaks} ran`);
  if (fault.expect.verdict === 'non-strict') return [...problems, ...nonStrictProblems(fault, pattern, tagged, cells)];
  for (const cell of cells) {
    if (tagged.includes(cell)) {
      if (cell.verdict !== fault.expect.verdict) problems.push(`${cell.title}: ${cell.verdict} (${cell.reason}), expected ${fault.expect.verdict}`);
      else if (!pattern.test(cell.reason)) problems.push(`${cell.title}: message does not match /${fault.expect.message}/i: ${cell.reason}`);
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
  const problems = cells.filter((cell) => cell.verdict !== 'pass' && cell.verdict !== 'not-applicable').map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason}), expected a pass`);
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
  if ((onlyRole === 'server' || onlyRole === 'client') && onlyRole !== role) return `DMCT_MUTANT_ROLE=${onlyRole}: the ${role} matrix did not run`;
  const only = (process.env['DMCT_MUTANT_FAULTS'] ?? '').split(',').filter((name) => name !== '');
  const missing = faults.filter((name) => only.length > 0 && !only.includes(name));
  return missing.length === 0 ? undefined : `DMCT_MUTANT_FAULTS leaves out ${missing.join(', ')}`;
}

/** The role's fault switches, in registry order. */
export function roleFaults(role: FaultRole): Fault[] {
  return faultsOfRole(role);
}
