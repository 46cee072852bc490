import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { deviceNodes, INSTALLABLE_MOID } from '../../../src/harness/device-engine-tree.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';

const run = promisify(execFile);
const ITEMS = ['DM-PACK-012-S-M', 'DM-PACK-014-S-M', 'DM-PACK-015-S-M', 'DM-PACK-016-S-M'];
/** The other command items (DELETE, EXEC, GET, SHOW, CONT, END, DEFAULT), judged unprompted the same way. */
const MORE_ITEMS = [
  'DM-PACK-017-S-M',
  'DM-PACK-018-S-M',
  'DM-PACK-019-S-M',
  'DM-PACK-020-S-M',
  'DM-PACK-021-S-M',
  'DM-PACK-022-S-M',
  'DM-PACK-023-S-M',
];

type Report = { items: { id: string; verdict: string; reason?: string }[] };

/** One admin API call to the running reference server, with its token (`Authorization: Bearer`). */
async function admin(server: RunningReferenceServer, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status} ${await response.text()}`);
}

/**
 * The reference server run as an outside target whose claims configure no queueCommand and no
 * queuePackage2 trigger: whatever it was told beforehand, through its own admin API, is all it
 * sends. 012, 014 and the uploads 015, 016 (with its repository's answer to them) judge that, and are inconclusive when it sent nothing.
 */
describe('finding 12: a server without command triggers is judged on what it sends unprompted (end to end)', () => {
  let server: RunningReferenceServer;
  let dir: string;
  let claimsFile: string;
  let devId: string;
  const registration = { secret: 's3cr3t', authData: 'nonce' };

  before(async () => {
    server = await startReferenceServer({ print: () => undefined, serverId: 'dmct-reference-server' });
    dir = await mkdtemp(join(tmpdir(), 'dmct-unprompted-'));
    const claims = JSON.parse(await readFile('fixtures/claims/reference-server.json', 'utf8')) as Record<string, unknown> & {
      server: { url: string; device: { devId: string }; triggers: Record<string, unknown> };
    };
    delete claims.server.triggers['queueCommand'];
    delete claims.server.triggers['queuePackage2'];
    claims.server.url = server.dmUrl;
    claims['adminUrl'] = server.adminUrl;
    claims['adminToken'] = server.adminToken;
    devId = claims.server.device.devId;
    claimsFile = join(dir, 'claims.json');
    await writeFile(claimsFile, JSON.stringify(claims));
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function freshDevice(): Promise<void> {
    await fetch(`${server.adminUrl}/devices/${encodeURIComponent(devId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    await admin(server, 'POST', '/devices', { devId, ...registration });
  }

  async function runItems(name: string, only: readonly string[] = ITEMS): Promise<Map<string, { verdict: string; reason?: string }>> {
    const out = join(dir, name);
    await run(
      process.execPath,
      [
        'bin/dmct.js',
        'run',
        '--role',
        'server',
        '--claims',
        claimsFile,
        '--target',
        server.dmUrl,
        '--out',
        out,
        '--progress',
        'off',
        '--only',
        ...only,
      ],
      {
        env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { code?: number }) => assert.ok(error.code === 1 || error.code === 3, `dmct run exited ${String(error.code)}`));
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    return new Map(report.items.filter((item) => only.includes(item.id)).map((item) => [item.id, item]));
  }

  // CONT needs a URI the server hands out, END a session with nothing queued: both are judged in the run after.
  const QUEUED_ITEMS = [...ITEMS, ...MORE_ITEMS.filter((id) => id !== 'DM-PACK-021-S-M' && id !== 'DM-PACK-022-S-M')];
  let queuedRun: Promise<Map<string, { verdict: string; reason?: string }>> | undefined;
  /** One run judges every command item the server was told to send beforehand; the two tests below share it. */
  function queuedItems(): Promise<Map<string, { verdict: string; reason?: string }>> {
    queuedRun ??= (async () => {
      await freshDevice();
      await admin(server, 'PUT', '/repo/name', { mediaType: 'text/plain', body: 'renamed by an unprompted HGET' });
      const nodes = deviceNodes();
      const package2 = {
        CMD: [
          ['HGET', `${server.repoUrl}/name`, nodes.dataLeaf],
          ['HPUT', `${server.repoUrl}/unprompted-hput`, nodes.data],
          ['HPOST', `${server.repoUrl}/unprompted-hpost`, nodes.devId],
          ['DELETE', nodes.missing],
          ['EXEC', nodes.executable],
          ['EXEC', nodes.asyncExecutable, server.dmUrl],
          ['GET', nodes.devId],
          ['SHOW', `${server.repoUrl}/name`],
          ['DEFAULT', `${server.repoUrl}/installable`, INSTALLABLE_MOID],
        ],
      };
      // More than the scenarios of all items take: each opens its own session, which takes two of
      // them (the one it judges, the one answering the asynchronous EXEC's report).
      for (let index = 0; index < 64; index += 1) await admin(server, 'POST', `/devices/${encodeURIComponent(devId)}/package2`, package2);
      return runItems('queued', QUEUED_ITEMS);
    })();
    return queuedRun;
  }

  it(
    'finding 12: Package#2s the server was told to send beforehand (HGET, HPUT, HPOST) are judged without a trigger: 012, 014, 015, 016 pass',
    { timeout: 300_000 },
    async () => {
      const items = await queuedItems();
      for (const id of ITEMS) assert.equal(items.get(id)?.verdict, 'pass', `${id}: ${JSON.stringify(items.get(id))}`);
    },
  );

  it(
    'finding 12: DELETE, EXEC (with and without ServerURI), GET, SHOW and DEFAULT the server was told to send beforehand are judged without a trigger: 017–020 and 023 pass',
    { timeout: 300_000 },
    async () => {
      const items = await queuedItems();
      for (const id of QUEUED_ITEMS.filter((id) => !ITEMS.includes(id)))
        assert.equal(items.get(id)?.verdict, 'pass', `${id}: ${JSON.stringify(items.get(id))}`);
    },
  );

  it(
    'finding 12: with nothing queued the server sends only END: every such item is inconclusive, naming the missing trigger and what came',
    { timeout: 300_000 },
    async () => {
      await freshDevice();
      const items = await runItems('nothing', [...ITEMS, ...MORE_ITEMS]);
      const more = MORE_ITEMS.map((id) => [id, 'queue'] as const);
      for (const [id, trigger] of [
        ['DM-PACK-012-S-M', 'queuePackage2'],
        ['DM-PACK-014-S-M', 'queue'],
        ['DM-PACK-015-S-M', 'queue'],
        ['DM-PACK-016-S-M', 'queue'],
        ...more,
      ] as const) {
        const item = items.get(id);
        assert.equal(item?.verdict, 'inconclusive', `${id}: ${JSON.stringify(item)}`);
        assert.match(item.reason ?? '', /precondition not met/);
        assert.match(item.reason ?? '', new RegExp(`no ${trigger}\\w* trigger configured`));
        assert.match(item.reason ?? '', /CMD \["END"\]/);
      }
    },
  );

  it(
    'finding 12: an unprompted HPUT naming a place that refuses the upload fails DM-PACK-015-S-M on its answer to the upload',
    { timeout: 300_000 },
    async () => {
      await freshDevice();
      const refusing = { CMD: [['HPUT', `${new URL(server.repoUrl).origin}/not-a-repository/hput`, deviceNodes().data]] };
      for (let index = 0; index < 8; index += 1) await admin(server, 'POST', `/devices/${encodeURIComponent(devId)}/package2`, refusing);
      const item = (await runItems('refused-upload', ['DM-PACK-015-S-M'])).get('DM-PACK-015-S-M');
      assert.equal(item?.verdict, 'fail', JSON.stringify(item));
      assert.match(item.reason ?? '', /accepts the upload it asked for/);
    },
  );
});
