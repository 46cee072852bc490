import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { listenUdp } from '../../../../src/transport/udp.js';
import { decodeNotification } from '../../../../src/protocol/notification/decode.js';
import { decodeGcmMessage } from '../../../../src/protocol/notification/gcm.js';
import { decodeWapPushDatagram } from '../../../../src/protocol/notification/wap-push.js';
import { AUTH_DATA, DEV_ID, SECRET, handlerErrors, interceptor, useReferenceServer } from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const NOW = new Date('2026-11-25T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const clock = () => NOW;

function decodeChecked(hex: string) {
  return decodeNotification(Buffer.from(hex, 'hex'), { secret: SECRET, authData: AUTH_DATA, now: NOW_SECONDS });
}

describe('Package#0 options (§5.2.1.2)', () => {
  test('defaults: SERVER-ID, an incrementing NOTIFICATION-ID, a verifiable digest, TIMESTAMP now', async () => {
    const rs = useReferenceServer({ clock, serverId: 'dms1' });
    const send = async () =>
      (await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'print' } })).json as {
        hex: string;
        notificationId: number;
      };
    const first = await send();
    const second = await send();
    const decoded = decodeChecked(first.hex);
    assert.deepEqual(decoded.violations, []);
    assert.deepEqual(decoded.digest, { present: true, verified: true });
    assert.equal(decoded.notification?.options.serverId, 'dms1');
    assert.equal(decoded.notification?.options.timestamp, NOW_SECONDS);
    assert.equal(decoded.notification?.options.reqMos, false);
    assert.equal(decoded.notification?.options.notificationId, first.notificationId);
    assert.equal(second.notificationId, (first.notificationId + 1) & 0xffff);
    assert.equal(decodeChecked(second.hex).notification?.options.notificationId, second.notificationId);
  });

  test('every option can be set or left out; all six together decode with no violation', async () => {
    const rs = useReferenceServer({ clock });
    const all = await rs.admin('POST', `/devices/${DEV_ID}/notify`, {
      serverId: 'srv',
      conTypes: [2, 1, 0],
      notificationId: 42,
      timestamp: 1700000000,
      reqMos: true,
      digest: true,
      transport: { transport: 'print' },
    });
    const decoded = decodeNotification(Buffer.from((all.json as { hex: string }).hex, 'hex'), { secret: SECRET, authData: AUTH_DATA });
    assert.deepEqual(decoded.violations, []);
    assert.deepEqual(decoded.notification?.options.preferredConTypes, [2, 1, 0]);
    assert.equal(decoded.notification?.options.notificationId, 42);
    assert.equal(decoded.notification?.options.timestamp, 1700000000);
    assert.equal(decoded.notification?.options.reqMos, true);
    assert.equal(decoded.digest?.verified, true);

    const none = await rs.admin('POST', `/devices/${DEV_ID}/notify`, {
      serverId: null,
      notificationId: null,
      timestamp: null,
      digest: false,
      transport: { transport: 'print' },
    });
    assert.equal((none.json as { hex: string }).hex, '2000');
  });

  test('no digest by default for a device without a secret; asking for one is refused with 400', async () => {
    const rs = useReferenceServer({ clock, devices: [{ devId: 'UUID:plain' }] });
    const sent = await rs.admin('POST', '/devices/UUID:plain/notify', { transport: { transport: 'print' } });
    assert.equal(decodeNotification(Buffer.from((sent.json as { hex: string }).hex, 'hex')).digest?.present, false);
    const refused = await rs.admin('POST', '/devices/UUID:plain/notify', { digest: true, transport: { transport: 'print' } });
    assert.equal(refused.status, 400);
    assert.match(String((refused.json as { detail: string }).detail), /\/digest: .*secret/);
  });

  test('requests the server could not send validly are refused with 400, naming the member', async () => {
    const rs = useReferenceServer({ clock });
    const anyFirst = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { conTypes: [0, 1], transport: { transport: 'print' } });
    assert.equal(anyFirst.status, 400);
    assert.match(String((anyFirst.json as { detail: string }).detail), /\/conTypes\/0: ANY_AVAILABLE must be the last/);
    const badId = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { notificationId: 70000 });
    assert.equal(badId.status, 400);
    assert.match(String((badId.json as { detail: string }).detail), /\/notificationId: must be <= 65535 \(maximum\)/);
    const noTransport = await rs.admin('POST', `/devices/${DEV_ID}/notify`, {});
    assert.equal(noTransport.status, 400);
    assert.match(String((noTransport.json as { detail: string }).detail), /no notify transport/);
  });
});

describe('Package#0 transports (App E)', () => {
  test('UDP: a WAP Push datagram (E.1) whose body decodes with no violation and a verified digest', async () => {
    const listener = await listenUdp();
    try {
      const rs = useReferenceServer({ clock });
      await rs.admin('POST', '/devices', {
        devId: DEV_ID,
        secret: SECRET,
        authData: AUTH_DATA,
        notify: { transport: 'udp', port: listener.port },
      });
      const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { reqMos: true });
      assert.equal(sent.status, 200);
      const { hex, sentTo } = sent.json as { hex: string; sentTo: string };
      assert.equal(sentTo, `udp://127.0.0.1:${listener.port}`);
      const wait = await listener.waitForDatagram(undefined, 5000);
      assert.equal(wait.kind, 'datagram');
      if (wait.kind !== 'datagram') return;
      const push = decodeWapPushDatagram(wait.datagram.bytes);
      assert.deepEqual(push.violations, []);
      assert.equal(Buffer.from(push.notification ?? []).toString('hex'), hex);
      const decoded = decodeChecked(hex);
      assert.deepEqual(decoded.violations, []);
      assert.equal(decoded.digest?.verified, true);
      assert.equal(decoded.notification?.options.reqMos, true);
      const log = await rs.received();
      assert.deepEqual(
        log.notifications.map((n) => [n.hex, n.sentTo]),
        [[hex, sentTo]],
      );
    } finally {
      await listener.close();
    }
  });

  test('HTTP: the bare notification POSTed to the listener URL', async () => {
    const rs = useReferenceServer({ clock });
    const bodies: { type: string | null; bytes: Buffer }[] = [];
    rs.extra(
      http.post('http://device.test/push', async ({ request }) => {
        bodies.push({ type: request.headers.get('content-type'), bytes: Buffer.from(await request.arrayBuffer()) });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'http', url: 'http://device.test/push' } });
    assert.equal(sent.status, 200);
    assert.equal((sent.json as { sentTo: string }).sentTo, 'http://device.test/push');
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0]?.type, 'application/vnd.syncml.dm.notification');
    assert.deepEqual(decodeChecked(bodies[0]?.bytes.toString('hex') ?? '').violations, []);
  });

  test('HTTP: a listener answering an error → 502 naming the URL and status', async () => {
    const rs = useReferenceServer({ clock });
    rs.extra(http.post('http://device.test/push', () => new HttpResponse(null, { status: 500 })));
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'http', url: 'http://device.test/push' } });
    assert.equal(sent.status, 502);
    assert.match(String((sent.json as { detail: string }).detail), /http:\/\/device\.test\/push answered HTTP 500/);
    assert.equal((await rs.received()).notifications.length, 0);
  });

  test('GCM: a GCM message (E.2) with the notification base64 under SMS, POSTed to the send URL', async () => {
    const rs = useReferenceServer({ clock, gcmSendUrl: 'http://gcm.test/send' });
    const messages: unknown[] = [];
    rs.extra(
      http.post('http://gcm.test/send', async ({ request }) => {
        messages.push(await request.json());
        return HttpResponse.json({ success: 1 });
      }),
    );
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'gcm', regId: 'reg-1' } });
    assert.equal(sent.status, 200);
    assert.equal((sent.json as { sentTo: string }).sentTo, 'gcm:http://gcm.test/send#reg-1');
    const gcm = decodeGcmMessage(messages[0]);
    assert.deepEqual(gcm.violations, []);
    assert.deepEqual(gcm.message?.registration_ids, ['reg-1']);
    assert.deepEqual(decodeChecked(Buffer.from(gcm.notification ?? []).toString('hex')).violations, []);
  });

  test('GCM without a configured send URL → 502 saying so', async () => {
    const rs = useReferenceServer({ clock });
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'gcm' } });
    assert.equal(sent.status, 502);
    assert.match(String((sent.json as { detail: string }).detail), /no GCM send URL configured/);
  });

  test('shell: refused (403, nothing runs) unless the server allows it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dmct-rs-'));
    try {
      const rs = useReferenceServer({ clock });
      const transport = { transport: 'shell', command: `touch ${dir}/pwned` };
      const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport });
      assert.equal(sent.status, 403);
      assert.match(String((sent.json as { detail: string }).detail), /--allow-shell-notify/);
      const registered = await rs.admin('POST', '/devices', { devId: 'IMEI:x', notify: transport });
      assert.equal(registered.status, 403);
      assert.deepEqual(await readdir(dir), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('print: the hex goes to the print sink', async () => {
    const lines: string[] = [];
    const rs = useReferenceServer({ clock, print: (line) => lines.push(line) });
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'print' } });
    assert.deepEqual(lines, [`Package#0 for ${DEV_ID}: ${(sent.json as { hex: string }).hex}`]);
  });
});

describe('GCM registration (App E.2.4)', () => {
  test('a device posts its RegId; later GCM notifications are addressed to it; unregister forgets it', async () => {
    const rs = useReferenceServer({ clock, gcmSendUrl: 'http://gcm.test/send' });
    const messages: { registration_ids?: string[] }[] = [];
    rs.extra(
      http.post('http://gcm.test/send', async ({ request }) => {
        messages.push((await request.json()) as { registration_ids?: string[] });
        return HttpResponse.json({ success: 1 });
      }),
    );
    const form = (body: string, devId?: string) =>
      fetch(`${rs.server.origin}/gcm/register`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
          ...(devId === undefined ? {} : { 'omadm-devid': devId }),
        },
        body,
      });
    assert.equal((await form('RegId=abc&DevID=' + encodeURIComponent(DEV_ID))).status, 204);
    await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'gcm' } });
    assert.equal((await form('RegId=', DEV_ID)).status, 400);
    assert.equal((await form('RegId=x', 'UUID:nobody')).status, 403);
    const unregister = await fetch(`${rs.server.origin}/gcm/unregister`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'omadm-devid': DEV_ID },
      body: 'RegId=abc',
    });
    assert.equal(unregister.status, 204);
    await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'gcm' } });
    assert.deepEqual(
      messages.map((m) => m.registration_ids),
      [['abc'], [DEV_ID]],
    );
  });
});
