import { expectThat, inconclusive, refOfCheck, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.9 END', () => {
  test(
    'no Package#3 answers a Package#2 with END, and every command of that package still runs',
    {
      tag: ['@5.3.9/end'],
      annotation: [
        {
          type: 'requirement',
          description:
            'END closes the session: the client executes all commands of the package, the ones after END included, and sends no Package#3 (5.3.9, 5.2.4).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      // HPUT, which every client implements (5.3.2), shows the commands ran: the same command before
      // END is the control, so "the command after END was dropped" is told from "HPUT does not work".
      const [before, after] = [sessions.uniqueName('before-end'), sessions.uniqueName('after-end')];
      const leaf = sessions.target.nodes.readableLeaf;
      const run = await sessions.run([
        [['HPUT', dmServer.repository.uploadUrl(before), leaf], ['END'], ['HPUT', dmServer.repository.uploadUrl(after), leaf]],
      ]);
      const quiet = await dmServer.expectNoRequest(sessions.target.timeouts.noSessionWaitMs, {
        after: run.package1.order,
        what: 'a Package#3 after END',
        predicate: (e) => e.type === 'package' && e.package === 3 && e.sessionId === run.package1.sessionId,
        settled: sessions.embeddedSessionsDone(),
      });
      expectThat(quiet.kind === 'quiet', {
        section: '5.2.4',
        rule: 'no Package#3 is sent after a Package#2 that carries END',
        expected: `no Package#3 within ${sessions.target.timeouts.noSessionWaitMs} ms`,
        actual: quiet.kind === 'event' ? `a Package#3 came after END (exchange #${quiet.value.requestSeq})` : '',
        ...(quiet.kind === 'event' ? { seq: quiet.value.requestSeq } : {}),
      });
      // Each upload gets the response time of its own (a TLS handshake each, under load, can outlast the watch above).
      const [ranBefore, ranAfter] = await Promise.all([sessions.uploadTo(before, run.mark), sessions.uploadTo(after, run.mark)]);
      if (ranBefore === undefined) {
        inconclusive(
          `the HPUT before END uploaded nothing, so whether the command after END ran cannot be told (${refOfCheck({ ruleKey: '5.3.2/hput' }).item} fails on HPUT)`,
          {
            rule: 'the commands after END in the same Package#2 are still executed',
            outcome: 'depends-on-failed',
          },
        );
      }
      expectThat(ranAfter !== undefined, {
        rule: 'the commands after END in the same Package#2 are still executed',
        expected: `the HPUT after END uploads to ${after}, as the HPUT before END did`,
        actual: 'the command after END did not run',
      });
    },
  );
});
