import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validateReport, validateRunPlan } from '../../../src/report/index.js';
import { assertUsageError, DATA_CONFIG, dmct } from './dmct-process.js';

describe('dmct run: usage errors exit 2 with one line', () => {
  it('bad --role', async () => {
    assertUsageError(await dmct(['run', '--role', 'peer']), /^dmct: Invalid values: .*role.*peer.*"server", "client", "both"/);
  });

  it('missing claims file', async () => {
    assertUsageError(
      await dmct(['run', '--claims', 'no/such/claims.json']),
      /^dmct: no\/such\/claims\.json: cannot read the claims file \(no such file\)$/,
    );
  });

  it('bad --shard', async () => {
    assertUsageError(await dmct(['run', '--shard', '3/2']), /^dmct: --shard "3\/2": i must be between 1 and n \(1 ≤ i ≤ n\)$/);
    assertUsageError(await dmct(['run', '--shard', 'half']), /^dmct: --shard "half": expected i\/n, e.g. 1\/2$/);
  });

  it('unknown fault', async () => {
    assertUsageError(await dmct(['run', '--fault', 'nope']), /^dmct: --fault "nope": no such fault switch of the reference peers/);
  });

  it('a config Playwright cannot load', async () => {
    assertUsageError(
      await dmct(['run', '--list', '--config', 'no/such/playwright.config.ts']),
      /^dmct: .*no\/such\/playwright\.config\.ts: Playwright could not list the scenarios/,
    );
  });
});

describe('dmct run --list', () => {
  it('prints items, applicability and why, and the scenarios, and runs nothing', async () => {
    const { code, stdout, stderr } = await dmct([
      'run',
      '--list',
      '--config',
      DATA_CONFIG,
      '--claims',
      'test/unit/run/data/claims/client-without-package0.json',
    ]);
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.match(lines[0] ?? '', /^dmct run plan · edition dm20-cr-2013 · 26 items · 1 scenario to run in one Playwright run$/);
    assert.ok(
      lines.includes(
        '  client target: Run test client 0 (dmct tests), notified over UDP 127.0.0.1:2948, admin http://127.0.0.1:7720; its DM server: http://127.0.0.1:<a free port per scenario>/dm (external)',
      ),
    );
    assert.ok(lines.includes('DM-PACK-001-C-M  M    applicable      status M, no requirement'));
    assert.ok(lines.includes('    ▶ 5.2 Package flow › client follows the package flow (suites/client-target/5.2.1-package-0.spec.ts:20)'));
    assert.ok(
      lines.includes('DM-PACK-003-C-M  M    not-applicable  requirement DM-PACK-002-C-O is false (DM-PACK-002-C-O is not claimed)'),
      stdout,
    );
    assert.ok(
      lines.includes(
        '    · 5.2.1 Package#0 › VER other than 2 is dropped (suites/client-target/5.2.1-package-0.spec.ts:12) — not run: item not applicable under the claims',
      ),
    );
    assert.ok(lines.includes('DM-PACK-013-C-M  M    applicable      status M, no requirement'));
    assert.equal(
      lines[lines.indexOf('DM-PACK-013-C-M  M    applicable      status M, no requirement') + 1],
      '    - no scenario covers this item: it will be untested',
    );
  });

  it('--json prints the run plan, valid against its schema', async () => {
    const { code, stdout, stderr } = await dmct([
      'run',
      '--list',
      '--json',
      '--config',
      DATA_CONFIG,
      '--only',
      'DM-PACK-001-S-M',
      'DM-PACK-003-C-M',
    ]);
    assert.equal(code, 0, stderr);
    const checked = validateRunPlan(JSON.parse(stdout));
    assert.ok(checked.ok);
    assert.deepEqual(
      checked.value.items.map((i) => [i.id, i.scenarios.map((s) => s.id)]),
      [
        ['DM-PACK-001-S-M', ['5.2-package-flow/package-2-answers-package-1']],
        ['DM-PACK-003-C-M', ['5.2.1-package-0/ver-other-than-2-is-dropped']],
      ],
    );
  });
});

describe('dmct run: static claims findings', () => {
  let dir = '';
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'dmct-run-static-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  it('count as fails of their items, even with no scenario to run (exit 1, no Playwright run)', async () => {
    const out = join(dir, 'static');
    const claims = 'fixtures/claims/inconsistent/mandatory-not-implemented.json';
    const { code, stdout, stderr } = await dmct([
      'run',
      '--config',
      DATA_CONFIG,
      '--claims',
      claims,
      '--only',
      'DM-PACK-014-C-M',
      '--out',
      out,
    ]);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /✗ DM-PACK-014-C-M fail — Support of HGET Command \(5\.3\)/);
    assert.match(
      stdout,
      /claims: DM-PACK-014-C-M is mandatory \(status M, no requirement\) but listed in notImplemented \(mandatory-item-not-implemented\)/,
    );
    const report = validateReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    assert.ok(report.ok);
    assert.deepEqual(
      report.value.items.map((i) => [i.id, i.verdict, i.scenarios.length]),
      [['DM-PACK-014-C-M', 'fail', 0]],
    );
  });
});

describe('dmct claims init → dmct run --list', () => {
  let dir = '';
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'dmct-run-claims-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  it('a fresh claims template plans a run of its role', async () => {
    const file = join(dir, 'server.json');
    const init = await dmct(['claims', 'init', '--role', 'server', '--out', file]);
    assert.equal(init.code, 0, init.stderr);
    const { code, stdout, stderr } = await dmct(['run', '--list', '--json', '--config', DATA_CONFIG, '--claims', file]);
    assert.equal(code, 0, stderr);
    const plan = JSON.parse(stdout) as { roles: string[]; targets: { kind: string }[]; items: unknown[] };
    assert.deepEqual(plan.roles, ['server']);
    assert.equal(plan.targets[0]?.kind, 'external');
    assert.equal(plan.items.length, 26);
  });
});
