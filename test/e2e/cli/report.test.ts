import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../../src/report/build-report.js';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import { writeReportFolder } from '../../../src/report/writers/folder.js';
import { sampleExecution, samplePlan, sampleReport, sampleResults } from '../../unit/report/data/sample-run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function dmct(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/dmct.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('dmct report', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-report-cli-'));
    await writeReportFolder(join(dir, 'run'), sampleReport());
    const passing = samplePlan();
    passing.items = passing.items.filter((i) => ['DM-PACK-001-S-M', 'DM-PACK-001-C-M', 'DM-PACK-019-C-O'].includes(i.id));
    await writeReportFolder(join(dir, 'conformant'), buildReport(passing, sampleResults(), sampleExecution()));
    const results = sampleResults();
    await writeReportFolder(
      join(dir, 'shard-1'),
      buildReport(samplePlan(), results.slice(0, 4), sampleExecution({ shard: { current: 1, total: 2 } })),
    );
    await writeReportFolder(
      join(dir, 'shard-2'),
      buildReport(samplePlan(), results.slice(4), sampleExecution({ shard: { current: 2, total: 2 } })),
    );
    await mkdir(join(dir, 'broken'));
    const tampered = JSON.parse(await readFile(join(dir, 'run', 'report.json'), 'utf8')) as Report;
    if (tampered.items[2]) tampered.items[2].verdict = 'pass';
    await writeFile(join(dir, 'broken', 'report.json'), JSON.stringify(tampered));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("re-renders a saved run on the console; exits 0, or with the run's exit code when asked", async () => {
    const run = await dmct('report', join(dir, 'run'));
    assert.equal(run.code, 0, run.stderr);
    const junit = await dmct('report', join(dir, 'run'), '--format', 'junit');
    assert.equal(junit.code, 0, 'writing junit.xml of a failed run is no error of the command');
    assert.match(junit.stdout, /failures="2"/);
    const mirrored = await dmct('report', join(dir, 'run'), '--exit-code');
    assert.equal(mirrored.code, 1, mirrored.stderr);
    assert.equal(mirrored.stdout, run.stdout);
    assert.ok(run.stdout.endsWith('Overall: NON-CONFORMANT (exit 1) — 2 applicable items failed\n'));
    assert.ok(!run.stdout.includes('\u001b'), 'no colour when piped');
    const ok = await dmct('report', join(dir, 'conformant', 'report.json'), '--format', 'junit');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="dmct" tests="3" failures="0" errors="0" skipped="1"/,
    );
  });

  it('prints the native JSON and the HTML page', async () => {
    const json = await dmct('report', join(dir, 'run'), '--json');
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(await readFile(join(dir, 'run', 'report.json'), 'utf8')));
    const page = await dmct('report', join(dir, 'run'), '-f', 'html');
    assert.ok(page.stdout.startsWith('<!doctype html>'));
  });

  it('refuses a missing or invalid report with one line and exit 2', async () => {
    const missing = await dmct('report', join(dir, 'nowhere'));
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `dmct: ${join(dir, 'nowhere')}: no such file or folder (give a run folder holding report.json)\n`);
    const broken = await dmct('report', join(dir, 'broken'));
    assert.equal(broken.code, 2);
    assert.equal(
      broken.stderr,
      `dmct: ${join(dir, 'broken', 'report.json')} /items/2/verdict: is "pass" but its scenarios and applicability give "fail" (consistency) (and 1 more)\n`,
    );
    assert.equal(broken.stdout, '');
  });

  it('merges the shards of a run into a report folder', async () => {
    const out = join(dir, 'merged');
    const merged = await dmct('report', 'merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', out);
    assert.equal(merged.code, 1, merged.stderr);
    assert.ok(merged.stdout.endsWith(`Overall: NON-CONFORMANT (exit 1) — 2 applicable items failed\nmerged 2 reports into ${out}\n`));
    assert.deepEqual((await readdir(out)).sort(), ['ctrf.json', 'earl.jsonld', 'index.html', 'junit.xml', 'report.json']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    assert.deepEqual(
      report.items.map((i) => i.verdict),
      sampleReport().items.map((i) => i.verdict),
    );
  });
});
