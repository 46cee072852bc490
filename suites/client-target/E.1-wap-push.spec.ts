import { expectThat, precondition, test } from '../../fixtures/client-target/index.js';

/** X-Wap-Application-Id of the WML user agent (0x02): a WAP application other than the DM client (0x07). */
const OTHER_WAP_APPLICATION_ID = 0x02;

test.describe('E.1 Connectionless WAP Push', () => {
  test(
    'a Package#0 in a WAP Push datagram to application 0x07 over UDP opens a session; one addressed to another application does not',
    {
      tag: ['@E.1/wap-push'],
      annotation: [
        {
          type: 'requirement',
          description:
            'Over connectionless WAP Push the Package#0 travels in a Push PDU with content type application/vnd.syncml.dm.notification (0x58) and X-Wap-Application-Id 0x07; on an IP device it arrives on UDP port 2948 and the device routes it to the DM client by port, application id and content type, so a valid one opens a DM session and a push addressed to another WAP application reaches no DM client (App E.1, E.1.1).',
        },
      ],
    },
    async ({ sessions }) => {
      precondition(sessions.target.transport.kind === 'udp', {
        precondition: 'the claims deliver Package#0 as a connectionless WAP Push datagram over UDP (App E.1)',
        observed: `client.notification transport is ${sessions.target.transport.kind}`,
      });
      await sessions.expectSessionOpened(
        { rule: 'a valid Package#0 in a WAP Push datagram to the DM client (0x07) opens a DM session' },
        sessions.baseNotification(),
        'Package#0 as WAP Push to application 0x07',
      );
      const label = `Package#0 as WAP Push to application 0x0${OTHER_WAP_APPLICATION_ID.toString(16)} (WML user agent)`;
      const check = { section: 'E.1', rule: 'a WAP Push addressed to another application than the DM client (0x07) opens no DM session' };
      const watch = await sessions.deliverAndWatchNoSession(
        async () =>
          sessions.delivered(
            await sessions.notifier.send(sessions.baseNotification(), label, { applicationId: OTHER_WAP_APPLICATION_ID }),
            check,
          ),
        `a Package#1 after ${label}`,
      );
      expectThat(watch.kind === 'quiet', {
        ...check,
        expected: `no session: no Package#1 within ${sessions.target.timeouts.noSessionWaitMs} ms`,
        actual:
          watch.kind === 'event'
            ? `the client opened a session for a push to another application (exchange #${watch.value.requestSeq})`
            : '',
        ...(watch.kind === 'event' ? { seq: watch.value.requestSeq } : {}),
      });
    },
  );
});
