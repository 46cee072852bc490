import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { defaultRepository, deviceEndpointHandlers, type EndpointHit } from '../../../fixtures/server-target/device-endpoints.js';
import { asyncResultAlert, executeCommand, type CommandContext } from '../../../src/harness/device-engine-commands.js';
import { buildDeviceTree, deviceNodes, HARNESS_MOID, supportedMos } from '../../../src/harness/device-engine-tree.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { MEDIA_TYPES } from '../../../src/protocol/http/media-types.js';
import { ASYNC_RESULT_ALERT } from '../../../src/harness/interpretations.js';
import { parseMoData } from '../../../src/protocol/packages/mo-data.js';

const DEV_ID = 'IMEI:493005100592800';
const REPO = 'http://device-endpoints.test';
const nodes = deviceNodes();
let hits: EndpointHit[] = [];
const interceptor = setupServer();

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    tree: buildDeviceTree({ devId: DEV_ID }),
    recorder: new TraceRecorder(),
    devId: DEV_ID,
    serverUriValues: { DevID: DEV_ID },
    timeoutMs: 2000,
    maxBodyBytes: 64 * 1024,
    execReporting: 'sync',
    defaults: new Map(),
    subscriptions: new Map(),
    ...overrides,
  };
}

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  hits = [];
  interceptor.resetHandlers(...deviceEndpointHandlers(defaultRepository(), hits));
});
after(() => interceptor.close());

describe("executeCommand: what dmct's device does with each Package#2 entry", () => {
  test('the tree offers DevInfo, the harness MO and the other standard MOs, listed in MOS with their DDFs', () => {
    const mos = supportedMos(buildDeviceTree({ devId: DEV_ID }));
    assert.deepEqual(
      mos.map((mo) => [mo.MOID, mo.MIID]),
      [
        ['urn:oma:mo:oma-dm-devinfo:1.2', ['1']],
        [HARNESS_MOID, ['h1']],
        ['urn:dmct:mo:harness-installable:1.0', []],
        ['urn:oma:mo:oma-dm-dmacc:1.2', ['dms1']],
        ['urn:oma:mo:oma-dm-dacmo:1.0', ['acl']],
        ['urn:oma:mo:oma-sessioninfomo:1.0', ['1']],
      ],
    );
  });

  test('unknown command → 501; wrong parameter count → 400; END → no status', async () => {
    assert.equal((await executeCommand(['STATUS', '200'], context())).status?.sc, 501);
    assert.equal((await executeCommand(['GET'], context())).status?.sc, 400);
    assert.equal((await executeCommand(['DELETE', nodes.deletable, nodes.deletable], context())).status?.sc, 400);
    assert.deepEqual(await executeCommand(['END'], context()), { name: 'END', end: true });
  });

  test('a parameter wrapped in a one-element array is read tolerantly; other non-strings → 400', async () => {
    assert.equal((await executeCommand(['GET', [nodes.devId]], context())).status?.sc, 200);
    assert.equal((await executeCommand(['GET', { uri: nodes.devId }], context())).status?.sc, 400);
    assert.equal((await executeCommand([42], context())).status?.sc, 501);
  });

  test('GET of the DM Account root gives SrvID, SrvURI and Name, never the Perm list (12.2); the DACMO and SessionInfo roots read whole', async () => {
    const account = await executeCommand(['GET', nodes.dmAccRoot], context());
    assert.equal(account.status?.sc, 200);
    assert.deepEqual(Object.keys(Object.values(parseMoData(account.part?.body ?? '').value?.[0]?.MOData ?? {})[0] as object), [
      'SrvID',
      'SrvURI',
      'Name',
    ]);
    for (const root of [nodes.dacmoRoot, nodes.sessionInfoRoot]) {
      const got = await executeCommand(['GET', root], context());
      assert.equal(got.status?.sc, 200, root);
      assert.equal(parseMoData(got.part?.body ?? '').value?.[0]?.ClientURI, root);
    }
  });

  test('GET: 200 with dmmo+json data, 204 for an empty leaf, 404 for nothing, 400 for a malformed ClientURI', async () => {
    const got = await executeCommand(['GET', nodes.devId], context());
    assert.equal(got.status?.sc, 200);
    assert.equal(got.part?.mediaType, MEDIA_TYPES.moData);
    assert.deepEqual(parseMoData(got.part?.body ?? '').value?.[0]?.MOData, { DevID: DEV_ID });
    assert.equal((await executeCommand(['GET', nodes.emptyLeaf], context())).status?.sc, 204);
    assert.equal((await executeCommand(['GET', nodes.missing], context())).status?.sc, 404);
    assert.equal((await executeCommand(['GET', 'no slash'], context())).status?.sc, 400);
  });

  test('DELETE: a dynamic subtree goes (200), a permanent node stays (405)', async () => {
    const ctx = context();
    assert.equal((await executeCommand(['DELETE', nodes.deletable], ctx)).status?.sc, 200);
    assert.equal((await executeCommand(['GET', nodes.deletable], ctx)).status?.sc, 404);
    assert.equal((await executeCommand(['DELETE', nodes.permanentNode], ctx)).status?.sc, 405);
  });

  test('EXEC: 200 synchronously; 202 with a pending result when a ServerURI is given or async is chosen; 405 on a non-executable node', async () => {
    assert.equal((await executeCommand(['EXEC', nodes.executable], context())).status?.sc, 200);
    const withUri = await executeCommand(['EXEC', nodes.asyncExecutable, 'http://dm.test/dm/[DevID]'], context());
    assert.equal(withUri.status?.sc, 202);
    assert.deepEqual(withUri.asyncResult, {
      sourceUri: nodes.asyncExecutable,
      serverUri: 'http://dm.test/dm/IMEI%3A493005100592800',
      resultCode: 200,
    });
    const chosen = await executeCommand(['EXEC', nodes.executable], context({ execReporting: 'async' }));
    assert.deepEqual(chosen.asyncResult, { sourceUri: nodes.executable, resultCode: 200 });
    assert.equal((await executeCommand(['EXEC', nodes.devId], context())).status?.sc, 405);
    assert.deepEqual(asyncResultAlert({ sourceUri: nodes.executable, resultCode: 500 }), {
      AlertType: ASYNC_RESULT_ALERT.alertType,
      SourceURI: nodes.executable,
      DataType: 'application/json',
      Data: { ResultCode: 500 },
    });
  });

  test('HGET: stores a text leaf at its ClientURI, an MO instance where it chooses (URI), 419 when the repository fails', async () => {
    const ctx = context();
    assert.deepEqual((await executeCommand(['HGET', `${REPO}/repo/name`, nodes.dataLeaf], ctx)).status, { sc: 200 });
    const leaf = await executeCommand(['GET', nodes.dataLeaf], ctx);
    assert.match(String(leaf.part?.body), /renamed by HGET/);
    const installed = await executeCommand(['HGET', `${REPO}/repo/installable`], ctx);
    assert.deepEqual(installed.status, { sc: 200, URI: ['urn:dmct:mo:harness-installable:1.0/Installed/'] });
    assert.equal((await executeCommand(['HGET', `${REPO}/repo/nothing-here`, nodes.dataLeaf], ctx)).status?.sc, 419);
    assert.deepEqual(
      hits.map((hit) => hit.path),
      ['/repo/name', '/repo/installable', '/repo/nothing-here'],
    );
  });

  test('HGET: data the device cannot read → 415', async () => {
    interceptor.use(http.get(`${REPO}/repo/junk`, () => new HttpResponse('<xml/>', { headers: { 'content-type': 'text/xml' } })));
    assert.equal((await executeCommand(['HGET', `${REPO}/repo/junk`], context())).status?.sc, 415);
  });

  test('HPUT / HPOST: the data of every existing ClientURI goes in one dmmo+json body; 404 when none exists', async () => {
    const ctx = context();
    assert.equal((await executeCommand(['HPUT', `${REPO}/upload/a`, nodes.data, nodes.missing, nodes.devId], ctx)).status?.sc, 200);
    assert.equal((await executeCommand(['HPOST', `${REPO}/upload/b`, nodes.devId], ctx)).status?.sc, 200);
    assert.equal((await executeCommand(['HPOST', `${REPO}/upload/c`, nodes.missing], ctx)).status?.sc, 404);
    assert.deepEqual(
      hits.map((hit) => `${hit.method} ${hit.path} ${hit.contentType}`),
      [`PUT /upload/a ${MEDIA_TYPES.moData}`, `POST /upload/b ${MEDIA_TYPES.moData}`],
    );
    const uploaded = parseMoData(hits[0]?.body ?? '').value ?? [];
    assert.deepEqual(
      uploaded.map((entry) => entry.ClientURI),
      [`${HARNESS_MOID}/h1/Data`, 'urn:oma:mo:oma-dm-devinfo:1.2/1/DevID'],
    );
  });

  test('SHOW opens the page and goes on (200); CONT hands back its URI; DEFAULT and SUB/UNSUB are remembered', async () => {
    const ctx = context();
    assert.equal((await executeCommand(['SHOW', `${REPO}/web/welcome`], ctx)).status?.sc, 200);
    assert.equal(hits[0]?.path, '/web/welcome');
    assert.deepEqual(await executeCommand(['CONT', 'http://dm.test/cont/[DevID]'], ctx), {
      name: 'CONT',
      status: { sc: 200 },
      contUri: 'http://dm.test/cont/IMEI%3A493005100592800',
    });
    assert.equal((await executeCommand(['DEFAULT', `${REPO}/repo/installable`, 'urn:x:1.0'], ctx)).status?.sc, 200);
    assert.equal(ctx.defaults.get('urn:x:1.0'), `${REPO}/repo/installable`);
    assert.equal((await executeCommand(['UNSUB', nodes.data], ctx)).status?.sc, 404);
    assert.equal((await executeCommand(['SUB', `${REPO}/upload/sub`, nodes.data], ctx)).status?.sc, 200);
    assert.equal((await executeCommand(['UNSUB', nodes.data], ctx)).status?.sc, 200);
  });
});
