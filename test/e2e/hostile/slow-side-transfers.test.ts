/**
 * A DM server whose Package#2 asks for eight HGETs of a URL that never answers: each HGET waits
 * the IXIT response time, together longer than the scenario's time-out. The side transfers draw
 * from a share of the scenario's time, so the item ends `inconclusive` naming the slow transfer,
 * never as the test runner's time-out `error`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { deviceNodes } from '../../../src/harness/device-engine-tree.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';

const run = promisify(execFile);
const HGET_ITEM = 'DM-PACK-014-S-M';

describe('slow side transfers end inside the scenario time (end to end)', () => {
  let server: RunningReferenceServer;
  let dir: string;
  let claimsFile: string;
  let slowHits = 0;
  const held = new Set<ServerResponse>();
  const slow = createServer((req, res) => {
    slowHits += 1;
    req.resume();
    held.add(res); // never answered
  });

  before(async () => {
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`;
    server = await startReferenceServer({ print: () => undefined, serverId: 'dmct-reference-server' });
    dir = await mkdtemp(join(tmpdir(), 'dmct-slow-hget-'));
    const claims = JSON.parse(await readFile('fixtures/claims/reference-server.json', 'utf8')) as Record<string, unknown> & {
      server: { url: string; device: { devId: string }; triggers: Record<string, unknown> };
      network: Record<string, unknown>;
    };
    // No command triggers: the scenario judges what the server sends of its own accord, the queued HGETs.
    delete claims.server.triggers['queueCommand'];
    delete claims.server.triggers['queuePackage2'];
    claims.server.url = server.dmUrl;
    claims['adminUrl'] = server.adminUrl;
    claims['adminToken'] = server.adminToken;
    claims['timeouts'] = { responseMs: 1000, sessionMs: 2000, noSessionWaitMs: 500, operatorMs: 1000 };
    claims.network['allowHosts'] = [new URL(slowUrl).host];
    claimsFile = join(dir, 'claims.json');
    await writeFile(claimsFile, JSON.stringify(claims));
    const devId = claims.server.device.devId;
    const admin = async (path: string, body: unknown): Promise<void> => {
      const response = await fetch(`${server.adminUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.ok(response.ok, await response.text());
    };
    await admin('/devices', { devId, secret: 's3cr3t', authData: 'nonce' });
    await admin(`/devices/${encodeURIComponent(devId)}/package2`, {
      CMD: Array.from({ length: 8 }, () => ['HGET', slowUrl, deviceNodes().dataLeaf]),
    });
  });
  after(async () => {
    for (const res of held) res.destroy();
    slow.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('eight HGETs of a URL that never answers: inconclusive with the reason, not the time-out error', { timeout: 120_000 }, async () => {
    const out = join(dir, 'out');
    // An 8 s scenario time-out: eight 1 s HGETs and the session around them would overrun it.
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
        '--timeout',
        '8000',
        '--only',
        HGET_ITEM,
      ],
      {
        env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { code?: number; stderr?: string }) => assert.equal(error.code, 3, error.stderr));
    type Scenario = { title: string; verdict: string; reason?: string };
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      items: { id: string; verdict: string; scenarios: Scenario[] }[];
    };
    const item = report.items.find((candidate) => candidate.id === HGET_ITEM);
    assert.equal(item?.verdict, 'inconclusive', JSON.stringify(item));
    assert.deepEqual(
      item.scenarios.filter((scenario) => scenario.verdict === 'error'),
      [],
    );
    // The scenario whose session got the queued HGETs (the others see only END).
    const slowOne = item.scenarios.filter((scenario) => /HGET → repository/.test(scenario.reason ?? ''));
    assert.equal(slowOne.length, 1, JSON.stringify(item.scenarios));
    assert.equal(slowOne[0]?.verdict, 'inconclusive');
    assert.match(
      slowOne[0]?.reason ?? '',
      /HGET → repository: no complete answer within \d+ ms; dmct's requests used up their 4000 ms share of the scenario's time/,
    );
    assert.ok(slowHits >= 1 && slowHits < 8, `the HGETs past the share are not sent (${slowHits} were)`);
  });
});
