/**
 * Validation of everything src/report reads from outside: the plan, the reporter's results, a
 * scenario's evidence, a saved report.json. Their cross-schema `$ref`s resolve through the
 * schema registry (src/protocol/schema-registry.ts); each validator compiles on first use.
 */
import { compileSchema, type SchemaResult, type SchemaViolation } from '../protocol/json-schema.js';
import { judgeItem, summarize } from './build-report.js';
import { evidenceSchema, type Evidence } from './schemas/evidence.schema.js';
import { reportSchema, type Report } from './schemas/report.schema.js';
import { runPlanSchema, type RunPlan } from './schemas/run-plan.schema.js';
import { scenarioResultsSchema, type ScenarioResults } from './schemas/scenario-results.schema.js';

/** Validates a scenario's `dmct-evidence` attachment. */
export const validateEvidence = compileSchema<Evidence>(evidenceSchema);
/** Validates a run plan (DMCT_PLAN_FILE). */
export const validateRunPlan = compileSchema<RunPlan>(runPlanSchema);
/** Validates the reporter's scenario results (DMCT_RESULTS_FILE). */
export const validateScenarioResults = compileSchema<ScenarioResults>(scenarioResultsSchema);
const validateReportShape = compileSchema<Report>(reportSchema);

/**
 * Where a schema-valid report contradicts its own data: an item verdict, a total or the
 * overall verdict that the verdict functions would not give. A report is only rendered when
 * this is empty, so that writers never need to judge.
 */
export function reportInconsistencies(report: Report): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  report.items.forEach((item, index) => {
    const judged = judgeItem(item);
    if (judged.verdict !== item.verdict) {
      found.push({
        pointer: `/items/${index}/verdict`,
        rule: 'consistency',
        message: `is "${item.verdict}" but its scenarios and applicability give "${judged.verdict}"`,
      });
    }
  });
  const { totals, overall } = summarize(report.items, report.meta.roles);
  if (JSON.stringify(totals) !== JSON.stringify(report.totals)) {
    found.push({ pointer: '/totals', rule: 'consistency', message: 'do not match the item verdicts' });
  }
  if (overall.verdict !== report.overall.verdict || overall.exitCode !== report.overall.exitCode) {
    found.push({
      pointer: '/overall',
      rule: 'consistency',
      message: `is "${report.overall.verdict}" (exit ${report.overall.exitCode}) but the items give "${overall.verdict}" (exit ${overall.exitCode})`,
    });
  }
  return found;
}

/** Validates a report.json: its schema, then its internal consistency. */
export function validateReport(data: unknown): SchemaResult<Report> {
  const shape = validateReportShape(data);
  if (!shape.ok) return shape;
  const inconsistencies = reportInconsistencies(shape.value);
  return inconsistencies.length === 0 ? shape : { ok: false, violations: inconsistencies };
}
