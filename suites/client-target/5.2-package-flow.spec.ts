import { expectAnswer, expectOneOf, matching, test } from '../../fixtures/client-target/index.js';

test.describe('5.2 DM package flow', () => {
  test(
    'the client opens with Package#1 and answers a Package#2 without END with a Package#3',
    {
      tag: ['@5.2/package-flow'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client opens the session with an HTTP POST of Package#1; each Package#2 that carries no END is answered with an HTTP POST of Package#3 (5.2).',
        },
      ],
    },
    async ({ sessions, dmServer, clientTarget }) => {
      const mark = dmServer.mark();
      dmServer.script({ package2: { CMD: [sessions.pad] } });
      const package1 = await sessions.start();
      expectOneOf(package1.method, ['POST'], { rule: 'Package#1 travels as an HTTP POST', seq: package1.requestSeq });
      const next = await dmServer.awaitPackage((p) => p.sessionId === package1.sessionId && p.order > package1.order, {
        after: mark,
        timeoutMs: clientTarget.timeouts.sessionMs,
      });
      // dmct delivered a complete, valid Package#2 without END: silence is this rule's fail (§5.2).
      const answer = expectAnswer(next, {
        rule: 'a Package#2 without END is answered with a Package#3',
        expected: `a Package#3 within ${clientTarget.timeouts.sessionMs} ms`,
        seq: package1.reply.responseSeq,
      });
      expectOneOf(answer, [matching('an HTTP POST carrying Package#3', (p: typeof answer) => p.method === 'POST' && p.package === 3)], {
        rule: 'a Package#2 without END is answered with a Package#3',
        seq: answer.requestSeq,
        actualText: `${answer.method} carrying Package#${answer.package}`,
      });
    },
  );
});
