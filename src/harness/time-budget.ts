import { performance } from 'node:perf_hooks';

/** What a wait may take out of a {@link TimeBudget}: `ms`, and whether the budget, not the wait's own limit, set it. */
export interface BudgetedWait {
  ms: number;
  /** True when what is left of the budget is shorter than the wait's own limit. */
  cut: boolean;
}

/**
 * A share of a scenario's time that several waits draw from (the device's side transfers): each
 * wait gets what is left, at most its own limit, so a slow target uses up the share and the
 * scenario ends with a reason before the test runner's own time-out cuts it off.
 */
export class TimeBudget {
  readonly totalMs: number;
  readonly #deadline: number;
  readonly #now: () => number;

  /** `now` is a monotonic clock in milliseconds (default `performance.now`), replaceable in tests. */
  constructor(totalMs: number, now: () => number = () => performance.now()) {
    this.totalMs = Math.max(0, totalMs);
    this.#now = now;
    this.#deadline = now() + this.totalMs;
  }

  /** Whole milliseconds left, never below 0 (timers take whole milliseconds). */
  remainingMs(): number {
    return Math.max(0, Math.floor(this.#deadline - this.#now()));
  }

  /** Why a request stopped for the budget: `<label>: <what happened>; …used up their share…`. */
  spent(label: string, what: string): string {
    return `${label}: ${what}; dmct's requests used up their ${this.totalMs} ms share of the scenario's time`;
  }

  /** How long a wait whose own limit is `limitMs` may take now. */
  wait(limitMs: number): BudgetedWait {
    const left = this.remainingMs();
    return left < limitMs ? { ms: left, cut: true } : { ms: limitMs, cut: false };
  }
}

/** Time kept back from a scenario's requests: ending the scenario and writing its evidence. */
export const SCENARIO_RESERVE_MS = 5000;

/**
 * The share of a scenario's time-out the device's requests (packages, CONT follow-ups, side
 * transfers) may use: the time-out less {@link SCENARIO_RESERVE_MS}, but at least half of it;
 * undefined when the scenario has no time-out (0).
 */
export function requestShareMs(scenarioTimeoutMs: number): number | undefined {
  if (scenarioTimeoutMs <= 0) return undefined;
  return Math.max(scenarioTimeoutMs - SCENARIO_RESERVE_MS, Math.floor(scenarioTimeoutMs / 2));
}
