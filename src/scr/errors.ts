import { isAbsolute, relative } from 'node:path';

/**
 * Bad input to the SCR layer, found while loading: every problem is one self-contained line
 * naming the file, the JSON pointer (and row) and the rule. All problems are collected before
 * the error is thrown, so one run shows them all. The CLI prints each line and exits 2.
 */
export class ScrInputError extends Error {
  override readonly name: string = 'ScrInputError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** An SCR table edition (scr/<name>/) that is missing or malformed (Appendix B as data). */
export class ScrTableError extends ScrInputError {
  override readonly name = 'ScrTableError';
}

/** A claims file (ICS/IXIT) that cannot be read, is not valid, or names unknown SCR items. */
export class ClaimsError extends ScrInputError {
  override readonly name = 'ClaimsError';
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
