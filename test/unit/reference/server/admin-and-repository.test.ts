import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { CLIENT_INITIATED, DEV_ID, handlerErrors, interceptor, useReferenceServer } from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const detail = (json: unknown) => String((json as { detail?: unknown }).detail);
const DEVINFO = [{ ClientURI: 'urn:oma:mo:oma-dm-devinfo:1.2//', MOData: { DevInfo: { Man: 'Acme', Mod: 'X1' } } }];
const LEAF = [{ ClientURI: 'urn:oma:mo:x:1.0/a/Enabled', MOData: { Enabled: true } }];

describe('admin API', () => {
  test('GET /health names the server, its faults and URLs', async () => {
    const rs = useReferenceServer({ faults: ['notify-wrong-ver'] });
    const health = await rs.admin('GET', '/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.json, {
      ok: true,
      serverId: 'dmct-reference-server',
      faults: ['notify-wrong-ver'],
      devices: 1,
      urls: {
        dm: 'http://dm-server.test/dm',
        repo: 'http://dm-server.test/repo',
        web: 'http://dm-server.test/web',
        admin: 'http://admin.dm-server.test',
      },
    });
  });

  test('POST /devices registers (201) and updates (200); invalid bodies get one line per violation', async () => {
    const rs = useReferenceServer();
    assert.deepEqual(await rs.admin('POST', '/devices', { devId: 'UUID:a', secret: '00ff', credentialEncoding: 'hex' }), {
      status: 201,
      json: { devId: 'UUID:a', created: true },
    });
    assert.equal((await rs.admin('POST', '/devices', { devId: 'UUID:a' })).status, 200);
    const missing = await rs.admin('POST', '/devices', { secret: 'x' });
    assert.equal(missing.status, 400);
    assert.equal(detail(missing.json), 'POST /devices /devId: is required (required)');
    const noUrl = await rs.admin('POST', '/devices', { devId: 'UUID:b', notify: { transport: 'http' } });
    assert.equal(detail(noUrl.json), 'POST /devices /notify/url: is required (required)');
    const badHex = await rs.admin('POST', '/devices', { devId: 'UUID:b', secret: 'xyz', credentialEncoding: 'hex' });
    assert.equal(badHex.status, 400);
    assert.match(detail(badHex.json), /^POST \/devices \/secret: /);
    const list = await rs.admin('GET', '/devices');
    assert.deepEqual(list.json, [
      { devId: DEV_ID, queued: 0, session: null },
      { devId: 'UUID:a', queued: 0, session: null },
    ]);
  });

  test('bad JSON → 400, a non-JSON body → 415, an unknown device → 404', async () => {
    const rs = useReferenceServer();
    const badJson = await fetch(`${rs.server.adminOrigin}/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    assert.equal(badJson.status, 400);
    assert.match(detail(await badJson.json()), /^POST \/devices: /);
    const text = await fetch(`${rs.server.adminOrigin}/devices`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(text.status, 415);
    const unknown = await rs.admin('POST', '/devices/UUID:none/commands', { command: ['END'] });
    assert.equal(unknown.status, 404);
    assert.match(detail(unknown.json), /no device "UUID:none" is registered/);
  });

  test('queued commands are expanded and validated; the invalid ones are refused with the rule', async () => {
    const rs = useReferenceServer();
    const ok = await rs.admin('POST', `/devices/${DEV_ID}/commands`, { command: ['HGET', '{{repo}}/fw/[DevID]'] });
    assert.equal(ok.status, 201);
    assert.deepEqual((ok.json as { command: string[] }).command, ['HGET', 'http://dm-server.test/repo/fw/[DevID]']);
    const unknown = await rs.admin('POST', `/devices/${DEV_ID}/commands`, { command: ['FETCH', 'x'] });
    assert.equal(unknown.status, 400);
    assert.match(detail(unknown.json), /unknown command "FETCH".*\(command-unknown, §5\.3\)/);
    const count = await rs.admin('POST', `/devices/${DEV_ID}/commands`, { command: ['GET'] });
    assert.match(detail(count.json), /GET takes 1 parameter \(ClientURI\), got 0.*command-param-count/);
    const notStrings = await rs.admin('POST', `/devices/${DEV_ID}/commands`, { command: ['GET', 3] });
    assert.equal(detail(notStrings.json), `POST /devices/${DEV_ID}/commands /command/1: must be string (type)`);
    const badPackage = await rs.admin('POST', `/devices/${DEV_ID}/package2`, { CMD: [['GET', 'urn:oma:mo:x:1.0/a/'], ['DELETE']] });
    assert.equal(badPackage.status, 400);
    assert.match(detail(badPackage.json), /^\/CMD\/1: DELETE takes 1 parameter/);
  });

  test('GET /devices/:devId/commands/:id tracks a command from queued to reported; DELETE forgets the device', async () => {
    const rs = useReferenceServer();
    const id = await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    const state = async () => ((await rs.admin('GET', `/devices/${DEV_ID}/commands/${id}`)).json as { state: string }).state;
    assert.equal(await state(), 'queued');
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal(await state(), 'sent');
    await rs.dm({ Status: [{ sc: 200 }] }, { contentType: MEDIA_TYPES.package3 });
    assert.equal(await state(), 'reported');
    assert.equal((await rs.admin('GET', `/devices/${DEV_ID}/commands/c999`)).status, 404);
    assert.equal((await rs.admin('DELETE', `/devices/${DEV_ID}`)).status, 204);
    assert.equal((await rs.admin('GET', `/devices/${DEV_ID}/received`)).status, 404);
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] })).status, 403);
  });
});

describe('data repository and web server', () => {
  test('HGET content in the media type the Accept allows; a single leaf also as text/plain (App I.2)', async () => {
    const rs = useReferenceServer();
    assert.equal((await rs.admin('PUT', '/repo/devinfo', { mediaType: MEDIA_TYPES.moData, body: DEVINFO })).status, 201);
    assert.equal((await rs.admin('PUT', '/repo/flags/enabled', { mediaType: MEDIA_TYPES.moData, body: LEAF })).status, 201);
    const repo = `${rs.server.origin}/repo`;

    const mo = await fetch(`${repo}/devinfo`, { headers: { accept: MEDIA_TYPES.moData } });
    assert.equal(mo.status, 200);
    assert.equal(mo.headers.get('content-type'), MEDIA_TYPES.moData);
    assert.deepEqual(await mo.json(), DEVINFO);
    assert.equal((await fetch(`${repo}/devinfo`, { headers: { accept: 'text/plain' } })).status, 406);

    const leaf = await fetch(`${repo}/flags/enabled`, { headers: { accept: 'text/plain' } });
    assert.equal(leaf.headers.get('content-type'), 'text/plain');
    assert.equal(await leaf.text(), 'true');
    assert.equal((await fetch(`${repo}/nothing`)).status, 404);

    const log = (await rs.admin('GET', '/repo-log')).json as { method: string; path: string; status: number }[];
    assert.deepEqual(
      log.map((h) => [h.method, h.path, h.status]),
      [
        ['GET', '/repo/devinfo', 200],
        ['GET', '/repo/devinfo', 406],
        ['GET', '/repo/flags/enabled', 200],
        ['GET', '/repo/nothing', 404],
      ],
    );
  });

  test('invalid repository content is refused at registration', async () => {
    const rs = useReferenceServer();
    const bad = await rs.admin('PUT', '/repo/x', { mediaType: MEDIA_TYPES.moData, body: [{ MOData: {} }] });
    assert.equal(bad.status, 400);
    assert.match(detail(bad.json), /ClientURI/);
  });

  test('uploads (HPUT/HPOST/SUB) are decoded and recorded per device; other types get 415 + OMADM-Accept', async () => {
    const rs = useReferenceServer();
    const repo = `${rs.server.origin}/repo`;
    const put = await fetch(`${repo}/up`, {
      method: 'PUT',
      headers: { 'content-type': MEDIA_TYPES.moData, 'omadm-devid': DEV_ID },
      body: JSON.stringify(DEVINFO),
    });
    assert.equal(put.status, 204);
    const post = await fetch(`${repo}/sub/${encodeURIComponent(DEV_ID)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'true',
    });
    assert.equal(post.status, 204);
    const xml = await fetch(`${repo}/up`, {
      method: 'PUT',
      headers: { 'content-type': 'application/xml', 'omadm-devid': DEV_ID },
      body: '<x/>',
    });
    assert.equal(xml.status, 415);
    assert.equal(xml.headers.get('omadm-accept'), 'application/dmmo+json, text/plain');
    const invalid = await fetch(`${repo}/up`, {
      method: 'PUT',
      headers: { 'content-type': MEDIA_TYPES.moData, 'omadm-devid': DEV_ID },
      body: '{"not":"an array"}',
    });
    assert.equal(invalid.status, 400);

    const uploads = (await rs.received()).uploads;
    assert.deepEqual(
      uploads.map((u) => [u.method, u.path, u.status]),
      [
        ['PUT', '/repo/up', 204],
        ['POST', `/repo/sub/${encodeURIComponent(DEV_ID)}`, 204],
        ['PUT', '/repo/up', 415],
        ['PUT', '/repo/up', 400],
      ],
    );
    assert.deepEqual(uploads[0]?.moData, DEVINFO);
    assert.equal(uploads[1]?.body?.text, 'true');
  });

  test('SHOW pages are served as HTML with the page name escaped, and the hit is recorded', async () => {
    const rs = useReferenceServer();
    const page = await fetch(`${rs.server.origin}/web/${encodeURIComponent('<script>')}?uiid=1`, { headers: { 'omadm-devid': DEV_ID } });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await page.text();
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&#60;script&#62;'));
    assert.deepEqual(
      (await rs.received()).webHits.map((h) => h.path),
      ['/web/%3Cscript%3E'],
    );
  });
});
