/**
 * Checks of `dmct run` flag values that yargs' types cannot express; each mistake is a
 * RunSetupError naming the flag, the value and what is expected.
 */
import type { Shard } from '../report/index.js';
import { RunSetupError } from './errors.js';

/** `--shard i/n` (1 ≤ i ≤ n), as Playwright takes it. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const current = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(current) || !Number.isSafeInteger(total)) {
    throw new RunSetupError(`--shard "${value}": expected i/n, e.g. 1/2`);
  }
  if (total < 1 || current < 1 || current > total) throw new RunSetupError(`--shard "${value}": i must be between 1 and n (1 ≤ i ≤ n)`);
  return { current, total };
}

/** A whole-number flag value within [min, max]; undefined stays undefined. */
export function checkInteger(
  flag: string,
  value: number | undefined,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RunSetupError(
      `--${flag} ${String(value)}: expected a whole number${max === Number.MAX_SAFE_INTEGER ? ` ≥ ${min}` : ` from ${min} to ${max}`}`,
    );
  }
  return value;
}

/**
 * Workers for the run: the user's `--workers`, else one when a target is a real implementation
 * (a device has one DevID and one account, so two scenarios at once would cross their sessions),
 * else Playwright's config (DMCT_WORKERS or 2; every worker starts its own embedded peer).
 */
export function effectiveWorkers(requested: number | undefined, allTargetsEmbedded: boolean): number | undefined {
  if (requested !== undefined) return requested;
  return allTargetsEmbedded ? undefined : 1;
}
