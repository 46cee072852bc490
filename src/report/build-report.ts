/**
 * Builds the native report (report.json) from the plan and the reporter's scenario results.
 * Pure: the same inputs give the same report; verdicts come from verdict.ts only.
 */
import { boundReport } from './report-bounds.js';
import { REQUIREMENT_ANNOTATION } from './contract.js';
import { itemVerdict, overallVerdict, scenarioVerdict, VERDICTS, type VerdictOptions } from './verdict.js';
import {
  reportSchema,
  type ItemReport,
  type Overall,
  type Report,
  type RoleTotals,
  type RunMeta,
  type ScenarioReport,
  type VerdictCounts,
} from './schemas/report.schema.js';
import type { PlannedItem, PlannedScenario, Role, RunPlan } from './schemas/run-plan.schema.js';
import type { ExecutionInfo, ScenarioResult } from './schemas/scenario-results.schema.js';

/** The native report format version this code writes (`reportVersion`). */
export const REPORT_VERSION = 1;

/** The `$schema` member of every report.json: the report schema's `$id`. */
export const REPORT_SCHEMA_ID = reportSchema.$id;

/** Reason given to a planned scenario that has no result. */
export function notRunReason(execution: Pick<ExecutionInfo, 'interrupted' | 'shard'>): string {
  if (execution.interrupted) return 'not run: run interrupted';
  if (execution.shard) return `not run in shard ${execution.shard.current}/${execution.shard.total}`;
  return 'not run: no result recorded';
}

/** The key that identifies a scenario across shards and items: role plus slug. */
export function scenarioKey(s: { role: Role; id: string }): string {
  return `${s.role}\u0000${s.id}`;
}

/** A scenario result judged and shaped for the report. */
export function scenarioReportOf(result: ScenarioResult, options: VerdictOptions = {}): ScenarioReport {
  const judgement = scenarioVerdict(result, options);
  const report: ScenarioReport = {
    id: result.id,
    title: result.title,
    role: result.role,
    file: result.file,
    line: result.line,
    ran: true,
    verdict: judgement.verdict,
    durationMs: result.durationMs,
    retries: result.retries,
    findings: result.evidence?.findings ?? [],
    messages: result.evidence?.messages ?? [],
    requirements: result.annotations.flatMap((a) => (a.type === REQUIREMENT_ANNOTATION && a.description ? [a.description] : [])),
  };
  if (judgement.reason !== undefined) report.reason = judgement.reason;
  if (judgement.nonStrict !== undefined) report.nonStrict = judgement.nonStrict;
  if (result.evidence?.notes?.length) report.notes = result.evidence.notes;
  if (judgement.verdict === 'error' && result.errors.length > 0) report.errors = result.errors;
  return report;
}

function notRunScenario(planned: PlannedScenario, role: Role, reason: string): ScenarioReport {
  return {
    id: planned.id,
    title: planned.title,
    role,
    file: planned.file ?? '',
    line: planned.line ?? 0,
    ran: false,
    verdict: 'inconclusive',
    reason,
    durationMs: 0,
    retries: 0,
    findings: [],
    messages: [],
    requirements: [],
  };
}

/** An item of the report with its verdict decided from its scenarios and static findings. */
export function judgeItem(item: Omit<ItemReport, 'verdict' | 'reason'>): ItemReport {
  const judgement = itemVerdict(item.scenarios, item.applicability, item.staticFindings);
  const judged: ItemReport = { ...item, verdict: judgement.verdict };
  if (judgement.reason !== undefined) judged.reason = judgement.reason;
  if (judgement.nonStrict !== undefined) judged.nonStrict = judgement.nonStrict;
  return judged;
}

function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as unknown as VerdictCounts;
}

/** Totals per role (the run's roles first, in order) and the overall verdict of judged items. */
export function summarize(items: readonly ItemReport[], roles: readonly Role[]): { totals: RoleTotals[]; overall: Overall } {
  const order = [...new Set([...roles, ...items.map((i) => i.role)])];
  const totals = order.map((role) => {
    const counts = emptyCounts();
    const ofRole = items.filter((i) => i.role === role);
    for (const item of ofRole) counts[item.verdict]++;
    return { role, items: ofRole.length, verdicts: counts };
  });
  return { totals, overall: overallVerdict(items) };
}

function itemOfPlan(
  planned: PlannedItem,
  byKey: Map<string, ScenarioResult>,
  byItem: Map<string, ScenarioResult[]>,
  reason: string,
  options: VerdictOptions,
): ItemReport {
  const plannedKeys = new Set(planned.scenarios.map((s) => scenarioKey({ role: planned.role, id: s.id })));
  const scenarios = planned.scenarios.map((s) => {
    const result = byKey.get(scenarioKey({ role: planned.role, id: s.id }));
    return result ? scenarioReportOf(result, options) : notRunScenario(s, planned.role, reason);
  });
  for (const result of byItem.get(planned.id) ?? []) {
    if (!plannedKeys.has(scenarioKey(result))) scenarios.push(scenarioReportOf(result, options));
  }
  return judgeItem({
    id: planned.id,
    function: planned.function,
    section: planned.section,
    role: planned.role,
    status: planned.status,
    applicability: planned.applicability,
    staticFindings: planned.staticFindings ?? [],
    scenarios,
  });
}

/**
 * The report of a run: every planned item judged. A planned scenario without a result is
 * inconclusive "not run: …"; an applicable item with no scenario at all is untested; a result
 * that names an item outside the plan is reported as a warning.
 */
export function buildReport(plan: RunPlan, results: readonly ScenarioResult[], execution: ExecutionInfo): Report {
  const warnings: string[] = [];
  const planned = new Map(plan.items.map((item) => [item.id, item]));
  const byKey = new Map<string, ScenarioResult>();
  const byItem = new Map<string, ScenarioResult[]>();
  for (const result of results) {
    const key = scenarioKey(result);
    const previous = byKey.get(key);
    if (previous)
      warnings.push(
        `scenario id "${result.id}" (${result.role}) is used by ${previous.file}:${previous.line} and ${result.file}:${result.line}; ids must be unique`,
      );
    else byKey.set(key, result);
    if (result.items.length === 0) warnings.push(`scenario "${result.id}" (${result.file}:${result.line}) has no SCR item tag`);
    for (const id of result.items) {
      const item = planned.get(id);
      if (!item) warnings.push(`scenario "${result.id}" tags ${id}, which is not in the plan`);
      else if (item.role !== result.role)
        warnings.push(`scenario "${result.id}" ran as a ${result.role} target but tags the ${item.role} item ${id}`);
      else byItem.set(id, [...(byItem.get(id) ?? []), result]);
    }
  }
  const reason = notRunReason(execution);
  const options: VerdictOptions = { strict: plan.strict === true };
  const items = plan.items.map((item) => itemOfPlan(item, byKey, byItem, reason, options));
  const meta: RunMeta = {
    dmctVersion: execution.dmctVersion,
    edition: plan.edition,
    roles: plan.roles,
    targets: plan.targets,
    startTime: execution.startTime,
    endTime: execution.endTime,
    durationMs: execution.durationMs,
    shards: execution.shard ? [execution.shard] : [],
    playwrightVersion: execution.playwrightVersion,
    nodeVersion: execution.nodeVersion,
    interrupted: execution.interrupted,
  };
  if (plan.claims) meta.claims = plan.claims;
  if (plan.runId !== undefined) meta.runId = plan.runId;
  if (plan.strict === true) meta.strict = true;
  if (warnings.length > 0) meta.warnings = warnings;
  return boundReport({ $schema: REPORT_SCHEMA_ID, reportVersion: REPORT_VERSION, meta, items, ...summarize(items, plan.roles) });
}
