import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

type Report = { items: { id: string; verdict: string; reason?: string }[] };

/** Asserts that each of `ids` passed in the report folder `out`; a failure shows every item's verdict and reason. */
export async function assertItemsPass(out: string, ids: readonly string[]): Promise<void> {
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  const verdicts = Object.fromEntries(
    report.items
      .filter((item) => ids.includes(item.id))
      .map((item) => [item.id, `${item.verdict}${item.verdict === 'pass' ? '' : ` (${item.reason ?? ''})`}`]),
  );
  assert.deepEqual(verdicts, Object.fromEntries(ids.map((id) => [id, 'pass'])));
}
