import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { MARKUP, startHostileServer, type HostileServer } from './hostile-server.js';

const run = promisify(execFile);

describe('dmct run --role server against a hostile DM server (end to end)', () => {
  let hostile: HostileServer;
  let dir: string;
  before(async () => {
    hostile = await startHostileServer();
    dir = await mkdtemp(join(tmpdir(), 'dmct-hostile-run-'));
  });
  after(async () => {
    await hostile.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'exits 1 or 3, never crashes, fails the Package#2 item, and the report renders with the markup escaped',
    { timeout: 120_000 },
    async () => {
      const claims = JSON.parse(await readFile('fixtures/claims/reference-server.json', 'utf8')) as Record<string, unknown>;
      claims['timeouts'] = { responseMs: 1500, sessionMs: 3000, noSessionWaitMs: 500, operatorMs: 1000 };
      claims['adminUrl'] = hostile.url('admin');
      const claimsFile = join(dir, 'claims.json');
      await writeFile(claimsFile, JSON.stringify(claims));
      const out = join(dir, 'out');
      const outcome = await run(
        process.execPath,
        [
          'bin/dmct.js',
          'run',
          '--role',
          'server',
          '--claims',
          claimsFile,
          '--target',
          hostile.url('markup'),
          '--only',
          'DM-PACK-001-S-M,DM-PACK-012-S-M',
          '--out',
          out,
          '--progress',
          'off',
        ],
        { env: { ...process.env, CI: '1', FORCE_COLOR: '0' }, maxBuffer: 16 * 1024 * 1024 },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      assert.ok(outcome.code === 1 || outcome.code === 3, `exit ${outcome.code}: ${outcome.stderr.slice(-800)}`);
      assert.ok(!outcome.stderr.includes('internal error'), outcome.stderr.slice(-800));
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { items: { id: string; verdict: string }[] };
      const verdicts = new Map(report.items.map((item) => [item.id, item.verdict]));
      assert.equal(verdicts.get('DM-PACK-012-S-M'), 'fail', JSON.stringify([...verdicts]));
      const page = await readFile(join(out, 'index.html'), 'utf8');
      assert.ok(!page.includes(MARKUP), 'no raw markup from the target in the HTML report');
    },
  );
});
