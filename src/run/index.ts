/**
 * `dmct run`: plan from the SCR tables, the claims and the scenario catalogue; run the planned
 * scenarios in one Playwright invocation with live progress and clean interruption; build and
 * write the conformance report.
 */
export { catalogueOf, listScenarios, type Catalogue, type CatalogueScenario } from './catalogue.js';
export { RunSetupError } from './errors.js';
export { executeRun, RUN_FILES, type ExecuteOptions, type ExecuteResult } from './execute.js';
export { onStopSignal, STOP_SIGNALS } from './interrupt.js';
export { claimedAddresses, preflight, reach, type ClaimedAddress } from './preflight.js';
export { formatPlan, type ListOptions } from './list-view.js';
export { checkInteger, effectiveWorkers, parseShard } from './options.js';
export { defaultOutDir, playwrightOutputDir, REPORTS_DIR } from './out-dir.js';
export {
  matchesGrep,
  parseGrep,
  planRun,
  selectionGrep,
  type RoleSelection,
  type PlanItemView,
  type PlanRequest,
  type RunPlanView,
  type SkippedScenario,
} from './planner.js';
export {
  DEFAULT_PLAYWRIGHT_CONFIG,
  listArguments,
  PLAYWRIGHT_CLI,
  PLAYWRIGHT_VERSION,
  PROGRESS_REPORTER,
  RESULTS_REPORTER,
  runEnvironment,
  targetProjectPatterns,
  testArguments,
  type RunEnvironment,
  type TestRunArguments,
} from './playwright-cli.js';
export { PlaywrightRun, STOP_GRACE_MS, type PlaywrightRunOptions, type PlaywrightRunOutcome } from './playwright-run.js';
export { ProgressTracker, statusText, type ProgressSnapshot } from './progress.js';
export { effectiveMode, progressView, PROGRESS_MODES, transientStatus, type ProgressMode, type ProgressView } from './progress-view.js';
export {
  dmServerUrlOf,
  resolveTargets,
  retarget,
  ROLE_CHOICES,
  RUN_ROLES,
  type RoleChoice,
  type RoleSetup,
  type RunTargets,
  type TargetRequest,
} from './targets.js';
export { validatePlaywrightList, validateProgressEvent } from './validate.js';
export type { ProgressEvent } from './schemas/progress-event.schema.js';
export type { PlaywrightList } from './schemas/playwright-list.schema.js';
