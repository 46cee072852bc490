/**
 * Where a run's report folder goes: `--out`, else `reports/<UTC timestamp>/`; a second run in
 * the same second gets a `-2`, `-3`… suffix rather than mixing two runs in one folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The folder reports go to by default, relative to the working directory. */
export const REPORTS_DIR = 'reports';

/** `reports/2026-11-25T12-45-03Z` for the given time, made unique among existing folders. */
export function defaultOutDir(now: Date = new Date(), cwd: string = process.cwd()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const base = join(REPORTS_DIR, stamp);
  let candidate = base;
  for (let n = 2; existsSync(join(cwd, candidate)); n++) candidate = `${base}-${n}`;
  return candidate;
}
