/**
 * Makes a report deterministic for golden files: every value that differs
 * from one run to the next is replaced by a fixed one, in this one function.
 */
import type { Report } from './schemas/report.schema.js';

/** The time every timestamp of a normalized report shows. */
export const NORMALIZED_TIME = '2000-01-01T00:00:00.000Z';

const TIME_KEYS = new Set(['startTime', 'endTime', 'time']);
const DURATION_KEYS = new Set(['durationMs']);
const VERSION_KEYS = new Set(['dmctVersion', 'playwrightVersion', 'nodeVersion']);
const LOOPBACK_PORT = /(?<![\w.])(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}\b/g;

function normalizeValue(key: string | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeValue(undefined, v));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeValue(k, v)]));
  }
  if (key !== undefined && TIME_KEYS.has(key) && typeof value === 'string') return NORMALIZED_TIME;
  if (key !== undefined && DURATION_KEYS.has(key) && typeof value === 'number') return 0;
  if (key !== undefined && VERSION_KEYS.has(key) && typeof value === 'string') return 'X';
  if (key === 'runId' && typeof value === 'string') return 'RUN-ID';
  if (typeof value === 'string') return value.replace(LOOPBACK_PORT, '$1:PORT');
  return value;
}

/**
 * The report with timestamps, durations, loopback ports (`127.0.0.1:NNNNN` → `127.0.0.1:PORT`),
 * run ids and tool versions replaced by fixed values; everything else is kept.
 */
export function normalizeReport(report: Report): Report {
  return normalizeValue(undefined, report) as Report;
}
