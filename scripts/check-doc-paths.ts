/**
 * Fails (`npm run lint`) when the README or a page of docs/ names a file or folder of the
 * repository that is not there: a moved or deleted module leaves the docs stale, and a newcomer
 * who follows the path finds nothing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackedTexts } from './tracked-texts.js';

/** Top-level folders whose paths the docs may name. */
const REPOSITORY_FOLDERS = ['src', 'test', 'fixtures', 'suites', 'scripts', 'bench', 'scr', 'schemas', 'docs', 'bin'] as const;

// A path inside backticks or a Markdown link target: `src/x.ts`, (docs/y.md), `test/unit/` …
const PATH_IN_TEXT = new RegExp(`(?<=[\`(])((?:${REPOSITORY_FOLDERS.join('|')})/[A-Za-z0-9_./@-]*)(?=[\`)#:\\s])`, 'g');

export interface StalePath {
  line: number;
  path: string;
}

/** Every repository path named in `text` that `exists` does not find (1-based lines). */
export function findStalePaths(text: string, exists: (path: string) => boolean): StalePath[] {
  const stale: StalePath[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(PATH_IN_TEXT)) {
      const path = (match[1] ?? '').replace(/[.,;]+$/, '');
      // Shapes, not files: placeholders (`<run>`), globs and an edition's folder as a pattern.
      if (path.includes('*') || path.includes('<') || path.endsWith('/.')) continue;
      if (!exists(path)) stale.push({ line: index + 1, path });
    }
  });
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let count = 0;
  for (const { file, text } of trackedTexts(root, ['README.md', 'docs'], (file) => file.endsWith('.md'))) {
    for (const stale of findStalePaths(text, (path) => existsSync(join(root, path)))) {
      process.stderr.write(`${file}:${stale.line}: ${stale.path} does not exist; update or delete the reference\n`);
      count += 1;
    }
  }
  if (count > 0) process.exitCode = 1;
}
