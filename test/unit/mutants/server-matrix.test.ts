import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { matrixProblems, roleFaults, runMatrix, type MatrixRun } from './matrix.js';

/**
 * Proof of the server-target suite (issue 6 point 4, style.md practice 11): against the clean
 * reference server every scenario passes; against each server fault switch the scenarios tagged
 * with the item it breaks fail with the declared message, and every other scenario passes.
 */
describe('server mutant matrix', () => {
  let run: MatrixRun;
  before(async () => {
    run = await runMatrix('server');
  });

  test('the Playwright run finished', () => {
    assert.ok(run.byFault.size > 0, `no results; Playwright said:\n${run.output}`);
  });

  test('clean reference server: every scenario passes', () => {
    const clean = run.byFault.get('') ?? [];
    assert.ok(clean.length > 0, 'the clean project ran no scenario');
    assert.deepEqual(
      clean.filter((cell) => cell.verdict !== 'pass').map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason})`),
      [],
    );
  });

  for (const fault of roleFaults('server')) {
    test(`${fault.name} fails exactly the scenarios of ${fault.breaks}`, () => {
      const cells = run.byFault.get(fault.name) ?? [];
      assert.equal(cells.length, run.byFault.get('')?.length, `the ${fault.name} project ran a different number of scenarios than the clean one`);
      assert.deepEqual(matrixProblems(fault, cells), []);
    });
  }
});
