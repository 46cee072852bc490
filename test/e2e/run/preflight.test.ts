import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { claimedAddresses, preflight, resolveTargets, RunSetupError } from '../../../src/run/index.js';
import { assertUsageError, dmct, ROOT } from './dmct-process.js';

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));

/** A port nothing listens on: one just given back by the system. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pre-flight: every address of the claims is reached before the first scenario', () => {
  let dir = '';
  let open: Server;
  let openPort = 0;
  let deadPort = 0;
  const reference = JSON.parse(readFileSync(join(ROOT, 'fixtures/claims/reference-server.json'), 'utf8')) as Record<string, unknown> & {
    server: Record<string, unknown>;
  };
  const claimsFile = (name: string, serverUrl: string, adminUrl: string): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify({ ...reference, adminUrl, server: { ...reference.server, url: serverUrl } }));
    return file;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmct-preflight-'));
    open = createServer((socket) => socket.destroy());
    openPort = await listen(open);
    deadPort = await closedPort();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => open.close(resolve));
  });

  it('lists the DM URL, the admin URL and every HTTP hook by JSON Pointer', () => {
    const targets = resolveTargets({ claims: [join(ROOT, 'fixtures/claims/reference-server.json')] });
    assert.deepEqual(
      claimedAddresses(targets.setups[0]!.claims).map((a) => a.pointer),
      [
        '/server/url',
        '/adminUrl',
        '/server/triggers/notify/url',
        '/server/triggers/queueCommand/url',
        '/server/triggers/queuePackage2/url',
      ],
    );
    const client = resolveTargets({ claims: [join(ROOT, 'fixtures/claims/reference-client.json')] });
    assert.deepEqual(
      claimedAddresses(client.setups[0]!.claims).map((a) => a.pointer),
      ['/adminUrl', '/client/clientInitiated/url', '/client/sessionWith/url', '/client/needMoid/url'],
    );
  });

  it('passes when everything answers, and names each address that does not', async () => {
    const good = resolveTargets({ claims: [claimsFile('good.json', `http://127.0.0.1:${openPort}/dm`, `http://127.0.0.1:${openPort}`)] });
    await preflight(good.setups);
    const bad = resolveTargets({ claims: [claimsFile('bad.json', `http://127.0.0.1:${openPort}/dm`, `http://127.0.0.1:${deadPort}`)] });
    await assert.rejects(preflight(bad.setups), (err: unknown) => {
      assert.ok(err instanceof RunSetupError);
      assert.deepEqual(err.problems, [`${join(dir, 'bad.json')} /adminUrl: cannot reach http://127.0.0.1:${deadPort}: ECONNREFUSED`]);
      return true;
    });
  });

  it('skips a target that a setup or reset hook starts (its readiness probe stands in)', async () => {
    for (const hook of ['setup', 'reset']) {
      const file = join(dir, `${hook}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          ...reference,
          adminUrl: `http://127.0.0.1:${deadPort}`,
          server: { ...reference.server, url: `http://127.0.0.1:${deadPort}/dm` },
          hooks: { [hook]: { run: { kind: 'shell', command: 'start-dms' }, ready: { url: '{{adminUrl}}/health' } } },
        }),
      );
      await preflight(resolveTargets({ claims: [file] }).setups);
    }
  });

  it('dmct run against an unreachable target exits 2 naming the claims pointer, before any scenario', async () => {
    const file = claimsFile('run.json', `http://127.0.0.1:${deadPort}/dm`, `http://127.0.0.1:${openPort}`);
    const outcome = await dmct(['run', '--role', 'server', '--claims', file, '--out', join(dir, 'out')]);
    assertUsageError(
      outcome,
      new RegExp(`^dmct: .*run\\.json /server/url: cannot reach http://127\\.0\\.0\\.1:${deadPort}/dm: ECONNREFUSED$`),
    );
  });
});
