import { END_EXPECTED_WITHIN_PACKAGE2S, expectPackage2, inconclusive, package2s, test } from '../../fixtures/server-target/index.js';

test.describe('5.2 DM package flow', () => {
  test(
    'the server answers every Package#1 and Package#3 with a Package#2, round after round',
    {
      tag: ['@5.2/package-flow'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The server sends Package#2 as the response to Package#1 or Package#3, and the client answers each Package#2 without END with a Package#3, until the server ends the session; the DM server MUST support this flow (5.2)',
        },
      ],
    },
    async ({ device, server, nodes }) => {
      const queued = [
        ['GET', nodes.devId],
        ['GET', nodes.dataLeaf],
        ['DELETE', nodes.missing],
      ];
      await test.step('queue three Package#2s at the server', async () => {
        for (const command of queued) await server.queuePackage2({ CMD: [command] });
      });
      // The server may send other Package#2s between them (an empty one first, its own commands): the session runs on until END.
      const transcript = await test.step('Package#1, then a Package#3 for each Package#2', () =>
        device.session({ maxPackage2s: queued.length + END_EXPECTED_WITHIN_PACKAGE2S }));
      for (const round of transcript.rounds) {
        expectPackage2(round.reply, {
          rule: `the server answers every Package#1 and Package#3 with a Package#2 until the session ends (round ${round.index})`,
          expected: `a Package#2 answering the Package#${round.packageNumber}`,
        });
      }
      // The flow is judged on the rounds above; the queued Package#2s only make it run several rounds.
      const sent = package2s(transcript).flatMap(({ package2 }) => package2.CMD.map((entry) => entry[0]));
      let from = 0;
      const arrived = queued.every((command) => {
        const at = sent.indexOf(command[0], from);
        from = at + 1;
        return at >= 0;
      });
      if (!arrived || transcript.rounds.length < 2) {
        inconclusive(
          `the queuePackage2 trigger was pulled ${queued.length} times, but the queued commands ${queued.map((command) => command[0]).join(' → ')} did not all come in the session (${package2s(
            transcript,
          )
            .map(({ package2 }) => package2.CMD.map((entry) => entry[0]).join('+') || '(none)')
            .join(
              ' → ',
            )}; session ${transcript.end}), so it showed no flow of several rounds; a trigger that did not take effect is charged to no item`,
          { rule: 'the queued Package#2s reach the device in the flow', outcome: 'stimulus-not-delivered' },
        );
      }
    },
  );
});
