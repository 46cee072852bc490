import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { GOLDEN_DIR, goldenOutputs } from '../../golden/render.js';

describe('golden files (update with npm run golden:update, then review the diff)', () => {
  for (const [name, text] of Object.entries(goldenOutputs())) {
    it(`test/golden/${name} matches`, async () => {
      assert.equal(text, await readFile(new URL(name, GOLDEN_DIR), 'utf8'));
    });
  }
});
