import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildJudgeReport, judgeNotifications, notificationCredentialsOf, type RelayedNotification } from '../../../src/monitor/index.js';
import { encodeNotification } from '../../../src/protocol/notification/encode.js';
import { encodeRawWapPushDatagram, encodeWapPushDatagram } from '../../../src/protocol/notification/wap-push.js';
import { DEFAULT_EDITION, loadEdition } from '../../../src/scr/index.js';
import { failedRules, verdictOf } from './judge-fixtures.js';

const SECRET = new TextEncoder().encode('noti-secret');
const AUTH_DATA = new TextEncoder().encode('noti-data');
const CREDENTIALS = { secret: SECRET, authData: AUTH_DATA };
const SENT_AT = new Date('2026-01-01T00:00:00Z');

function relayed(bytes: Uint8Array, index = 1): RelayedNotification {
  return { index, time: SENT_AT.toISOString(), bytes, size: bytes.length };
}

/** A clean Package#0 with a digest computed with `secret`, in its WAP Push datagram. */
function datagram(secret: Uint8Array = SECRET): Uint8Array {
  const notification = encodeNotification(
    { serverId: 'server-1', notificationId: 7, digest: true, timestamp: Math.floor(SENT_AT.getTime() / 1000) },
    { secret, authData: AUTH_DATA },
  );
  return encodeWapPushDatagram(notification);
}

function judgement(datagrams: RelayedNotification[], credentials: typeof CREDENTIALS | null = CREDENTIALS) {
  return { observations: judgeNotifications(datagrams, credentials ?? undefined), skipped: [], sessions: 0 };
}

describe('the passive judge of relayed Package#0', () => {
  it('passes a clean datagram on every rule it shows, the digest verified with the credentials', () => {
    const judged = judgement([relayed(datagram())]);
    assert.deepEqual(failedRules(judged, 'server'), []);
    for (const key of ['E.1/wap-push', '5.2.1/package0', '5.2.1.1/ver-header', '5.2.1.1/oc-header', '5.2.1.2/sha256-digest'])
      assert.equal(verdictOf(judged, 'server', key), 'pass', key);
    assert.equal(verdictOf(judged, 'server', '5.2.1.2/req-mos'), 'not-observed');
    assert.ok(judged.observations.every((o) => o.side === 'server' && o.evidence === 'datagram'));
  });

  it('fails a digest made with another secret, charged to the server under 5.2.1.2/sha256-digest alone', () => {
    const judged = judgement([relayed(datagram(new TextEncoder().encode('another')))]);
    assert.deepEqual(failedRules(judged, 'server'), ['5.2.1.2/sha256-digest']);
    assert.deepEqual(failedRules(judged, 'client'), []);
  });

  it('leaves the digest unobserved, never a pass, without credentials', () => {
    const judged = judgement([relayed(datagram(new TextEncoder().encode('another')))], null);
    assert.equal(verdictOf(judged, 'server', '5.2.1.2/sha256-digest'), 'not-observed');
    assert.equal(verdictOf(judged, 'server', '5.2.1/package0'), 'pass');
  });

  it('does not pass the digest rule on a notification that carries no digest', () => {
    const bytes = encodeWapPushDatagram(encodeNotification({ serverId: 'server-1', notificationId: 2 }));
    const judged = judgement([relayed(bytes)]);
    assert.equal(verdictOf(judged, 'server', '5.2.1.2/sha256-digest'), 'not-observed');
    assert.equal(verdictOf(judged, 'server', '5.2.1/package0'), 'pass');
  });

  it('fails a datagram with a wrong push PDU type under E.1/wap-push alone', () => {
    const bytes = datagram();
    const broken = Uint8Array.from(bytes);
    broken[1] = 0x07;
    const judged = judgement([relayed(broken)]);
    assert.deepEqual(failedRules(judged, 'server'), ['E.1/wap-push']);
  });

  it('fails a notification with a wrong VER under 5.2.1.1/ver-header', () => {
    const notification = encodeNotification({ serverId: 'server-1', notificationId: 1 });
    const wrongVer = Uint8Array.from(notification);
    wrongVer[0] = ((wrongVer[0] ?? 0) & 0x0f) | 0x30;
    const bytes = encodeRawWapPushDatagram({ headers: encodeWapPushDatagram(new Uint8Array()).subarray(3), body: wrongVer });
    const judged = judgement([relayed(bytes)]);
    assert.deepEqual(failedRules(judged, 'server'), ['5.2.1.1/ver-header']);
  });

  it('reads the credentials of the server claims, text or hex', () => {
    const device = { devId: 'd', serverId: 's' };
    assert.equal(notificationCredentialsOf(undefined), undefined);
    assert.equal(notificationCredentialsOf({ url: 'https://x/dm', device: { ...device, notification: {} } }), undefined);
    const read = notificationCredentialsOf({
      url: 'https://x/dm',
      device: { ...device, notification: { secretHex: '0aff', authData: 'a' } },
    });
    assert.deepEqual(read, { secret: Uint8Array.of(0x0a, 0xff), authData: new TextEncoder().encode('a') });
  });

  it('reports the datagram findings as server items, with the datagram as evidence', () => {
    const datagrams = [relayed(datagram(new TextEncoder().encode('another')))];
    const now = new Date();
    const report = buildJudgeReport({
      edition: loadEdition(DEFAULT_EDITION),
      capture: 'monitor',
      exchanges: [],
      datagrams,
      judgement: judgement(datagrams),
      claims: {},
      dmctVersion: 'test',
      startTime: now,
      endTime: now,
    });
    const failing = report.items.filter((i) => i.verdict === 'fail').map((i) => `${i.role} ${i.id}`);
    assert.deepEqual(failing, ['server DM-PACK-008-S-M']);
    const digest = report.items.find((i) => i.role === 'server' && i.id === 'DM-PACK-008-S-M')?.scenarios[0];
    assert.equal(digest?.messages[0]?.kind, 'datagram');
    assert.match(digest?.findings[0]?.actual ?? '', /^datagram 1: /);
  });
});

describe('NOTIFICATION-ID across the relayed Package#0s (5.2.1.2)', () => {
  const withId = (notificationId: number, timestamp: number) =>
    encodeWapPushDatagram(encodeNotification({ serverId: 'server-1', notificationId, timestamp }, CREDENTIALS));
  const at = Math.floor(SENT_AT.getTime() / 1000);

  it('fails a server that reuses an id for another Package#0 (the device drops it as a duplicate)', () => {
    const judged = judgement([relayed(withId(7, at), 1), relayed(withId(7, at + 60), 2)]);
    assert.deepEqual(failedRules(judged, 'server'), ['5.2.1.2/notification-id']);
  });

  it('passes the same Package#0 sent again, and a new id per notification', () => {
    assert.equal(verdictOf(judgement([relayed(withId(7, at), 1), relayed(withId(7, at), 2)]), 'server', '5.2.1.2/notification-id'), 'pass');
    assert.equal(
      verdictOf(judgement([relayed(withId(7, at), 1), relayed(withId(8, at + 60), 2)]), 'server', '5.2.1.2/notification-id'),
      'pass',
    );
  });
});
