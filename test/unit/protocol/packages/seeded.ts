import fc from 'fast-check';
import { fuzzRuns } from '../notification/arbitraries.js';

/** The seed of every property test in this folder: DMCT_FC_SEED, or a fixed default. */
export const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20_160_209);

/** Cases per property unless a test says otherwise: a sample in the unit tier, more under `npm run fuzz`. */
const DEFAULT_RUNS = fuzzRuns(100, 1_000);

/** Runs a fast-check property with the folder's seed, naming the seed in any failure. */
export function assertProperty<T>(property: fc.IProperty<T>, numRuns = DEFAULT_RUNS): void {
  try {
    fc.assert(property, { seed: SEED, numRuns });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`property failed with seed ${SEED} (rerun with DMCT_FC_SEED=${SEED}):\n${message}`);
  }
}
