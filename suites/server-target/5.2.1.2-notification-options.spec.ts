import {
  ALERT_TYPES,
  buildSessionAlert,
  decodedNotification,
  expectNoViolations,
  expectOneOf,
  expectPackage2,
  expectThat,
  inconclusive,
  matching,
  NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
  NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS,
  notificationViolations,
  OPTION,
  type ReceivedNotification,
  test,
} from '../../fixtures/server-target/index.js';

function at(notification: ReceivedNotification): { seq?: number } {
  return notification.seq === undefined ? {} : { seq: notification.seq };
}

function rawOption(notification: ReceivedNotification, number: number) {
  return notification.decoding?.notification?.rawOptions.find((option) => option.number === number);
}

test.describe('5.2.1.2 Package#0 options', () => {
  test(
    'SERVER-ID carries the SrvID of the device account',
    {
      tag: ['@5.2.1.2/server-id'],
      annotation: [
        { type: 'requirement', description: 'SERVER-ID identifies the DM Server, the same value as the SrvID of its DM account (5.2.1.2)' },
      ],
    },
    async ({ server, serverTarget }) => {
      const notification = await server.notification({ serverId: serverTarget.serverId });
      const decoded = decodedNotification(notification, { rule: 'the Package#0 can be read' });
      expectNoViolations(notificationViolations(notification, ['notification-server-id-utf8']), {
        rule: 'SERVER-ID is UTF-8 text',
        ...at(notification),
      });
      expectOneOf(decoded.options.serverId, [serverTarget.serverId], {
        rule: 'the SERVER-ID option is present and names the server of the account',
        actualText: decoded.options.serverId === undefined ? 'no SERVER-ID option' : `SERVER-ID "${decoded.options.serverId}"`,
        ...at(notification),
      });
    },
  );

  test(
    'PREFERRED-CON-TYPE lists the asked connection types in priority order, ANY_AVAILABLE last',
    {
      tag: ['@5.2.1.2/preferred-con-type'],
      annotation: [
        {
          type: 'requirement',
          description:
            'PREFERRED-CON-TYPE holds one or more connection types, first the highest priority; ANY_AVAILABLE MUST be the last (5.2.1.2)',
        },
      ],
    },
    async ({ server }) => {
      const asked = [2, 0];
      const notification = await server.notification({ conTypes: asked });
      const decoded = decodedNotification(notification, { rule: 'the Package#0 can be read' });
      expectNoViolations(notificationViolations(notification, ['notification-con-type-empty', 'notification-con-type-any-not-last']), {
        rule: 'PREFERRED-CON-TYPE is well formed: at least one type, ANY_AVAILABLE only last',
        ...at(notification),
      });
      expectOneOf(decoded.options.preferredConTypes, [asked], {
        rule: 'the PREFERRED-CON-TYPE option carries the asked types (WLAN, then ANY_AVAILABLE)',
        actualText:
          decoded.options.preferredConTypes === undefined
            ? 'no PREFERRED-CON-TYPE option'
            : `PREFERRED-CON-TYPE ${JSON.stringify(decoded.options.preferredConTypes)}`,
        ...at(notification),
      });
    },
  );

  test(
    'NOTIFICATION-ID is 2 bytes and changes from one notification to the next',
    {
      tag: ['@5.2.1.2/notification-id'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The DM Server MUST set NOTIFICATION-ID (16-bit unsigned) so that the client can detect duplicates, e.g. by incrementing it per notification (5.2.1.2)',
        },
      ],
    },
    async ({ server }) => {
      const first = await test.step('first Package#0', () => server.notification({}));
      const second = await test.step('second Package#0', () => server.notification({}));
      for (const notification of [first, second]) {
        const option = rawOption(notification, OPTION.NOTIFICATION_ID);
        expectOneOf(option?.length, [2], {
          rule: 'the NOTIFICATION-ID option is present with a 2-byte value',
          actualText: option === undefined ? 'no NOTIFICATION-ID option' : `NOTIFICATION-ID of ${option.length} bytes`,
          ...at(notification),
        });
      }
      const ids = [first, second].map((n) => n.decoding?.notification?.options.notificationId);
      expectThat(ids[0] !== ids[1], {
        rule: 'two notifications carry different NOTIFICATION-IDs, so duplicates are detectable',
        expected: 'two different NOTIFICATION-ID values',
        actual: `NOTIFICATION-ID ${ids[0]} then ${ids[1]}`,
        ...at(second),
      });
    },
  );

  test(
    'SHA256-DIGEST verifies with the provisioned secret and auth data',
    {
      tag: ['@5.2.1.2/sha256-digest'],
      annotation: [
        {
          type: 'requirement',
          description:
            'SHA256-DIGEST = SHA-256(server secret ‖ notification with the 32 digest bytes zeroed ‖ auth data), set by the server so the client can authenticate the notification (5.2.1.2, 9.1)',
        },
      ],
    },
    async ({ server, serverTarget }) => {
      if (serverTarget.credentials.secret === undefined)
        inconclusive('no notification secret is provisioned in the claims (/server/device/notification)');
      const notification = await server.notification({ digest: true });
      const option = rawOption(notification, OPTION.SHA256_DIGEST);
      expectOneOf(option?.length, [32], {
        rule: 'the SHA256-DIGEST option is present with a 32-byte digest',
        actualText: option === undefined ? 'no SHA256-DIGEST option' : `SHA256-DIGEST of ${option.length} bytes`,
        ...at(notification),
      });
      expectNoViolations(notificationViolations(notification, ['notification-digest-mismatch']), {
        section: '9.1',
        rule: 'the SHA256-DIGEST verifies with the provisioned secret and auth data (digest over the notification with the digest zeroed)',
        ...at(notification),
      });
      expectOneOf(notification.decoding?.digest?.verified, [true], { rule: 'the digest was verified', ...at(notification) });
    },
  );

  test(
    'TIMESTAMP holds the time of sending',
    {
      tag: ['@5.2.1.2/timestamp'],
      annotation: [
        {
          type: 'requirement',
          description: 'TIMESTAMP is the time the notification was sent, in POSIX format, usable against replays (5.2.1.2, 9.1)',
        },
      ],
    },
    async ({ server }) => {
      // TIMESTAMP is an optional option (§5.2.1.2): the scenario asks for it rather than relying on a default.
      const notification = await server.notification({ timestamp: 'now' });
      const option = rawOption(notification, OPTION.TIMESTAMP);
      expectOneOf(option?.length, [...NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS], {
        rule: 'the TIMESTAMP option is present as big-endian POSIX seconds',
        actualText: option === undefined ? 'no TIMESTAMP option' : `TIMESTAMP of ${option.length} bytes`,
        ...at(notification),
      });
      const sent = notification.decoding?.notification?.options.timestamp ?? 0;
      const received = Math.floor(notification.receivedAt.getTime() / 1000);
      expectOneOf(
        sent,
        [
          matching(
            `within ${NOTIFICATION_FRESHNESS_WINDOW_SECONDS} s of the receipt time ${received}`,
            (t: number) => Math.abs(t - received) <= NOTIFICATION_FRESHNESS_WINDOW_SECONDS,
          ),
        ],
        {
          rule: 'the TIMESTAMP is the time of sending',
          actualText: `TIMESTAMP ${sent} (${received - sent} s before receipt)`,
          ...at(notification),
        },
      );
    },
  );

  test(
    'REQ-MOS asks for the MOS array, and the Package#1 that carries it is accepted',
    {
      tag: ['@5.2.1.2/req-mos'],
      annotation: [
        {
          type: 'requirement',
          description:
            'REQ-MOS (no value) asks the client to include the MOS array in its Package#1; the server then gets the list of supported MOs (5.2.1.2, 5.2.2)',
        },
      ],
    },
    async ({ server, device }) => {
      const notification = await server.notification({ reqMos: true });
      const option = rawOption(notification, OPTION.REQ_MOS);
      expectOneOf(option?.length, [0], {
        rule: 'the REQ-MOS option is present, with no value',
        actualText: option === undefined ? 'no REQ-MOS option' : `REQ-MOS with ${option.length} value bytes`,
        ...at(notification),
      });
      const notificationId = notification.decoding?.notification?.options.notificationId;
      const transcript = await test.step('Package#1 with the session alert and the MOS array', () =>
        device.session({
          alerts: [buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt, notificationId === undefined ? {} : { notificationId })],
          maxPackage2s: 1,
        }));
      const first = transcript.rounds[0];
      if (first !== undefined) {
        expectPackage2(first.reply, { section: '5.2.2', rule: 'after REQ-MOS the server accepts the Package#1 carrying the MOS array' });
      }
    },
  );
});
