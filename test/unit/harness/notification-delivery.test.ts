import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { serveHandlers } from '../../../src/transport/endpoint-server.js';
import { HTTP_NOTIFICATION_MEDIA_TYPE, deliverNotification } from '../../../src/harness/notification-delivery.js';
import { NO_OPERATOR, terminalOperator } from '../../../src/harness/operator.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { listenUdp } from '../../../src/transport/udp.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
/** The worked example of the test vectors (fixtures/notifications/valid.json): 48 bytes with SERVER-ID, NOTIFICATION-ID, digest, REQ-MOS. */
const PACKAGE0 = Buffer.from('22001004646d73312002002a10206b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e677609932000', 'hex');

describe('notification delivery', () => {
  it('udp: sends the datagram form when there is one, and records it', async () => {
    const listener = await listenUdp();
    const recorder = new TraceRecorder();
    try {
      const wrapped = Buffer.concat([Buffer.of(0x01, 0x06), PACKAGE0]);
      const outcome = await deliverNotification(
        { kind: 'udp', host: '127.0.0.1', port: listener.port },
        { bytes: PACKAGE0, datagramBytes: wrapped },
        { recorder },
      );
      assert.deepEqual(outcome, { ok: true, detail: `50 bytes sent to udp://127.0.0.1:${listener.port}` });
      const received = await listener.waitForDatagram(() => true, 2000);
      assert.ok(received.kind === 'datagram');
      assert.deepEqual(Buffer.from(received.datagram.bytes), wrapped);
      const message = recorder.messages[0];
      assert.equal(message?.kind, 'datagram');
      assert.equal(message?.label, `Package#0 (UDP 127.0.0.1:${listener.port})`);
      assert.equal(message?.body?.hex, wrapped.toString('hex'));
      assert.ok(validateEvidence(recorder.toEvidence()).ok);
    } finally {
      await listener.close();
    }
  });

  it('udp: an unusable port is inconclusive', async () => {
    const outcome = await deliverNotification(
      { kind: 'udp', host: '127.0.0.1', port: 99999 },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.inconclusive, /^UDP delivery to 127\.0\.0\.1:99999 failed/);
  });

  it('none: without a transport in the claims, nothing is sent and the reason says why', async () => {
    const recorder = new TraceRecorder();
    const reason = 'no Package#0 transport: /client/notification is not configured in the claims';
    const outcome = await deliverNotification({ kind: 'none', reason }, { bytes: PACKAGE0 }, { recorder });
    assert.deepEqual(outcome, { ok: false, inconclusive: reason });
    assert.equal(recorder.messages[0]?.label, `Package#0 not sent: ${reason}`);
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('http: POSTs the bytes with the notification media type', async () => {
    const received: { type: string | null; body: Buffer }[] = [];
    const endpoint = await serveHandlers([
      http.post('http://dm.test/push', async ({ request }) => {
        received.push({ type: request.headers.get('content-type'), body: Buffer.from(await request.arrayBuffer()) });
        return new HttpResponse(null, { status: 204 });
      }),
      http.post('http://dm.test/busy', () => new HttpResponse('busy', { status: 503 })),
    ]);
    try {
      const recorder = new TraceRecorder();
      const ok = await deliverNotification({ kind: 'http', url: `${endpoint.url}/push` }, { bytes: PACKAGE0 }, { recorder });
      assert.deepEqual(ok, { ok: true, detail: `HTTP 204 from ${endpoint.url}/push` });
      assert.deepEqual(received, [{ type: HTTP_NOTIFICATION_MEDIA_TYPE, body: PACKAGE0 }]);
      assert.equal(recorder.messages[0]?.body?.hex, PACKAGE0.toString('hex'));
      const busy = await deliverNotification({ kind: 'http', url: `${endpoint.url}/busy` }, { bytes: PACKAGE0 }, { recorder });
      assert.deepEqual(busy, { ok: false, inconclusive: `the notification endpoint ${endpoint.url}/busy answered HTTP 503` });
    } finally {
      await endpoint.close();
    }
    const gone = await deliverNotification(
      { kind: 'http', url: `${endpoint.url}/push` },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.match(gone.ok ? '' : gone.inconclusive, /^HTTP delivery to .* failed: connection-(error|closed)/);
  });

  it('shell: a placeholder without a value is inconclusive', async () => {
    const outcome = await deliverNotification(
      { kind: 'shell', command: 'send {{devId}}' },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: 'the notification shell command cannot be built: no value for {{devId}}' });
  });

  it('manual: without a terminal it is inconclusive', async () => {
    const recorder = new TraceRecorder();
    const operator = terminalOperator({ input: new PassThrough(), output: new PassThrough() });
    const outcome = await deliverNotification({ kind: 'manual' }, { bytes: PACKAGE0 }, { recorder, operator });
    assert.deepEqual(outcome, { ok: false, inconclusive: NO_OPERATOR });
    assert.equal(recorder.messages.at(-1)?.label, `Package#0 (manual): ${NO_OPERATOR}`);
  });

  it('manual: shows the hex and waits for the operator', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const outcome = deliverNotification(
      { kind: 'manual' },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder(), operator: terminalOperator({ input, output }) },
    );
    input.write('\n');
    assert.deepEqual(await outcome, { ok: true, detail: 'confirmed by the operator' });
    assert.match(printed, new RegExp(PACKAGE0.toString('hex')));
  });

  it('manual: names the DM server URL the device must connect to', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const transport = { kind: 'manual', dmServerUrl: 'http://192.0.2.1:8080/dm' } as const;
    const outcome = deliverNotification(
      transport,
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder(), operator: terminalOperator({ input, output }) },
    );
    input.write('\n');
    assert.equal((await outcome).ok, true);
    assert.match(printed, /The device's DM server \(DM account server URL\): http:\/\/192\.0\.2\.1:8080\/dm\n/);
  });
});
