import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../src/report/build-report.js';
import { writeConsole } from '../../../src/report/writers/console.js';
import { writeCtrf } from '../../../src/report/writers/ctrf.js';
import { writeEarl } from '../../../src/report/writers/earl.js';
import { writeHtml } from '../../../src/report/writers/html.js';
import { writeJunit } from '../../../src/report/writers/junit.js';
import { sampleExecution, samplePlan, sampleReport, sampleResults } from './data/sample-run.js';

const LINE =
  'DM-PACK-022-C-M non-strict — the client closes the connection after END (SHOULD, 5.3.9) · expected: the connection closed · actual: the connection kept alive';

describe('non-strict findings in the report', () => {
  const report = sampleReport();
  const item = report.items.find((i) => i.id === 'DM-PACK-022-C-M');

  it("ride along with the item's pass, citing keyword and section", () => {
    assert.equal(item?.verdict, 'pass');
    assert.deepEqual(item?.nonStrict, [LINE]);
    assert.deepEqual(item?.scenarios.find((s) => s.id === '5.3-end/end-closes-session')?.nonStrict, [LINE]);
  });

  it('fail the item in a --strict run', () => {
    const plan = { ...samplePlan(), strict: true };
    const strict = buildReport(plan, sampleResults(), sampleExecution());
    const judged = strict.items.find((i) => i.id === 'DM-PACK-022-C-M');
    assert.equal(judged?.verdict, 'fail');
    assert.equal(judged?.reason, `1 of 2 scenarios failed; first: ${LINE}`);
    assert.equal(strict.meta.strict, true);
  });

  it('are shown by every writer', () => {
    const console = writeConsole(report, { color: false });
    assert.match(console, /DM-PACK-022-C-M .*pass .* — non-strict 1/);
    assert.ok(console.includes(`! ${LINE}`), console);
    const junit = writeJunit(report);
    assert.ok(junit.includes('<property name="dmct.nonStrict" value="1"/>'));
    assert.ok(junit.includes(`<system-out>non-strict: ${LINE}</system-out>`));
    assert.match(writeHtml(report), /<span class="badge non-strict"[^>]*>non-strict 1<\/span><code>DM-PACK-022-C-M<\/code>/);
    assert.ok(JSON.stringify(writeCtrf(report)).includes(LINE));
    assert.ok(JSON.stringify(writeEarl(report)).includes(`non-strict: ${LINE}`));
  });
});
