import { chosenStatuses, expectPackage2, getDataOf, package3Round } from '../../fixtures/server-target/checks.js';
import { test, type DeviceEngine } from '../../fixtures/server-target/index.js';
import { commandSpec, type PendingAsyncResult, type SessionTranscript } from '../../fixtures/server-target/protocol.js';

const SYNC = 'DM-PACK-025-S-M';
const ASYNC = 'DM-PACK-026-S-M';
const SECTION = '5.4.1';
const SYNC_REQUIREMENT = {
  type: 'requirement',
  description: 'Synchronous reporting MUST be used for every command but EXEC; for EXEC the client may also report the final status synchronously, in the Package#3 (5.4.1)',
};
const ASYNC_REQUIREMENT = {
  type: 'requirement',
  description:
    'With asynchronous reporting the client returns 202 Accepted in Package#3 and, after completing the EXEC, the final status in a Generic Alert, in Package#1 or Package#3; with a ServerURI in EXEC it MUST report asynchronously (5.4.1, 5.3.5)',
};

/** The round that answered the Package#3 reporting the commands (round 1), judged as accepted. */
function expectReportAccepted(transcript: SessionTranscript, item: string, rule: string): void {
  const answered = package3Round(transcript, { item, section: SECTION, rule: `${rule}: the queued commands need a Package#3` });
  expectPackage2(answered.reply, { item, section: SECTION, rule });
}

/**
 * The 202 was accepted; then a new session delivers the final result of `result.sourceUri` as a
 * Generic Alert (to `result.serverUri`, else the DM endpoint) and must be accepted too.
 */
async function asyncRoundTrip(device: DeviceEngine, transcript: SessionTranscript, result: PendingAsyncResult): Promise<void> {
  expectReportAccepted(transcript, ASYNC, 'the server accepts the 202 Accepted of an EXEC reported asynchronously');
  const [later] = await test.step('a new session whose Package#1 carries the final result as a Generic Alert', () =>
    device.deliverAsyncResults({ results: [result], maxPackage2s: 2 }),
  );
  const first = later?.rounds[0];
  if (first !== undefined) {
    expectPackage2(first.reply, {
      item: ASYNC,
      section: SECTION,
      rule: 'the server accepts the asynchronous EXEC result: the Generic Alert in the Package#1 of a new session',
    });
  }
}

test.describe('5.4.1 Synchronous and asynchronous reporting', () => {
  test('final statuses reported synchronously, EXEC included, are accepted', { tag: ['@5.4.1/sync-reporting'], annotation: [SYNC_REQUIREMENT] }, async ({ device, server, nodes }) => {
    await server.queuePackage2({ CMD: [['DELETE', nodes.deletable], ['EXEC', nodes.executable], ['GET', nodes.devId]] }, { item: SYNC, section: SECTION });
    const transcript = await device.session({ maxPackage2s: 2, answer: chosenStatuses([200, 200, 200], await getDataOf(device, nodes.devId)) });
    expectReportAccepted(transcript, SYNC, 'the server accepts synchronous reporting: final statuses in the Package#3, EXEC included');
  });

  test('every final EXEC status reported synchronously is accepted', { tag: ['@5.4.1/sync-reporting'], annotation: [SYNC_REQUIREMENT] }, async ({ device, server, nodes }) => {
    const codes = (commandSpec('EXEC')?.statusCodes ?? []).filter((code) => code !== 202);
    await server.queuePackage2({ CMD: codes.map(() => ['EXEC', nodes.executable]) }, { item: SYNC, section: SECTION });
    const transcript = await device.session({ maxPackage2s: 2, answer: chosenStatuses(codes) });
    expectReportAccepted(transcript, SYNC, `the server accepts each final EXEC status reported synchronously (${codes.join(', ')})`);
  });

  test('EXEC with a ServerURI: 202 now, the result later in a Generic Alert of a new session, both accepted', { tag: ['@5.4.1/async-reporting'], annotation: [ASYNC_REQUIREMENT] }, async ({ device, server, nodes }) => {
    await server.queueCommand(['EXEC', nodes.asyncExecutable, device.serverUrl], { item: ASYNC, section: SECTION });
    const transcript = await device.session({ maxPackage2s: 2, answer: chosenStatuses([202]) });
    await asyncRoundTrip(device, transcript, { sourceUri: nodes.asyncExecutable, serverUri: device.serverUrl, resultCode: 200 });
  });

  test("EXEC without a ServerURI reported asynchronously by the client's choice: both steps accepted", { tag: ['@5.4.1/async-reporting'], annotation: [ASYNC_REQUIREMENT] }, async ({ device, server, nodes }) => {
    await server.queueCommand(['EXEC', nodes.executable], { item: ASYNC, section: SECTION });
    const transcript = await device.session({ maxPackage2s: 2, answer: chosenStatuses([202]) });
    await asyncRoundTrip(device, transcript, { sourceUri: nodes.executable, resultCode: 200 });
  });
});
