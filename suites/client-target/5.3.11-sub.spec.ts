import { changeByExec } from '../../fixtures/client-target/checks.js';
import { expectOneOf, expectThat, inconclusive, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.11 SUB', () => {
  test(
    'SUB: a change under the subscribed ClientURI is sent to the ServerURI with HTTP PUT',
    {
      tag: ['@5.3.11/sub'],
      annotation: [
        {
          type: 'requirement',
          description:
            'SUB(ServerURI, ClientURI): whenever something changes at or under the ClientURI, the client sends that subtree to the ServerURI with an HTTP PUT (5.3.11); SUB answers 200 (App C).',
        },
      ],
    },
    async ({ sessions }) => {
      const { executable, executableEffect } = sessions.target.nodes;
      // A change the server can cause with a mandatory command: running the executable changes its effect node (5.3.5).
      if (executableEffect === undefined)
        return inconclusive('the IXIT names no executableEffect node, so dmct cannot cause a change under a subscribed ClientURI', {
          outcome: 'precondition-not-met',
        });
      const name = sessions.uniqueName('sub');
      const target = sessions.engine.repository.uploadUrl(name);
      const change = changeByExec(sessions, executable, executableEffect);
      const run = await sessions.run([...change.before, sessions.padded(['SUB', target, executableEffect]), ...change.after]);
      const answer = run.package3s[change.before.length];
      expectOneOf(statusOf(answer, 0), [SUCCESS_STATUS], {
        rule: 'SUB answers 200 once the subscription is made',
        ...(answer ? { seq: answer.requestSeq } : {}),
      });
      const rule = "a change under a subscribed ClientURI is sent to the SUB's ServerURI with HTTP PUT";
      const upload = await sessions.uploadTo(name, run.mark);
      if (upload === undefined) await change.ensureChanged(run.mark, rule);
      expectThat(upload?.method === 'PUT' && upload.body.length > 0, {
        rule,
        expected: `an HTTP PUT of ${executableEffect} to ${target} after ${executable} ran`,
        actual:
          upload === undefined
            ? `no request to ${target} within ${sessions.target.timeouts.responseMs} ms`
            : `${upload.method} with ${upload.body.length} bytes`,
        ...(upload ? { seq: upload.requestSeq } : {}),
      });
    },
  );
});
