import { decodedNotification, expectNoViolations, expectOneOf, notificationViolations, test } from '../../fixtures/server-target/index.js';

test.describe('5.2.1.1 Package#0 headers', () => {
  test(
    'VER is 0x02',
    {
      tag: ['@5.2.1.1/ver-header'],
      annotation: [
        { type: 'requirement', description: 'The VER field of the DM Notification MUST be 0x02 for this specification (5.2.1.1)' },
      ],
    },
    async ({ server }) => {
      const notification = await server.notification({});
      const decoded = decodedNotification(notification, { rule: 'the Package#0 has a VER header' });
      expectOneOf(decoded.version, [2], {
        rule: 'the VER header is 0x02',
        actualText: `VER ${decoded.version}`,
        ...(notification.seq === undefined ? {} : { seq: notification.seq }),
      });
    },
  );

  test(
    'OC equals the number of options present',
    {
      tag: ['@5.2.1.1/oc-header'],
      annotation: [{ type: 'requirement', description: 'The OC field specifies the number of Options in the DM Notification (5.2.1.1)' }],
    },
    async ({ server, serverTarget }) => {
      const notification = await server.notification({ serverId: serverTarget.serverId, conTypes: [2], digest: true, reqMos: true });
      const seq = notification.seq === undefined ? {} : { seq: notification.seq };
      expectNoViolations(notificationViolations(notification, ['notification-option-count-high', 'notification-option-count-low']), {
        rule: 'the OC header equals the number of options present',
        ...seq,
      });
      const decoded = decodedNotification(notification, { rule: 'the Package#0 has an OC header' });
      expectOneOf(decoded.optionCount, [decoded.rawOptions.length], {
        rule: 'the OC header equals the number of options present',
        actualText: `OC ${decoded.optionCount}, ${decoded.rawOptions.length} options`,
        ...seq,
      });
    },
  );
});
