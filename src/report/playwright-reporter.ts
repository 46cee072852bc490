/**
 * dmct's Playwright reporter: it only collects. Per test it keeps the
 * final attempt's status, annotations, `dmct-evidence` attachment, errors, duration, retries,
 * SCR tags, role (project) and location; on onEnd — interrupted runs included — it writes them
 * to DMCT_RESULTS_FILE and, when DMCT_PLAN_FILE names the run plan, also the report folder
 * (report.json and its views) next to the results file. Verdicts are decided by verdict.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { formatViolation } from '../protocol/json-schema.js';
import { writeFileAtomic } from './atomic-write.js';
import { EVIDENCE_ATTACHMENT, roleOfSuiteFile, rulesOfTags, scenarioTitles } from './contract.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition, type Edition } from '../scr/index.js';
import { scenarioSlug } from './scenario-slug.js';
import type { Evidence } from './schemas/evidence.schema.js';
import type { Role } from './schemas/run-plan.schema.js';
import type { ExecutionInfo, ScenarioResult, ScenarioResults } from './schemas/scenario-results.schema.js';
import { validateEvidence, validateRunPlan } from './validate.js';
import { installPrecompiledValidators } from '../build/precompiled-validators.js';
import { DMCT_VERSION as dmctVersion } from '../package-root.js';
import { appendAll } from '../protocol/json-limits.js';

installPrecompiledValidators();

/** Environment variable naming the file the scenario results are written to. */
export const RESULTS_FILE_ENV = 'DMCT_RESULTS_FILE';
/** Environment variable naming the run plan; when set, report.json is built too. */
export const PLAN_FILE_ENV = 'DMCT_PLAN_FILE';
/** Environment variable naming the run's SCR edition (set by `dmct run`; default the seed's). */
export const EDITION_ENV = 'DMCT_EDITION';
/** Largest evidence attachment read, in bytes; a larger one makes the scenario an error. */
export const MAX_EVIDENCE_BYTES = 32 * 1024 * 1024;

/** The role a Playwright project tests: its metadata.role, else its name `server-target`/`client-target`. */
export function roleOfProject(project: { name: string; metadata?: Record<string, unknown> } | undefined): Role | undefined {
  const declared = project?.metadata?.['role'];
  if (declared === 'server' || declared === 'client') return declared;
  const match = /^(server|client)-target$/.exec(project?.name ?? '');
  return match ? (match[1] as Role) : undefined;
}

/** The role a test is of: its project's ({@link roleOfProject}), else its file's folder (contract.ts roleOfSuiteFile). */
export function roleOfTest(test: Pick<TestCase, 'parent' | 'location'>): Role | undefined {
  return roleOfProject(test.parent.project()) ?? roleOfSuiteFile(test.location.file);
}

type Attachment = TestResult['attachments'][number];

async function readAttachment(attachment: Attachment): Promise<string> {
  if (attachment.body) {
    if (attachment.body.length > MAX_EVIDENCE_BYTES) throw new Error(`larger than ${MAX_EVIDENCE_BYTES} bytes`);
    return attachment.body.toString('utf8');
  }
  if (attachment.path) {
    if ((await stat(attachment.path)).size > MAX_EVIDENCE_BYTES) throw new Error(`larger than ${MAX_EVIDENCE_BYTES} bytes`);
    return readFile(attachment.path, 'utf8');
  }
  throw new Error('has neither a body nor a path');
}

/** The evidence of an attempt: every `dmct-evidence` attachment, validated and concatenated. */
export async function evidenceOf(result: Pick<TestResult, 'attachments'>): Promise<{ evidence?: Evidence; problem?: string }> {
  const attachments = result.attachments.filter((a) => a.name === EVIDENCE_ATTACHMENT);
  if (attachments.length === 0) return {};
  const merged: Evidence = { messages: [], findings: [], checks: 0 };
  for (const [index, attachment] of attachments.entries()) {
    const where = attachments.length > 1 ? ` #${index + 1}` : '';
    let data: unknown;
    try {
      data = JSON.parse(await readAttachment(attachment));
    } catch (err) {
      return { problem: `${EVIDENCE_ATTACHMENT}${where}: ${err instanceof Error ? err.message : String(err)}` };
    }
    const checked = validateEvidence(data);
    if (!checked.ok) return { problem: checked.violations.map((v) => formatViolation(`${EVIDENCE_ATTACHMENT}${where}`, v)).join('; ') };
    appendAll(merged.messages, checked.value.messages);
    appendAll(merged.findings, checked.value.findings);
    merged.checks += checked.value.checks;
    if (checked.value.notes) merged.notes = [...(merged.notes ?? []), ...checked.value.notes];
  }
  return { evidence: merged };
}

function annotationsOf(test: TestCase, result: TestResult): { type: string; description?: string }[] {
  const seen = new Set<string>();
  const all: { type: string; description?: string }[] = [];
  for (const a of [...test.annotations, ...(result.annotations ?? [])]) {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(a.description === undefined ? { type: a.type } : { type: a.type, description: a.description });
  }
  return all;
}

/**
 * The raw result of a test's final attempt, or undefined for a test that never ran: no attempt,
 * or Playwright skipped it without the test asking to be skipped (a stopped run, a failed
 * serial group), which Playwright itself counts as "did not run".
 */
export async function scenarioResultOf(
  test: TestCase,
  role: Role,
  rootDir: string,
  edition: Edition = runEdition(),
): Promise<ScenarioResult | undefined> {
  const result = test.results.at(-1);
  if (!result) return undefined;
  if (result.status === 'skipped' && test.expectedStatus !== 'skipped') return undefined;
  const titles = scenarioTitles(test.titlePath().slice(3));
  const { evidence, problem } = await evidenceOf(result);
  const scenario: ScenarioResult = {
    id: scenarioSlug(titles),
    title: titles.join(' › '),
    role,
    items: itemsHoldingRules(edition, role, rulesOfTags(test.tags)),
    rules: rulesOfTags(test.tags),
    file: relative(rootDir, test.location.file).split('\\').join('/'),
    line: test.location.line,
    status: result.status,
    annotations: annotationsOf(test, result),
    errors: result.errors.map((e) => stripVTControlCharacters(e.message ?? e.value ?? 'error without a message')),
    durationMs: Math.max(0, result.duration),
    retries: Math.max(0, test.results.length - 1),
  };
  if (evidence) scenario.evidence = evidence;
  if (problem !== undefined) scenario.evidenceProblem = problem;
  return scenario;
}

/** The edition whose rule mapping says which items a scenario is evidence for. */
export function runEdition(): Edition {
  return loadEdition(process.env[EDITION_ENV] || DEFAULT_EDITION);
}

export default class DmctReporter implements Reporter {
  private config: FullConfig | undefined;
  private suite: Suite | undefined;

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config;
    this.suite = suite;
  }

  async onEnd(result: FullResult): Promise<void> {
    const resultsFile = process.env[RESULTS_FILE_ENV];
    if (!resultsFile) return;
    const collected = await this.collect(result);
    await writeFileAtomic(resultsFile, `${JSON.stringify(collected, null, 2)}\n`);
    const planFile = process.env[PLAN_FILE_ENV];
    if (planFile) await this.writeReport(planFile, collected, dirname(resultsFile));
  }

  private async collect(result: FullResult): Promise<ScenarioResults> {
    const warnings: string[] = [];
    const results: ScenarioResult[] = [];
    const rootDir = this.config?.rootDir ?? process.cwd();
    for (const test of this.suite?.allTests() ?? []) {
      const role = roleOfTest(test);
      if (!role) {
        warnings.push(`test "${test.title}" of project "${test.parent.project()?.name ?? '?'}" is not in a target project; ignored`);
        continue;
      }
      const scenario = await scenarioResultOf(test, role, rootDir);
      if (scenario) results.push(scenario);
    }
    const end = new Date(Math.max(Date.now(), result.startTime.getTime() + result.duration));
    const execution: ExecutionInfo = {
      dmctVersion,
      startTime: result.startTime.toISOString(),
      endTime: end.toISOString(),
      durationMs: Math.max(0, result.duration),
      shard: this.config?.shard ?? null,
      playwrightVersion: this.config?.version ?? 'unknown',
      nodeVersion: process.versions.node,
      interrupted: result.status === 'interrupted' || result.status === 'timedout' || results.some((r) => r.status === 'interrupted'),
    };
    return warnings.length > 0 ? { execution, results, warnings } : { execution, results };
  }

  private async writeReport(planFile: string, collected: ScenarioResults, dir: string): Promise<void> {
    let plan: unknown;
    try {
      plan = JSON.parse(await readFile(planFile, 'utf8'));
    } catch (err) {
      process.stderr.write(`dmct reporter: cannot read the run plan ${planFile}: ${err instanceof Error ? err.message : String(err)}\n`);
      return;
    }
    const checked = validateRunPlan(plan);
    if (!checked.ok) {
      process.stderr.write(`dmct reporter: ${checked.violations.map((v) => formatViolation(planFile, v)).join('\n')}\n`);
      return;
    }
    // Loaded here, at the end: Playwright's main process loads the reporter before any test starts.
    const [{ buildReport }, { writeReportFolder }] = await Promise.all([import('./build-report.js'), import('./writers/folder.js')]);
    const report = buildReport(checked.value, collected.results, collected.execution);
    if (collected.warnings?.length) report.meta.warnings = [...(report.meta.warnings ?? []), ...collected.warnings];
    await writeReportFolder(dir, report);
  }
}
