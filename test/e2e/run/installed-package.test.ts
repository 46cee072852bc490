/**
 * dmct as a vendor uses it: `npm pack`, `npm install <tarball>` into an empty project (from the
 * npm registry), then the main job and a claims check there with `npx dmct`. The package is
 * packed from a copy of the checkout, so its build (prepack) never rewrites the dist/ that other
 * tests run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
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

  it('runs every scenario against the embedded peers: 52 items pass', async () => {
    const run = await exec('npx', ['--no-install', 'dmct', 'run', '--out', 'reports/ci', '--progress', 'off'], project);
    assert.equal(run.code, 0, describeOutcome(run));
    const report = JSON.parse(readFileSync(join(project, 'reports/ci/report.json'), 'utf8')) as {
      overall: { verdict: string };
      items: { verdict: string }[];
    };
    assert.equal(report.overall.verdict, 'conformant');
    assert.equal(report.items.length, 52);
    assert.deepEqual([...new Set(report.items.map((item) => item.verdict))], ['pass']);
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
