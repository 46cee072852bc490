/**
 * `dmct run` end to end: a real Playwright run of the real suites against the embedded reference
 * peers (a fault run; the full run of both roles is the installed package's, installed-package.test.ts),
 * and of the stand-in project in data/ for interruption and sharding, which need deterministic scenarios.
 */
import assert from 'node:assert/strict';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPORT_FILES, reportInconsistencies, validateReport, type Report } from '../../../src/report/index.js';
import { DATA_CONFIG, dmct, startDmct } from './dmct-process.js';

let dir = '';
before(async () => (dir = await mkdtemp(join(tmpdir(), 'dmct-run-'))));
after(async () => rm(dir, { recursive: true, force: true }));

/** The report.json of a run folder, checked against its schema and for consistency. */
async function loadValidReport(folder: string): Promise<Report> {
  for (const file of Object.values(REPORT_FILES)) await access(join(folder, file));
  const checked = validateReport(JSON.parse(await readFile(join(folder, REPORT_FILES.report), 'utf8')));
  assert.ok(checked.ok, checked.ok ? '' : JSON.stringify(checked.violations.slice(0, 3)));
  assert.deepEqual(reportInconsistencies(checked.value), []);
  return checked.value;
}

const verdicts = (report: Report) => Object.fromEntries(report.items.map((i) => [`${i.role} ${i.id}`, i.verdict]));

describe('dmct run against the embedded reference peers (real suites)', () => {
  it('--fault makes the reference client non-conformant: exit 1 and the report names the broken item', async () => {
    const out = join(dir, 'fault');
    const { code, stdout, stderr } = await dmct([
      'run',
      '--role',
      'client',
      '--fault',
      'accept-wrong-ver',
      '--only',
      'DM-PACK-003-C-M',
      '--out',
      out,
    ]);
    assert.equal(code, 1, stderr);
    const report = await loadValidReport(out);
    assert.deepEqual(
      report.items.map((i) => [i.id, i.verdict]),
      [['DM-PACK-003-C-M', 'fail']],
    );
    assert.equal(report.meta.targets[0]?.description, 'embedded reference client with fault accept-wrong-ver');
    assert.match(stdout, /✗ DM-PACK-003-C-M fail — Support of VER header \(5\.2\.1\.1\)/);
    assert.match(stdout, /Overall: NON-CONFORMANT \(exit 1\)/);
    // Playwright wrote an error-context.md (a prompt for a language model) for the failed test, and a folder per test: none is left.
    const entries = await readdir(out, { withFileTypes: true, recursive: true });
    assert.deepEqual(
      entries.filter((e) => e.name === 'error-context.md' || e.name === '.last-run.json').map((e) => e.name),
      [],
    );
    const folders = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name));
    for (const folder of folders) assert.notDeepEqual(await readdir(folder), [], `empty folder ${relative(out, folder)}`);
  });
});

describe('dmct run: interruption and shards (stand-in project)', () => {
  it('SIGINT stops Playwright and still writes a valid report, unfinished items inconclusive, exit 3', async () => {
    const out = join(dir, 'interrupted');
    const run = startDmct(['run', '--config', DATA_CONFIG, '--role', 'client', '--progress', 'lines', '--out', out], {
      DMCT_RUN_TEST_HOLD: '1',
    });
    // Interrupted once the first result is out (its progress line), while the held scenario runs.
    await new Promise<void>((resolve, reject) => {
      const onOutput = () => {
        if (!/^✓ pass /m.test(run.stderrSoFar())) return;
        run.child.stderr?.off('data', onOutput);
        resolve();
      };
      run.child.stderr?.on('data', onOutput);
      void run.done.then(() => reject(new Error(`dmct ended before any result: ${run.stderrSoFar()}`)));
    });
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    assert.equal(code, 3, stderr);
    assert.match(stderr, /dmct: SIGINT: stopping; the report still gets written/);
    const report = await loadValidReport(out);
    assert.equal(report.meta.interrupted, true);
    const flow = report.items.find((i) => i.id === 'DM-PACK-001-C-M');
    assert.equal(flow?.verdict, 'inconclusive');
    assert.match(flow?.scenarios[0]?.reason ?? '', /run interrupted/);
    assert.ok(
      report.items.some((i) => i.verdict === 'pass'),
      'results that arrived before the interrupt are kept',
    );
    assert.equal(report.overall.exitCode, 3);
  });

  it('two shards merged give the verdicts of the unsharded run', async () => {
    const only = ['--only', 'DM-PACK-001-S-M,DM-PACK-011-S-M,DM-PACK-012-S-M,DM-PACK-001-C-M,DM-PACK-002-C-O,DM-PACK-003-C-M'];
    const common = ['run', '--config', DATA_CONFIG, ...only];
    const whole = await dmct([...common, '--out', join(dir, 'whole')]);
    assert.equal(whole.code, 0, whole.stderr);
    const shard1 = await dmct([...common, '--shard', '1/2', '--out', join(dir, 'shard-1')]);
    const shard2 = await dmct([...common, '--shard', '2/2', '--out', join(dir, 'shard-2')]);
    const shards = [await loadValidReport(join(dir, 'shard-1')), await loadValidReport(join(dir, 'shard-2'))];
    assert.deepEqual(
      shards.map((r) => r.meta.shards),
      [[{ current: 1, total: 2 }], [{ current: 2, total: 2 }]],
    );
    // Each shard judges its own items only: the other shard's are left out, not inconclusive.
    assert.deepEqual([shard1.code, shard2.code], [0, 0], `${shard1.stderr}${shard2.stderr}`);
    assert.deepEqual(
      [shard1.code, shard2.code],
      shards.map((r) => r.overall.exitCode),
    );
    for (const [index, shard] of shards.entries()) {
      assert.ok(
        shard.items.length > 0 && shard.items.every((i) => i.scenarios.length > 0 && i.scenarios.every((s) => s.ran)),
        'a shard reports the items it ran',
      );
      assert.deepEqual(shard.meta.partial?.selectedBy, ['--only', `--shard ${index + 1}/2`]);
      const own = new Set(shard.items.map((i) => i.id));
      assert.ok(shard.meta.partial?.leftOut.every((id) => !own.has(id)));
    }
    assert.equal(shards[0]!.items.length + shards[1]!.items.length, 6, 'together the shards judge every selected item once');
    assert.match(shard1.stdout, /^Overall: PARTIAL \(exit 0\) — .*partial run \(--only, --shard 1\/2\): \d+ items left out$/m);
    assert.match(shard1.stdout, /^Left out \(not judged\): DM-PACK-/m);
    const merged = await dmct(['report', 'merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged')]);
    assert.equal(merged.code, 0, merged.stderr);
    const [unsharded, combined] = [await loadValidReport(join(dir, 'whole')), await loadValidReport(join(dir, 'merged'))];
    assert.deepEqual(verdicts(combined), verdicts(unsharded));
    assert.equal(combined.overall.verdict, unsharded.overall.verdict);
    assert.deepEqual(combined.meta.partial, unsharded.meta.partial, 'the merge is as partial as the unsharded --only run: no more');
    assert.equal(combined.meta.runId, unsharded.meta.runId);
  });
});
