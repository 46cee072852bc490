import {
  ALERT_TYPES,
  buildSessionAlert,
  carriesQueued,
  COMMANDS,
  describeEntry,
  expectPackage2,
  expectThat,
  type GenericAlert,
  queuedReport,
  type ServerReply,
  statusMembers,
  test,
  untilReported,
} from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'The client may send Generic Alerts in Package#1 or Package#3; the DM Server MUST silently ignore an unrecognized AlertType or Data and MUST NOT send any status codes for Generic Alerts (5.4)',
};

/** Alerts no server knows: an unknown AlertType with Data, and one related to an MO with a Mark. */
function unknownAlerts(sourceUri: string): GenericAlert[] {
  return [
    { AlertType: 'urn:dmct:at:test:1.0:Unrecognized', DataType: 'application/json', Data: { probe: 'dmct', n: 1 } },
    { AlertType: 'urn:dmct:at:test:1.0:Unrecognized', SourceURI: sourceUri, Mark: 'critical' },
  ];
}

const NAMES = COMMANDS.map((command) => command.name as string);

/**
 * The Package#2 answering the alerts is accepted and holds DM commands only: nothing that
 * acknowledges an alert (§5.4: the server MUST NOT send any status for Generic Alerts). A status
 * can hide in a CMD entry that is no DM command, or in a member beside CMD that the text does not
 * define (e.g. `"Status": [{"sc":200}]`); both are judged, not only noted.
 */
function expectSilentlyIgnored(reply: ServerReply, where: string): void {
  const package2 = expectPackage2(reply, {
    rule: `the server accepts a package carrying Generic Alerts (${where}) and ignores an unknown alert type silently`,
  });
  const statuses = package2.CMD.filter((entry) => !NAMES.includes(String(entry[0])));
  expectThat(statuses.length === 0, {
    seq: reply.seq,
    rule: `the server sends no status for a Generic Alert (${where})`,
    expected: 'a Package#2 of DM commands only',
    actual: `entries that are no DM command: ${statuses.map(describeEntry).join(', ')}`,
  });
  const members = reply.kind === 'package2' ? statusMembers(reply.http.body) : [];
  expectThat(members.length === 0, {
    seq: reply.seq,
    rule: `the server sends no status for a Generic Alert, in no member beside CMD either (${where})`,
    expected: 'a Package#2 whose only member is CMD, or whose other members carry no statuses',
    actual: `member(s) carrying statuses: ${members.join(', ')}`,
  });
}

test.describe('5.4 Generic Alert', () => {
  test(
    'Generic Alerts in Package#1 are accepted, ignored silently and get no status',
    { tag: ['@5.4/generic-alert'], annotation: [REQUIREMENT] },
    async ({ device, nodes }) => {
      const transcript = await device.session({
        alerts: [buildSessionAlert(ALERT_TYPES.clientInitiatedMgmt), ...unknownAlerts(nodes.data)],
        maxPackage2s: 1,
      });
      const [first] = transcript.rounds;
      if (first === undefined) throw new Error('dmct: a session without a first round');
      expectSilentlyIgnored(first.reply, 'Package#1');
    },
  );

  test(
    'Generic Alerts in Package#3 are accepted, ignored silently and get no status',
    { tag: ['@5.4/generic-alert'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const queued = [['DELETE', nodes.missing]];
      const carries = carriesQueued(queued);
      await server.queueCommand(queued[0] ?? []);
      // The alerts ride on the Package#3 reporting the queued command, in whichever Package#2 it came.
      const transcript = await device.session({
        ...untilReported(carries),
        answer: (round, computed) =>
          round.reply.kind === 'package2' && carries(round.reply.package2) ? { ...computed, alerts: unknownAlerts(nodes.data) } : computed,
      });
      const answered = queuedReport(transcript, queued, 'queueCommand', {
        rule: 'the Package#2 with the queued command needs a Package#3, which carries the alerts',
      });
      expectSilentlyIgnored(answered.reply, 'Package#3');
    },
  );
});
