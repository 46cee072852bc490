/** The text of each file git tracks under the given paths, for the repository's lint checks. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TrackedText {
  file: string;
  text: string;
}

/** Tracked files under `paths` (relative to `root`) that `keep` accepts, with their text; a file deleted in the working tree is left out. */
export function trackedTexts(root: string, paths: readonly string[], keep: (file: string) => boolean): TrackedText[] {
  const files = execFileSync('git', ['ls-files', '--', ...paths], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && keep(file));
  return files.flatMap((file) => {
    try {
      return [{ file, text: readFileSync(join(root, file), 'utf8') }];
    } catch {
      return []; // listed but deleted in the working tree
    }
  });
}

/** One match of a lint pattern: its 1-based line and the matched text. */
export interface LineMatch {
  line: number;
  text: string;
}

/** Every match of the global `pattern` in `text`, with its line. */
export function matchesByLine(text: string, pattern: RegExp): LineMatch[] {
  return text.split('\n').flatMap((line, index) => [...line.matchAll(pattern)].map((match) => ({ line: index + 1, text: match[0] })));
}
