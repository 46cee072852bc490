import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { decodeNotification } from '../../../src/protocol/notification/decode.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';

const run = promisify(execFile);
const ITEM = 'DM-PACK-009-S-M';
const DEV_ID = 'IMEI:493005100592800';

/** A free loopback UDP port for the notification sink (WAP Push, App E.1). */
async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * The notify side of a server that sends TIMESTAMP only when asked: its hook takes the options a
 * scenario asks for and has the reference server build the Package#0 with TIMESTAMP left out
 * unless the request names one. Every request it got is kept.
 */
async function startTimestampOnRequest(
  server: RunningReferenceServer,
): Promise<{ url: string; asked: Record<string, unknown>[]; close: () => Promise<void> }> {
  const asked: Record<string, unknown>[] = [];
  const hook = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const options = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      asked.push(options);
      void fetch(`${server.adminUrl}/devices/${encodeURIComponent(DEV_ID)}/notify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...options, timestamp: options['timestamp'] ?? null }),
      }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(await answer.text());
      });
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const address = hook.address();
  assert.ok(typeof address === 'object' && address !== null);
  return {
    url: `http://127.0.0.1:${address.port}/notify`,
    asked,
    close: () => new Promise<void>((resolve) => hook.close(() => resolve())),
  };
}

/** The TIMESTAMP of the Package#0 the hook has the server send for `options` (printed, not pushed). */
async function timestampSentFor(hookUrl: string, options: Record<string, unknown>): Promise<number | undefined> {
  const answer = await fetch(hookUrl, { method: 'POST', body: JSON.stringify({ ...options, transport: { transport: 'print' } }) });
  assert.equal(answer.status, 200, await answer.clone().text());
  const { hex } = (await answer.json()) as { hex: string };
  const decoding = decodeNotification(new Uint8Array(Buffer.from(hex, 'hex')), { now: Math.floor(Date.now() / 1000) });
  return decoding.notification?.options.timestamp;
}

describe('finding 6: a server that sends TIMESTAMP only when asked (end to end)', () => {
  let server: RunningReferenceServer;
  let hook: Awaited<ReturnType<typeof startTimestampOnRequest>>;
  let dir: string;
  let sinkPort: number;

  before(async () => {
    server = await startReferenceServer({ print: () => undefined, serverId: 'dmct-reference-server' });
    hook = await startTimestampOnRequest(server);
    dir = await mkdtemp(join(tmpdir(), 'dmct-timestamp-'));
    sinkPort = await freeUdpPort();
    const registration = {
      devId: DEV_ID,
      secret: 's3cr3t',
      authData: 'nonce',
      notify: { transport: 'udp', host: '127.0.0.1', port: sinkPort },
    };
    const registered = await fetch(`${server.adminUrl}/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
    assert.ok(registered.ok, await registered.text());
  });
  after(async () => {
    await hook.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('finding 6: the test double leaves TIMESTAMP out unless the request asks for it', async () => {
    assert.equal(await timestampSentFor(hook.url, {}), undefined);
    assert.equal(typeof (await timestampSentFor(hook.url, { timestamp: 'now' })), 'number');
  });

  it('finding 6: DM-PACK-009-S-M asks for TIMESTAMP explicitly and passes such a server', { timeout: 300_000 }, async () => {
    const claims = JSON.parse(await readFile('fixtures/claims/reference-server.json', 'utf8')) as Record<string, unknown> & {
      server: { url: string; notificationSink: unknown; triggers: { notify: { url: string; headers?: unknown } } };
    };
    claims.server.url = server.dmUrl;
    claims['adminUrl'] = server.adminUrl;
    claims['adminToken'] = server.adminToken;
    claims.server.notificationSink = { udp: { port: sinkPort } };
    claims.server.triggers.notify.url = hook.url;
    delete claims.server.triggers.notify.headers;
    const claimsFile = join(dir, 'claims.json');
    await writeFile(claimsFile, JSON.stringify(claims));
    const out = join(dir, 'out');
    const already = hook.asked.length;
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
        ITEM,
      ],
      {
        env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { code?: number; stderr?: string }) =>
      assert.fail(`dmct run exited ${String(error.code)}: ${error.stderr?.slice(-800) ?? ''}`),
    );
    const asked = hook.asked.slice(already);
    assert.ok(
      asked.length > 0 && asked.every((options) => options['timestamp'] !== undefined),
      `the scenario's notify requests: ${JSON.stringify(asked)}`,
    );
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      items: { id: string; verdict: string; reason?: string }[];
    };
    const item = report.items.find((entry) => entry.id === ITEM);
    assert.equal(item?.verdict, 'pass', JSON.stringify(item));
  });
});
