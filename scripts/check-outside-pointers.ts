/**
 * Fails (`npm run lint`) when a comment or text of the repository points at a document outside it:
 * working notes, a digest of the text and its numbered errata, a numbered open question, an issue
 * number. Code cites the
 * OMA section it is about (`§5.2.1.2`, `App C`) or nothing.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LineMatch, matchesByLine, trackedTexts } from './tracked-texts.js';

/** The folders (and files) whose files are checked. */
export const CHECKED_FOLDERS = ['src', 'suites', 'fixtures', 'scripts', 'test', 'bench', 'docs', 'README.md'] as const;

/** This check and its test name the pointers they look for. */
const EXEMPT = new Set(['scripts/check-outside-pointers.ts', 'test/unit/scripts/outside-pointers.test.ts']);

const OUTSIDE_POINTER =
  /\bdigest (?:§|[0-9]|E[0-9])|dm20-digest|open questions?\b|\b(?:style|design|stack-notes)\.md\b|\bstack-notes\b|\b[Ii]ssue [0-9]+|docs\/notes\/|\b(?:ERRATUM|[Ee]rratum) E[0-9]+/g;

export type OutsidePointer = LineMatch;

/** Every pointer outside the repository in `text`, with its 1-based line. */
export function findOutsidePointers(text: string): OutsidePointer[] {
  return matchesByLine(text, OUTSIDE_POINTER);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let count = 0;
  for (const { file, text } of trackedTexts(root, CHECKED_FOLDERS, (file) => !EXEMPT.has(file))) {
    for (const pointer of findOutsidePointers(text)) {
      process.stderr.write(`${file}:${pointer.line}: "${pointer.text}" points outside the repository; cite the OMA section instead\n`);
      count += 1;
    }
  }
  if (count > 0) process.exitCode = 1;
}
