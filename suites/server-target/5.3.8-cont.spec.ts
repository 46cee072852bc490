import {
  type Awaited,
  END_EXPECTED_WITHIN_PACKAGE2S,
  entriesNamed,
  expectArrival,
  expectCommandWellFormed,
  expectPackage2,
  expectThat,
  type SessionTranscript,
  test,
} from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'CONT(ServerURI): the client sends every further Package#3 of the session to the ServerURI; the DM Server MUST support CONT (5.3.8)',
};

/**
 * The first Package#2 carrying CONT (in whichever Package#2 of the session it came) has exactly one
 * ServerURI, and the session goes on there: the later Package#3s go to the CONT URI and get answers.
 */
function expectContFollowed(transcript: SessionTranscript, awaited: Awaited): void {
  const arrival = expectArrival(transcript, (package2) => entriesNamed(package2, 'CONT').length > 0, awaited, {
    rule: `the server sends ${awaited.what}`,
  });
  const [cont] = expectCommandWellFormed(arrival.package2, 'CONT', {
    seq: arrival.seq,
    rule: 'CONT carries exactly one ServerURI',
    parameters: 'ServerURI',
  });
  const contUri = String(cont?.entry[1]);
  const atCont = transcript.rounds.slice(arrival.round.index + 1).filter((round) => round.sentTo === contUri);
  // Each answer is judged first: a Package#3 left unanswered at the CONT URI is Package#3 support's
  // (§5.2.4) to fail, a refusal there is CONT's (§5.3.8); the count below then judges the session going on.
  for (const round of atCont) {
    expectPackage2(round.reply, {
      rule: `the server accepts the Package#3 at the CONT URI and answers with a Package#2 (round ${round.index})`,
    });
  }
  expectThat(atCont.length >= 2, {
    rule: 'the session goes on at the CONT URI: the later Package#3s go there and get answers',
    expected: `at least two Package#3s answered at ${contUri}`,
    actual: `${atCont.length} Package#3(s) sent there; session ${transcript.end} after ${transcript.rounds.length} round(s)`,
  });
}

test.describe('5.3.8 CONT', () => {
  test(
    'CONT carries a ServerURI, and the later Package#3s sent there are accepted',
    { tag: ['@5.3.8/cont'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      if (!server.configured('queueCommand') || !server.configured('queuePackage2')) {
        // No trigger: a CONT the server sends of its own accord is judged.
        expectContFollowed(await device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S + 2 }), {
          trigger: 'queueCommand',
          prompted: false,
          what: 'a CONT',
        });
        return;
      }
      // ["CONT"] without a parameter asks the server to pick its own ServerURI (the queueCommand trigger's convention).
      await server.queueCommand(['CONT']);
      await server.queuePackage2({ CMD: [['GET', nodes.devId]] });
      expectContFollowed(await device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S + 2 }), {
        trigger: 'queueCommand',
        prompted: true,
        what: 'the queued CONT',
      });
    },
  );
});
