/** The lint check that keeps the README and docs/ naming only files that exist. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findStalePaths } from '../../../scripts/check-doc-paths.js';

const present = new Set(['src/report/verdict.ts', 'test/e2e/run', 'docs/reference/faults.md']);
const exists = (path: string) => present.has(path.replace(/\/$/, ''));

describe('findStalePaths', () => {
  it('reports a moved or deleted path in backticks or a link, with its line', () => {
    const text = [
      'The verdict is decided in `src/report/verdict.ts`.',
      'Tests: `test/unit/run/quick-start.test.ts` runs them.',
      'See [faults](docs/reference/faults.md) and [notes](docs/old/run.md).',
    ].join('\n');
    assert.deepEqual(
      findStalePaths(text, exists).map((stale) => `${stale.line}:${stale.path}`),
      ['2:test/unit/run/quick-start.test.ts', '3:docs/old/run.md'],
    );
  });

  it('accepts folders, trailing punctuation, placeholders and globs', () => {
    const text = [
      'End-to-end tests live in `test/e2e/run/`.',
      'Reports go to `reports/<run>` and scenarios are `suites/**/*.spec.ts`.',
      'Read (src/report/verdict.ts).',
      'Plain words such as src/none.ts outside backticks are prose.',
    ].join('\n');
    assert.deepEqual(findStalePaths(text, exists), []);
  });
});
