import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Notifier, freshNotificationId, workerNotificationIds } from '../../../src/harness/dm-server-engine-notifier.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { listenUdp } from '../../../src/transport/udp.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { decodeNotification } from '../../../src/protocol/notification/decode.js';
import { decodeWapPushDatagram } from '../../../src/protocol/notification/wap-push.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const secret = new TextEncoder().encode('s3cr3t');
const authData = new TextEncoder().encode('nonce');

describe('Notifier', () => {
  it('sends a valid notification as a WAP Push datagram over UDP and records its decoded view', async () => {
    const listener = await listenUdp();
    const recorder = new TraceRecorder();
    try {
      const told: { reqMos: boolean }[] = [];
      const notifier = new Notifier({
        recorder,
        transport: { kind: 'udp', host: '127.0.0.1', port: listener.port },
        secret,
        authData,
        onSend: (fields) => told.push(fields),
      });
      const id = freshNotificationId();
      const sent = await notifier.send({ serverId: 'dmct', notificationId: id, digest: true, reqMos: true });
      assert.ok(sent.ok);
      assert.deepEqual(told, [{ reqMos: true }], 'the DM server is told the notification asked for the MOS array');
      assert.equal(sent.notificationId, id);
      const datagram = await listener.waitForDatagram(() => true, 2000);
      assert.ok(datagram.kind === 'datagram');
      const push = decodeWapPushDatagram(datagram.datagram.bytes);
      assert.ok(push.valid && push.notification);
      assert.deepEqual(Buffer.from(push.notification), Buffer.from(sent.bytes));
      const decoded = decodeNotification(sent.bytes, { secret, authData });
      assert.equal(decoded.valid, true);
      assert.deepEqual(decoded.digest, { present: true, verified: true });
      const [note, wire] = recorder.messages;
      assert.equal(note?.label, `Package#0: a valid notification (${sent.bytes.length} bytes)`);
      assert.equal((note?.decoded as { fields?: { notificationId?: number } }).fields?.notificationId, id);
      assert.equal(wire?.kind, 'datagram');
      assert.ok(validateEvidence(recorder.toEvidence()).ok);
    } finally {
      await listener.close();
    }
  });

  it('builds deliberately broken notifications field by field, the digest still computed over them', async () => {
    const listener = await listenUdp();
    const recorder = new TraceRecorder();
    try {
      const notifier = new Notifier({ recorder, transport: { kind: 'udp', host: '127.0.0.1', port: listener.port }, secret, authData });
      const spec = notifier.rawSpecOf({ serverId: 'dmct', digest: true });
      const sent = await notifier.sendRaw({ ...spec, version: 1 }, 'Package#0 with VER 1');
      assert.ok(sent.ok);
      const decoded = decodeNotification(sent.bytes, { secret, authData });
      assert.deepEqual(
        decoded.violations.filter((v) => v.severity === 'error').map((v) => v.rule),
        ['notification-version'],
      );
      assert.equal(decoded.digest?.verified, true);
      assert.match(recorder.messages[0]?.label ?? '', /^Package#0 with VER 1: a deliberately invalid notification/);
    } finally {
      await listener.close();
    }
  });

  it('a transport that cannot take the bytes makes the send inconclusive, with the reason', async () => {
    const notifier = new Notifier({
      recorder: new TraceRecorder(),
      transport: { kind: 'http', url: 'http://127.0.0.1:9/push' },
      timeoutMs: 2000,
    });
    const sent = await notifier.send({ serverId: 'dmct' });
    assert.equal(sent.ok, false);
    assert.match(sent.ok ? '' : sent.inconclusive, /^HTTP delivery to http:\/\/127\.0\.0\.1:9\/push failed: connection-error/);
  });

  it('hands out 16-bit NOTIFICATION-IDs that do not repeat within the process', () => {
    const ids = Array.from({ length: 400 }, () => freshNotificationId());
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 0xffff));
  });

  it('gives each embedded client a source of its own over the worker block: each counts from the block start', () => {
    const env = { DMCT_NOTIFICATION_ID_BASE: process.env['DMCT_NOTIFICATION_ID_BASE'] };
    process.env['DMCT_NOTIFICATION_ID_BASE'] = '100';
    try {
      const [clean, faulty] = [workerNotificationIds(), workerNotificationIds()];
      const first = clean();
      assert.deepEqual([clean(), faulty(), faulty()], [first + 1, first, first + 1]);
    } finally {
      if (env.DMCT_NOTIFICATION_ID_BASE === undefined) delete process.env['DMCT_NOTIFICATION_ID_BASE'];
      else process.env['DMCT_NOTIFICATION_ID_BASE'] = env.DMCT_NOTIFICATION_ID_BASE;
    }
  });
});
