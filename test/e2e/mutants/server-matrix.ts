import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemOf, matrixProblems, roleFaults, skippedBecause, type MatrixRun } from './matrix.js';

/**
 * Proof of the server-target suite: against the clean
 * reference server every scenario passes; against each server fault switch the scenarios tagged
 * with the item it breaks fail with the declared message, and every other scenario passes.
 */
export function describeServerMatrix(runOf: () => MatrixRun): void {
  describe('server mutant matrix', { skip: skippedBecause('server') ?? false }, () => {
    test('the Playwright run finished', () => {
      assert.ok(runOf().byFault.size > 0, `no results; Playwright said:\n${runOf().output}`);
    });

    test('clean reference server: every scenario passes', () => {
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
    const naming = (rule: string) => new RegExp(`^inconclusive: .*${itemOf('server', rule)}`);

    test(
      'finding 3: a Status member beside CMD acknowledging the alerts fails 5.4/generic-alert',
      { skip: skippedBecause('server', ['status-member-for-alerts']) ?? false },
      () => {
        const cells = verdictsOf('status-member-for-alerts', '5.4/generic-alert');
        assert.ok(cells.length > 0 && cells.every((cell) => /^fail: .*status/i.test(cell)), cells.join('\n'));
      },
    );

    test(
      'finding 4: refusing a valid Package#3 carrying 202 fails 5.4.1/async-reporting only, never 5.3.5/exec',
      { skip: skippedBecause('server', ['async-accepted-rejected']) ?? false },
      () => {
        assert.ok(verdictsOf('async-accepted-rejected', '5.4.1/async-reporting').some((cell) => cell.startsWith('fail')));
        const exec = verdictsOf('async-accepted-rejected', '5.3.5/exec');
        assert.ok(exec.length > 0 && exec.every((cell) => !cell.startsWith('fail')), exec.join('\n'));
      },
    );

    test(
      'finding 8: a server closing the connection after each Package#3 fails the items mandating the answer, never passes the blocked ones',
      { skip: skippedBecause('server', ['package3-connection-closed']) ?? false },
      () => {
        for (const item of ['5.2.4/package3', '5.2/package-flow'])
          assert.ok(
            verdictsOf('package3-connection-closed', item).some((cell) => cell.startsWith('fail')),
            item,
          );
        const blocked = verdictsOf('package3-connection-closed', '5.3.6/get');
        assert.ok(blocked.length > 0 && blocked.every((cell) => naming('5.2.4/package3').test(cell)), blocked.join('\n'));
      },
    );

    test(
      'finding 9: a server that never sends END gets no pass on "after END a new session opens"',
      { skip: skippedBecause('server', ['session-never-ended']) ?? false },
      () => {
        const cells = verdictsOf('session-never-ended', '5.2.4/package3');
        assert.ok(cells.length > 0 && cells.every((cell) => !cell.startsWith('pass')), cells.join('\n'));
      },
    );

    test(
      'finding 12 (a command in a later Package#2): a server answering every Package#1 with an empty CMD and sending the queued commands after the Package#3 passes every command item; only its missing END fails',
      { skip: skippedBecause('server', ['package1-empty-cmd']) ?? false },
      () => {
        for (const item of [
          '5.2.3/package2',
          '5.3.1/hget',
          '5.3.4/delete',
          '5.3.5/exec',
          '5.3.6/get',
          '5.3.8/cont',
          '5.3.10/default',
          '5.4.1/sync-reporting',
        ]) {
          const cells = verdictsOf('package1-empty-cmd', item);
          assert.ok(cells.length > 0 && cells.every((cell) => cell.startsWith('pass')), `${item}: ${cells.join('\n')}`);
        }
        assert.ok(verdictsOf('package1-empty-cmd', '5.3.9/end').every((cell) => /^fail: .*END/.test(cell)));
      },
    );

    for (const fault of roleFaults('server')) {
      test(
        `${fault.name} fails exactly the scenarios of ${fault.breaks}`,
        { skip: skippedBecause('server', [fault.name]) ?? false },
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
