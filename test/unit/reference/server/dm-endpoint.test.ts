import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { CLIENT_INITIATED, DEV_ID, handlerErrors, interceptor, json, package3, useReferenceServer } from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

describe('DM endpoint: the package flow (§5.2)', () => {
  test('Package#1 → Package#2 with the queued commands → Package#3 → Package#2 [END]', async () => {
    const rs = useReferenceServer();
    const hget = await rs.queue(['HGET', '{{repo}}/devinfo', 'urn:oma:mo:oma-dm-devinfo:1.2//']);
    const get = await rs.queue(['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);

    const first = await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), MEDIA_TYPES.package2);
    assert.deepEqual(await json(first), {
      CMD: [
        ['HGET', 'http://dm-server.test/repo/devinfo', 'urn:oma:mo:oma-dm-devinfo:1.2//'],
        ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID'],
      ],
    });

    const second = await rs.dm(...package3([200, 204]));
    assert.equal(second.status, 200);
    assert.deepEqual(await json(second), { CMD: [['END']] });

    const log = await rs.received();
    assert.equal(log.sessions.length, 1);
    assert.equal(log.sessions[0]?.state, 'ended');
    assert.equal(log.sessions[0]?.sessionAlert, CLIENT_INITIATED.AlertType);
    assert.equal(log.sessions[0]?.package2Count, 2);
    const byId = new Map(log.commands.map((c) => [c.id, c]));
    assert.equal(byId.get(hget)?.state, 'reported');
    assert.deepEqual(byId.get(hget)?.status, { sc: 200 });
    assert.equal(byId.get(get)?.status?.sc, 204);
    assert.deepEqual(
      log.packages.map((p) => [p.kind, p.response.status]),
      [
        ['package1', 200],
        ['package3', 200],
      ],
    );
  });

  test('with nothing queued the first Package#2 is [END]', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.deepEqual(await json(response), { CMD: [['END']] });
    assert.equal((await rs.received()).sessions[0]?.state, 'ended');
  });

  test('a queued whole Package#2 goes out as queued, then the single commands, then END', async () => {
    const rs = useReferenceServer();
    const queued = await rs.admin('POST', `/devices/${DEV_ID}/package2`, {
      CMD: [
        ['DELETE', 'urn:oma:mo:x:1.0/a/'],
        ['SHOW', '{{web}}/hello'],
      ],
    });
    assert.equal(queued.status, 201);
    await rs.queue(['GET', 'urn:oma:mo:x:1.0/a/b']);
    assert.deepEqual(await json(await rs.dm({ Alert: [CLIENT_INITIATED] })), {
      CMD: [
        ['DELETE', 'urn:oma:mo:x:1.0/a/'],
        ['SHOW', 'http://dm-server.test/web/hello'],
      ],
    });
    assert.deepEqual(await json(await rs.dm(...package3([200, 200]))), { CMD: [['GET', 'urn:oma:mo:x:1.0/a/b']] });
    assert.deepEqual(await json(await rs.dm(...package3([404]))), { CMD: [['END']] });
  });

  test('a Package#3 after END is refused with 409 (no session is open)', async () => {
    const rs = useReferenceServer();
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const response = await rs.dm(...package3([]));
    assert.equal(response.status, 409);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.match(String((await json(response))['detail']), /no session is open/);
  });

  test('a new Package#1 cuts short a session left open; its sent commands stay unanswered', async () => {
    const rs = useReferenceServer();
    const id = await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.deepEqual(await json(await rs.dm({ Alert: [CLIENT_INITIATED] })), { CMD: [['END']] });
    const log = await rs.received();
    assert.deepEqual(
      log.sessions.map((s) => s.state),
      ['aborted', 'ended'],
    );
    assert.equal(log.commands.find((c) => c.id === id)?.state, 'unanswered');
  });

  test('a Package#3 whose statuses cannot be paired with the commands is refused with 400', async () => {
    const rs = useReferenceServer();
    await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const response = await rs.dm(...package3([200, 200]));
    assert.equal(response.status, 400);
    const body = await json(response);
    assert.match(String(body['detail']), /status-count/);
    assert.equal((await rs.received()).sessions[0]?.state, 'aborted');
  });
});

describe('DM endpoint: HTTP errors (§5.5, §5.2.2)', () => {
  test('no OMADM-DevID → 400', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({ Alert: [CLIENT_INITIATED] }, { devId: null });
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /OMADM-DevID/);
  });

  test('an unregistered DevID → 403, and it is logged as refused', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({ Alert: [CLIENT_INITIATED] }, { devId: 'IMEI:000000000000000' });
    assert.equal(response.status, 403);
    const refused = (await rs.admin('GET', '/refused')).json as { devId: string; status: number }[];
    assert.deepEqual(
      refused.map((r) => [r.devId, r.status]),
      [['IMEI:000000000000000', 403]],
    );
  });

  test('an unregistered DevID is registered on the fly with unknownDevices: register', async () => {
    const rs = useReferenceServer({ unknownDevices: 'register' });
    const response = await rs.dm({ Alert: [CLIENT_INITIATED] }, { devId: 'UUID:1' });
    assert.equal(response.status, 200);
    assert.equal((await rs.received('UUID:1')).sessions.length, 1);
  });

  test('a body type that is no package → 415, recorded', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({ Alert: [CLIENT_INITIATED] }, { contentType: 'application/json' });
    assert.equal(response.status, 415);
    assert.match(String((await json(response))['detail']), /application\/vnd\.oma\.dm\.initiation\+json/);
    const log = await rs.received();
    assert.deepEqual(
      log.packages.map((p) => [p.kind, p.response.status]),
      [['unknown', 415]],
    );
  });

  test('an Accept that excludes Package#2 → 406; a missing Accept is fine', async () => {
    const rs = useReferenceServer();
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] }, { accept: 'text/html' })).status, 406);
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] }, { accept: 'application/*;q=0.5' })).status, 200);
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] }, { accept: null })).status, 200);
  });

  test('invalid JSON → 400 with a problem body naming the rule', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm(undefined, { raw: '{"Alert": [' });
    assert.equal(response.status, 400);
    const body = await json(response);
    assert.equal(body['type'], 'https://dmct.dev/problems/invalid-package1');
    assert.match(String(body['detail']), /json-syntax/);
  });

  test('a schema violation → 400 naming the JSON pointer', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({ Alert: [{ AlertType: 7 }] });
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /\/Alert\/0\/AlertType/);
  });

  test('a Package#1 without a session alert → 400 (§5.2.2)', async () => {
    const rs = useReferenceServer();
    const response = await rs.dm({});
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /package1-session-alert-missing/);
  });

  test('a body over the limit → 413', async () => {
    const rs = useReferenceServer({ maxBodyBytes: 64 });
    const response = await rs.dm({ Alert: [CLIENT_INITIATED], MOS: [], padding: 'x'.repeat(100) });
    assert.equal(response.status, 413);
  });

  test('a path with malformed percent-encoding → 400, not a fault of the server', async () => {
    const rs = useReferenceServer();
    for (const path of ['/dm/cont/%zz', '/dm/async/%E0%A4%A']) {
      const response = await rs.dm(...package3([], { path }));
      assert.equal(response.status, 400);
      assert.equal((await json(response))['type'], 'https://dmct.dev/problems/malformed-path');
    }
    assert.equal((await fetch(`${rs.server.origin}/repo/%zz`)).status, 400);
    assert.equal((await fetch(`${rs.server.adminOrigin}/devices/%zz/received`)).status, 400);
  });

  test('JSON nested deeper than the server keeps → 400; the device log stays readable', async () => {
    const rs = useReferenceServer();
    const depth = 5000;
    const data = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const raw = `{"Alert":[${JSON.stringify(CLIENT_INITIATED)},{"AlertType":"x:y","DataType":"application/json","Data":${data}}]}`;
    const response = await rs.dm(undefined, { raw });
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /nests deeper than 64 levels/);
    assert.deepEqual(
      (await rs.received()).packages.map((p) => p.response.status),
      [400],
    );
  });

  test('GET on the DM endpoint → 405 with Allow: POST', async () => {
    const rs = useReferenceServer();
    const response = await fetch(`${rs.server.origin}/dm`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});
