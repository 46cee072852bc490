import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../../src/cli/errors.js';
import { decodeGcmMessage, type DecodedNotification } from '../../../src/protocol/notification/index.js';

const WORKED_HEX = '22001004646d73312002002a10206b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e677609932000';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir = '';
let cases: Record<string, string[]> = {};
let results: Record<string, Result> = {};

/** Result of one named case; all cases run in one child process (see notify-runner.ts). */
function notify(name: string): Result {
  const result = results[name];
  assert.ok(result, `no case ${name}`);
  return result;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dmct-notify-'));
  await writeFile(join(dir, 'bad-type.json'), JSON.stringify({ notificationId: 'x' }));
  await writeFile(join(dir, 'bad-json.json'), '{"serverId": ');
  const worked = ['--server-id', 'dms1', '--notification-id', '42', '--digest', '--secret', 's3cr3t', '--auth-data', 'nonce', '--req-mos'];
  const stale = '2100100161400' + '46553f100';
  cases = {
    mismatchJson: ['decode', WORKED_HEX, '--secret', 's3cr3t', '--auth-data', 'other', '--json'],
    encodeBinaryOut: ['encode', ...worked, '--out', join(dir, 'n.bin')],
    decodeBinaryFile: ['decode', '--file', join(dir, 'n.bin'), '--secret', 's3cr3t', '--auth-data', 'nonce'],
    encodeBase64Out: ['encode', ...worked, '--out', join(dir, 'n.b64'), '--format', 'base64'],
    decodeBase64File: ['decode', '--file', join(dir, 'n.b64'), '--secret', 's3cr3t', '--auth-data', 'nonce'],
    decodeBase64HexCreds: [
      'decode',
      Buffer.from(WORKED_HEX, 'hex').toString('base64'),
      '--secret-hex',
      '733363723374',
      '--auth-data-hex',
      '6e6f6e6365',
    ],
    encodeBase64: ['encode', ...worked, '--format', 'base64'],
    encodeGcm: ['encode', ...worked, '--wrap', 'gcm', '--registration-id', 'reg-1'],
    encodeGcmNoId: ['encode', '--wrap', 'gcm'],
    encodeConTypes: ['encode', '--con-type', 'wlan', '--con-type', '1', '--con-type', 'any', '--timestamp', '1700000000'],
    encodeUint64: ['encode', '--timestamp', '1700000000', '--timestamp-encoding', 'uint64'],
    decodeStale: ['decode', stale, '--now', '1700001000'],
    decodeIsoNow: ['decode', stale, '--now', '2023-11-14T22:13:20Z', '--json'],
    decodeBroken: ['decode', '3000'],
    missingFile: ['decode', '--file', join(dir, 'absent.bin')],
    badInputType: ['encode', '--from', join(dir, 'bad-type.json')],
    badInputJson: ['encode', '--from', join(dir, 'bad-json.json')],
    conTypeOrder: ['encode', '--con-type', 'any', '--con-type', 'wlan'],
    conTypeUnknown: ['encode', '--con-type', 'lte'],
    digestNoSecret: ['encode', '--digest'],
    badSecretHex: ['decode', '2000', '--secret-hex', 'xyz'],
    badNow: ['decode', '2000', '--now', 'yesterday'],
    badBase64: ['decode', '!!'],
  };
  const names = Object.keys(cases);
  const runner = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/cli/notify-runner.ts', JSON.stringify(Object.values(cases))], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  assert.equal(runner.status, 0, runner.stderr);
  const list = JSON.parse(runner.stdout) as Result[];
  results = Object.fromEntries(names.map((name, i) => [name, list[i] as Result]));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dmct notify (all cases in one child process)', () => {
  it('decode --json: wrong auth-data is a digest mismatch, exit 1', async () => {
    const run = notify('mismatchJson');
    assert.equal(run.code, EXIT.nonConformant);
    const json = JSON.parse(run.stdout) as DecodedNotification;
    assert.deepEqual(
      json.violations.map((v) => [v.rule, v.offset]),
      [['notification-digest-mismatch', 14]],
    );
    assert.deepEqual(json.digest, { present: true, verified: false });
  });

  it('encode --out writes binary (or base64); decode --file reads it back', async () => {
    assert.equal(notify('encodeBinaryOut').code, 0);
    assert.equal(Buffer.from(await readFile(join(dir, 'n.bin'))).toString('hex'), WORKED_HEX);
    assert.equal(notify('decodeBinaryFile').code, 0, notify('decodeBinaryFile').stdout);
    assert.equal(notify('encodeBase64Out').code, 0);
    assert.equal(await readFile(join(dir, 'n.b64'), 'utf8'), `${Buffer.from(WORKED_HEX, 'hex').toString('base64')}\n`);
    assert.equal(notify('decodeBase64File').code, 0, notify('decodeBase64File').stdout);
  });

  it('decode takes base64 and hex credentials', () => {
    const run = notify('decodeBase64HexCreds');
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /verified/);
  });

  it('encode --format base64 and --wrap gcm', () => {
    assert.equal(notify('encodeBase64').stdout, `${Buffer.from(WORKED_HEX, 'hex').toString('base64')}\n`);
    const gcm = notify('encodeGcm');
    assert.equal(gcm.code, 0, gcm.stderr);
    const decoded = decodeGcmMessage(gcm.stdout);
    assert.equal(decoded.valid, true);
    assert.equal(Buffer.from(decoded.notification ?? []).toString('hex'), WORKED_HEX);
    assert.deepEqual([notify('encodeGcmNoId').code, notify('encodeGcmNoId').stderr], [2, 'dmct: --wrap gcm needs --registration-id\n']);
  });

  it('encode --timestamp and --con-type names, codes and aliases', () => {
    assert.equal(notify('encodeConTypes').stdout, '2100' + '2003020100' + '30046553f100\n');
    assert.equal(notify('encodeUint64').stdout, '2080' + '5008' + '000000006553f100\n');
  });

  it('a stale timestamp is a warning (exit 0); a broken notification exits 1', () => {
    const stale = notify('decodeStale');
    assert.equal(stale.code, 0, stale.stdout);
    assert.match(stale.stdout, /warning +@7 notification-timestamp-stale \(9\.1\): TIMESTAMP 1700000000 is 1000 s before now/);
    assert.deepEqual((JSON.parse(notify('decodeIsoNow').stdout) as DecodedNotification).violations, []);
    const broken = notify('decodeBroken');
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /error +@0 notification-version \(5\.2\.1\.1\): VER is 3; it must be 2/);
    assert.match(broken.stdout, /invalid — 1 error/);
  });

  it('user mistakes exit 2 with one line naming the file or flag, the pointer and the rule', () => {
    const expectations: [string, string | RegExp][] = [
      ['missingFile', `dmct: ${join(dir, 'absent.bin')}: cannot read the file (ENOENT)\n`],
      ['badInputType', `dmct: ${join(dir, 'bad-type.json')} /notificationId: must be integer (type)\n`],
      ['badInputJson', /^dmct: \S+bad-json\.json \/: invalid JSON: .+ \(json\)\n$/],
      ['conTypeOrder', 'dmct: --con-type: ANY_AVAILABLE must be the last connection type (§5.2.1.2) (any-available-last)\n'],
      ['conTypeUnknown', 'dmct: --con-type: "LTE" is not one of ANY_AVAILABLE, CELLULAR, WLAN, WIRELINE (or 0-3)\n'],
      [
        'digestNoSecret',
        'dmct: --digest: a SHA256-DIGEST needs the secret (DMAcc Auth/Noti/Secret) to compute it (§5.2.1.2) (digest-secret)\n',
      ],
      ['badSecretHex', 'dmct: --secret-hex: not hex: "x" at character 1\n'],
      ['badNow', 'dmct: --now: "yesterday" is neither POSIX seconds nor an ISO date\n'],
      ['badBase64', 'dmct: input: not base64: "!" at character 1\n'],
    ];
    for (const [name, stderr] of expectations) {
      const run = notify(name);
      assert.equal(run.code, EXIT.usage, name);
      assert.equal(run.stdout, '', name);
      if (typeof stderr === 'string') assert.equal(run.stderr, stderr, name);
      else assert.match(run.stderr, stderr, name);
    }
  });
});
