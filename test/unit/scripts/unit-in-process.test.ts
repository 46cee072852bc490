/** The lint check that keeps the unit tier free of child processes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findChildProcessImports } from '../../../scripts/check-unit-in-process.js';

describe('findChildProcessImports', () => {
  it('finds static, dynamic and require imports, with or without node:, with their lines', () => {
    const text = [
      "import { execFileSync } from 'node:child_process';",
      "import assert from 'node:assert/strict';",
      "const { spawn } = await import('node:child_process');",
      'const cp = require("child_process");',
      "export { fork } from 'child_process';",
    ].join('\n');
    assert.deepEqual(
      findChildProcessImports(text).map((found) => found.line),
      [1, 3, 4, 5],
    );
  });

  it('leaves other modules and prose alone', () => {
    const text = [
      "import { Worker } from 'node:worker_threads';",
      '// no child_process here: the trigger runs in-process',
      "import x from './child_process-free.js';",
    ].join('\n');
    assert.deepEqual(findChildProcessImports(text), []);
  });
});
