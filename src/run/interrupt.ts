/**
 * Ctrl-C and termination while a run is going: instead of dying (and leaving no report), dmct
 * hands each SIGINT/SIGTERM to the run, which stops Playwright and still writes the report.
 */

/** The signals that stop a run. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Calls `handler` for every SIGINT or SIGTERM until the returned function is called. While it is
 * installed the process does not exit on these signals.
 */
export function onStopSignal(handler: (signal: NodeJS.Signals) => void): () => void {
  const listener = (signal: NodeJS.Signals) => handler(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, listener);
  };
}
