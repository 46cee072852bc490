import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { parseMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { parsePackage3 } from '../../../../src/protocol/packages/package3.js';
import type { CommandEntry } from '../../../../src/protocol/schemas/package2.schema.js';
import { devInfoProblems, dmAccountProblems, readDacmo, sessionInfoProblems } from '../../../../src/protocol/tree/standard-mos.js';
import { nodeDataProblems } from '../../../../src/protocol/tree/node-data.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { ACCESS_RIGHT, holdsRight } from '../../../../src/reference/client/dacmo.js';
import { MOIDS, ReferenceClient } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, REPO, settled } from './mock-dm-server.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const SAMPLE = `${MOIDS.sample}/s1`;

/** One session with `commands`; the statuses and data parts of its Package#3. */
async function session(
  commands: CommandEntry[],
  faults: string[] = [],
): Promise<{ codes: number[]; parts: Map<number, unknown>; client: ReferenceClient; mock: MockDmServer }> {
  const mock = new MockDmServer();
  server.resetHandlers(...mock.handlers());
  const client = new ReferenceClient({ serverUrl: DM_URL, serverId: 'dms1', faults });
  mock.reply({ CMD: commands });
  await client.openSession('client').done;
  await settled(client);
  const exchange = mock.dm.find((e) => new TextDecoder().decode(e.body).includes('"Status"'));
  assert.ok(exchange, 'a Package#3 was sent');
  const contentType = exchange.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/'))
    return { codes: parsePackage3(exchange.body).value?.Status.map((s) => s.sc) ?? [], parts: new Map(), client, mock };
  const multipart = parseMultipartPackage3(contentType, exchange.body);
  const text = (body: Uint8Array) => new TextDecoder().decode(body);
  const parts = new Map(
    [...multipart.parts].map(([i, part]) => [
      i,
      part.mediaType.startsWith('text/plain') ? text(part.body) : (JSON.parse(text(part.body)) as unknown),
    ]),
  );
  return { codes: multipart.package3?.Status.map((s) => s.sc) ?? [], parts, client, mock };
}

/** The root members of the first dmmo+json entry of a part. */
function rootOf(part: unknown): Record<string, unknown> {
  const entry = (part as { MOData: Record<string, unknown>; CV?: string }[])[0];
  return Object.values(entry?.MOData ?? {})[0] as Record<string, unknown>;
}

describe('reference client standard MOs (section 12)', () => {
  it('DevInfo, the account, SessionInfo and the DACMO read back as their definitions lay out', async () => {
    const { codes, parts } = await session([
      ['GET', `${MOIDS.devInfo}//`],
      ['GET', `${MOIDS.dmAcc}//`],
      ['GET', `${MOIDS.sessionInfo}//`],
      ['GET', `${MOIDS.dacmo}//`],
    ]);
    assert.deepEqual(codes, [200, 200, 200, 200]);
    assert.deepEqual(devInfoProblems(rootOf(parts.get(0))), []);
    assert.deepEqual(
      [0, 1, 2].flatMap((i) => nodeDataProblems(rootOf(parts.get(i)))),
      [],
    );
    const account = rootOf(parts.get(1));
    assert.deepEqual(dmAccountProblems(account), []);
    assert.equal(account['Perm'], undefined, 'Perm is never read out');
    assert.deepEqual(sessionInfoProblems(rootOf(parts.get(2))), []);
    const dacmo = readDacmo(rootOf(parts.get(3)));
    assert.deepEqual(dacmo.problems, []);
    assert.deepEqual(
      dacmo.entries.map((e) => [e.moid, e.path, e.permissions]),
      [
        [MOIDS.sample, '/', [{ maid: 'serverid:dms1', ar: 15 }]],
        [MOIDS.sample, '/Private', [{ maid: 'appid:dmct-reference', ar: 15 }]],
      ],
    );
  });

  it('each MO fault switch breaks its definition', async () => {
    const get = async (uri: string, fault: string) => rootOf((await session([['GET', uri]], [fault])).parts.get(0));
    assert.deepEqual(devInfoProblems(await get(`${MOIDS.devInfo}//`, 'devinfo-without-oem')), ['OEM (Required) is missing']);
    assert.deepEqual(nodeDataProblems(await get(`${MOIDS.devInfo}//`, 'devinfo-bad-node-name')), [
      'node name "Ext/Build Info" is not 1*unreserved',
    ]);
    assert.deepEqual(dmAccountProblems(await get(`${MOIDS.dmAcc}//`, 'dmacc-without-name')), ['Name (Required) is missing']);
    assert.match(sessionInfoProblems(await get(`${MOIDS.sessionInfo}//`, 'sessioninfo-roaming-out-of-range')).join(), /ROAMING is 7/);
    assert.match(readDacmo(await get(`${MOIDS.dacmo}//`, 'dacmo-ar-as-text')).problems.join(), /AR is not int/);
  });
});

describe('reference client access rights (section 6.3.1.1, 10)', () => {
  it('refuses a read the access types or the DACMO do not allow, and leaves such nodes out of a subtree', async () => {
    const miid = 'dms1';
    const { codes, parts } = await session([
      ['GET', `${MOIDS.dmAcc}/${miid}/Perm`],
      ['GET', `${SAMPLE}/Private`],
      ['GET', `${SAMPLE}/`],
    ]);
    assert.deepEqual(codes, [403, 403, 200]);
    const sample = rootOf(parts.get(2));
    assert.equal(sample['Private'], undefined, 'the leaf the DACMO denies is left out');
    assert.equal(sample['Label'], 'dmct reference client');
  });

  it('read-without-get-access reads Perm out; dacmo-not-enforced reads Private out', async () => {
    assert.deepEqual((await session([['GET', `${MOIDS.dmAcc}/dms1/Perm`]], ['read-without-get-access'])).codes, [200]);
    const open = await session(
      [
        ['GET', `${SAMPLE}/Private`],
        ['GET', `${MOIDS.dmAcc}/dms1/Perm`],
      ],
      ['dacmo-not-enforced'],
    );
    assert.deepEqual(open.codes, [200, 403]);
  });

  it("holdsRight: the deepest covering Path decides; instances the DACMO does not name are the provisioned servers'", async () => {
    const { client } = await session([]);
    const at = (uri: string) => {
      const found = resolveClientUriText(client.tree, uri);
      assert.ok(found.ok);
      return found.locations[0]!;
    };
    assert.equal(holdsRight(client.tree, 'dms1', at(`${SAMPLE}/Label`), ACCESS_RIGHT.read), true);
    assert.equal(holdsRight(client.tree, 'dms1', at(`${SAMPLE}/Private`), ACCESS_RIGHT.read), false);
    assert.equal(holdsRight(client.tree, 'other', at(`${SAMPLE}/Label`), ACCESS_RIGHT.read), false);
    assert.equal(holdsRight(client.tree, 'other', at(`${MOIDS.devInfo}//DevID`), ACCESS_RIGHT.write), true);
  });
});

describe('reference client MO cache (section 11)', () => {
  it('304 while the validator matches, data for another; cv-always-matches gives 304 to any', async () => {
    const first = await session([['GET', `${SAMPLE}/`]]);
    const cv = (first.parts.get(0) as { CV?: string }[])[0]?.CV;
    assert.ok(cv, 'the instance root carries its CV');
    const again = await session([
      ['GET', `${SAMPLE}/?cv=${cv}`],
      ['GET', `${SAMPLE}/?cv=stale`],
    ]);
    assert.deepEqual(again.codes, [304, 200]);
    assert.deepEqual(
      (
        await session(
          [
            ['GET', `${SAMPLE}/?cv=stale`],
            ['HPUT', `${REPO}/x`, `${SAMPLE}/Label?cv=stale`],
          ],
          ['cv-always-matches'],
        )
      ).codes,
      [304, 304],
    );
  });
});
