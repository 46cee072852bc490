import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setupServer } from 'msw/node';
import { NotificationInbox, notificationSinkHandlers, startNotificationSinks } from '../../../fixtures/server-target/notification-sinks.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { sendUdp } from '../../../src/transport/udp.js';
import { encodeNotification } from '../../../src/protocol/notification/encode.js';
import { encodeGcmMessage } from '../../../src/protocol/notification/gcm.js';
import { encodeWapPushDatagram } from '../../../src/protocol/notification/wap-push.js';

const CREDENTIALS = { secret: 's3cr3t', authData: 'nonce' };
const now = () => Math.floor(Date.now() / 1000);

function notification(overrides: Record<string, unknown> = {}): Uint8Array {
  return encodeNotification({ serverId: 'dms1', notificationId: 42, digest: true, timestamp: now(), reqMos: true, ...overrides }, CREDENTIALS);
}

describe('notification sinks on real ports', () => {
  test('a WAP Push datagram on the UDP sink is decoded with the digest verified and recorded with its decoding', async () => {
    const recorder = new TraceRecorder();
    const sinks = await startNotificationSinks(recorder, CREDENTIALS, { udpPort: 0 }, { host: '127.0.0.1', maxBodyBytes: 4096 });
    try {
      assert.equal(sinks.httpUrl, undefined);
      await sendUdp('127.0.0.1', sinks.udpPort ?? 0, encodeWapPushDatagram(notification()));
      const outcome = await sinks.inbox.next(0, 2000);
      assert.equal(outcome.kind, 'received');
      const received = outcome.kind === 'received' ? outcome.value : undefined;
      assert.equal(received?.transport, 'udp');
      assert.deepEqual(received?.framingViolations, []);
      assert.equal(received?.decoding?.valid, true);
      assert.deepEqual(received?.decoding?.digest, { present: true, verified: true });
      assert.equal(received?.decoding?.notification?.options.notificationId, 42);
      const message = recorder.messages.find((m) => m.seq === received?.seq);
      assert.equal(message?.kind, 'datagram');
      assert.equal((message?.decoded as { transport?: string } | undefined)?.transport, 'udp');
    } finally {
      await sinks.close();
    }
  });

  test('a bad digest and a broken frame show up as violations, and nothing throws', async () => {
    const recorder = new TraceRecorder();
    const sinks = await startNotificationSinks(recorder, { secret: 'other', authData: 'nonce' }, { udpPort: 0 }, { host: '127.0.0.1', maxBodyBytes: 4096 });
    try {
      await sendUdp('127.0.0.1', sinks.udpPort ?? 0, encodeWapPushDatagram(notification()));
      await sendUdp('127.0.0.1', sinks.udpPort ?? 0, Uint8Array.of(1));
      const first = await sinks.inbox.next(0, 2000);
      const second = await sinks.inbox.next(1, 2000);
      const rules = (n: typeof first) => (n.kind === 'received' ? [...n.value.framingViolations, ...(n.value.decoding?.violations ?? [])].map((v) => v.rule) : []);
      assert.deepEqual(rules(first), ['notification-digest-mismatch']);
      assert.deepEqual(rules(second), ['wap-push-too-short']);
    } finally {
      await sinks.close();
    }
  });

  test('the HTTP sink and the GCM stand-in listen on their own ports', async () => {
    const recorder = new TraceRecorder();
    const sinks = await startNotificationSinks(recorder, CREDENTIALS, { httpPort: 0, httpPath: '/n', gcmPort: 0 }, { host: '127.0.0.1', maxBodyBytes: 4096 });
    try {
      assert.match(sinks.httpUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/n$/);
      assert.match(sinks.gcmUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/gcm\/send$/);
      const posted = await fetch(sinks.httpUrl ?? '', { method: 'POST', body: Buffer.from(notification()) });
      assert.equal(posted.status, 204);
      const gcm = await fetch(sinks.gcmUrl ?? '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(encodeGcmMessage(notification(), { registrationId: 'r1' })) });
      assert.equal(gcm.status, 200);
      assert.equal(((await gcm.json()) as { success: number }).success, 1);
      assert.deepEqual(sinks.inbox.received.map((n) => [n.transport, n.decoding?.valid]), [['http', true], ['gcm', true]]);
    } finally {
      await sinks.close();
    }
  });
});

describe('the same sink handlers, intercepting in-process', () => {
  const recorder = new TraceRecorder();
  const inbox = new NotificationInbox(recorder, CREDENTIALS);
  const interceptor = setupServer(...notificationSinkHandlers(inbox, recorder, { origin: 'http://sink.test', httpPath: '/notification', gcmPath: '/gcm/send' }));
  before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
  after(() => interceptor.close());

  test('an invalid GCM message gets 400 and its violations are filed', async () => {
    const response = await fetch('http://sink.test/gcm/send', { method: 'POST', body: '{"data":{}}' });
    assert.equal(response.status, 400);
    const filed = inbox.received.at(-1);
    assert.equal(filed?.transport, 'gcm');
    assert.equal(filed?.bytes, undefined);
    assert.ok(filed?.framingViolations.some((v) => v.rule === 'gcm-message-schema'));
  });

  test('a stale TIMESTAMP is judged against the receipt time', async () => {
    await fetch('http://sink.test/notification', { method: 'POST', body: Buffer.from(notification({ timestamp: now() - 86_400 })) });
    const filed = inbox.received.at(-1);
    assert.ok(filed?.decoding?.violations.some((v) => v.rule === 'notification-timestamp-stale'));
  });

  test('waiting with nothing coming gives a timeout outcome, never a rejection', async () => {
    const outcome = await inbox.next(inbox.count, 50);
    assert.equal(outcome.kind, 'timeout');
    assert.match(outcome.kind === 'timeout' ? outcome.detail : '', /no Package#0 reached dmct's notification sinks within 50 ms/);
  });
});
