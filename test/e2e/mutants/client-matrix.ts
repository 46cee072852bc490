import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrixProblems, roleFaults, type MatrixRun } from './matrix.js';

/**
 * Proof of the client-target suite: against the clean
 * reference client every scenario passes; against each client fault switch the scenarios tagged
 * with the item it breaks fail with the declared message, and every other scenario passes (or is
 * not applicable).
 */
export function describeClientMatrix(runOf: () => MatrixRun): void {
  describe('client mutant matrix', () => {
    test('the Playwright run finished', () => {
      assert.ok(runOf().byFault.size > 0, `no results; Playwright said:\n${runOf().output}`);
    });

    test('clean reference client: every scenario passes', () => {
      const clean = runOf().byFault.get('') ?? [];
      assert.ok(clean.length > 0, 'the clean project ran no scenario');
      assert.deepEqual(
        clean.filter((cell) => cell.verdict !== 'pass').map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason})`),
        [],
      );
    });

    for (const fault of roleFaults('client')) {
      test(`${fault.name} fails exactly the scenarios of ${fault.breaks}`, () => {
        const cells = runOf().byFault.get(fault.name) ?? [];
        assert.equal(cells.length, runOf().byFault.get('')?.length, `the ${fault.name} project ran a different number of scenarios than the clean one`);
        assert.deepEqual(matrixProblems(fault, cells), []);
      });
    }
  });
}
