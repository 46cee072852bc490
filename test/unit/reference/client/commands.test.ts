import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { parseMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { parsePackage1 } from '../../../../src/protocol/packages/package1.js';
import { parsePackage3 } from '../../../../src/protocol/packages/package3.js';
import type { Package3 } from '../../../../src/protocol/schemas/package3.schema.js';
import type { CommandEntry } from '../../../../src/protocol/schemas/package2.schema.js';
import type { GenericAlert } from '../../../../src/protocol/schemas/generic-alert.schema.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { DEFAULT_PERMITTED_MOIDS, MOIDS, ReferenceClient, SAMPLE_RESULT_ALERT_TYPE } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, REPO, WEB, settled, type DmExchange } from './mock-dm-server.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const SAMPLE = `${MOIDS.sample}/s1`;
const DEVINFO = `${MOIDS.devInfo}//`;

function setup(options: { faults?: string[]; permittedMoids?: string[] } = {}): { mock: MockDmServer; client: ReferenceClient } {
  const mock = new MockDmServer();
  server.resetHandlers(...mock.handlers());
  const client = new ReferenceClient({ serverUrl: DM_URL, timings: { asyncExecDelayMs: 10, showTimeoutMs: 2000 }, ...options });
  return { mock, client };
}

/** Runs one client-initiated session whose first Package#2 is `commands`; answers the Package#3 with END. */
async function run(mock: MockDmServer, client: ReferenceClient, commands: CommandEntry[]): Promise<void> {
  mock.reply({ CMD: commands });
  await client.openSession('client').done;
  await settled(client);
}

/** The first Package#3 of the mock's log: statuses and data parts. */
function firstPackage3(mock: MockDmServer): { exchange: DmExchange; package3: Package3; parts: Map<number, string> } {
  const exchange = mock.dm.find((e) => new TextDecoder().decode(e.body).includes('"Status"'));
  assert.ok(exchange, 'a Package#3 was sent');
  const contentType = exchange.headers.get('content-type') ?? '';
  if (contentType.startsWith('multipart/')) {
    const multipart = parseMultipartPackage3(contentType, exchange.body);
    assert.ok(multipart.package3, 'the multipart Package#3 parses');
    const parts = new Map([...multipart.parts].map(([index, part]) => [index, new TextDecoder().decode(part.body)]));
    return { exchange, package3: multipart.package3, parts };
  }
  const parsed = parsePackage3(exchange.body);
  assert.ok(parsed.value, 'the Package#3 parses');
  return { exchange, package3: parsed.value, parts: new Map() };
}

function codes(mock: MockDmServer): number[] {
  return firstPackage3(mock).package3.Status.map((status) => status.sc);
}

function leaf(client: ReferenceClient, uri: string): unknown {
  const found = resolveClientUriText(client.tree, uri);
  return found.ok ? found.locations[0]?.node.value : undefined;
}

function assertConformant(mock: MockDmServer, client: ReferenceClient): void {
  for (const { exchange, violations } of mock.violations(client.devId)) {
    assert.deepEqual(violations, [], `${exchange.method} ${exchange.url} broke a rule`);
  }
}

describe('HGET (5.3.1)', () => {
  it('stores a text/plain leaf at the ClientURI and reports where', async () => {
    const { mock, client } = setup();
    mock.serve('label', 'text/plain', 'renamed');
    await run(mock, client, [['HGET', `${REPO}/label`, `${SAMPLE}/Label`]]);
    assert.deepEqual(firstPackage3(mock).package3.Status, [{ sc: 200, URI: [`${SAMPLE}/Label`] }]);
    assert.equal(leaf(client, `${SAMPLE}/Label`), 'renamed');
    assert.match(mock.repo[0]?.headers.get('accept') ?? '', /application\/dmmo\+json/);
    assertConformant(mock, client);
  });

  it('without ClientURI creates a new instance with a client-assigned MIID and reports it', async () => {
    const { mock, client } = setup();
    mock.serve(
      'widget',
      'application/dmmo+json',
      JSON.stringify([{ ClientURI: `${MOIDS.installable}//`, MOData: { widget: { Level: 3 } } }]),
    );
    await run(mock, client, [['HGET', `${REPO}/widget`]]);
    assert.deepEqual(firstPackage3(mock).package3.Status, [{ sc: 200, URI: [`${MOIDS.installable}/widget/`] }]);
    assert.equal(leaf(client, `${MOIDS.installable}/widget/Level`), 3);
    assertConformant(mock, client);
  });

  it('419 when the repository fails, 415 for data it cannot read, 404 for a bad ClientURI, 403 for an MOID not provisioned', async () => {
    const { mock, client } = setup();
    mock.serve('junk', 'image/png', 'PNG');
    mock.serve('broken', 'application/dmmo+json', '{"not":"an array"');
    mock.serve('label', 'text/plain', 'x');
    await run(mock, client, [
      ['HGET', `${REPO}/missing`, `${SAMPLE}/Label`],
      ['HGET', `${REPO}/junk`, `${SAMPLE}/Label`],
      ['HGET', `${REPO}/broken`],
      ['HGET', `${REPO}/label`, `${SAMPLE}/No/Such`],
      ['HGET', `${REPO}/label`, 'urn:oma:mo:oma-dm-dmacc:1.2//SrvURI'],
    ]);
    assert.deepEqual(codes(mock), [419, 415, 415, 404, 403]);
    assertConformant(mock, client);
  });
});

describe('HPUT and HPOST (5.3.2, 5.3.3)', () => {
  it('PUT / POST the data at every ClientURI as dmmo+json', async () => {
    const { mock, client } = setup();
    await run(mock, client, [
      ['HPUT', `${REPO}/up`, DEVINFO],
      ['HPOST', `${REPO}/post`, `${SAMPLE}/Label`, `${SAMPLE}/BootCount`],
    ]);
    assert.deepEqual(codes(mock), [200, 200]);
    const [put, post] = mock.repo;
    assert.equal(put?.method, 'PUT');
    assert.equal(post?.method, 'POST');
    assert.equal(put?.headers.get('content-type'), 'application/dmmo+json');
    const uploaded = JSON.parse(new TextDecoder().decode(put?.body)) as {
      ClientURI: string;
      MOData: Record<string, Record<string, unknown>>;
    }[];
    assert.equal(uploaded[0]?.ClientURI, `${MOIDS.devInfo}/1/`);
    assert.equal(uploaded[0]?.MOData['DevInfo']?.['DevID'], client.devId);
    assert.equal((JSON.parse(new TextDecoder().decode(post?.body)) as unknown[]).length, 2);
    assertConformant(mock, client);
  });

  it('404 when no ClientURI exists, 419 when the upload fails, 304 when every cv still matches', async () => {
    const { mock, client } = setup();
    const cv = client.tree.instance(MOIDS.sample, 's1')?.cv ?? '';
    mock.fail('down', 503);
    await run(mock, client, [
      ['HPUT', `${REPO}/up`, `${SAMPLE}/Nope`],
      ['HPOST', `${REPO}/down`, `${SAMPLE}/Label`],
      ['HPUT', `${REPO}/up`, `${SAMPLE}/?cv=${cv}`],
    ]);
    assert.deepEqual(codes(mock), [404, 419, 304]);
    assert.deepEqual(
      mock.repo.map((r) => new URL(r.url).pathname),
      ['/repo/down'],
      'only the failing upload reached the repository',
    );
    assertConformant(mock, client);
  });

  it('follows OMADM-Accept: text/plain for a single leaf, 406 when no type it writes is named', async () => {
    const { mock, client } = setup();
    mock.reply(
      () =>
        new Response(JSON.stringify({ CMD: [['HPUT', `${REPO}/leaf`, `${SAMPLE}/Label`]] }), {
          headers: { 'content-type': 'application/vnd.oma.dm.request+json', 'OMADM-Accept': 'text/plain, application/dmmo+json;q=0.5' },
        }),
    );
    mock.reply(
      () =>
        new Response(JSON.stringify({ CMD: [['HPUT', `${REPO}/leaf`, `${SAMPLE}/Label`]] }), {
          headers: { 'content-type': 'application/vnd.oma.dm.request+json', 'OMADM-Accept': 'application/xml' },
        }),
    );
    await client.openSession('client').done;
    assert.equal(mock.repo[0]?.headers.get('content-type'), 'text/plain');
    assert.equal(new TextDecoder().decode(mock.repo[0]?.body), 'dmct reference client');
    const second = mock.dm[2];
    assert.deepEqual(parsePackage3(second?.body ?? new Uint8Array()).value?.Status, [{ sc: 406 }]);
  });
});

describe('DELETE (5.3.4)', () => {
  it('removes a dynamic subtree; 405 for a permanent node; 404 for none', async () => {
    const { mock, client } = setup();
    await run(mock, client, [
      ['DELETE', `${SAMPLE}/Items`],
      ['DELETE', `${SAMPLE}/Label`],
      ['DELETE', `${SAMPLE}/Items`],
    ]);
    assert.deepEqual(codes(mock), [200, 405, 404]);
    assert.equal(resolveClientUriText(client.tree, `${SAMPLE}/Items`).ok, false);
    assert.equal(leaf(client, `${SAMPLE}/Label`), 'dmct reference client');
    assertConformant(mock, client);
  });
});

describe('EXEC (5.3.5, 5.4.1)', () => {
  it('runs a node synchronously (200, effect visible); 405 for a node that is not executable; 404 for none', async () => {
    const { mock, client } = setup();
    await run(mock, client, [
      ['EXEC', `${SAMPLE}/Reboot`],
      ['EXEC', `${SAMPLE}/Label`],
      ['EXEC', `${SAMPLE}/Missing`],
    ]);
    assert.deepEqual(codes(mock), [200, 405, 404]);
    assert.equal(leaf(client, `${SAMPLE}/BootCount`), 1);
    assertConformant(mock, client);
  });

  it('with a ServerURI answers 202, then opens a new session there whose Package#1 carries the result alert', async () => {
    const { mock, client } = setup();
    await run(mock, client, [['EXEC', `${SAMPLE}/Update`, `${DM_URL}/async/1`]]);
    assert.deepEqual(codes(mock), [202]);
    const alertSession = mock.dm.find((exchange) => exchange.url === `${DM_URL}/async/1`);
    assert.ok(alertSession, 'a Package#1 went to the EXEC ServerURI');
    const alerts = parsePackage1(alertSession.body).value?.Alert ?? [];
    assert.equal(alerts[0]?.AlertType, 'urn:oma:at:dm:2.0:ClientInitiatedMgmt');
    assert.deepEqual(alerts[1], {
      AlertType: SAMPLE_RESULT_ALERT_TYPE,
      SourceURI: `${SAMPLE}/Update`,
      DataType: 'application/json',
      Data: { ResultCode: 1200, UpdateCount: 1, StatusCode: 200 },
    } satisfies GenericAlert);
    assertConformant(mock, client);
  });

  it("without a ServerURI, a node that finishes later gets 202 and its alert goes to the session's server", async () => {
    const { mock, client } = setup();
    await run(mock, client, [['EXEC', `${SAMPLE}/Update`]]);
    assert.deepEqual(codes(mock), [202]);
    const last = mock.dm.at(-1);
    assert.equal(last?.url, DM_URL);
    assert.equal(parsePackage1(last?.body ?? new Uint8Array()).value?.Alert?.[1]?.SourceURI, `${SAMPLE}/Update`);
  });
});

describe('GET (5.3.6, App F)', () => {
  it('sends data as multipart parts named by command index: a leaf raw, a subtree as dmmo+json', async () => {
    const { mock, client } = setup();
    await run(mock, client, [
      ['GET', `${MOIDS.devInfo}//DevID`],
      ['DELETE', `${SAMPLE}/Label`],
      ['GET', `${MOIDS.sessionInfo}//`],
    ]);
    const { package3, parts, exchange } = firstPackage3(mock);
    assert.match(exchange.headers.get('content-type') ?? '', /^multipart\/form-data; boundary=/);
    assert.deepEqual(
      package3.Status.map((s) => s.sc),
      [200, 405, 200],
    );
    assert.deepEqual([...parts.keys()], [0, 2]);
    assert.equal(parts.get(0), client.devId);
    const data = JSON.parse(parts.get(2) ?? '') as { ClientURI: string; MOData: unknown; CV?: string }[];
    assert.deepEqual(data[0]?.MOData, { SessionInfo: { CBT: 0, ROAMING: 0 } });
    assert.equal(data[0]?.CV, client.tree.instance(MOIDS.sessionInfo, '1')?.cv);
    assertConformant(mock, client);
  });

  it('204 for a leaf without content, 304 for a matching cv, 403 for a node without Get, 404 for none', async () => {
    const { mock, client } = setup({});
    const cv = client.tree.instance(MOIDS.devInfo, '1')?.cv ?? '';
    await run(mock, client, [
      ['GET', `${SAMPLE}/Notes`],
      ['GET', `${DEVINFO}?cv=${cv}`],
      ['GET', `${SAMPLE}/Reboot`],
      ['GET', `${SAMPLE}/Nothing`],
    ]);
    assert.deepEqual(codes(mock), [204, 304, 403, 404]);
    assert.equal(mock.dm[1]?.headers.get('content-type'), 'application/vnd.oma.dm.response+json');
    assertConformant(mock, client);
  });

  it('lv limits the depth (interior nodes below the cut are {})', async () => {
    const { mock, client } = setup();
    await run(mock, client, [['GET', `${SAMPLE}/?lv=1`]]);
    const data = JSON.parse(firstPackage3(mock).parts.get(0) ?? '') as { MOData: { Sample: Record<string, unknown> } }[];
    assert.deepEqual(data[0]?.MOData.Sample['Items'], {});
    assert.equal(data[0]?.MOData.Sample['Label'], 'dmct reference client');
  });
});

describe('SHOW, CONT, END (5.3.7–5.3.9)', () => {
  it('SHOW opens the page and goes on without waiting for it', async () => {
    const { mock, client } = setup();
    let release: () => void = () => undefined;
    const page = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      // A page that answers only when released: the session must end before it does.
      http.get(`${WEB}/slow`, async () => {
        await page;
        return new Response('late');
      }),
    );
    mock.reply({ CMD: [['SHOW', `${WEB}/slow`]] });
    await client.openSession('client').done;
    assert.deepEqual(codes(mock), [200]);
    assert.equal(client.pending, 1, 'the page load is still running after the session ended');
    release();
    await settled(client);
    assert.equal(client.state.transfers.find((t) => t.purpose === 'SHOW')?.status, 200);
  });

  it('CONT sends the Package#3 answering it, and every later one, to the new URI', async () => {
    const { mock, client } = setup();
    mock.reply({ CMD: [['CONT', `${DM_URL}/cont/abc`]] }, { CMD: [['GET', `${MOIDS.devInfo}//Mod`]] }, { CMD: [['END']] });
    await client.openSession('client').done;
    assert.deepEqual(
      mock.dm.map((e) => new URL(e.url).pathname),
      ['/dm', '/dm/cont/abc', '/dm/cont/abc'],
    );
    assertConformant(mock, client);
  });

  it('END: every command of the package still runs, and no Package#3 follows', async () => {
    const { mock, client } = setup();
    await run(mock, client, [['EXEC', `${SAMPLE}/Reboot`], ['END'], ['EXEC', `${SAMPLE}/Reboot`]]);
    assert.equal(mock.dm.length, 1, 'only Package#1 was posted');
    assert.equal(leaf(client, `${SAMPLE}/BootCount`), 2);
    assert.equal(client.state.sessions[0]?.outcome, 'ended');
  });
});

describe('DEFAULT, SUB, UNSUB (5.3.10–5.3.12)', () => {
  it('DEFAULT is remembered; a later local need fetches from it with placeholders filled, with no status to any server', async () => {
    // The server is not provisioned for the DM accounts here (section 10), so DEFAULT for them is 403.
    const { mock, client } = setup({ permittedMoids: DEFAULT_PERMITTED_MOIDS.filter((moid) => moid !== MOIDS.dmAcc) });
    mock.serve(
      encodeURIComponent(client.devId),
      'application/dmmo+json',
      JSON.stringify([{ ClientURI: `${MOIDS.installable}//`, MOData: { gadget: { On: true } } }]),
    );
    await run(mock, client, [
      ['DEFAULT', `${REPO}/[DevID]`, MOIDS.installable],
      ['DEFAULT', `${REPO}/x`, 'urn:unknown:mo:1.0'],
      ['DEFAULT', `${REPO}/x`, MOIDS.dmAcc],
    ]);
    assert.deepEqual(codes(mock), [200, 404, 403]);
    const posts = mock.dm.length;
    const result = await client.needMoid(MOIDS.installable);
    assert.deepEqual(result, { moid: MOIDS.installable, fetched: true, uris: [`${MOIDS.installable}/gadget/`] });
    assert.equal(new URL(mock.repo[0]?.url ?? '').pathname, `/repo/${encodeURIComponent(client.devId)}`);
    assert.equal(mock.dm.length, posts, 'nothing was sent to the DM server');
    assert.equal((await client.needMoid(MOIDS.installable)).fetched, false, 'an MO already present is not fetched again');
  });

  it('SUB PUTs the subtree on a change; UNSUB stops it; UNSUB of an unknown SUB is 404', async () => {
    const { mock, client } = setup();
    await run(mock, client, [
      ['SUB', `${REPO}/sub`, `${SAMPLE}/BootCount`],
      ['EXEC', `${SAMPLE}/Reboot`],
      ['UNSUB', `${SAMPLE}/BootCount`],
      ['EXEC', `${SAMPLE}/Reboot`],
      ['UNSUB', `${SAMPLE}/BootCount`],
    ]);
    assert.deepEqual(codes(mock), [200, 200, 200, 200, 404]);
    assert.equal(mock.repo.length, 1, 'one PUT, for the change made while subscribed');
    assert.equal(mock.repo[0]?.method, 'PUT');
    const sent = JSON.parse(new TextDecoder().decode(mock.repo[0]?.body)) as { MOData: unknown }[];
    assert.deepEqual(sent[0]?.MOData, { BootCount: 1 });
    assertConformant(mock, client);
  });
});

describe('malformed and unknown commands (App C)', () => {
  it('501 for an unknown name, 400 for a wrong parameter count or a non-string parameter', async () => {
    const { mock, client } = setup();
    mock.reply(
      () =>
        new Response(JSON.stringify({ CMD: [['FROB', 'x'], ['HGET'], ['GET', 7], 'not-a-command', ['DELETE', `${SAMPLE}/Items`]] }), {
          headers: { 'content-type': 'application/vnd.oma.dm.request+json' },
        }),
    );
    await client.openSession('client').done;
    assert.deepEqual(codes(mock), [501, 400, 400, 400, 200]);
  });
});
