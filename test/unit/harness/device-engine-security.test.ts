import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';
import { createTestPki, type TestPki } from '../../../src/transport/test-pki.js';

const DEV_ID = 'IMEI:493005100592800';
const CREDENTIALS = { username: 'device', password: 'pw' };

let pki: TestPki;
const servers: RunningReferenceServer[] = [];

async function server(faults: string[] = []): Promise<RunningReferenceServer> {
  const started = await startReferenceServer({
    print: () => undefined,
    faults,
    tls: pki.server,
    httpAuth: CREDENTIALS,
    devices: [{ devId: DEV_ID }],
  });
  servers.push(started);
  return started;
}

function device(
  target: RunningReferenceServer,
  recorder = new TraceRecorder(),
  password = CREDENTIALS.password,
  scheme: 'basic' | 'digest' = 'basic',
): DeviceEngine {
  return new DeviceEngine({
    recorder,
    serverUrl: target.dmUrl,
    devId: DEV_ID,
    tls: { ca: pki.ca.cert },
    httpAuth: { ...CREDENTIALS, password, scheme },
  });
}

async function statusOf(engine: DeviceEngine, httpAuth?: null): Promise<number | string> {
  const { reply } = await engine.send({ ...engine.package1(), ...(httpAuth === null ? { httpAuth } : {}) });
  return reply.kind === 'no-answer' ? reply.failure.kind : reply.http.status;
}

before(async () => {
  pki = await createTestPki();
});
after(async () => {
  await Promise.all(servers.map((started) => started.stop()));
});

describe('the device over HTTPS with HTTP authentication (§9.2)', () => {
  test('Basic sent unasked is accepted; a session runs to END; the TLS of each exchange is recorded', async () => {
    const target = await server();
    const recorder = new TraceRecorder();
    const transcript = await device(target, recorder).session();
    assert.equal(transcript.end, 'end');
    assert.ok(recorder.messages.some((message) => message.kind === 'note' && /^Package#1: TLS TLSv1\.2, TLS_/.test(message.label)));
  });

  test('without credentials the server challenges with Digest and Basic', async () => {
    const target = await server();
    const engine = device(target);
    const { reply } = await engine.send({ ...engine.package1(), httpAuth: null });
    assert.equal(reply.kind === 'refused' && reply.http.status, 401);
    assert.match(reply.kind === 'refused' ? (reply.http.headers.get('www-authenticate') ?? '') : '', /^Digest realm=.*, Basic realm=/);
  });

  test('Digest: the challenge is answered once; the right password is let in, a wrong one is not', async () => {
    const target = await server();
    const recorder = new TraceRecorder();
    assert.equal(await statusOf(device(target, recorder, CREDENTIALS.password, 'digest')), 200);
    assert.ok(recorder.messages.some((message) => message.label === 'Package#1 (answering the Digest challenge)'));
    assert.equal(await statusOf(device(target, new TraceRecorder(), 'wrong', 'digest')), 401);
  });

  test('a wrong Basic password is refused; the fault switch lets it in', async () => {
    assert.equal(await statusOf(device(await server(), new TraceRecorder(), 'wrong')), 401);
    assert.equal(await statusOf(device(await server(['auth-accepts-wrong-basic']), new TraceRecorder(), 'wrong')), 200);
    assert.equal(await statusOf(device(await server(['auth-accepts-wrong-digest']), new TraceRecorder(), 'wrong', 'digest')), 200);
  });

  test('a device that does not trust the CA gets no TLS connection', async () => {
    const target = await server();
    const engine = new DeviceEngine({
      recorder: new TraceRecorder(),
      serverUrl: target.dmUrl,
      devId: DEV_ID,
      tls: {},
      httpAuth: { ...CREDENTIALS, scheme: 'basic' },
    });
    assert.equal(await statusOf(engine), 'connection-error');
  });
});
