import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startReferenceClient } from '../../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../../src/reference/server/index.js';

const DEV_ID = 'IMEI:490154203237518';

/** One request with full control of Host, Origin and the other headers (fetch would set Host itself). */
function call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('admin APIs of the reference peers: token, Host, Origin, content type', () => {
  let server: RunningReferenceServer;
  // What the server printed: a notification sent with the print transport shows up here.
  const printed: string[] = [];
  let host: string;
  let auth: Record<string, string>;
  const json = { 'content-type': 'application/json' };

  before(async () => {
    // Shell notifications allowed: the configuration where an unguarded admin API is worst.
    server = await startReferenceServer({ allowShellNotify: true, print: (line) => printed.push(line) });
    host = new URL(server.adminUrl).host;
    auth = { host, authorization: `Bearer ${server.adminToken}` };
  });
  after(async () => {
    await server.stop();
  });

  const register = (headers: Record<string, string>) =>
    call(`${server.adminUrl}/devices`, 'POST', headers, JSON.stringify({ devId: DEV_ID, notify: { transport: 'print' } }));
  const notify = (headers: Record<string, string>) =>
    call(`${server.adminUrl}/devices/${encodeURIComponent(DEV_ID)}/notify`, 'POST', headers, '{}');

  test('every call without the token, or with a wrong one, is 401 and nothing runs', async () => {
    assert.equal((await call(`${server.adminUrl}/health`, 'GET', { host })).status, 401);
    assert.equal((await register({ host, ...json })).status, 401);
    assert.equal((await register({ host, ...json, authorization: `Bearer ${server.adminToken}x` })).status, 401);
    assert.equal((await register({ ...auth, ...json })).status, 201);
    const printedBefore = printed.length;
    const refused = await notify({ host, ...json, authorization: 'Bearer wrong' });
    assert.equal(refused.status, 401);
    assert.match(refused.text, /missing or wrong admin token/);
    assert.equal(printed.length, printedBefore, 'a refused call sends nothing');
    assert.equal((await notify({ ...auth, ...json })).status, 200, 'with the token the notification is sent');
    assert.ok(printed.length > printedBefore, 'the notification went to the print transport');
  });

  test('a Host that is not this loopback endpoint (DNS rebinding) is 421', async () => {
    const port = new URL(server.adminUrl).port;
    for (const other of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `[::ffff:7f00:1]:${port}`]) {
      const answer = await call(`${server.adminUrl}/health`, 'GET', { ...auth, host: other });
      assert.equal(answer.status, 421, `Host ${other}`);
    }
    for (const same of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      assert.equal((await call(`${server.adminUrl}/health`, 'GET', { ...auth, host: same })).status, 200, `Host ${same}`);
    }
  });

  test('an Origin other than the endpoint itself (CSRF) is 403; a body not declared JSON is 415', async () => {
    for (const origin of ['http://127.0.0.1:1', 'null', 'http://evil.example']) {
      assert.equal((await call(`${server.adminUrl}/health`, 'GET', { ...auth, origin })).status, 403, `Origin ${origin}`);
    }
    assert.equal((await call(`${server.adminUrl}/health`, 'GET', { ...auth, origin: `http://${host}` })).status, 200);
    const plain = await call(
      `${server.adminUrl}/devices`,
      'POST',
      { ...auth, 'content-type': 'text/plain' },
      JSON.stringify({ devId: 'IMEI:y' }),
    );
    assert.equal(plain.status, 415);
    assert.equal((await call(`${server.adminUrl}/devices`, 'GET', auth)).text.includes('IMEI:y'), false);
  });

  test("the reference client's admin API requires its token too; PUT /tree takes a JSON value", async () => {
    const client = await startReferenceClient({ serverUrl: 'http://127.0.0.1:9/dm', adminToken: 'a-token-chosen-by-the-caller' });
    try {
      const clientHost = new URL(client.adminUrl).host;
      assert.equal((await call(`${client.adminUrl}/state`, 'GET', { host: clientHost })).status, 401);
      assert.equal((await call(`${client.adminUrl}/session`, 'POST', { host: clientHost })).status, 401);
      assert.equal(client.state.sessions.length, 0);
      const good = { host: clientHost, authorization: 'Bearer a-token-chosen-by-the-caller' };
      assert.equal((await call(`${client.adminUrl}/health`, 'GET', good)).status, 200);
      const uri = encodeURIComponent('urn:dmct:mo:sample:1.0/s1/BootCount');
      const put = await call(`${client.adminUrl}/tree?uri=${uri}`, 'PUT', { ...good, ...json }, '41');
      assert.equal(put.status, 200, put.text);
    } finally {
      await client.stop();
    }
  });
});
