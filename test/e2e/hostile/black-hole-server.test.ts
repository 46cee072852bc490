import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A DM server that accepts TCP, reads each request up to the end of its body, and closes without a byte. */
async function startBlackHole(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(buffered.subarray(0, headerEnd).toString('latin1'))?.[1] ?? 0);
      if (buffered.length - headerEnd - 4 < length) return;
      requests += 1;
      socket.end();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  assert.ok(typeof address === 'object' && address !== null);
  return {
    url: `http://127.0.0.1:${address.port}/dm`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('dmct run --role server against a black-hole DM server (end to end)', () => {
  let blackHole: Awaited<ReturnType<typeof startBlackHole>>;
  let dir: string;
  before(async () => {
    blackHole = await startBlackHole();
    dir = await mkdtemp(join(tmpdir(), 'dmct-black-hole-'));
  });
  after(async () => {
    await blackHole.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'finding 8: no pass at all; fail only on the items that mandate answering the Package#1 it received, every other item inconclusive naming why',
    { timeout: 300_000 },
    async () => {
      const claims = JSON.parse(await readFile('fixtures/claims/reference-server.json', 'utf8')) as Record<string, unknown> & {
        server: Record<string, unknown>;
      };
      claims['timeouts'] = { responseMs: 800, sessionMs: 2000, noSessionWaitMs: 300, operatorMs: 1000 };
      // Its admin side takes every order (the triggers succeed); its DM endpoint reads and hangs up.
      claims.server['triggers'] = {
        notify: { kind: 'shell', command: 'true' },
        queueCommand: { kind: 'shell', command: 'true' },
        queuePackage2: { kind: 'shell', command: 'true' },
      };
      claims.server['url'] = blackHole.url;
      // A black hole has no admin API (and the pre-flight would refuse an unreachable one).
      delete claims['adminUrl'];
      const claimsFile = join(dir, 'claims.json');
      await writeFile(claimsFile, JSON.stringify(claims));
      const out = join(dir, 'out');
      const outcome = await run(
        process.execPath,
        ['bin/dmct.js', 'run', '--role', 'server', '--claims', claimsFile, '--target', blackHole.url, '--out', out, '--progress', 'off'],
        {
          env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1' },
          maxBuffer: 16 * 1024 * 1024,
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(outcome.code, 1, `exit ${outcome.code}: ${outcome.stderr.slice(-800)}`);
      assert.ok(blackHole.requests() > 0, 'the black hole read complete requests');
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
        items: { id: string; verdict: string; reason?: string }[];
      };
      const vector = Object.fromEntries(
        report.items.filter((item) => item.verdict !== 'not-applicable').map((item) => [item.id, item.verdict]),
      );
      const expected: Record<string, string> = {};
      for (const id of Object.keys(vector)) expected[id] = 'inconclusive';
      // §5.2 (the flow) and §5.2.2 (Package#1) oblige the server to answer the Package#1 it read in full.
      expected['DM-PACK-001-S-M'] = 'fail';
      expected['DM-PACK-011-S-M'] = 'fail';
      assert.deepEqual(vector, expected);
    },
  );
});
