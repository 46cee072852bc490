import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemOf, matrixProblems, roleFaults, skippedBecause, type MatrixRun } from './matrix.js';

/**
 * Proof of the client-target suite: against the clean
 * reference client every scenario passes; against each client fault switch the scenarios tagged
 * with the item it breaks fail with the declared message, and every other scenario passes (or is
 * not applicable).
 */
export function describeClientMatrix(runOf: () => MatrixRun): void {
  describe('client mutant matrix', { skip: skippedBecause('client') ?? false }, () => {
    test('the Playwright run finished', () => {
      assert.ok(runOf().byFault.size > 0, `no results; Playwright said:\n${runOf().output}`);
    });

    test('clean reference client: every scenario passes', () => {
      const clean = runOf().byFault.get('') ?? [];
      assert.ok(clean.length > 0, 'the clean peer ran no scenario');
      assert.deepEqual(
        clean.filter((cell) => cell.verdict !== 'pass').map((cell) => `${cell.title}: ${cell.verdict} (${cell.reason})`),
        [],
      );
    });

    /** The verdict of each scenario proving `rule` against the fault switch `name`. */
    const verdictsOf = (name: string, rule: string) =>
      (runOf().byFault.get(name) ?? []).filter((cell) => cell.rules.includes(rule)).map((cell) => `${cell.verdict}: ${cell.reason}`);
    /** A reason naming the matrix edition's item holding `rule`. */
    const naming = (rule: string) => new RegExp(`^inconclusive: .*${itemOf('client', rule)}`);

    test(
      'finding 2: a client calling back over its default bearer is never failed on 5.2.1.2/preferred-con-type; the SHOULD departure is a non-strict finding',
      { skip: skippedBecause('client', ['ignore-con-type']) ?? false },
      () => {
        const cells = (runOf().byFault.get('ignore-con-type') ?? []).filter((cell) => cell.rules.includes('5.2.1.2/preferred-con-type'));
        assert.ok(
          cells.length > 0 && cells.every((cell) => cell.verdict === 'pass'),
          cells.map((cell) => `${cell.verdict}: ${cell.reason}`).join('\n'),
        );
        assert.ok(
          cells.some((cell) => cell.nonStrict.length > 0),
          'no non-strict finding was reported',
        );
      },
    );

    test(
      'finding 5: a client reporting HGET asynchronously fails 5.4.1/sync-reporting; 014 depends on it (inconclusive), 023 is not failed',
      { skip: skippedBecause('client', ['hget-async']) ?? false },
      () => {
        assert.ok(verdictsOf('hget-async', '5.4.1/sync-reporting').some((cell) => cell.startsWith('fail')));
        const hget = verdictsOf('hget-async', '5.3.1/hget');
        assert.ok(
          hget.length > 0 &&
            hget.every((cell) => !cell.startsWith('fail')) &&
            hget.some((cell) => naming('5.4.1/sync-reporting').test(cell)),
          hget.join('\n'),
        );
        assert.ok(
          verdictsOf('hget-async', '5.3.10/default').every((cell) => !cell.startsWith('fail')),
          verdictsOf('hget-async', '5.3.10/default').join('\n'),
        );
      },
    );

    test(
      'finding 7: a client that never sends a Package#3 keeps its Package#1 judged (011 passes) and fails 013 and 001 on the silence',
      { skip: skippedBecause('client', ['no-package3', 'package1-then-stop']) ?? false },
      () => {
        for (const name of ['no-package3', 'package1-then-stop']) {
          assert.ok(
            verdictsOf(name, '5.2.2/package1').every((cell) => cell.startsWith('pass')),
            `${name}: ${verdictsOf(name, '5.2.2/package1').join('\n')}`,
          );
          for (const item of ['5.2.4/package3', '5.2/package-flow'])
            assert.ok(
              verdictsOf(name, item).some((cell) => cell.startsWith('fail')),
              `${name} ${item}`,
            );
        }
      },
    );

    test(
      'finding 11: a client whose HPUT or HPOST is broken is not failed on END (5.3.9/end): the END probe does not hang on another item',
      { skip: skippedBecause('client', ['hput-wrong-method', 'hpost-wrong-method']) ?? false },
      () => {
        for (const name of ['hput-wrong-method', 'hpost-wrong-method']) {
          const end = verdictsOf(name, '5.3.9/end');
          assert.ok(end.length > 0 && end.every((cell) => !cell.startsWith('fail')), `${name}: ${end.join('\n')}`);
        }
      },
    );

    for (const fault of roleFaults('client')) {
      test(
        `${fault.name} fails exactly the scenarios of ${fault.breaks}`,
        { skip: skippedBecause('client', [fault.name]) ?? false },
        () => {
          const cells = runOf().byFault.get(fault.name) ?? [];
          assert.equal(
            cells.length,
            runOf().byFault.get('')?.length,
            `${fault.name} ran a different number of scenarios than the clean peer`,
          );
          assert.deepEqual(matrixProblems(fault, cells), []);
        },
      );
    }
  });
}
