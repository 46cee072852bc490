/** The dmct reporter inside a real Playwright run of five small specs (spawns Playwright). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import type { RunPlan } from '../../../src/report/schemas/run-plan.schema.js';
import type { ScenarioResults } from '../../../src/report/schemas/scenario-results.schema.js';
import { validateReport, validateScenarioResults } from '../../../src/report/validate.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the Playwright reporter in a real Playwright run', () => {
  let dir = '';
  let exitCode: number | null = null;
  let output = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-pw-'));
    const scenario = (id: string, title: string) => ({ id, title });
    const plan: RunPlan = {
      edition: '2013-cr',
      roles: ['server', 'client'],
      targets: [
        { role: 'server', kind: 'embedded', description: 'embedded reference server' },
        { role: 'client', kind: 'embedded', description: 'embedded reference client' },
      ],
      items: [
        {
          id: 'DM-PACK-001-S-M',
          function: 'Support of DM Package flow',
          section: '5.2',
          role: 'server',
          status: 'M',
          applicability: { kind: 'applicable', why: 'mandatory' },
          scenarios: [scenario('5.2-package-flow/session-of-package-1-2', '5.2 Package flow › session of Package#1, #2')],
        },
        {
          id: 'DM-PACK-012-S-M',
          function: 'Support of Package#2',
          section: '5.2.3',
          role: 'server',
          status: 'M',
          applicability: { kind: 'applicable', why: 'mandatory' },
          scenarios: [scenario('5.2.3-package-2-media-type', '5.2.3 Package#2 media type')],
        },
        {
          id: 'DM-PACK-007-C-O',
          function: 'Support of NOTIFICATION-ID option',
          section: '5.2.1.2',
          role: 'client',
          status: 'O',
          applicability: { kind: 'applicable', why: 'claimed' },
          scenarios: [scenario('5.2.1-package-0-duplicate-notification-dropped', 'dup')],
        },
        {
          id: 'DM-PACK-014-C-M',
          function: 'Support of HGET Command',
          section: '5.3',
          role: 'client',
          status: 'M',
          applicability: { kind: 'applicable', why: 'mandatory' },
          scenarios: [scenario('5.3-hget-repository-serves-the-mo', 'hget')],
        },
        {
          id: 'DM-PACK-019-C-O',
          function: 'Support of GET Command',
          section: '5.3',
          role: 'client',
          status: 'O',
          applicability: { kind: 'not-applicable', why: 'not claimed' },
          scenarios: [],
        },
        {
          id: 'DM-PACK-022-C-M',
          function: 'Support of END Command',
          section: '5.3',
          role: 'client',
          status: 'M',
          applicability: { kind: 'applicable', why: 'mandatory' },
          scenarios: [scenario('5.3-end/planned-but-missing', 'missing')],
        },
      ],
    };
    await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'test/e2e/report/data/pw/playwright.config.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DMCT_RESULTS_FILE: join(dir, 'results.json'),
          DMCT_PLAN_FILE: join(dir, 'plan.json'),
          DMCT_PW_OUTPUT: join(dir, 'test-results'),
          FORCE_COLOR: '0',
          CI: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the five specs (two fail as Playwright sees it)', () => {
    assert.equal(exitCode, 1, output);
  });

  it('writes valid scenario results with the verdict inputs', async () => {
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ScenarioResults;
    assert.ok(validateScenarioResults(results).ok);
    assert.deepEqual(results.results.map((r) => [r.role, r.id, r.status, r.items.join(',')]).sort(), [
      ['client', '5.2.1-package-0-duplicate-notification-dropped', 'skipped', 'DM-PACK-007-C-O'],
      ['client', '5.3-get-not-claimed', 'skipped', 'DM-PACK-019-C-O'],
      ['client', '5.3-hget-repository-serves-the-mo', 'failed', 'DM-PACK-014-C-M'],
      ['server', '5.2-package-flow/session-of-package-1-2', 'passed', 'DM-PACK-001-S-M'],
      ['server', '5.2.3-package-2-media-type', 'failed', 'DM-PACK-012-S-M'],
    ]);
    assert.equal(results.execution.interrupted, false);
  });

  it('builds the report with the verdict of every scenario and item', async () => {
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    assert.ok(validateReport(report).ok);
    assert.deepEqual(
      report.items.map((i) => [i.id, i.verdict, i.scenarios.map((s) => s.verdict).join(',')]),
      [
        ['DM-PACK-001-S-M', 'pass', 'pass'],
        ['DM-PACK-012-S-M', 'fail', 'fail'],
        ['DM-PACK-007-C-O', 'inconclusive', 'inconclusive'],
        ['DM-PACK-014-C-M', 'error', 'error'],
        ['DM-PACK-019-C-O', 'not-applicable', 'not-applicable'],
        ['DM-PACK-022-C-M', 'inconclusive', 'inconclusive'],
      ],
    );
    const reasons = Object.fromEntries(report.items.map((i) => [i.id, i.reason]));
    assert.equal(
      reasons['DM-PACK-012-S-M'],
      'DM-PACK-012-S-M fail — Package#2 media type (MUST, 7.2.1.2) · expected: application/vnd.oma.dm.request+json · actual: text/html · exchange #2',
    );
    assert.equal(reasons['DM-PACK-007-C-O'], 'the operator did not confirm the notification within 1 s');
    assert.equal(reasons['DM-PACK-014-C-M'], 'TypeError: mock repository was not started (a dmct bug)');
    assert.equal(reasons['DM-PACK-022-C-M'], 'not run: no result recorded');
    assert.deepEqual(report.items[0]?.scenarios[0]?.requirements, ['The DM Server MUST support this package flow (5.2)']);
    assert.deepEqual(report.overall, { verdict: 'non-conformant', exitCode: 1, reason: '1 applicable item failed' });
    const files = await readdir(dir);
    for (const name of ['junit.xml', 'index.html', 'earl.jsonld', 'ctrf.json']) assert.ok(files.includes(name), name);
  });
});
