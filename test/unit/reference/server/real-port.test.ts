import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { decodeNotification } from '../../../../src/protocol/notification/decode.js';
import { UnknownFaultError } from '../../../../src/reference/faults/index.js';
import { ReferenceServerConfigError, startReferenceServer, type RunningReferenceServer } from '../../../../src/reference/server/index.js';

const DEV_ID = 'IMEI:490154203237518';
let server: RunningReferenceServer;

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function post(url: string, body: string | Uint8Array, contentType: string, devId = DEV_ID) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'omadm-devid': devId, accept: MEDIA_TYPES.package2 },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
}

/** Writes raw bytes to the DM port and resolves with whatever comes back before the socket closes. */
function raw(bytes: string): Promise<string> {
  const { port, hostname } = new URL(server.dmUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let reply = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(reply));
  });
}

before(async () => {
  server = await startReferenceServer({ devices: [{ devId: DEV_ID, secret: 'k' }], maxBodyBytes: 4096, print: () => undefined });
});
after(() => server.stop());

describe('reference server over real loopback ports', () => {
  test('URLs: DM, repository and web on one port, admin on another, all loopback', () => {
    const dm = new URL(server.dmUrl);
    const adminUrl = new URL(server.adminUrl);
    assert.equal(dm.hostname, '127.0.0.1');
    assert.equal(adminUrl.hostname, '127.0.0.1');
    assert.notEqual(dm.port, adminUrl.port);
    assert.equal(dm.pathname, '/dm');
    assert.equal(server.repoUrl, `${dm.origin}/repo`);
    assert.equal(server.webUrl, `${dm.origin}/web`);
  });

  test('a whole session with CONT over HTTP: Package#1 → CONT URI on the real port → END', async () => {
    await admin('POST', `/devices/${DEV_ID}/commands`, { command: ['CONT'] });
    await admin('POST', `/devices/${DEV_ID}/commands`, { command: ['HGET', '{{repo}}/fw'] });
    const first = await post(
      server.dmUrl,
      JSON.stringify({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] }),
      MEDIA_TYPES.package1,
    );
    assert.equal(first.status, 200);
    const cmd = ((await first.json()) as { CMD: string[][] }).CMD;
    const contUri = cmd[0]?.[1] ?? '';
    assert.ok(contUri.startsWith(`${server.dmUrl}/cont/`), contUri);
    assert.deepEqual(cmd[1], ['HGET', `${server.repoUrl}/fw`]);
    const statuses = JSON.stringify({ Status: [{ sc: 200 }, { sc: 419 }] });
    const second = await post(contUri, statuses, MEDIA_TYPES.package3);
    assert.equal(second.status, 200);
    assert.deepEqual(await second.json(), { CMD: [['END']] });
  });

  test('the notification the admin API returns verifies with the device secret', async () => {
    const sent = await admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'print' } });
    const decoded = decodeNotification(Buffer.from((sent.json as { hex: string }).hex, 'hex'), { secret: 'k' });
    assert.deepEqual(decoded.violations, []);
    assert.equal(decoded.digest?.verified, true);
  });

  test('bad input never crashes it: oversized body 413, junk bytes 400, wrong type 415, then it still serves', async () => {
    assert.equal((await post(server.dmUrl, 'x'.repeat(5000), MEDIA_TYPES.package1)).status, 413);
    assert.match(await raw('\x16\x03\x01 not http at all\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.equal((await post(server.dmUrl, '<xml/>', 'application/xml')).status, 415);
    assert.equal((await post(server.dmUrl, '{', MEDIA_TYPES.package1)).status, 400);
    const health = await admin('GET', '/health');
    assert.equal(health.status, 200);
  });

  test('invalid options are refused before anything listens', async () => {
    await assert.rejects(startReferenceServer({ faults: ['no-such-fault'] }), UnknownFaultError);
    await assert.rejects(startReferenceServer({ devices: [{ secret: 'x' }] }), (error: unknown) => {
      assert.ok(error instanceof ReferenceServerConfigError);
      assert.equal(error.message, 'devices[0] /devId: is required (required)');
      return true;
    });
  });

  test('stop() closes both ports and may be called twice', async () => {
    const other = await startReferenceServer({ print: () => undefined });
    await other.stop();
    await other.stop();
    await assert.rejects(fetch(`${other.adminUrl}/health`));
  });
});
