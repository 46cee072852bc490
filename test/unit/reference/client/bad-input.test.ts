import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { sendUdp } from '../../../../src/transport/udp.js';
import { MOIDS, ReferenceClient, adminHandlers, startReferenceClient } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, settled } from './mock-dm-server.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const PACKAGE2 = 'application/vnd.oma.dm.request+json';
const ADMIN = 'http://admin.client.test';

function setup(timings: ConstructorParameters<typeof ReferenceClient>[0]['timings'] = {}): { mock: MockDmServer; client: ReferenceClient } {
  const mock = new MockDmServer();
  const client = new ReferenceClient({ serverUrl: DM_URL, timings: { asyncExecDelayMs: 5, ...timings } });
  server.resetHandlers(...mock.handlers(), ...adminHandlers(client, ADMIN));
  return { mock, client };
}

async function abortedBy(mock: MockDmServer, client: ReferenceClient, reply: () => Response): Promise<string> {
  mock.reply(reply);
  const record = await client.openSession('client').done;
  assert.equal(record?.outcome, 'aborted');
  assert.equal(mock.dm.length, 1, 'no Package#3 and no retry after an unusable answer (5.6)');
  return record?.reason ?? '';
}

describe('unusable answers to Package#1 abort the session, without retry (5.6)', () => {
  it('invalid JSON', async () => {
    const { mock, client } = setup();
    assert.match(await abortedBy(mock, client, () => new Response('{"CMD": [', { headers: { 'content-type': PACKAGE2 } })), /not JSON/);
  });
  it('a Package#2 sent with the wrong media type', async () => {
    const { mock, client } = setup();
    assert.match(await abortedBy(mock, client, () => HttpResponse.json({ CMD: [['END']] })), /Content-Type/);
  });
  it('a JSON body without a CMD array', async () => {
    const { mock, client } = setup();
    assert.match(await abortedBy(mock, client, () => new Response('{"cmd":[]}', { headers: { 'content-type': PACKAGE2 } })), /CMD/);
  });
  it('HTTP 4xx and 5xx', async () => {
    const { mock, client } = setup();
    assert.match(await abortedBy(mock, client, () => new Response(null, { status: 403 })), /HTTP 403/);
    const second = setup();
    assert.match(await abortedBy(second.mock, second.client, () => new Response('oops', { status: 503 })), /HTTP 503/);
  });
  it('no answer within the time-out', async () => {
    const { client, mock } = setup({ httpTimeoutMs: 100 });
    server.use(
      http.post(DM_URL, async () => {
        await delay('infinite'); // never answers: the test ends on the client's own time-out
        return new Response(null, { status: 500 });
      }),
    );
    // The client's time-out (AbortSignal.timeout) does not hold the event loop open, and nothing
    // else does while the mock stays silent: this handle keeps the test process alive until then.
    const keepAlive = setInterval(() => undefined, 60_000);
    const record = await client.openSession('client').done.finally(() => clearInterval(keepAlive));
    assert.equal(record?.outcome, 'aborted');
    assert.match(record?.reason ?? '', /timeout/);
    assert.equal(mock.dm.length, 0);
  });
  it('a server that never sends END is left after maxPackagesPerSession Package#2s', async () => {
    const { mock, client } = setup({ maxPackagesPerSession: 3 });
    mock.reply({ CMD: [] }, { CMD: [] }, { CMD: [] }, { CMD: [] });
    const record = await client.openSession('client').done;
    assert.equal(record?.outcome, 'aborted');
    assert.match(record?.reason ?? '', /no END after 3/);
    assert.equal(mock.dm.length, 3, 'Package#1 and two Package#3s');
  });
});

describe('hostile notifications never crash the client', () => {
  it('random datagrams are recorded as rejected or judged, never thrown (fast-check, seeded)', () => {
    const client = new ReferenceClient({ serverUrl: 'http://127.0.0.1:9/dm' });
    const seed = 424242;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const record = client.receiveNotification('udp', bytes);
        return typeof record.accepted === 'boolean';
      }),
      {
        seed,
        numRuns: 300,
        reporter: (details) => {
          if (details.failed)
            throw new Error(
              `fast-check failed with seed ${seed}: ${String(details.errorInstance ?? JSON.stringify(details.counterexample))}`,
            );
        },
      },
    );
    return client.stop();
  });

  it('a random-byte datagram on the real UDP port is logged as a WAP Push framing rejection', async () => {
    const running = await startReferenceClient({ serverUrl: 'http://127.0.0.1:9/dm' });
    try {
      const judged = new Promise<void>((resolve) => {
        const stop = running.client.onNotificationJudged(() => {
          stop();
          resolve();
        });
      });
      await sendUdp('127.0.0.1', running.udpPort, new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x11]));
      await judged;
      const [record] = running.state.notifications;
      assert.equal(record?.accepted, false);
      assert.equal(record?.reason, 'wap-push-framing');
      assert.equal(record?.hex, 'deadbeef0011');
      const health = await fetch(`${running.adminUrl}/health`, { headers: { authorization: `Bearer ${running.adminToken}` } });
      assert.equal(health.status, 200, 'the client still answers');
    } finally {
      await running.stop();
    }
  });
});

describe('admin API input (loopback)', () => {
  it('POST /alerts validates the alert against the Generic Alert schema, naming pointer and rule', async () => {
    const { client } = setup();
    const bad = await fetch(`${ADMIN}/alerts`, { method: 'POST', body: JSON.stringify({ AlertType: 'urn:x', Data: { a: 1 } }) });
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { error: string }).error,
      /^alert \/: must have property DataType when property Data is present \(dependentRequired\)$/,
    );
    const notJson = await fetch(`${ADMIN}/alerts`, { method: 'POST', body: '{' });
    assert.equal(notJson.status, 400);
    const badUri = await fetch(`${ADMIN}/alerts`, { method: 'POST', body: JSON.stringify({ AlertType: 'urn:x', SourceURI: 'no slash' }) });
    assert.equal(badUri.status, 400);
    const ok = await fetch(`${ADMIN}/alerts`, { method: 'POST', body: JSON.stringify({ AlertType: 'urn:x', Mark: 'minor' }) });
    assert.equal(ok.status, 202);
    assert.equal(client.snapshot().pendingAlerts, 1);
  });

  it('POST /alerts?now=1&wait=1 sends the alert in the Package#1 of a new session', async () => {
    const { client, mock } = setup();
    const answer = await fetch(`${ADMIN}/alerts?now=1&wait=1`, {
      method: 'POST',
      body: JSON.stringify({ AlertType: 'urn:x:at:1.0:Ping' }),
    });
    assert.equal(answer.status, 200);
    const body = JSON.parse(new TextDecoder().decode(mock.dm[0]?.body)) as { Alert: { AlertType: string }[] };
    assert.deepEqual(
      body.Alert.map((a) => a.AlertType),
      ['urn:oma:at:dm:2.0:ClientInitiatedMgmt', 'urn:x:at:1.0:Ping'],
    );
    assert.equal(client.snapshot().pendingAlerts, 0);
  });

  it('GET /tree reads, PUT /tree writes a leaf locally (new cv), bad URIs are 400/404', async () => {
    const { client } = setup();
    const read = await fetch(`${ADMIN}/tree?uri=${encodeURIComponent(`${MOIDS.devInfo}//DevID`)}`);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), [
      { ClientURI: `${MOIDS.devInfo}/1/DevID`, MOData: { DevID: client.devId }, DDF: client.tree.ddf(MOIDS.devInfo) },
    ]);
    const before = client.tree.instance(MOIDS.sample, 's1')?.cv;
    const write = await fetch(`${ADMIN}/tree?uri=${encodeURIComponent(`${MOIDS.sample}/s1/BootCount`)}`, { method: 'PUT', body: '41' });
    assert.equal(write.status, 200);
    assert.notEqual(client.tree.instance(MOIDS.sample, 's1')?.cv, before);
    assert.equal(
      (await fetch(`${ADMIN}/tree?uri=${encodeURIComponent(`${MOIDS.sample}/s1/BootCount`)}`, { method: 'PUT', body: 'many' })).status,
      415,
    );
    assert.equal((await fetch(`${ADMIN}/tree?uri=nonsense`)).status, 400);
    assert.equal((await fetch(`${ADMIN}/tree?uri=${encodeURIComponent(`${MOIDS.sample}/s1/Nope`)}`)).status, 404);
    assert.equal((await fetch(`${ADMIN}/tree`)).status, 400);
  });

  it('POST /need-moid validates its body', async () => {
    setup();
    const bad = await fetch(`${ADMIN}/need-moid`, { method: 'POST', body: JSON.stringify({ moid: '' }) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /need-moid \/moid: .*\(minLength\)/);
    const none = await fetch(`${ADMIN}/need-moid`, { method: 'POST', body: JSON.stringify({ moid: MOIDS.installable }) });
    assert.deepEqual(await none.json(), { moid: MOIDS.installable, fetched: false, reason: 'no DEFAULT ServerURI for this MOID' });
  });

  it('GET /state validates against its own schema shape (session and notification records)', async () => {
    const { client } = setup();
    await client.openSession('client').done;
    await settled(client);
    const state = (await (await fetch(`${ADMIN}/state`)).json()) as { sessions: { outcome: string }[]; devId: string };
    assert.equal(state.devId, client.devId);
    assert.equal(state.sessions[0]?.outcome, 'ended');
  });
});
