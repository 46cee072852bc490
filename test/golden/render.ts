/**
 * The outputs pinned by the golden files: the console and JUnit views of the sample run, built
 * with the real clock and durations so that normalizeReport() has something to normalize.
 */
import { buildReport } from '../../src/report/build-report.js';
import { normalizeReport } from '../../src/report/normalize.js';
import { writeConsole } from '../../src/report/writers/console.js';
import { writeJunit } from '../../src/report/writers/junit.js';
import { sampleExecution, samplePlan, sampleResults } from '../unit/report/data/sample-run.js';

/** Folder of the golden files. */
export const GOLDEN_DIR = new URL('.', import.meta.url);

/** Golden file name → its expected content. */
export function goldenOutputs(): Record<string, string> {
  const start = new Date();
  const results = sampleResults().map((r) => ({ ...r, durationMs: Math.round(Math.random() * 1000) }));
  const report = buildReport(
    samplePlan(),
    results,
    sampleExecution({ startTime: start.toISOString(), endTime: new Date().toISOString(), durationMs: Date.now() - start.getTime() }),
  );
  const normalized = normalizeReport(report);
  return {
    'console.txt': writeConsole(normalized, { color: false }),
    'junit.xml': writeJunit(normalized),
  };
}
