/**
 * One process of the unit tier (scripts/unit-tier.ts): takes unit test files from the shared queue
 * one at a time, until none is left, and imports each inside a suite named after the file. A
 * suite's hooks and tests are registered in the suite that imports them, so a file's top-level
 * `before`/`after` (an msw interceptor, fake timers) stays scoped to that file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The environment variable naming the queue folder. */
export const UNIT_QUEUE_ENV = 'DMCT_UNIT_QUEUE';
/** The queue folder's list of absolute test file paths (JSON), in the order they are taken. */
export const QUEUE_FILE = 'queue.json';
/** The queue folder's folder of claims: a file is taken by whoever creates its entry first. */
export const CLAIMS_FOLDER = 'claims';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Whether this process takes the queue's file at `index` (mkdir is atomic: one process wins). */
function claim(folder: string, index: number): boolean {
  try {
    mkdirSync(join(folder, CLAIMS_FOLDER, String(index)));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const folder = process.env[UNIT_QUEUE_ENV];
if (folder !== undefined) {
  const files = JSON.parse(readFileSync(join(folder, QUEUE_FILE), 'utf8')) as string[];
  for (const [index, file] of files.entries()) {
    if (!claim(folder, index)) continue;
    // Awaiting the suite takes the next file only when this one is done.
    await describe(relative(ROOT, file), async () => {
      await import(pathToFileURL(file).href);
    });
  }
}
