import { expectPackage2, getDataOf } from '../../fixtures/server-target/checks.js';
import { test, type DeviceEngine } from '../../fixtures/server-target/index.js';
import { expectThat } from '../../fixtures/verify.js';

const ITEM = 'DM-PACK-013-S-M';
const SECTION = '5.2.4';
const REQUIREMENT = {
  type: 'requirement',
  description:
    'The client answers a Package#2 with Package#3, its statuses (and GET data, multipart), but MUST NOT send it when the Package#2 includes END; the DM Server MUST support this package (5.2.4, App F)',
};

/**
 * A session the server ends at once (nothing queued), then a new Package#1: after END the server
 * must await no Package#3, so the new session opens. Returns the first round of the new session.
 */
async function endThenNewSession(device: DeviceEngine, newSession: () => ReturnType<DeviceEngine['session']>) {
  const closed = await test.step('a session the server ends with END (no Package#3 follows)', () => device.session({ maxPackage2s: 1 }));
  const next = await test.step('a new session right after', newSession);
  const [first] = next.rounds;
  if (first === undefined) throw new Error('dmct: a session without a first round');
  if (closed.end === 'end') {
    expectPackage2(first.reply, { item: ITEM, section: SECTION, rule: 'after END the server awaits no Package#3: the next Package#1 opens a new session' });
  }
  return next;
}

test.describe('5.2.4 Package#3', () => {
  test('after a Package#2 with END no Package#3 is awaited: a new session opens', { tag: ['@DM-PACK-013-S-M'], annotation: [REQUIREMENT] }, async ({ device }) => {
    await endThenNewSession(device, () => device.session({ maxPackage2s: 1 }));
  });

  test('a Package#3 with statuses and a multipart GET reply is accepted', { tag: ['@DM-PACK-013-S-M'], annotation: [REQUIREMENT] }, async ({ device, server, nodes }) => {
    const data = await getDataOf(device, nodes.devId);
    const transcript = await endThenNewSession(device, async () => {
      await server.queuePackage2({ CMD: [['GET', nodes.devId], ['DELETE', nodes.missing]] }, { item: ITEM, section: SECTION });
      return device.session({
        maxPackage2s: 2,
        answer: (round, computed) => (round.index === 0 && data !== undefined ? { statuses: [{ sc: 200 }, { sc: 404 }], parts: [{ index: 0, ...data }] } : computed),
      });
    });
    const answered = transcript.rounds[1];
    expectThat(answered !== undefined, {
      item: ITEM,
      section: SECTION,
      rule: 'the Package#2 with the queued GET needs a Package#3',
      expected: 'a Package#2 without END, then a Package#3',
      actual: `the session ended (${transcript.end}) after ${transcript.rounds.length} round(s)`,
    });
    if (answered !== undefined) {
      expectPackage2(answered.reply, {
        item: ITEM,
        section: SECTION,
        rule: 'the server accepts the Package#3 (statuses in command order, GET data as a multipart part) and answers with a Package#2',
      });
    }
  });
});
