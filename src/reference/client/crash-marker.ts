/**
 * The run-wide crash marker of the `crash-after-first-session` mutant. A real device that exits
 * stays down for the rest of the run; the embedded reference client, though, is started afresh in
 * every Playwright worker (and Playwright replaces a worker after each failed scenario). So the
 * client that crashes writes a marker file into a folder the run fixes once (in the Playwright
 * config, inherited by every worker), and a client started while the marker exists starts crashed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable naming the run's crash marker folder. */
export const CRASH_MARKER_DIR_ENV = 'DMCT_CRASH_MARKER_DIR';

const MARKER_NAME = 'reference-client-crashed';

/** The run's crash marker: has a client of this run crashed, and mark that one did. */
export interface CrashMarker {
  readonly path: string;
  crashed(): boolean;
  markCrashed(): void;
}

/** The marker in `dir` (created on the first mark). */
export function crashMarker(dir: string): CrashMarker {
  const path = join(dir, MARKER_NAME);
  return {
    path,
    crashed: () => existsSync(path),
    markCrashed: () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, `${new Date().toISOString()}\n`);
    },
  };
}
