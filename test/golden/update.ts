/**
 * Rewrites the golden files (`npm run golden:update`). Review the diff before committing it:
 * a golden changes only on purpose.
 */
import { writeFile } from 'node:fs/promises';
import { GOLDEN_DIR, goldenOutputs } from './render.js';

for (const [name, text] of Object.entries(goldenOutputs())) {
  await writeFile(new URL(name, GOLDEN_DIR), text);
  process.stdout.write(`wrote test/golden/${name}\n`);
}
