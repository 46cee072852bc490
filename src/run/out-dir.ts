/**
 * Where a run's report folder goes: `--out`, else `reports/<UTC timestamp>/`; a second run in
 * the same second gets a `-2`, `-3`… suffix rather than mixing two runs in one folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folder reports go to by default, relative to the working directory. */
export const REPORTS_DIR = 'reports';

/** `reports/2026-11-25T12-45-03Z` for the given time, made unique among existing folders. */
export function defaultOutDir(now: Date = new Date(), cwd: string = process.cwd()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const base = join(REPORTS_DIR, stamp);
  let candidate = base;
  for (let n = 2; existsSync(join(cwd, candidate)); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * The folder for Playwright's artifacts inside the report folder: `playwright/`, or when that
 * already holds files (an earlier run into the same `--out`), the first free `playwright-2/`,
 * `playwright-3/`… — Playwright empties its output folder, and another run's artifacts are not
 * dmct's to delete.
 */
export function playwrightOutputDir(outDir: string, base: string): string {
  const isFree = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;
  let candidate = join(outDir, base);
  for (let n = 2; !isFree(candidate); n++) candidate = join(outDir, `${base}-${n}`);
  return candidate;
}
