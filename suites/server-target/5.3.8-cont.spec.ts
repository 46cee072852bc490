import { expectCommandWellFormed, expectPackage2 } from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { expectThat } from '../../fixtures/verify.js';

const ITEM = 'DM-PACK-021-S-M';
const SECTION = '5.3.8';
const REQUIREMENT = {
  type: 'requirement',
  description: 'CONT(ServerURI): the client sends every further Package#3 of the session to the ServerURI; the DM Server MUST support CONT (5.3.8)',
};

test.describe('5.3.8 CONT', () => {
  test('CONT carries a ServerURI, and the later Package#3s sent there are accepted', { tag: ['@5.3.8/cont'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    const ref = { item: ITEM, section: SECTION };
    // ["CONT"] without a parameter asks the server to pick its own ServerURI (the queueCommand trigger's convention).
    await server.queueCommand(['CONT'], ref);
    await server.queuePackage2({ CMD: [['GET', nodes.devId]] }, ref);
    const transcript = await device.session({ maxPackage2s: 3 });
    const [first, ...later] = transcript.rounds;
    if (first === undefined) throw new Error('dmct: a session without a first round');
    const package2 = expectPackage2(first.reply, { ...ref, rule: 'the server answers the Package#1 with the Package#2 carrying CONT' });
    const [cont] = expectCommandWellFormed(package2, 'CONT', { ...ref, seq: first.reply.seq, rule: 'CONT carries exactly one ServerURI', parameters: 'ServerURI' });
    const contUri = String(cont?.entry[1]);
    const atCont = later.filter((round) => round.sentTo === contUri);
    // Each answer is judged first: a Package#3 left unanswered at the CONT URI is Package#3 support's
    // (§5.2.4) to fail, a refusal there is CONT's (§5.3.8); the count below then judges the session going on.
    for (const round of atCont) {
      expectPackage2(round.reply, { ...ref, rule: `the server accepts the Package#3 at the CONT URI and answers with a Package#2 (round ${round.index})` });
    }
    expectThat(atCont.length >= 2, {
      ...ref,
      rule: 'the session goes on at the CONT URI: the later Package#3s go there and get answers',
      expected: `at least two Package#3s answered at ${contUri}`,
      actual: `${atCont.length} Package#3(s) sent there; session ${transcript.end} after ${transcript.rounds.length} round(s)`,
    });
  });
});
