import {
  expectOneOf,
  expectThat,
  matching,
  NON_EXECUTABLE_EXEC_CODES,
  rawJsonOf,
  statusOf,
  test,
  uploadedValue,
  type ClientSessions,
} from '../../fixtures/client-target/index.js';

/** The executable-effect leaf's value, read with HPUT in a session of its own. */
async function readEffect(sessions: ClientSessions, leaf: string): Promise<unknown> {
  const { upload } = await sessions.readBack(leaf);
  return upload === undefined ? undefined : String(uploadedValue(upload));
}

test.describe('5.3.5 EXEC', () => {
  test(
    'EXEC runs the executable node; EXEC of a node that is not executable answers 405',
    {
      tag: ['@5.3.5/exec'],
      annotation: [
        {
          type: 'requirement',
          description:
            'EXEC executes the node at the ClientURI; a node that is not executable gets 405 Command Not Allowed (5.3.5, App C).',
        },
      ],
    },
    async ({ sessions, dmServer, recorder }) => {
      const { executable, executableEffect, readableLeaf } = sessions.target.nodes;
      const before = executableEffect === undefined ? undefined : await readEffect(sessions, executableEffect);
      const run = await sessions.run([sessions.padded(['EXEC', executable]), sessions.padded(['EXEC', readableLeaf])]);
      const [ran, refused] = run.package3s;
      const status = statusOf(ran, 0);
      expectOneOf(
        status,
        [matching("200 (run) or 202 (reported later: the client's choice without a ServerURI)", (sc?: number) => sc === 200 || sc === 202)],
        {
          rule: 'EXEC of an executable node succeeds',
          ...(ran ? { seq: ran.requestSeq } : {}),
        },
      );
      expectOneOf(statusOf(refused, 0), [...NON_EXECUTABLE_EXEC_CODES], {
        section: 'App C',
        rule: 'EXEC of a node that is not executable answers 405 Command Not Allowed',
        ...(refused ? { seq: refused.requestSeq } : {}),
      });
      if (executableEffect === undefined) {
        recorder.remark('the IXIT names no executableEffect node: whether EXEC ran is judged by its status only');
        return;
      }
      if (status === 202) {
        // Reported later: wait for the result alert about the node, then look at the effect.
        await dmServer.awaitPackage((p) => JSON.stringify(rawJsonOf(p) ?? '').includes(executable.split('?')[0] ?? executable), {
          after: run.mark,
          timeoutMs: sessions.target.timeouts.sessionMs,
          endpoint: 'any',
        });
      }
      const after = await readEffect(sessions, executableEffect);
      expectThat(before !== undefined && after !== undefined && before !== after, {
        rule: 'EXEC executes the node (its effect is seen)',
        expected: `${executableEffect} changes when ${executable} runs`,
        actual: `${executableEffect} read ${JSON.stringify(before)} before and ${JSON.stringify(after)} after the EXEC`,
      });
    },
  );
});
