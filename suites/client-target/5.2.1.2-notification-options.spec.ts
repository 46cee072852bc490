import {
  expectNoViolations,
  expectOneOf,
  expectThat,
  inconclusive,
  CBT_OF_PREFERRED_CON_TYPE,
  rawJsonOf,
  shouldThat,
  STALE_NOTIFICATION_AGE_SECONDS,
  test,
  uploadedValue,
  violationsFor,
} from '../../fixtures/client-target/index.js';

test.describe('5.2.1.2 Package#0 options', () => {
  test(
    'SERVER-ID naming a server the client has no account for: no session',
    {
      tag: ['@5.2.1.2/server-id'],
      annotation: [
        {
          type: 'requirement',
          description:
            'SERVER-ID identifies the server that sent the notification (the DMAcc SrvID); a client honouring it does not call dmct back for another server (5.2.1.2).',
        },
      ],
    },
    async ({ sessions }) => {
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification({ serverId: `${sessions.target.serverId}-unknown` }));
      await sessions.expectDropped(spec, 'Package#0 from an unknown SERVER-ID', {
        rule: 'a notification whose SERVER-ID names no account of the client opens no session with dmct',
      });
    },
  );

  test(
    'PREFERRED-CON-TYPE: the option is accepted, and the call-back uses the preferred connection',
    {
      tag: ['@5.2.1.2/preferred-con-type'],
      annotation: [
        {
          type: 'requirement',
          description:
            'The client MUST support PREFERRED-CON-TYPE (Table 1); it lists the connections the client should call back over, and the client SHOULD take the best available one, and SHOULD wait only when none is available and ANY_AVAILABLE is not listed (5.2.1.2); SessionInfo CBT tells the bearer in use (12.4).',
        },
      ],
    },
    async ({ sessions, recorder }) => {
      const bearers = sessions.target.bearers;
      // Prefer a bearer the claims say the device has (WLAN when it has it); ANY_AVAILABLE after it
      // leaves the client no reason to wait, so a notification carrying the option must open a session.
      const preferred = bearers === undefined || bearers.includes('WLAN') ? 'WLAN' : (bearers[0] ?? 'WLAN');
      const { command, name } = sessions.readBackCommand(`${sessions.target.moids.sessionInfo}//CBT`);
      sessions.engine.script({ package2: { CMD: sessions.padded(command) } });
      const mark = sessions.engine.mark();
      const opened = await sessions.expectSessionOpened(
        { rule: 'a notification carrying PREFERRED-CON-TYPE (ending in ANY_AVAILABLE) opens a session' },
        sessions.baseNotification({ preferredConTypes: [preferred, 'ANY_AVAILABLE'] }),
        `Package#0 preferring ${preferred}, then ANY_AVAILABLE`,
      );
      const package3 = await sessions.nextPackage3(opened);
      const upload = await sessions.uploadTo(name, mark, 0);
      if (upload === undefined) {
        recorder.remark(
          `SessionInfo CBT could not be read (HPUT answered ${package3.package3?.Status[0]?.sc ?? 'nothing'}): the bearer in use is not known`,
        );
        return;
      }
      const cbt = uploadedValue(upload);
      const cbtNumber = typeof cbt === 'string' ? Number(cbt) : cbt;
      if (bearers === undefined) {
        recorder.remark(
          `the client called back with SessionInfo CBT ${JSON.stringify(cbt)}; the claims declare no bearers (client.bearers), so the choice is recorded, not judged`,
        );
        return;
      }
      shouldThat(cbtNumber === CBT_OF_PREFERRED_CON_TYPE[preferred], {
        rule: `the client calls back over the preferred connection, ${preferred}, which the claims declare available`,
        expected: `SessionInfo CBT ${CBT_OF_PREFERRED_CON_TYPE[preferred]} (${preferred})`,
        actual: `SessionInfo CBT ${JSON.stringify(cbt)}`,
        seq: upload.requestSeq,
      });
    },
  );

  test(
    'a repeated NOTIFICATION-ID from the same server: no second session',
    {
      tag: ['@5.2.1.2/notification-id'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A notification with the NOTIFICATION-ID of one already received from the same server is a duplicate, and the client MUST drop it (5.2.1.2).',
        },
      ],
    },
    async ({ sessions, dmServer, notifier }) => {
      const before = dmServer.mark();
      const first = sessions.delivered(await notifier.send(sessions.baseNotification(), 'Package#0'));
      await sessions.package1After(before, 'after a valid Package#0');
      const watch = await sessions.deliverAndWatchNoSession(
        async () => sessions.delivered(await notifier.sendBytes(first.bytes, { label: 'the same Package#0 again' })),
        'a Package#1 after the duplicate',
      );
      expectThat(watch.kind === 'quiet', {
        rule: 'a duplicate notification (same NOTIFICATION-ID, same server) opens no session',
        expected: `no session: no Package#1 within ${sessions.target.timeouts.noSessionWaitMs} ms`,
        actual: watch.kind === 'event' ? `the client opened a session again (exchange #${watch.value.requestSeq})` : '',
        ...(watch.kind === 'event' ? { seq: watch.value.requestSeq } : {}),
      });
    },
  );

  test(
    'a SHA256-DIGEST that does not verify: no session',
    {
      tag: ['@5.2.1.2/sha256-digest'],
      annotation: [
        {
          type: 'requirement',
          description:
            'A client holding the notification credentials MUST authenticate a notification that carries SHA256-DIGEST and MUST ignore it when the digest is wrong (5.2.1.2, 9.1).',
        },
      ],
    },
    async ({ sessions }) => {
      if (!sessions.notifier.hasSecret)
        inconclusive('the claims give no notification secret (client.notification.secret), so no digest can be computed');
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification({ digest: true }));
      const digest = spec.digest;
      if (digest === undefined) inconclusive('no digest slot in the notification');
      await sessions.expectDropped({ ...spec, digest: { ...digest, flipBit: 0 } }, 'Package#0 with a wrong SHA256-DIGEST', {
        rule: 'a notification whose digest does not verify opens no session',
      });
    },
  );

  test(
    'a TIMESTAMP a day old: no session',
    {
      tag: ['@5.2.1.2/timestamp'],
      annotation: [
        {
          type: 'requirement',
          description:
            'TIMESTAMP is the send time, usable against replay; a client supporting it drops notifications that are too old (5.2.1.2, 9.1).',
        },
      ],
    },
    async ({ sessions }) => {
      const stale = Math.floor(Date.now() / 1000) - STALE_NOTIFICATION_AGE_SECONDS;
      const spec = sessions.notifier.rawSpecOf(sessions.baseNotification({ timestamp: stale }));
      await sessions.expectDropped(spec, `Package#0 with a TIMESTAMP ${STALE_NOTIFICATION_AGE_SECONDS} s old`, {
        rule: `a notification whose TIMESTAMP is ${STALE_NOTIFICATION_AGE_SECONDS} s old (stale) opens no session`,
      });
    },
  );

  test(
    'REQ-MOS: Package#1 carries a well-formed MOS array',
    {
      tag: ['@5.2.1.2/req-mos'],
      annotation: [
        {
          type: 'requirement',
          description:
            'When the notification carries REQ-MOS, the client MUST include the MOS array (DDF link, MOID and MIIDs of each MO) in Package#1 (5.2.1.2, 5.2.2).',
        },
      ],
    },
    async ({ sessions }) => {
      const package1 = await sessions.startByNotification(sessions.baseNotification({ reqMos: true }));
      const body = rawJsonOf(package1) as { MOS?: unknown } | undefined;
      expectOneOf(
        Array.isArray(body?.MOS) ? 'an MOS array' : body?.MOS === undefined ? 'no MOS' : `MOS of type ${typeof body.MOS}`,
        ['an MOS array'],
        {
          section: '5.2.2',
          rule: 'Package#1 answering REQ-MOS carries the MOS array',
          seq: package1.requestSeq,
        },
      );
      expectNoViolations(violationsFor('5.2.1.2/req-mos', package1), {
        section: '5.2.2',
        rule: 'every MOS entry has a DDF link, a MOID and an MIID array',
        seq: package1.requestSeq,
      });
    },
  );
});
