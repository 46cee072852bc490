import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Report } from '../../../src/report/index.js';
import { validateReport } from '../../../src/report/validate.js';

const run = promisify(execFile);
const CLIENT_CLAIMS = 'fixtures/claims/dm20-2016/client.json';
/** The OMADM-DevID of the device in test/unit/monitor/data/clean-get-end.har. */
const CAPTURED_DEVID = 'IMEI:490154203237518';

function exitOf(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['bin/dmct.js', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('dmct judge (CLI)', () => {
  it('judges a HAR with a Package#3 after END: exit 1, the client item failed in report.json', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dmct-judge-'));
    try {
      const result = await exitOf(['judge', 'test/unit/monitor/data/package3-after-end.har', '--out', out]);
      assert.equal(result.code, 1, result.stderr);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      assert.ok(validateReport(report).ok);
      const failed = report.items.filter((i) => i.verdict === 'fail');
      assert.deepEqual(
        failed.map((i) => `${i.role} ${i.id}`),
        ['client DM-PACK-022-C-M'],
      );
      assert.match(result.stdout, /Report folder:/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses a truncated HAR with one line and exit 2', async () => {
    const result = await exitOf(['judge', 'test/unit/monitor/data/truncated.har', '--out', join(tmpdir(), 'dmct-judge-never')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^dmct: .*truncated\.har: not JSON/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });

  it('takes the client claims (their edition and applicability): a clean capture exits 3, nothing failed', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dmct-judge-'));
    try {
      // The fixture claims with the DevID of the captured device.
      const claims = JSON.parse(await readFile(CLIENT_CLAIMS, 'utf8')) as { client: { devId: string } };
      claims.client.devId = CAPTURED_DEVID;
      const claimsFile = join(out, 'client.json');
      await writeFile(claimsFile, JSON.stringify(claims));
      const result = await exitOf([
        'judge',
        'test/unit/monitor/data/clean-get-end.har',
        '--claims-client',
        claimsFile,
        '--out',
        join(out, 'report'),
        '--json',
      ]);
      assert.equal(result.code, 3, result.stderr);
      const report = JSON.parse(result.stdout) as Report;
      assert.equal(report.meta.edition, 'dm20-2016');
      assert.match(report.meta.claims?.file ?? '', /client\.json$/);
      assert.equal(report.items.filter((i) => i.verdict === 'fail').length, 0);
      assert.ok(report.items.some((i) => i.role === 'client' && i.verdict === 'pass'));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("fails the client's Package#1 whose OMADM-DevID is not the claims' DevID, naming both", async () => {
    const out = await mkdtemp(join(tmpdir(), 'dmct-judge-'));
    try {
      const result = await exitOf([
        'judge',
        'test/unit/monitor/data/clean-get-end.har',
        '--claims-client',
        CLIENT_CLAIMS,
        '--out',
        out,
        '--json',
      ]);
      assert.equal(result.code, 1, result.stderr);
      const report = JSON.parse(result.stdout) as Report;
      const failed = report.items.filter((i) => i.verdict === 'fail');
      assert.ok(failed.length > 0 && failed.every((i) => i.role === 'client'));
      const text = await readFile(join(out, 'report.json'), 'utf8');
      assert.match(text, /IMEI:490154203237518.*IMEI:351234567890123/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses claims of the other role with one line and exit 2', async () => {
    const result = await exitOf([
      'judge',
      'test/unit/monitor/data/clean-get-end.har',
      '--claims-server',
      'fixtures/claims/dm20-2016/client.json',
      '--out',
      join(tmpdir(), 'dmct-judge-never'),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^dmct: .*claims of a client, given as --claims-server/);
  });
});
