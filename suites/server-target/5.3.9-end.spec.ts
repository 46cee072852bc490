import {
  carriesOwnCommands,
  END_EXPECTED_WITHIN_PACKAGE2S,
  entriesNamed,
  expectArrival,
  expectOneOf,
  expectPackage2,
  expectThat,
  type SessionTranscript,
  test,
} from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'The DM Server MUST use END to close the DM session; END takes no parameter and the client sends no Package#3 after it (5.3.9)',
};

function expectEnded(transcript: SessionTranscript, when: string): void {
  for (const round of transcript.rounds) expectPackage2(round.reply, { rule: `the server answers each package until END (${when})` });
  const last = transcript.rounds.at(-1);
  const ends = last?.reply.kind === 'package2' ? entriesNamed(last.reply.package2, 'END') : [];
  expectThat(transcript.end === 'end', {
    rule: `the server closes the session with END ${when}`,
    expected: `a Package#2 with END within ${END_EXPECTED_WITHIN_PACKAGE2S} Package#2s`,
    actual: `no END in ${transcript.rounds.length} Package#2(s); last CMD ${last?.reply.kind === 'package2' ? JSON.stringify(last.reply.package2.CMD) : '(none)'}`,
  });
  for (const { entry } of ends) {
    expectOneOf(entry, [['END']], { rule: 'END takes no parameter', ...(last === undefined ? {} : { seq: last.reply.seq }) });
  }
}

test.describe('5.3.9 END', () => {
  test(
    'with nothing to do the server closes the session with END',
    { tag: ['@5.3.9/end'], annotation: [REQUIREMENT] },
    async ({ device }) => {
      expectEnded(await device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S }), 'when nothing is queued');
    },
  );

  test(
    'once the queued command is reported the server closes the session with END',
    { tag: ['@5.3.9/end'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      if (!server.configured('queueCommand')) {
        // No trigger: judged when the server sent commands of its own accord, which it must close with END once reported.
        const transcript = await device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S + 1 });
        expectArrival(
          transcript,
          carriesOwnCommands,
          { trigger: 'queueCommand', prompted: false, what: 'commands' },
          { rule: 'the server sends commands of its own' },
        );
        expectEnded(transcript, 'after its own commands');
        return;
      }
      await server.queueCommand(['DELETE', nodes.missing]);
      expectEnded(await device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S + 1 }), 'after the queued command');
    },
  );
});
