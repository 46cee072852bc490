import { expectNoViolations, notificationViolations, test } from '../../fixtures/server-target/index.js';

/** Rules of the Package#0 frame (§7.1.1) and of its GCM transport (App E.2); header and option values, and the WAP Push framing (App E.1), have their own rules. */
const FRAME_RULES = [
  'notification-too-short',
  'notification-option-header-truncated',
  'notification-option-length-exceeds',
  'notification-trailing-bytes',
  'notification-option-order',
  'notification-option-duplicate',
  'gcm-message-schema',
  'gcm-sms-base64',
];

test.describe('5.2.1 Package#0: DM Notification', () => {
  test(
    'a notification with every option arrives framed per 7.1.1, options in increasing number order',
    {
      tag: ['@5.2.1/package0'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM Server MUST support the Package#0: headers, then the options, each a 4-bit delta, a 12-bit length and its value, written in increasing option-number order (5.2.1, 7.1.1)',
        },
      ],
    },
    async ({ server, serverTarget }) => {
      const notification = await test.step('trigger a Package#0 asking for all six options', () =>
        server.notification({ serverId: serverTarget.serverId, conTypes: [1], digest: true, reqMos: true }));
      expectNoViolations(notificationViolations(notification, FRAME_RULES), {
        section: '7.1.1',
        rule: 'the Package#0 is framed per 7.1.1 and its transport: every option within the bytes, options in increasing option-number order',
        ...(notification.seq === undefined ? {} : { seq: notification.seq }),
      });
    },
  );
});
