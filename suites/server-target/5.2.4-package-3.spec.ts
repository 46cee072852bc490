import {
  carriesQueued,
  chosenStatuses,
  type DeviceEngine,
  END_EXPECTED_WITHIN_PACKAGE2S,
  expectPackage2,
  getDataOf,
  inconclusive,
  queuedReport,
  refOfCheck,
  test,
  untilReported,
} from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'The client answers a Package#2 with Package#3, its statuses (and GET data, multipart), but MUST NOT send it when the Package#2 includes END; the DM Server MUST support this package (5.2.4, App F)',
};

/**
 * A session the server ends at once (nothing queued), then a new Package#1: after END the server
 * must await no Package#3 (§5.2.4), so the new session opens. Returns the first round of the new
 * session. The rule is judged only when the server did send END: a server that closes no session
 * with END breaks §5.3.9 (closing the session with END, its own rule), so this scenario is
 * blocked by that failure — inconclusive `depends-on-failed`, never a pass.
 */
async function endThenNewSession(device: DeviceEngine, newSession: () => ReturnType<DeviceEngine['session']>) {
  const closed = await test.step('a session the server ends with END (no Package#3 follows)', () =>
    device.session({ maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S }));
  const [opening] = closed.rounds;
  if (opening === undefined) throw new Error('dmct: a session without a first round');
  for (const round of closed.rounds) {
    expectPackage2(round.reply, { rule: `the server answers each package of a session with nothing queued (round ${round.index})` });
  }
  if (closed.end !== 'end') {
    const end = refOfCheck({ ruleKey: '5.3.9/end' });
    inconclusive(
      `the server answered the Package#1 with nothing queued with no END within ${END_EXPECTED_WITHIN_PACKAGE2S} Package#2s (session ${closed.end}); closing the session with END is the rule of ${end.item} (§${end.section}), failed there`,
      {
        rule: 'a Package#2 with END ends the session, so the next Package#1 opens a new one',
        outcome: 'depends-on-failed',
        seq: opening.reply.seq,
      },
    );
  }
  const next = await test.step('a new session right after', newSession);
  const [first] = next.rounds;
  if (first === undefined) throw new Error('dmct: a session without a first round');
  expectPackage2(first.reply, { rule: 'after END the server awaits no Package#3: the next Package#1 opens a new session' });
  return next;
}

test.describe('5.2.4 Package#3', () => {
  test(
    'after a Package#2 with END no Package#3 is awaited: a new session opens',
    { tag: ['@5.2.4/package3'], annotation: [REQUIREMENT] },
    async ({ device }) => {
      await endThenNewSession(device, () => device.session({ maxPackage2s: 1 }));
    },
  );

  test(
    'a Package#3 with statuses and a multipart GET reply is accepted',
    { tag: ['@5.2.4/package3'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const data = await getDataOf(device, nodes.devId);
      const queued = [
        ['GET', nodes.devId],
        ['DELETE', nodes.missing],
      ];
      const transcript = await endThenNewSession(device, async () => {
        await server.queuePackage2({ CMD: queued });
        return device.session({ ...untilReported(carriesQueued(queued)), answer: chosenStatuses(queued, [200, 404], data) });
      });
      const answered = queuedReport(transcript, queued, 'queuePackage2', { rule: 'the Package#2 with the queued GET needs a Package#3' });
      expectPackage2(answered.reply, {
        rule: 'the server accepts the Package#3 (statuses in command order, GET data as a multipart part) and answers with a Package#2',
      });
    },
  );
});
