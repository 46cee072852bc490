export { runLoad, loadDevIds, type LoadRunOptions, type LoadProgress } from './load-run.js';
export { runLoadSession, type LoadSessionResult, type AttributedViolation } from './load-session.js';
export { startEmbeddedLoadTarget, type EmbeddedLoadTarget } from './embedded-target.js';
export { itemOfPackage2Violation, PACKAGE2_ITEM, END_ITEM } from './violation-items.js';
export { latencyPercentiles } from './percentiles.js';
export { isLoopbackUrl } from './loopback.js';
export { EMBEDDED_WORKLOAD, queueWorkload } from './workload.js';
export { loadReportSchema, type LoadReport, type LatencyPercentiles } from './schemas/load-report.schema.js';
