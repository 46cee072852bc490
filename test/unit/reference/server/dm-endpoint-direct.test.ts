import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getResponse } from 'msw';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { directDmEndpoint, dmRouteOf } from '../../../../src/reference/server/dm-endpoint.js';
import { createReferenceServer, type ReferenceServer } from '../../../../src/reference/server/index.js';
import { CLIENT_INITIATED, DEV_ID } from './in-process.js';

/** One request as both wirings get it: node's header record for the direct one, a fetch Request for msw. */
interface Sent {
  path: string;
  headers: Record<string, string>;
  body: string;
  method?: string;
}

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

const FIXED_CLOCK = () => new Date('2026-01-02T03:04:05.000Z');

function referenceServer(): ReferenceServer {
  return createReferenceServer({ devices: [{ devId: DEV_ID, secret: 's' }], print: () => undefined, clock: FIXED_CLOCK });
}

async function queue(server: ReferenceServer, command: string[]): Promise<void> {
  const request = new Request(`${server.adminOrigin}/devices/${encodeURIComponent(DEV_ID)}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ command }),
  });
  assert.equal((await getResponse(server.adminHandlers, request))?.status, 201);
}

async function viaMsw(server: ReferenceServer, sent: Sent): Promise<Answer> {
  const method = sent.method ?? 'POST';
  const request = new Request(`${server.origin}${sent.path}`, {
    method,
    headers: sent.headers,
    ...(method === 'POST' ? { body: sent.body } : {}),
  });
  const response = await getResponse(server.publicHandlers, request);
  assert.ok(response !== undefined, `msw answers ${sent.path}`);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

function viaDirect(server: ReferenceServer, sent: Sent): Answer | undefined {
  const headers = Object.fromEntries(Object.entries(sent.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const answer = directDmEndpoint(
    server.state,
    server.origin,
  )({ method: sent.method ?? 'POST', path: sent.path, headers, body: Buffer.from(sent.body) });
  if (answer === undefined) return undefined;
  const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body).toString();
  return { status: answer.status, contentType: answer.headers['content-type'] ?? null, body };
}

const PACKAGE_HEADERS = { 'Content-Type': MEDIA_TYPES.package1, 'OMADM-DevID': DEV_ID, Accept: MEDIA_TYPES.package2 };
const PACKAGE3_HEADERS = { ...PACKAGE_HEADERS, 'Content-Type': MEDIA_TYPES.package3 };

describe('DM endpoint route of a path', () => {
  test('the endpoint, a CONT URI and an asynchronous-result URI, segments decoded', () => {
    assert.deepEqual(dmRouteOf('/dm'), { kind: 'dm' });
    assert.deepEqual(dmRouteOf('/dm/cont/a%20b'), { kind: 'cont', token: 'a b' });
    assert.deepEqual(dmRouteOf('/dm/async/c7'), { kind: 'async', commandId: 'c7' });
  });

  test('any other path is no DM route (left to the msw handlers)', () => {
    for (const path of ['/dm/', '/DM', '/dm/cont/', '/dm/cont/a/b', '/dm/cont/%zz', '/dm/other/x', '/repo/devinfo', '/']) {
      assert.equal(dmRouteOf(path), undefined, path);
    }
  });
});

describe('DM endpoint served directly (without msw)', () => {
  test('answers a whole session exactly as the msw handlers do, and logs it the same', async () => {
    const [viaHandlers, direct] = [referenceServer(), referenceServer()];
    for (const server of [viaHandlers, direct]) await queue(server, ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
    const session: Sent[] = [
      { path: '/dm', headers: PACKAGE_HEADERS, body: JSON.stringify({ Alert: [CLIENT_INITIATED] }) },
      { path: '/dm', headers: PACKAGE3_HEADERS, body: JSON.stringify({ Status: [{ sc: 200 }] }) },
    ];
    for (const sent of session) {
      const expected = await viaMsw(viaHandlers, sent);
      assert.deepEqual(viaDirect(direct, sent), expected);
    }
    assert.deepEqual(
      JSON.parse(viaDirect(direct, session[1] as Sent)?.body ?? 'null'),
      JSON.parse((await viaMsw(viaHandlers, session[1] as Sent)).body),
      'a Package#3 outside a session is answered alike too',
    );
    assert.deepEqual(direct.state.devices.get(DEV_ID)?.snapshot(), viaHandlers.state.devices.get(DEV_ID)?.snapshot());
  });

  test('refuses exactly as the msw handlers do (400, 403, 404, 415, 406)', async () => {
    const refusals: Sent[] = [
      { path: '/dm', headers: { 'Content-Type': MEDIA_TYPES.package1 }, body: '{}' },
      { path: '/dm', headers: { ...PACKAGE_HEADERS, 'OMADM-DevID': 'IMEI:unknown' }, body: '{}' },
      { path: '/dm/cont/no-such-token', headers: PACKAGE3_HEADERS, body: '{}' },
      { path: '/dm/async/c999', headers: PACKAGE_HEADERS, body: '{}' },
      { path: '/dm', headers: { ...PACKAGE_HEADERS, 'Content-Type': 'text/plain' }, body: '{}' },
      { path: '/dm', headers: { ...PACKAGE_HEADERS, Accept: 'text/html' }, body: '{}' },
      { path: '/dm', headers: PACKAGE_HEADERS, body: '{"Alert":' },
    ];
    const [viaHandlers, direct] = [referenceServer(), referenceServer()];
    for (const sent of refusals) {
      const expected = await viaMsw(viaHandlers, sent);
      assert.ok(expected.status >= 400, `${sent.path} is refused`);
      assert.deepEqual(viaDirect(direct, sent), expected, JSON.stringify(sent.headers));
    }
    assert.deepEqual(direct.state.refused, viaHandlers.state.refused);
    assert.deepEqual(direct.state.devices.get(DEV_ID)?.snapshot(), viaHandlers.state.devices.get(DEV_ID)?.snapshot());
  });

  test('leaves other methods and paths to the msw handlers', () => {
    const direct = referenceServer();
    assert.equal(viaDirect(direct, { method: 'GET', path: '/dm', headers: PACKAGE_HEADERS, body: '' }), undefined);
    assert.equal(viaDirect(direct, { path: '/dm/', headers: PACKAGE_HEADERS, body: '{}' }), undefined);
    assert.equal(viaDirect(direct, { path: '/repo/devinfo', headers: PACKAGE_HEADERS, body: '{}' }), undefined);
  });
});
