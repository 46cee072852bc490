import { expectPackage2 } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { expectThat } from '../../fixtures/verify.js';

const ITEM = 'DM-PACK-001-S-M';
const SECTION = '5.2';

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
      const queued = [['GET', nodes.devId], ['GET', nodes.dataLeaf], ['DELETE', nodes.missing]];
      await test.step('queue three Package#2s at the server', async () => {
        for (const command of queued) await server.queuePackage2({ CMD: [command] }, { item: ITEM, section: SECTION });
      });
      const transcript = await test.step('Package#1, then a Package#3 for each Package#2', () => device.session({ maxPackage2s: queued.length + 1 }));
      for (const round of transcript.rounds) {
        expectPackage2(round.reply, {
          item: ITEM,
          section: SECTION,
          rule: `the server answers every Package#1 and Package#3 with a Package#2 until the session ends (round ${round.index})`,
          expected: `a Package#2 answering the Package#${round.packageNumber}`,
        });
      }
      const names = transcript.rounds.map((round) => (round.reply.kind === 'package2' ? round.reply.package2.CMD.map((entry) => entry[0]) : []));
      expectThat(
        queued.every((command, index) => names[index]?.includes(command[0])),
        {
          item: ITEM,
          section: SECTION,
          rule: 'each queued Package#2 reaches the device in the flow, one per round',
          expected: queued.map((command) => command[0]).join(' → '),
          actual: names.map((round) => round.join('+') || '(none)').join(' → '),
        },
      );
    },
  );
});
