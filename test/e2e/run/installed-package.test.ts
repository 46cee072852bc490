/**
 * dmct as a vendor uses it: `npm pack`, `npm install <tarball>` into an empty project (from the
 * npm registry), then the main job and a claims check there with `npx dmct`. The package is
 * packed from a copy of the checkout, so its build (prepack) never rewrites the dist/ that other
 * tests run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPORT_FILES, reportInconsistencies, validateReport } from '../../../src/report/index.js';
import { ROOT } from './dmct-process.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string): Promise<Outcome> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', CI: '', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const describeOutcome = (o: Outcome): string => `exit ${o.code}\n${o.stdout.slice(-3000)}\n${o.stderr.slice(-3000)}`;

/** A copy of what `npm pack` needs: the package's files, its build script, and links to the installed dependencies. */
function copyCheckout(into: string): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  for (const entry of [...manifest.files.filter((f) => f !== 'dist'), 'package.json', 'scripts'])
    cpSync(join(ROOT, entry), join(into, entry), { recursive: true });
  // Linked one by one: the build's validator cache (node_modules/.cache) stays in the copy.
  mkdirSync(join(into, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(ROOT, 'node_modules', name), join(into, 'node_modules', name));
  }
}

describe('the installed package', { timeout: 240_000 }, () => {
  let work: string;
  let project: string;
  let install: Outcome;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'dmct-installed-'));
    const checkout = join(work, 'checkout');
    project = join(work, 'project');
    mkdirSync(checkout);
    mkdirSync(project);
    copyCheckout(checkout);
    const packed = await exec('npm', ['pack', '--pack-destination', work], checkout);
    assert.equal(packed.code, 0, describeOutcome(packed));
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote no tarball');
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'vendor-device-ci', version: '1.0.0', private: true })}\n`);
    install = await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], project);
    assert.equal(install.code, 0, describeOutcome(install));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('installs without a dependency install script to approve', () => {
    assert.doesNotMatch(`${install.stdout}\n${install.stderr}`, /install-scripts|install script/i);
  });

  // The one full run of both roles in the e2e tier: `dmct run` as a vendor's CI starts it, from the bundle.
  it('runs every scenario against the embedded peers: 52 items pass, every report file written, a progress line per scenario when piped', async () => {
    const out = join(project, 'reports/ci');
    const run = await exec('npx', ['--no-install', 'dmct', 'run', '--out', 'reports/ci'], project);
    assert.equal(run.code, 0, describeOutcome(run));
    for (const file of Object.values(REPORT_FILES)) assert.ok(existsSync(join(out, file)), file);
    const checked = validateReport(JSON.parse(readFileSync(join(out, REPORT_FILES.report), 'utf8')));
    assert.ok(checked.ok, checked.ok ? '' : JSON.stringify(checked.violations.slice(0, 3)));
    const report = checked.value;
    assert.deepEqual(reportInconsistencies(report), []);
    assert.deepEqual(report.meta.roles, ['server', 'client']);
    assert.deepEqual(
      report.meta.targets.map((t) => t.kind),
      ['embedded', 'embedded'],
    );
    assert.equal(report.overall.verdict, 'conformant');
    assert.equal(report.overall.exitCode, 0);
    assert.equal(report.items.length, 52);
    assert.deepEqual([...new Set(report.items.map((item) => item.verdict))], ['pass']);
    const ran = report.items.flatMap((i) => i.scenarios.filter((s) => s.ran).map((s) => `${s.role} ${s.id}`));
    const progressLines = run.stderr.trimEnd().split('\n');
    assert.equal(progressLines.length, new Set(ran).size, run.stderr);
    for (const line of progressLines) assert.match(line, /^✓ pass (server|client) \S/);
    assert.match(run.stdout, /^dmct conformance report · edition dm20-cr-2013/);
    assert.match(run.stdout, /\nReport folder: \S*reports\/ci \(report\.json, junit\.xml, index\.html, earl\.jsonld, ctrf\.json\)/);
  });

  it('checks a claims file', async () => {
    cpSync(join(project, 'node_modules/dmct/fixtures/claims/reference-client.json'), join(project, 'my-device.json'));
    const check = await exec('npx', ['--no-install', 'dmct', 'scr', 'check', 'my-device.json'], project);
    assert.equal(check.code, 0, describeOutcome(check));
    assert.match(check.stdout, /claims consistent/);

    const claims = JSON.parse(readFileSync(join(project, 'my-device.json'), 'utf8')) as { role: string };
    writeFileSync(join(project, 'broken.json'), JSON.stringify({ ...claims, role: 'gateway' }));
    const broken = await exec('npx', ['--no-install', 'dmct', 'scr', 'check', 'broken.json'], project);
    assert.equal(broken.code, 2, describeOutcome(broken));
  });
});
