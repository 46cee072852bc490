import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { parsePackage3 } from '../../../../src/protocol/packages/package3.js';
import type { CommandEntry } from '../../../../src/protocol/schemas/package2.schema.js';
import { clientAddressingFaults, type ReferenceClientFaultName } from '../../../../src/reference/faults/client-faults-addressing.js';
import { selectFaults } from '../../../../src/reference/faults/index.js';
import { prepareServerUri, serverUriValues } from '../../../../src/reference/client/server-uris.js';
import { MOIDS, ReferenceClient } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, REPO, settled } from './mock-dm-server.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const SAMPLE = `${MOIDS.sample}/s1`;
const DEVICE = { MNC: '01', MCC: '001', CMNC: '02', CMCC: '244', SPName: 'dmct test operator' };

function setup(faults: string[] = []): { mock: MockDmServer; client: ReferenceClient } {
  const mock = new MockDmServer();
  server.resetHandlers(...mock.handlers());
  return { mock, client: new ReferenceClient({ serverUrl: DM_URL, serverUriValues: DEVICE, faults }) };
}

/** One client-initiated session whose Package#2 is `commands`; the statuses of its Package#3. */
async function statuses(
  mock: MockDmServer,
  client: ReferenceClient,
  commands: CommandEntry[],
  headers: Record<string, string> = {},
): Promise<number[]> {
  mock.reply(
    () =>
      new Response(JSON.stringify({ CMD: commands }), { headers: { 'content-type': 'application/vnd.oma.dm.request+json', ...headers } }),
  );
  await client.openSession('client').done;
  await settled(client);
  const package3 = mock.dm.find((e) => new TextDecoder().decode(e.body).includes('"Status"'));
  return parsePackage3(package3?.body ?? new Uint8Array()).value?.Status.map((s) => s.sc) ?? [];
}

const paths = (mock: MockDmServer): string[] => mock.repo.map((r) => decodeURIComponent(new URL(r.url).pathname + new URL(r.url).search));

describe('ServerURI placeholder values of the reference client (6.2)', () => {
  it('fills DevID and the device values, -1 for what it has none of, URI-encoded', () => {
    const prepared = prepareServerUri('http://r.example/[DevID]/[MNC]/[MCC]/[CMNC]/[CMCC]/[SPName]', serverUriValues('IMEI:1', DEVICE));
    assert.deepEqual(prepared, { ok: true, url: 'http://r.example/IMEI%3A1/01/001/02/244/dmct%20test%20operator' });
    assert.deepEqual(prepareServerUri('http://r.example/[MNC]/[SPName]', serverUriValues('IMEI:1')), {
      ok: true,
      url: 'http://r.example/-1/-1',
    });
  });

  it('a server-uri-keeps-* switch leaves exactly its placeholder unreplaced', () => {
    const faults = selectFaults<ReferenceClientFaultName>(['server-uri-keeps-cmnc'], 'client');
    const prepared = prepareServerUri('http://r.example/[MNC]/[CMNC]', serverUriValues('IMEI:1', DEVICE, faults));
    assert.ok(prepared.ok);
    assert.equal(decodeURIComponent(prepared.url), 'http://r.example/01/[CMNC]');
  });
});

describe('addressing fault switches: each breaks its one rule, the clean client keeps it', () => {
  it('every switch names a rule key of its section', () => {
    for (const fault of clientAddressingFaults) assert.ok(fault.breaks.startsWith(`${fault.section}/`), fault.name);
  });

  it('server-uri-drops-query: an HPUT goes to the ServerURI without its query', async () => {
    for (const [faults, expected] of [
      [[], '/repo/q?a=1&b=x/y'],
      [['server-uri-drops-query'], '/repo/q'],
    ] as const) {
      const { mock, client } = setup([...faults]);
      await statuses(mock, client, [['HPUT', `${REPO}/q?a=1&b=x%2Fy`, `${SAMPLE}/Label`]]);
      assert.deepEqual(paths(mock), [expected]);
    }
  });

  it('unresolvable-client-uri-accepted: 200 instead of 404 for an HPUT of no node, and nothing sent either way', async () => {
    for (const [faults, expected] of [
      [[], 404],
      [['unresolvable-client-uri-accepted'], 200],
    ] as const) {
      const { mock, client } = setup([...faults]);
      assert.deepEqual(await statuses(mock, client, [['HPUT', `${REPO}/none`, `${SAMPLE}/Nope`]]), [expected]);
      assert.equal(mock.repo.length, 0);
    }
  });

  it('x-name-unsupported: an x-name ClientURI the clean client resolves through nv gets 404', async () => {
    const uri = `${MOIDS.devInfo}/(x)/DevID?nv=(x)/DevID:dmct-ref-0001`;
    const clean = setup();
    const devId = clean.client.devId;
    const xname = uri.replace('dmct-ref-0001', encodeURIComponent(devId));
    assert.deepEqual(
      await statuses(clean.mock, clean.client, [
        ['HPUT', `${REPO}/x`, xname],
        ['HPUT', `${REPO}/w`, `${MOIDS.devInfo}/*/DevID`],
      ]),
      [200, 200],
    );
    const broken = setup(['x-name-unsupported']);
    assert.deepEqual(
      await statuses(broken.mock, broken.client, [
        ['HPUT', `${REPO}/x`, xname],
        ['HPUT', `${REPO}/w`, `${MOIDS.devInfo}/*/DevID`],
      ]),
      [404, 200],
    );
  });

  it('ignore-omadm-accept: dmmo+json although OMADM-Accept names text/plain only', async () => {
    for (const [faults, expected] of [
      [[], 'text/plain'],
      [['ignore-omadm-accept'], 'application/dmmo+json'],
    ] as const) {
      const { mock, client } = setup([...faults]);
      await statuses(mock, client, [['HPUT', `${REPO}/leaf`, `${SAMPLE}/Label`]], { 'OMADM-Accept': 'text/plain' });
      assert.equal(mock.repo[0]?.headers.get('content-type'), expected);
    }
  });

  it("sub-leaf-change-not-sent: a subscribed leaf's change is not PUT, a subscribed subtree's still is", async () => {
    for (const [faults, expected] of [
      [[], ['/repo/leaf', '/repo/tree']],
      [['sub-leaf-change-not-sent'], ['/repo/tree']],
    ] as const) {
      const { mock, client } = setup([...faults]);
      await statuses(mock, client, [
        ['SUB', `${REPO}/leaf`, `${SAMPLE}/BootCount`],
        ['SUB', `${REPO}/tree`, `${SAMPLE}/`],
        ['EXEC', `${SAMPLE}/Reboot`],
      ]);
      assert.deepEqual(paths(mock).sort(), [...expected]);
    }
  });

  it('unsub-keeps-sub: UNSUB answers 200 but the change still goes out; 404 for no SUB either way', async () => {
    for (const [faults, uploads] of [
      [[], 0],
      [['unsub-keeps-sub'], 1],
    ] as const) {
      const { mock, client } = setup([...faults]);
      const codes = await statuses(mock, client, [
        ['SUB', `${REPO}/sub`, `${SAMPLE}/BootCount`],
        ['UNSUB', `${SAMPLE}/BootCount`],
        ['UNSUB', `${SAMPLE}/Label`],
        ['EXEC', `${SAMPLE}/Reboot`],
      ]);
      assert.deepEqual(codes, [200, 200, 404, 200]);
      assert.equal(mock.repo.length, uploads);
    }
  });
});
