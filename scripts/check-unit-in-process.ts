/**
 * Fails (`npm run lint`) when a file of the unit tier (test/unit) imports `node:child_process`:
 * unit tests run in-process, so the tier stays fast and deterministic on a loaded machine. A test
 * that needs a real program (a shell, `mkfifo`, Playwright) belongs in test/e2e.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LineMatch, matchesByLine, trackedTexts } from './tracked-texts.js';

/** The folder held to in-process tests. */
export const UNIT_TIER = 'test/unit';

/** This check's own test names the imports it looks for. */
const EXEMPT = new Set(['test/unit/scripts/unit-in-process.test.ts']);

// A static import or re-export, a dynamic import() or a require() of the module, with or without `node:`.
const CHILD_PROCESS_IMPORT = /\bfrom\s*['"](?:node:)?child_process['"]|\b(?:import|require)\s*\(\s*['"](?:node:)?child_process['"]\s*\)/g;

export type ChildProcessImport = LineMatch;

/** Every import of `child_process` in `text`, with its 1-based line. */
export function findChildProcessImports(text: string): ChildProcessImport[] {
  return matchesByLine(text, CHILD_PROCESS_IMPORT);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let count = 0;
  for (const { file, text } of trackedTexts(root, [UNIT_TIER], (file) => /\.[cm]?[jt]s$/.test(file) && !EXEMPT.has(file))) {
    for (const found of findChildProcessImports(text)) {
      process.stderr.write(
        `${file}:${found.line}: ${found.text}: unit tests run in-process; move a test that needs a real program to test/e2e\n`,
      );
      count += 1;
    }
  }
  if (count > 0) process.exitCode = 1;
}
