import {
  carriesQueued,
  chosenStatuses,
  commandSpec,
  type DeviceEngine,
  expectPackage2,
  getDataOf,
  type PendingAsyncResult,
  type QueuedCommands,
  queuedReport,
  type SessionTranscript,
  test,
  untilReported,
} from '../../fixtures/server-target/index.js';

const SYNC_REQUIREMENT = {
  type: 'requirement',
  description:
    'Synchronous reporting MUST be used for every command but EXEC; for EXEC the client may also report the final status synchronously, in the Package#3 (5.4.1)',
};
const ASYNC_REQUIREMENT = {
  type: 'requirement',
  description:
    'With asynchronous reporting the client returns 202 Accepted in Package#3 and, after completing the EXEC, the final status in a Generic Alert, in Package#1 or Package#3; with a ServerURI in EXEC it MUST report asynchronously (5.4.1, 5.3.5)',
};

/**
 * The round that answered the Package#3 reporting the queued commands (in whichever Package#2 of
 * the session they came), judged as accepted.
 */
function expectReportAccepted(
  transcript: SessionTranscript,
  queued: QueuedCommands,
  trigger: 'queueCommand' | 'queuePackage2',
  rule: string,
): void {
  const report = queuedReport(transcript, queued, trigger, { rule: `${rule}: the queued commands need a Package#3` });
  expectPackage2(report.reply, { rule });
}

/** A session that runs until the Package#3 reporting the queued commands is answered, answering them as `answer` chooses. */
function reportingSession(
  device: DeviceEngine,
  queued: QueuedCommands,
  answer: ReturnType<typeof chosenStatuses>,
): Promise<SessionTranscript> {
  return device.session({ ...untilReported(carriesQueued(queued)), answer });
}

/**
 * The 202 was accepted; then a new session delivers the final result of `result.sourceUri` as a
 * Generic Alert (to `result.serverUri`, else the DM endpoint) and must be accepted too.
 */
async function asyncRoundTrip(
  device: DeviceEngine,
  transcript: SessionTranscript,
  queued: QueuedCommands,
  result: PendingAsyncResult,
): Promise<void> {
  expectReportAccepted(transcript, queued, 'queueCommand', 'the server accepts the 202 Accepted of an EXEC reported asynchronously');
  const [later] = await test.step('a new session whose Package#1 carries the final result as a Generic Alert', () =>
    device.deliverAsyncResults({ results: [result], maxPackage2s: 2 }));
  const first = later?.rounds[0];
  if (first !== undefined) {
    expectPackage2(first.reply, {
      rule: 'the server accepts the asynchronous EXEC result: the Generic Alert in the Package#1 of a new session',
    });
  }
}

test.describe('5.4.1 Synchronous and asynchronous reporting', () => {
  test(
    'final statuses reported synchronously, EXEC included, are accepted',
    { tag: ['@5.4.1/sync-reporting'], annotation: [SYNC_REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const queued = [
        ['DELETE', nodes.deletable],
        ['EXEC', nodes.executable],
        ['GET', nodes.devId],
      ];
      await server.queuePackage2({ CMD: queued });
      const transcript = await reportingSession(
        device,
        queued,
        chosenStatuses(queued, [200, 200, 200], await getDataOf(device, nodes.devId)),
      );
      expectReportAccepted(
        transcript,
        queued,
        'queuePackage2',
        'the server accepts synchronous reporting: final statuses in the Package#3, EXEC included',
      );
    },
  );

  test(
    'every final EXEC status reported synchronously is accepted',
    { tag: ['@5.4.1/sync-reporting'], annotation: [SYNC_REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const codes = (commandSpec('EXEC')?.statusCodes ?? []).filter((code) => code !== 202);
      const queued = codes.map(() => ['EXEC', nodes.executable]);
      await server.queuePackage2({ CMD: queued });
      const transcript = await reportingSession(device, queued, chosenStatuses(queued, codes));
      expectReportAccepted(
        transcript,
        queued,
        'queuePackage2',
        `the server accepts each final EXEC status reported synchronously (${codes.join(', ')})`,
      );
    },
  );

  test(
    'EXEC with a ServerURI: 202 now, the result later in a Generic Alert of a new session, both accepted',
    { tag: ['@5.4.1/async-reporting'], annotation: [ASYNC_REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const queued = [['EXEC', nodes.asyncExecutable, device.serverUrl]];
      await server.queueCommand(queued[0] ?? []);
      const transcript = await reportingSession(device, queued, chosenStatuses(queued, [202]));
      await asyncRoundTrip(device, transcript, queued, { sourceUri: nodes.asyncExecutable, serverUri: device.serverUrl, resultCode: 200 });
    },
  );

  test(
    "EXEC without a ServerURI reported asynchronously by the client's choice: both steps accepted",
    { tag: ['@5.4.1/async-reporting'], annotation: [ASYNC_REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const queued = [['EXEC', nodes.executable]];
      await server.queueCommand(queued[0] ?? []);
      const transcript = await reportingSession(device, queued, chosenStatuses(queued, [202]));
      await asyncRoundTrip(device, transcript, queued, { sourceUri: nodes.executable, resultCode: 200 });
    },
  );
});
