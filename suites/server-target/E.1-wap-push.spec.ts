import { expectNoViolations, notificationViolations, precondition, test } from '../../fixtures/server-target/index.js';

/** Rules of the connectionless WAP Push framing (App E.1): PDU type, headers, content type, X-Wap-Application-Id, body. */
const WAP_PUSH_RULES = [
  'wap-push-too-short',
  'wap-push-pdu-type',
  'wap-push-headers-length',
  'wap-push-header-too-long',
  'wap-push-header-malformed',
  'wap-push-content-type',
  'wap-push-app-id-missing',
  'wap-push-app-id',
  'wap-push-body-empty',
];

test.describe('E.1 Connectionless WAP Push', () => {
  test(
    'a Package#0 pushed over UDP is a WAP Push to the DM client: Push PDU, content type 0x58, X-Wap-Application-Id 0x07, headers within 48 bytes',
    {
      tag: ['@E.1/wap-push'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Over connectionless WAP Push the notification is a Push PDU whose content type is application/vnd.syncml.dm.notification (0x58) and whose X-Wap-Application-Id is 0x07, all push headers within 48 bytes, sent to UDP port 2948 on an IP device; the DM Server supports connectionless WAP Push (App E.1, which the SCR table makes mandatory for the server)',
        },
      ],
    },
    async ({ server, serverTarget }) => {
      const notification = await test.step('trigger a Package#0', () => server.notification({ serverId: serverTarget.serverId }));
      precondition(notification.transport === 'udp', {
        precondition: 'the server delivers its Package#0 over connectionless WAP Push (UDP)',
        observed: `it came over ${notification.transport}`,
        ...(notification.seq === undefined ? {} : { seq: notification.seq }),
      });
      expectNoViolations(notificationViolations(notification, WAP_PUSH_RULES), {
        rule: 'the datagram is a connectionless WAP Push to the DM client (App E.1)',
        ...(notification.seq === undefined ? {} : { seq: notification.seq }),
      });
    },
  );
});
