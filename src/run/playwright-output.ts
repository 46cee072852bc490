/**
 * Tidies dmct's own subfolders of a report folder after the Playwright run. Playwright writes an
 * `error-context.md` into the output folder of every failed test (a prompt asking a language
 * model to fix the test: no evidence, and misleading in a conformance report, whose findings are
 * in report.json) and a `.last-run.json` for its own `--last-failed`; it also creates a folder
 * per test that often stays empty. Those files go, then every empty folder, the tidied folder
 * included. Anything else, such as a trace a custom config asked for, is kept. Only folders dmct
 * created are tidied: `--out` may name a folder holding the user's own files.
 */
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Files Playwright writes for itself, never for the reader of a conformance report. */
export const PLAYWRIGHT_CHATTER: ReadonlySet<string> = new Set(['error-context.md', '.last-run.json']);

/** Folders deeper than this are left alone (Playwright's own layout is two levels deep). */
const MAX_DEPTH = 8;

/** Removes the chatter below `dir`, then the empty folders; true when `dir` itself ended empty. */
async function tidyFolder(dir: string, depth: number): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let left = entries.length;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links are neither followed nor removed: isDirectory() and isFile() are false for them.
    if (entry.isFile() && PLAYWRIGHT_CHATTER.has(entry.name)) {
      await rm(path, { force: true });
      left--;
    } else if (entry.isDirectory() && depth < MAX_DEPTH && (await tidyFolder(path, depth + 1))) {
      await rmdir(path).then(
        () => left--,
        () => undefined,
      );
    }
  }
  return left === 0;
}

/** Tidies `dir` (see the module comment) and removes it when nothing is left in it. */
export async function tidyRunSubfolder(dir: string): Promise<void> {
  if (await tidyFolder(dir, 0)) await rmdir(dir).catch(() => undefined);
}
