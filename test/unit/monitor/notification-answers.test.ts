import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildJudgeReport, type Exchange, type RelayedNotification } from '../../../src/monitor/index.js';
import { judgeNotificationAnswers } from '../../../src/monitor/notification-answers.js';
import { encodeNotification } from '../../../src/protocol/notification/encode.js';
import { encodeWapPushDatagram } from '../../../src/protocol/notification/wap-push.js';
import { DEFAULT_EDITION, loadEdition } from '../../../src/scr/index.js';
import { exchange, verdictOf } from './judge-fixtures.js';

const CREDENTIALS = { secret: new TextEncoder().encode('noti-secret'), authData: new TextEncoder().encode('noti-data') };
/** judge-fixtures.ts stamps exchange n at 10:00:n. */
const SENT_AT = new Date('2026-12-07T10:00:00.500Z');
const SERVER_INITIATED = (data: unknown) => ({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt', Data: data }] });
const CLIENT_INITIATED = { Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] };

function relayed(notificationId: number, secret = CREDENTIALS.secret, extra: Partial<RelayedNotification> = {}): RelayedNotification {
  const bytes = encodeWapPushDatagram(
    encodeNotification(
      { serverId: 'server-1', notificationId, digest: true, timestamp: Math.floor(SENT_AT.getTime() / 1000) },
      { secret, authData: CREDENTIALS.authData },
    ),
  );
  return { index: 1, time: SENT_AT.toISOString(), bytes, size: bytes.length, ...extra };
}

function judged(exchanges: Exchange[], datagrams: RelayedNotification[]) {
  return { observations: judgeNotificationAnswers(exchanges, datagrams, CREDENTIALS), skipped: [], sessions: 0 };
}

const ended = { CMD: [['END']] };

describe("the client's answer to a relayed Package#0 (5.2.2)", () => {
  it('passes a ServerInitiatedMgmt Package#1 carrying the NOTIFICATION-ID (delivery and answer confirmed)', () => {
    const judgement = judged([exchange(1, 1, SERVER_INITIATED({ 'NOTIFICATION-ID': 7 }), ended)], [relayed(7)]);
    assert.equal(verdictOf(judgement, 'client', '5.2.2/package1'), 'pass');
    assert.equal(judgement.observations[0]?.evidence, 'datagram');
  });

  it('makes a ClientInitiatedMgmt Package#1 with no answer inconclusive, never a fail: UDP confirms no delivery', () => {
    const judgement = judged([exchange(1, 1, CLIENT_INITIATED, ended)], [relayed(7)]);
    assert.equal(verdictOf(judgement, 'client', '5.2.2/package1'), 'inconclusive');
    const finding = judgement.observations[0]?.findings[0];
    assert.equal(finding?.exchange, 1);
    assert.match(finding?.actual ?? '', /ClientInitiatedMgmt \(exchange 1\).*NOTIFICATION-ID 7/);
  });

  it('judges nothing of a Package#0 the client had to ignore (a wrong digest), nor of one not delivered', () => {
    const client = [exchange(1, 1, CLIENT_INITIATED, ended)];
    assert.deepEqual(judged(client, [relayed(7, new TextEncoder().encode('other'))]).observations, []);
    assert.deepEqual(judged(client, [relayed(7, CREDENTIALS.secret, { notDelivered: 'ECONNREFUSED' })]).observations, []);
  });

  it('judges nothing of a Package#1 sent before the Package#0, nor when the Package#1s come from two devices', () => {
    const early = { ...exchange(1, 1, CLIENT_INITIATED, ended), time: '2026-12-07T09:59:00.000Z' };
    assert.deepEqual(judged([early], [relayed(7)]).observations, []);
    const other = exchange(2, 1, CLIENT_INITIATED, ended);
    other.requestHeaders = { ...other.requestHeaders, 'omadm-devid': ['IMEI:000000000000000'] };
    assert.deepEqual(judged([exchange(1, 1, CLIENT_INITIATED, ended), other], [relayed(7)]).observations, []);
  });

  it('leaves the item inconclusive beside the HTTP result of the same rule in the report', () => {
    const exchanges = [exchange(1, 1, CLIENT_INITIATED, ended)];
    const observations = judgeNotificationAnswers(exchanges, [relayed(7)], CREDENTIALS);
    const http = { key: '5.2.2/package1', side: 'client' as const, checks: 1, findings: [], exchanges: [1] };
    const edition = loadEdition(DEFAULT_EDITION);
    const now = new Date();
    const report = buildJudgeReport({
      edition,
      capture: 'test',
      exchanges,
      datagrams: [relayed(7)],
      judgement: { observations: [http, ...observations], skipped: [], sessions: 1 },
      claims: {},
      dmctVersion: 'test',
      startTime: now,
      endTime: now,
    });
    const items = report.items.filter((i) => i.role === 'client' && i.scenarios.length > 0);
    assert.ok(items.length > 0);
    for (const item of items) assert.equal(new Set(item.scenarios.map((sc) => sc.id)).size, 2, item.id);
    assert.ok(
      items.every((i) => i.verdict === 'inconclusive'),
      JSON.stringify(items.map((i) => [i.id, i.verdict])),
    );
  });
});
