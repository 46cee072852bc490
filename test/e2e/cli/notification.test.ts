import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { decodedNotificationSchema, type DecodedNotification } from '../../../src/protocol/notification/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKED_HEX = '22001004646d73312002002a10206b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e677609932000';
const WORKED_FLAGS = [
  '--server-id',
  'dms1',
  '--notification-id',
  '42',
  '--digest',
  '--secret',
  's3cr3t',
  '--auth-data',
  'nonce',
  '--req-mos',
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function dmct(args: string[], stdin?: string | Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/dmct.js', ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const validateDecoded = compileSchema<DecodedNotification>(decodedNotificationSchema);
let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dmct-notify-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dmct notify (spawned CLI)', () => {
  it('encode: the worked example (fixtures/notifications/valid.json) from flags, byte for byte', async () => {
    const run = await dmct(['notify', 'encode', ...WORKED_FLAGS]);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, `${WORKED_HEX}\n`);
    assert.equal(run.code, 0);
  });

  it('decode: verifies the worked example, prints every field, exit 0', async () => {
    const run = await dmct(['notify', 'decode', WORKED_HEX, '--secret', 's3cr3t', '--auth-data', 'nonce']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /VER 2 · OC 4 · RESERVED 0/);
    assert.match(run.stdout, /1 SERVER-ID\s+"dms1"/);
    assert.match(run.stdout, /3 NOTIFICATION-ID\s+42/);
    assert.match(run.stdout, /6b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e67760993 verified/);
    assert.match(run.stdout, /valid — no violations/);
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colour when piped');
  });

  it('encode --from file --wrap wap-push piped into decode --datagram (stdin)', async () => {
    const file = join(dir, 'n.json');
    await writeFile(file, JSON.stringify({ serverId: 'dms1', notificationId: 42, digest: true, reqMos: true }));
    const encoded = await dmct([
      'notify',
      'encode',
      '--from',
      file,
      '--secret',
      's3cr3t',
      '--auth-data',
      'nonce',
      '--wrap',
      'wap-push',
      '--tid',
      '7',
    ]);
    assert.equal(encoded.code, 0, encoded.stderr);
    assert.equal(encoded.stdout, `070603d8af87${WORKED_HEX}\n`);
    const decoded = await dmct(['notify', 'decode', '--datagram', '--secret', 's3cr3t', '--auth-data', 'nonce', '--json'], encoded.stdout);
    assert.equal(decoded.code, 0, decoded.stdout);
    const checked = validateDecoded(JSON.parse(decoded.stdout));
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.violations));
    const json = checked.value;
    assert.equal(json.hex, WORKED_HEX);
    assert.deepEqual(json.digest, { present: true, verified: true });
    assert.deepEqual(
      json.transport && [json.transport.tid, json.transport.contentType, json.transport.applicationId, json.transport.valid],
      [7, 0x58, 7, true],
    );
  });

  it('unreadable input exits 2 with one line on stderr', async () => {
    const badHex = await dmct(['notify', 'decode', '20g0', '--encoding', 'hex']);
    assert.deepEqual([badHex.code, badHex.stdout, badHex.stderr], [2, '', 'dmct: input: not hex: "g" at character 3\n']);
  });
});
