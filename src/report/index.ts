/**
 * dmct's verdicts and conformance report: verdict lattice, failure messages, the native report
 * (build, validate, merge, normalize) and its writers. The Playwright reporter is loaded by
 * Playwright from ./playwright-reporter.ts and is not re-exported here.
 */
export * from './contract.js';
export * from './failure-message.js';
export * from './verdict.js';
export { scenarioSlug } from './scenario-slug.js';
export {
  buildReport,
  judgeItem,
  notRunReason,
  REPORT_SCHEMA_ID,
  REPORT_VERSION,
  scenarioKey,
  scenarioReportOf,
  summarize,
} from './build-report.js';
export { reportInconsistencies, validateEvidence, validateReport, validateRunPlan, validateScenarioResults } from './validate.js';
export { mergeReports, ReportMergeError } from './merge.js';
export { markPartial, mergedPartial } from './partial.js';
export { NORMALIZED_TIME, normalizeReport } from './normalize.js';
export { writeFileAtomic } from './atomic-write.js';
export { writeConsole, type ConsoleOptions } from './writers/console.js';
export { escapeXml, writeJunit } from './writers/junit.js';
export { CONTENT_SECURITY_POLICY, writeHtml } from './writers/html.js';
export { EARL_OUTCOMES, scrItemIri, writeEarl } from './writers/earl.js';
export { CTRF_SPEC_VERSION, CTRF_STATUSES, writeCtrf } from './writers/ctrf.js';
export { REPORT_FILES, writeReportFolder } from './writers/folder.js';
export { reportSchema } from './schemas/report.schema.js';
export type {
  ItemReport,
  Overall,
  PartialRun,
  Report,
  RoleTotals,
  RunMeta,
  ScenarioReport,
  VerdictCounts,
} from './schemas/report.schema.js';
export { runPlanSchema } from './schemas/run-plan.schema.js';
export type {
  Applicability,
  ClaimsRef,
  PlannedItem,
  PlannedScenario,
  Role,
  RunPlan,
  StaticFinding,
  TargetInfo,
} from './schemas/run-plan.schema.js';
export { scenarioResultsSchema } from './schemas/scenario-results.schema.js';
export type { ExecutionInfo, ResultAnnotation, ScenarioResult, ScenarioResults, Shard } from './schemas/scenario-results.schema.js';
export { evidenceSchema } from './schemas/evidence.schema.js';
export type { Evidence, Finding, TraceBody, TraceMessage, TraceViolation } from './schemas/evidence.schema.js';
