import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { deviceEndpointHandlers, defaultRepository, type EndpointHit } from '../../../fixtures/server-target/device-endpoints.js';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { deviceNodes, HARNESS_MOID, INSTALLABLE_MOID } from '../../../src/harness/device-engine-tree.js';
import { guardHandlers, type HandlerErrorEvent } from '../../../src/transport/resolver-guard.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { MEDIA_TYPES } from '../../../src/protocol/http/media-types.js';
import { ASYNC_RESULT_ALERT } from '../../../src/harness/interpretations.js';
import { createReferenceServer, type ReferenceServer } from '../../../src/reference/server/index.js';

const DEV_ID = 'IMEI:493005100592800';
const ENDPOINTS = 'http://device-endpoints.test';
const nodes = deviceNodes();

const interceptor = setupServer();
const errors: HandlerErrorEvent[] = [];
let hits: EndpointHit[] = [];

/** A reference server (in-process) and a fresh device talking to it; the device endpoints answer too. */
function setUp(faults: string[] = []): { server: ReferenceServer; device: DeviceEngine; recorder: TraceRecorder } {
  const server = createReferenceServer({
    faults,
    devices: [{ devId: DEV_ID, secret: 's3cr3t', authData: 'nonce' }],
    print: () => undefined,
  });
  hits = [];
  errors.length = 0;
  const guard = { endpoint: 'in-process', onError: (event: HandlerErrorEvent) => errors.push(event) };
  interceptor.resetHandlers(
    ...guardHandlers([...server.publicHandlers, ...server.adminHandlers, ...deviceEndpointHandlers(defaultRepository(), hits)], guard),
  );
  const recorder = new TraceRecorder();
  return { server, device: new DeviceEngine({ recorder, serverUrl: `${server.origin}/dm`, devId: DEV_ID, timeoutMs: 5000 }), recorder };
}

async function queue(server: ReferenceServer, command: string[]): Promise<void> {
  const response = await fetch(`${server.adminOrigin}/devices/${encodeURIComponent(DEV_ID)}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ command }),
  });
  assert.equal(response.status, 201, await response.text());
}

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(errors, [], 'no handler may throw'));
after(() => interceptor.close());

describe('DeviceEngine sessions against the reference server (in-process)', () => {
  test('a client-initiated session with nothing queued ends with END after one Package#2', async () => {
    const { device, recorder } = setUp();
    const transcript = await device.session();
    assert.equal(transcript.end, 'end');
    assert.equal(transcript.rounds.length, 1);
    const reply = transcript.rounds[0]?.reply;
    assert.equal(reply?.kind, 'package2');
    assert.deepEqual(reply?.kind === 'package2' ? reply.package2 : undefined, { CMD: [['END']] });
    assert.deepEqual(
      recorder.messages.map((m) => `${m.kind} ${m.label}`),
      ['http-request Package#1', 'http-response 200 ← Package#1'],
    );
    const request = recorder.messages[0];
    assert.equal(request?.http?.headers?.['omadm-devid'], DEV_ID);
    assert.equal(request?.http?.headers?.['content-type'], MEDIA_TYPES.package1);
    assert.match(request?.body?.text ?? '', /"MOS":\[/);
  });

  test('queued HGET, GET and DELETE run against the tree and their Package#3 is multipart with the GET data', async () => {
    const { server, device } = setUp();
    await queue(server, ['HGET', `${ENDPOINTS}/repo/installable`]);
    await queue(server, ['GET', nodes.dataLeaf]);
    await queue(server, ['DELETE', nodes.deletable]);
    const transcript = await device.session();
    assert.equal(transcript.end, 'end');
    const outcomes = transcript.rounds[0]?.outcomes ?? [];
    assert.deepEqual(
      outcomes.map((o) => o.status?.sc),
      [200, 200, 200],
    );
    assert.deepEqual(outcomes[0]?.status?.URI, [`${INSTALLABLE_MOID}/Installed/`]);
    assert.equal(device.tree.instancesOf(INSTALLABLE_MOID).length, 1);
    assert.equal(
      device.tree.instance(HARNESS_MOID, 'h1')?.root.children?.some((c) => c.name === 'Scratch'),
      false,
    );
    assert.equal(hits[0]?.path, '/repo/installable');
    const log = server.state.devices.get(DEV_ID)?.snapshot();
    const package3 = log?.packages.find((p) => p.kind === 'package3');
    assert.match(package3?.http.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.deepEqual(
      package3?.parts?.map((part) => part.name),
      ['1'],
    );
    assert.deepEqual(
      log?.commands.map((c) => c.state),
      ['reported', 'reported', 'reported'],
    );
  });

  test('after CONT every further Package#3 goes to the CONT URI, already the one answering it', async () => {
    const { server, device } = setUp();
    await queue(server, ['CONT']);
    await fetch(`${server.adminOrigin}/devices/${encodeURIComponent(DEV_ID)}/package2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CMD: [['GET', nodes.devId]] }),
    });
    const transcript = await device.session();
    assert.equal(transcript.end, 'end');
    const contUri = transcript.rounds[0]?.outcomes?.[0]?.contUri ?? '';
    assert.match(contUri, /\/dm\/cont\//);
    assert.deepEqual(
      transcript.rounds.slice(1).map((r) => r.sentTo),
      [contUri, contUri],
    );
  });

  test('EXEC with a ServerURI is answered 202 and its result delivered later as a Generic Alert the server links', async () => {
    const { server, device } = setUp();
    await queue(server, ['EXEC', nodes.asyncExecutable, '{{async}}']);
    const first = await device.session();
    assert.equal(first.rounds[0]?.outcomes?.[0]?.status?.sc, 202);
    assert.equal(device.pendingAsync.length, 1);
    const [later] = await device.deliverAsyncResults();
    assert.equal(later?.rounds[0]?.reply.kind, 'package2');
    assert.equal(device.pendingAsync.length, 0);
    const log = server.state.devices.get(DEV_ID)?.snapshot();
    const exec = log?.commands.find((c) => c.command[0] === 'EXEC');
    assert.equal(exec?.state, 'completed');
    assert.equal(exec?.asyncResult?.alert.AlertType, ASYNC_RESULT_ALERT.alertType);
    assert.equal(exec?.asyncResult?.alert.SourceURI, nodes.asyncExecutable);
  });

  test('a scenario chooses the statuses and adds alerts to a Package#3', async () => {
    const { server, device } = setUp();
    await queue(server, ['DELETE', nodes.missing]);
    const alert = { AlertType: 'urn:dmct:at:test:1.0:Probe' };
    const transcript = await device.session({
      answer: (round, computed) => (round.index === 0 ? { ...computed, statuses: [{ sc: 500 }], alerts: [alert] } : computed),
    });
    assert.equal(transcript.rounds[0]?.outcomes?.[0]?.status?.sc, 404);
    assert.deepEqual(transcript.rounds[0]?.answered, { statuses: [{ sc: 500 }], parts: [], alerts: [alert] });
    const log = server.state.devices.get(DEV_ID)?.snapshot();
    assert.equal(log?.commands[0]?.status?.sc, 500);
    assert.deepEqual(
      log?.alerts.map((a) => a.alert.AlertType),
      ['urn:oma:at:dm:2.0:ClientInitiatedMgmt', alert.AlertType],
    );
  });

  test('onPackage2 can stop a session before the Package#2 is executed', async () => {
    const { server, device } = setUp();
    await queue(server, ['DELETE', nodes.deletable]);
    const transcript = await device.session({ onPackage2: () => 'stop' });
    assert.equal(transcript.end, 'stopped');
    assert.equal(transcript.rounds[0]?.outcomes, undefined);
    assert.ok(device.tree.instance(HARNESS_MOID, 'h1')?.root.children?.some((c) => c.name === 'Scratch'));
  });
});

describe('DeviceEngine sends deliberately odd packages and reads every answer', () => {
  test('no OMADM-DevID: refused with 400, never thrown', async () => {
    const { device } = setUp();
    const { reply } = await device.send({ ...device.package1(), devId: null });
    assert.equal(reply.kind, 'refused');
    assert.equal(reply.kind === 'refused' ? reply.http.status : 0, 400);
  });

  test('a wrong content type: refused with 415', async () => {
    const { device } = setUp();
    const { reply } = await device.send({ ...device.package1(), contentType: 'application/json' });
    assert.equal(reply.kind === 'refused' ? reply.http.status : 0, 415);
  });

  test('bare-number statuses (the erratum form): refused with 400, the session aborted', async () => {
    const { server, device } = setUp();
    await queue(server, ['DELETE', nodes.missing]);
    const first = await device.send(device.package1());
    assert.equal(first.reply.kind, 'package2');
    const { reply } = await device.send({ body: '{"Status":[404]}', contentType: MEDIA_TYPES.package3, label: 'Package#3 (bare numbers)' });
    assert.equal(reply.kind === 'refused' ? reply.http.status : 0, 400);
  });

  test('an unknown Generic Alert in Package#1 is accepted by the reference server', async () => {
    const { device } = setUp();
    const transcript = await device.session({
      alerts: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }, { AlertType: 'urn:dmct:at:test:1.0:Unknown' }],
    });
    assert.equal(transcript.end, 'end');
  });

  test('a server that does not answer gives no-answer, not an exception', async () => {
    const recorder = new TraceRecorder();
    const device = new DeviceEngine({ recorder, serverUrl: 'http://unreachable.test/dm', devId: DEV_ID, timeoutMs: 2000 });
    interceptor.resetHandlers(http.post('http://unreachable.test/dm', () => HttpResponse.error()));
    const transcript = await device.session();
    assert.equal(transcript.end, 'no-answer');
  });

  test('non-string parameters are flagged by the Package#2 checks while the device reads a wrapped string', async () => {
    const { server, device } = setUp(['package2-non-string-param']);
    await queue(server, ['DELETE', nodes.deletable]);
    const transcript = await device.session();
    const reply = transcript.rounds[0]?.reply;
    assert.ok(reply?.kind === 'package2' && reply.violations.some((v) => v.severity === 'error'));
    assert.equal(transcript.rounds[0]?.outcomes?.[0]?.status?.sc, 200);
  });
});
