import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { matrixProblems, roleFaults, runMatrix, type MatrixRun } from './matrix.js';

/**
 * Proof of the client-target suite: against the clean
 * reference client every scenario passes; against each client fault switch the scenarios tagged
 * with the item it breaks fail with the declared message, and every other scenario passes (or is
 * not applicable).
 */
describe('client mutant matrix', () => {
  let run: MatrixRun;
  before(async () => {
    run = await runMatrix('client');
  });

  test('the Playwright run finished', () => {
    assert.ok(run.byFault.size > 0, `no results; Playwright said:\n${run.output}`);
  });

  test('clean reference client: every scenario passes', () => {
    const clean = run.byFault.get('') ?? [];
    assert.ok(clean.length > 0, 'the clean project ran no scenario');
    assert.deepEqual(
      clean.filter((cell) => cell.verdict !== 'pass').map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason})`),
      [],
    );
  });

  for (const fault of roleFaults('client')) {
    test(`${fault.name} fails exactly the scenarios of ${fault.breaks}`, () => {
      const cells = run.byFault.get(fault.name) ?? [];
      assert.equal(cells.length, run.byFault.get('')?.length, `the ${fault.name} project ran a different number of scenarios than the clean one`);
      assert.deepEqual(matrixProblems(fault, cells), []);
    });
  }
});
