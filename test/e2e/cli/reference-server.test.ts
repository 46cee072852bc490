import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { decodeNotification } from '../../../src/protocol/notification/decode.js';
import { allFaults } from '../../../src/reference/faults/index.js';

const BIN = fileURLToPath(new URL('../../../bin/dmct.js', import.meta.url));
const DEV_ID = 'IMEI:351234567890123';

function start(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  const inherited = { ...process.env };
  delete inherited['DMCT_ADMIN_TOKEN'];
  return spawn(process.execPath, [BIN, ...args], { env: { ...inherited, FORCE_COLOR: '0', ...env } });
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** The first line the process prints on stdout. */
function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        child.stdout.off('data', onData);
        resolve(buffer.slice(0, end));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.once('close', (code) => reject(new Error(`exited ${String(code)} before printing a line`)));
  });
}

describe('dmct sim (CLI)', () => {
  test('sim faults --json prints the combined registry; --role filters it', async () => {
    const all = await run(['sim', 'faults', '--json']);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(JSON.parse(all.stdout), allFaults);
    const server = await run(['sim', 'faults', '--role', 'server']);
    assert.equal(server.code, 0);
    const lines = server.stdout.trim().split('\n');
    assert.equal(lines.at(-1), `${allFaults.filter((f) => f.role === 'server').length} fault switches`);
    assert.match(lines[0] ?? '', /^flow-no-package2\s+server\s+5\.2\/package-flow\s+§5\.2\s+\S/);
  });

  test('sim server with an unknown fault exits 2 with one line naming it', async () => {
    const result = await run(['sim', 'server', '--fault', 'no-such-fault']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^dmct: --fault: unknown server fault "no-such-fault"; known: flow-no-package2, /);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });

  test('sim server refuses a shell notify transport unless started with --allow-shell-notify, and a weak --admin-token', async () => {
    const shell = await run(['sim', 'server', '--device', DEV_ID, '--notify', 'shell:true']);
    assert.equal(shell.code, 2);
    assert.match(
      shell.stderr,
      /^dmct: devices\[0\]: the shell notification transport runs a command on this machine and is off; start the server with --allow-shell-notify/,
    );
    const weak = await run(['sim', 'server', '--admin-token', 'short']);
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /^dmct: --admin-token: 16 or more visible ASCII characters/);
  });

  test('sim server runs until SIGTERM; sim admin queues, notifies and reads back through it', async () => {
    const server = start(['sim', 'server', '--json', '--device', DEV_ID, '--secret', 's3cr3t', '--notify', 'print']);
    const closed = once(server, 'close') as Promise<[number | null]>;
    try {
      const urls = JSON.parse(await firstLine(server)) as { dmUrl: string; adminUrl: string; adminToken: string };
      assert.match(urls.dmUrl, /^http:\/\/127\.0\.0\.1:\d+\/dm$/);
      assert.match(urls.adminToken, /^[0-9a-f]{48}$/);
      const withToken = { DMCT_ADMIN_TOKEN: urls.adminToken };

      const noToken = await run(['sim', 'admin', urls.adminUrl, 'queue', DEV_ID, 'GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /^dmct: no admin token: pass --admin-token/);
      const wrongToken = await run([
        'sim',
        'admin',
        urls.adminUrl,
        '--admin-token',
        'x'.repeat(32),
        'queue',
        DEV_ID,
        'GET',
        'urn:oma:mo:oma-dm-devinfo:1.2//DevID',
      ]);
      assert.equal(wrongToken.code, 2);
      assert.match(wrongToken.stderr, /→ 401: missing or wrong admin token/);

      const queued = await run([
        'sim',
        'admin',
        urls.adminUrl,
        '--admin-token',
        urls.adminToken,
        'queue',
        DEV_ID,
        'GET',
        'urn:oma:mo:oma-dm-devinfo:1.2//DevID',
      ]);
      assert.equal(queued.code, 0, queued.stderr);
      assert.equal(queued.stdout, 'c1 queued: ["GET","urn:oma:mo:oma-dm-devinfo:1.2//DevID"]\n');

      const shell = await run(
        ['sim', 'admin', urls.adminUrl, 'notify', DEV_ID, '--transport', 'shell:touch /nonexistent/pwned'],
        withToken,
      );
      assert.equal(shell.code, 2);
      assert.match(
        shell.stderr,
        /→ 403 Shell transport disabled: the shell notification transport runs a command on this machine and is off/,
      );

      const notified = await run(['sim', 'admin', urls.adminUrl, 'notify', DEV_ID, '--req-mos', '--json'], withToken);
      assert.equal(notified.code, 0, notified.stderr);
      const { hex } = JSON.parse(notified.stdout) as { hex: string };
      const decoded = decodeNotification(Buffer.from(hex, 'hex'), { secret: 's3cr3t' });
      assert.deepEqual(decoded.violations, []);
      assert.equal(decoded.notification?.options.reqMos, true);

      const refused = await run(['sim', 'admin', urls.adminUrl, 'queue', DEV_ID, 'GET'], withToken);
      assert.equal(refused.code, 2);
      assert.match(
        refused.stderr,
        /^dmct: POST \/devices\/IMEI%3A351234567890123\/commands → 400 Invalid command: \/CMD\/0: GET takes 1 parameter/,
      );

      const received = await run(['sim', 'admin', urls.adminUrl, 'received', DEV_ID], withToken);
      assert.equal(received.code, 0);
      assert.equal((JSON.parse(received.stdout) as { notifications: unknown[] }).notifications.length, 1);
    } finally {
      server.kill('SIGTERM');
    }
    const [code] = await closed;
    assert.equal(code, 0);
  });
});
