import { ALERT_TYPES, buildSessionAlert, expectPackage2, test } from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'The client opens the DM session with Package#1, an HTTP POST with OMADM-DevID, carrying the session alert and, only when the notification asked with REQ-MOS, the MOS array; the DM Server MUST support this package (5.2.2)',
};

test.describe('5.2.2 Package#1', () => {
  test(
    'a client-initiated Package#1 without MOS array is accepted',
    { tag: ['@5.2.2/package1'], annotation: [REQUIREMENT] },
    async ({ device }) => {
      const transcript = await device.session({ mos: 'omit', maxPackage2s: 1 });
      const [first] = transcript.rounds;
      if (first === undefined) throw new Error('dmct: a session without a first round');
      expectPackage2(first.reply, {
        rule: 'the server accepts a client-initiated Package#1 (ClientInitiatedMgmt alert, no MOS array) and answers with a Package#2',
      });
    },
  );

  test(
    'a server-initiated Package#1 echoing the NOTIFICATION-ID, without MOS array, is accepted',
    { tag: ['@5.2.2/package1'], annotation: [REQUIREMENT] },
    async ({ device, server }) => {
      const notification = await server.notification({});
      const notificationId = notification.decoding?.notification?.options.notificationId;
      const transcript = await device.session({
        mos: 'omit',
        alerts: [buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt, notificationId === undefined ? {} : { notificationId })],
        maxPackage2s: 1,
      });
      const [first] = transcript.rounds;
      if (first === undefined) throw new Error('dmct: a session without a first round');
      expectPackage2(first.reply, {
        rule: 'the server accepts the Package#1 answering its notification (ServerInitiatedMgmt alert with the NOTIFICATION-ID, no REQ-MOS so no MOS array)',
      });
    },
  );
});
