import type { LatencyPercentiles } from './schemas/load-report.schema.js';

/** Rounds a duration to microseconds so reports stay readable. */
function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The sample at percentile `p` (0–100) of sorted samples, by the nearest-rank method. */
function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/** p50 / p90 / p99 / max of latency samples in milliseconds; all 0 when there are none. */
export function latencyPercentiles(samples: readonly number[]): LatencyPercentiles {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  return {
    p50: roundMs(nearestRank(values, 50)),
    p90: roundMs(nearestRank(values, 90)),
    p99: roundMs(nearestRank(values, 99)),
    max: roundMs(values[values.length - 1] ?? 0),
  };
}
