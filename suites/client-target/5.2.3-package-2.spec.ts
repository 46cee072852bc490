import { expectOneOf, expectThat, test, type ClientSessions, type Command } from '../../fixtures/client-target/index.js';

/** One upload command per repository name, in package order: `HPUT`/`HPOST` of the readable leaf. */
function uploads(sessions: ClientSessions, plan: readonly [command: 'HPUT' | 'HPOST', name: string][]): Command[] {
  return plan.map(([command, name]) => [command, sessions.engine.repository.uploadUrl(name), sessions.target.nodes.readableLeaf]);
}

/** Every command ran (one upload per command) and in package order; fails naming the first command that did not. */
function checkRanInOrder(sessions: ClientSessions, mark: number, names: readonly string[], seq: number): void {
  const seen = sessions.engine.repository
    .uploads(mark)
    .map((upload) => upload.name)
    .filter((name) => names.includes(name));
  const missing = names.findIndex(
    (name, i) => seen.filter((n) => n === name).length < names.slice(0, i + 1).filter((n) => n === name).length,
  );
  expectThat(missing < 0, {
    rule: 'the client executes every command of the Package#2',
    expected: `uploads to ${names.join(', ')}`,
    actual: `command ${missing} (${names[missing] ?? ''}) was not executed: uploads seen ${seen.join(', ') || 'none'}`,
    seq,
  });
  expectOneOf(seen.join(', '), [names.join(', ')], {
    rule: 'the client executes the commands one after the other in the order of the Package#2',
    seq,
    actualText: `uploads in the order ${seen.join(', ')}`,
  });
}

test.describe('5.2.3 Package#2', () => {
  test(
    'commands run one after the other in package order, a repeated command too, and past a failing one',
    {
      tag: ['@5.2.3/package2'],
      annotation: [
        {
          type: 'requirement',
          description:
            "Package#2, the HTTP response to the client's package, carries an ordered list of commands, repeats allowed; the client MUST execute them in that order (5.2.3, 5.2).",
        },
      ],
    },
    async ({ sessions }) => {
      const [a, b, c] = ['a', 'b', 'c'].map((n) => sessions.uniqueName(`order-${n}`)) as [string, string, string];
      const names = [a, b, c, a];
      // HPOST a is repeated as is; the order a, b, c, a also tells reversed execution from the right one.
      const repeated = uploads(sessions, [
        ['HPOST', a],
        ['HPUT', b],
        ['HPOST', c],
        ['HPOST', a],
      ]);
      const first = await sessions.run([repeated]);
      checkRanInOrder(sessions, first.mark, names, first.package3s[0]?.requestSeq ?? first.package1.requestSeq);

      const around = ['before', 'after'].map((n) => sessions.uniqueName(`failing-${n}`));
      const failing: Command = ['DELETE', `${sessions.target.nodes.deletableMoid}/dmct-no-such-instance/`];
      const [before, after] = uploads(sessions, [
        ['HPOST', around[0] ?? ''],
        ['HPOST', around[1] ?? ''],
      ]);
      const second = await sessions.run([[before ?? sessions.pad, failing, after ?? sessions.pad]]);
      checkRanInOrder(sessions, second.mark, around, second.package3s[0]?.requestSeq ?? second.package1.requestSeq);
    },
  );
});
