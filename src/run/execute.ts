/**
 * Carries out a plan: writes it (and any rewritten claims) into the output folder, runs the
 * planned scenarios in ONE Playwright invocation with the plan, the results path and the claims
 * passed through the environment, then builds the report from the plan and the reporter's
 * results (buildReport), drops Playwright's own chatter and the empty folders from its
 * subfolders (tidyRunSubfolder) and writes the report folder (writeReportFolder). An interrupted run,
 * a run whose child died, and a plan with nothing to run still end with a full report:
 * planned scenarios without a result are inconclusive "not run: …".
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatViolation } from '../protocol/json-schema.js';
import { buildReport, markPartial, scenarioKey, validateScenarioResults, writeFileAtomic, writeReportFolder } from '../report/index.js';
import type { ExecutionInfo, Report, ScenarioResult, Shard } from '../report/index.js';
import { DMCT_VERSION } from '../package-root.js';
import { onStopSignal } from './interrupt.js';
import { playwrightOutputDir } from './out-dir.js';
import { combinePartial, shardPlan } from './partial.js';
import { openOperatorDesk } from './operator-desk.js';
import type { RunPlanView } from './planner.js';
import { PLAYWRIGHT_VERSION, runEnvironment, testArguments } from './playwright-cli.js';
import { tidyRunSubfolder } from './playwright-output.js';
import { PlaywrightRun, type PlaywrightRunOutcome } from './playwright-run.js';
import type { ProgressView } from './progress-view.js';
import type { RunTargets } from './targets.js';

const dmctVersion = DMCT_VERSION;

/** The files `dmct run` writes into the output folder besides the report views. */
export const RUN_FILES = {
  plan: 'plan.json',
  results: 'results.json',
  /** Playwright's own artifacts (kept apart from other runs: `playwright-2`… when taken, out-dir.ts). */
  playwrightOutput: 'playwright',
  claims: (role: string) => `claims-${role}.json`,
  /** Questions of the workers to the operator, and the answers (operator-desk.ts). */
  operator: 'operator',
} as const;

export interface ExecuteOptions {
  view: RunPlanView;
  targets: RunTargets;
  config: string;
  /** Target projects per role (from the catalogue). */
  projects: Record<'server' | 'client', string[]>;
  outDir: string;
  cwd: string;
  workers?: number;
  retries?: number;
  shard?: Shard;
  timeoutMs?: number;
  progress: ProgressView;
  /** One-line notices for the user while the run goes on (e.g. "stopping…"). */
  notice: (message: string) => void;
  /** The terminal of a person who can do the scenarios' manual steps (absent: they are inconclusive). */
  operator?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

export interface ExecuteResult {
  report: Report;
  outDir: string;
  /** The run was stopped by a signal. */
  interrupted: boolean;
}

function firstLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, count)
    .join(' | ');
}

/** The reporter's results, or why there are none. */
async function readResults(
  file: string,
): Promise<{ results?: { execution: ExecutionInfo; results: ScenarioResult[]; warnings?: string[] }; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { problem: 'Playwright wrote no results file' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problem: `${file}: not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const checked = validateScenarioResults(data);
  if (!checked.ok)
    return {
      problem: checked.violations
        .slice(0, 3)
        .map((v) => formatViolation(file, v))
        .join('; '),
    };
  return { results: checked.value };
}

function processWarnings(outcome: PlaywrightRunOutcome | undefined, problem: string | undefined): string[] {
  const warnings: string[] = [];
  if (outcome?.killed) warnings.push(`Playwright did not stop in time after the interrupt and was killed`);
  if (problem) {
    const why = outcome ? firstLines(outcome.stderr || outcome.otherOutput, 3) : '';
    warnings.push(`${problem}${outcome ? ` (Playwright exit ${outcome.exitCode ?? outcome.signal ?? '?'})` : ''}${why ? `: ${why}` : ''}`);
  }
  if (outcome && outcome.invalidLines > 0)
    warnings.push(`${outcome.invalidLines} progress line(s) from Playwright were not valid events and were ignored`);
  return warnings;
}

/** Runs the plan and writes the report folder; see the module comment. */
export async function executeRun(options: ExecuteOptions): Promise<ExecuteResult> {
  const { view, targets } = options;
  const outDir = resolve(options.cwd, options.outDir);
  await mkdir(outDir, { recursive: true });
  const planFile = join(outDir, RUN_FILES.plan);
  const resultsFile = join(outDir, RUN_FILES.results);
  await rm(resultsFile, { force: true });
  await writeFileAtomic(planFile, `${JSON.stringify(view.plan, null, 2)}\n`);

  const claims: Partial<Record<'server' | 'client', string>> = {};
  // A rewritten claims file lives in the report folder; its relative paths still mean the original's folder.
  const claimsDirs: Partial<Record<'server' | 'client', string>> = {};
  for (const setup of targets.setups) {
    if (setup.rewritten) {
      const file = join(outDir, RUN_FILES.claims(setup.role));
      await writeFileAtomic(file, setup.claimsText);
      claims[setup.role] = file;
      claimsDirs[setup.role] = dirname(resolve(options.cwd, setup.claimsFile));
    } else {
      claims[setup.role] = resolve(options.cwd, setup.claimsFile);
    }
  }

  const startTime = new Date();
  const runErrors: string[] = [];
  let outcome: PlaywrightRunOutcome | undefined;
  let interrupted = false;
  /** The scenarios Playwright gave this run (its `begin` event): with --shard, this shard's own. */
  let ownScenarios: Set<string> | undefined;
  if (view.grep !== undefined) {
    const operatorDir = options.operator === undefined ? undefined : join(outDir, RUN_FILES.operator);
    const desk =
      operatorDir === undefined || options.operator === undefined ? undefined : await openOperatorDesk(operatorDir, options.operator);
    const playwrightDir = playwrightOutputDir(outDir, RUN_FILES.playwrightOutput);
    if (playwrightDir !== join(outDir, RUN_FILES.playwrightOutput))
      options.notice(
        `${join(outDir, RUN_FILES.playwrightOutput)} holds another run's files: Playwright's artifacts go to ${playwrightDir}`,
      );
    const run = new PlaywrightRun({
      cwd: options.cwd,
      args: testArguments({
        config: options.config,
        // A project testing both roles is named once.
        projects: [...new Set(targets.roles.flatMap((role) => options.projects[role]))],
        grep: view.grep,
        outputDir: playwrightDir,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.retries === undefined ? {} : { retries: options.retries }),
        ...(options.shard === undefined ? {} : { shard: options.shard }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      }),
      env: runEnvironment({
        planFile,
        resultsFile,
        claims,
        claimsDirs,
        embedded: targets.embedded,
        faults: targets.faults,
        edition: targets.edition.name,
        ...(operatorDir === undefined ? {} : { operatorDir }),
      }),
      onEvent: (event) => {
        if (event.type === 'error') runErrors.push(`Playwright: ${event.message}`);
        if (event.type === 'begin') ownScenarios = new Set(event.scenarios.map(scenarioKey));
        options.progress.onEvent(event);
      },
    });
    const stopHandling = onStopSignal((signal) => {
      options.progress.close();
      options.notice(
        interrupted
          ? `${signal} again: killing Playwright`
          : `${signal}: stopping; the report still gets written with the unfinished scenarios inconclusive (Ctrl-C again to kill Playwright)`,
      );
      interrupted = true;
      run.interrupt();
    });
    try {
      outcome = await run.done;
    } finally {
      stopHandling();
      desk?.close();
      options.progress.close();
    }
  }
  const endTime = new Date();

  const { results, problem } = outcome ? await readResults(resultsFile) : { results: undefined, problem: undefined };
  const execution: ExecutionInfo = results?.execution ?? {
    dmctVersion,
    startTime: startTime.toISOString(),
    endTime: endTime.toISOString(),
    durationMs: endTime.getTime() - startTime.getTime(),
    shard: options.shard ?? null,
    playwrightVersion: PLAYWRIGHT_VERSION,
    nodeVersion: process.versions.node,
    interrupted,
  };
  if (interrupted) execution.interrupted = true;
  // A shard judges its own items only (partial.ts); without Playwright's list of them, every item.
  const sharded = options.shard !== undefined && ownScenarios !== undefined ? shardPlan(view.plan, ownScenarios, options.shard) : undefined;
  const judgedPlan = sharded?.plan ?? view.plan;
  const planned = new Set(judgedPlan.items.map((item) => item.id));
  // Tags of items outside the plan (--only, --grep) are no evidence for this run; planning already warned about unknown tags.
  const scenarioResults = (results?.results ?? []).map((r) => ({ ...r, items: r.items.filter((id) => planned.has(id)) }));
  const report = buildReport(judgedPlan, scenarioResults, execution);
  markPartial(report, combinePartial(view.partial, sharded === undefined ? undefined : options.shard, sharded?.leftOut ?? []));
  const warnings = new Set([
    ...(report.meta.warnings ?? []),
    ...view.warnings,
    ...(results?.warnings ?? []),
    ...runErrors,
    ...processWarnings(outcome, problem),
  ]);
  if (warnings.size > 0) report.meta.warnings = [...warnings];
  for (const folder of [RUN_FILES.playwrightOutput, RUN_FILES.operator]) await tidyRunSubfolder(join(outDir, folder));
  await writeReportFolder(outDir, report);
  return { report, outDir, interrupted };
}
