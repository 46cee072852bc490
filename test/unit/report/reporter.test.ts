import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FullConfig, FullResult, Suite, TestCase } from '@playwright/test/reporter';
import DmctReporter, { evidenceOf, roleOfProject, roleOfTest, scenarioResultOf } from '../../../src/report/playwright-reporter.js';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import type { RunPlan } from '../../../src/report/schemas/run-plan.schema.js';
import type { ScenarioResults } from '../../../src/report/schemas/scenario-results.schema.js';
import { validateReport, validateScenarioResults } from '../../../src/report/validate.js';
import { samplePlan } from './data/sample-run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EVIDENCE = {
  messages: [{ seq: 1, time: '2026-11-24T10:00:00.000Z', kind: 'note', from: 'dmct', to: 'dmct', label: 'wait' }],
  findings: [],
  checks: 1,
};

interface FakeTest {
  title: string;
  titles: string[];
  tags: string[];
  annotations?: { type: string; description?: string }[];
  expectedStatus?: string;
  results: {
    status: string;
    annotations?: { type: string; description?: string }[];
    attachments?: { name: string; contentType: string; body?: Buffer; path?: string }[];
    errors?: { message?: string }[];
    duration?: number;
  }[];
  project?: { name: string; metadata?: Record<string, unknown> };
  /** Relative to the repository; default a server-target scenario file. */
  file?: string;
}

/** Enough of Playwright's TestCase for the reporter. */
function fakeTest(t: FakeTest): TestCase {
  return {
    title: t.title,
    titlePath: () => ['', t.project?.name ?? 'server-target', t.file ?? 'suites/server-target/x.spec.ts', ...t.titles],
    tags: t.tags,
    expectedStatus: t.expectedStatus ?? 'passed',
    annotations: t.annotations ?? [],
    location: { file: join(ROOT, t.file ?? 'suites/server-target/x.spec.ts'), line: 7, column: 1 },
    results: t.results.map((r) => ({ annotations: [], attachments: [], errors: [], duration: 5, ...r })),
    parent: { project: () => t.project ?? { name: 'server-target', metadata: {} } },
  } as unknown as TestCase;
}

function json(body: unknown) {
  return { name: 'dmct-evidence', contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) };
}

describe('the Playwright reporter, driven by hand', () => {
  it('derives the role from the project', () => {
    assert.equal(roleOfProject({ name: 'server-target' }), 'server');
    assert.equal(roleOfProject({ name: 'anything', metadata: { role: 'client' } }), 'client');
    assert.equal(roleOfProject({ name: 'browser' }), undefined);
    assert.equal(roleOfProject(undefined), undefined);
  });

  it("takes a test's role from its project, else from its file's folder (one project of both roles)", () => {
    const inFolder = (project: { name: string; metadata?: Record<string, unknown> }, file: string) =>
      roleOfTest(fakeTest({ title: 't', titles: ['t'], tags: [], results: [], project, file }));
    assert.equal(inFolder({ name: 'targets' }, 'suites/client-target/a.spec.ts'), 'client');
    assert.equal(inFolder({ name: 'targets' }, 'suites/server-target/a.spec.ts'), 'server');
    assert.equal(inFolder({ name: 'server-target', metadata: { role: 'server' } }, 'suites/client-target/a.spec.ts'), 'server');
    assert.equal(inFolder({ name: 'browser' }, 'test/browser/page.spec.ts'), undefined);
  });

  it('collects the final attempt: tags → items, annotations, evidence, errors, retries, location', async () => {
    const test = fakeTest({
      title: 'VER header',
      titles: ['5.2.1.1 Package#0 header', 'VER header'],
      tags: ['@5.2.1.1/ver-header', '@smoke'],
      annotations: [{ type: 'requirement', description: 'VER MUST be 0x02 (5.2.1.1)' }],
      results: [
        { status: 'failed', errors: [{ message: 'first attempt' }] },
        {
          status: 'passed',
          attachments: [json(EVIDENCE)],
          annotations: [{ type: 'requirement', description: 'VER MUST be 0x02 (5.2.1.1)' }],
          duration: 42,
        },
      ],
    });
    const result = await scenarioResultOf(test, 'server', ROOT);
    assert.deepEqual(result, {
      id: '5.2.1.1-package-0-header/ver-header',
      title: '5.2.1.1 Package#0 header › VER header',
      role: 'server',
      items: ['DM-PACK-003-S-M'],
      rules: ['5.2.1.1/ver-header'],
      file: 'suites/server-target/x.spec.ts',
      line: 7,
      status: 'passed',
      annotations: [{ type: 'requirement', description: 'VER MUST be 0x02 (5.2.1.1)' }],
      errors: [],
      durationMs: 42,
      retries: 1,
      evidence: EVIDENCE,
    });
  });

  it("leaves a mutant-matrix group out of the scenario's id and title, and keeps its dmct-faults annotation", async () => {
    const result = await scenarioResultOf(
      fakeTest({
        title: 'VER header',
        titles: ['dmct-faults: notify-wrong-ver', '5.2.1.1 Package#0 header', 'VER header'],
        tags: ['@5.2.1.1/ver-header'],
        annotations: [{ type: 'dmct-faults', description: 'notify-wrong-ver' }],
        results: [{ status: 'passed', attachments: [json(EVIDENCE)] }],
      }),
      'server',
      ROOT,
    );
    assert.equal(result?.id, '5.2.1.1-package-0-header/ver-header');
    assert.equal(result?.title, '5.2.1.1 Package#0 header › VER header');
    assert.deepEqual(result?.annotations, [{ type: 'dmct-faults', description: 'notify-wrong-ver' }]);
  });

  it('strips terminal escapes from error messages and skips tests that never ran', async () => {
    const failed = await scenarioResultOf(
      fakeTest({
        title: 't',
        titles: ['t'],
        tags: [],
        results: [{ status: 'failed', errors: [{ message: '\u001b[31mexpect(received)\u001b[39m' }] }],
      }),
      'client',
      ROOT,
    );
    assert.deepEqual(failed?.errors, ['expect(received)']);
    assert.equal(await scenarioResultOf(fakeTest({ title: 't', titles: ['t'], tags: [], results: [] }), 'client', ROOT), undefined);
    const didNotRun = fakeTest({ title: 't', titles: ['t'], tags: [], results: [{ status: 'skipped' }] });
    assert.equal(await scenarioResultOf(didNotRun, 'client', ROOT), undefined, 'skipped by Playwright, not by the test');
    const skippedItself = fakeTest({
      title: 't',
      titles: ['t'],
      tags: [],
      expectedStatus: 'skipped',
      results: [{ status: 'skipped', annotations: [{ type: 'skip' }] }],
    });
    assert.equal((await scenarioResultOf(skippedItself, 'client', ROOT))?.status, 'skipped');
  });

  it('turns an unreadable evidence attachment into a problem, never a crash', async () => {
    assert.deepEqual(await evidenceOf({ attachments: [] }), {});
    const notJson = await evidenceOf({
      attachments: [{ name: 'dmct-evidence', contentType: 'application/json', body: Buffer.from('{oops') }],
    });
    assert.match(notJson.problem ?? '', /^dmct-evidence: .*JSON/);
    const badShape = await evidenceOf({ attachments: [json({ messages: [], findings: [{ item: 'x' }], checks: 0 })] });
    assert.match(badShape.problem ?? '', /^dmct-evidence \/findings\/0\/section: is required \(required\)/);
    const missing = await evidenceOf({
      attachments: [{ name: 'dmct-evidence', contentType: 'application/json', path: '/nonexistent/evidence.json' }],
    });
    assert.match(missing.problem ?? '', /ENOENT/);
  });

  it('concatenates several evidence attachments and reads one given by path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dmct-evidence-'));
    try {
      const path = join(dir, 'e.json');
      await writeFile(path, JSON.stringify({ ...EVIDENCE, notes: ['by path'] }));
      const both = await evidenceOf({ attachments: [json(EVIDENCE), { name: 'dmct-evidence', contentType: 'application/json', path }] });
      assert.equal(both.evidence?.messages.length, 2);
      assert.deepEqual(both.evidence?.notes, ['by path']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the results and the report folder on an interrupted run, atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dmct-reporter-'));
    const saved = { ...process.env };
    try {
      const plan: RunPlan = { ...samplePlan(), items: samplePlan().items.filter((i) => i.role === 'server') };
      await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
      process.env['DMCT_RESULTS_FILE'] = join(dir, 'results.json');
      process.env['DMCT_PLAN_FILE'] = join(dir, 'plan.json');
      const ran = fakeTest({
        title: 'session of Package#1, #2, #3',
        titles: ['5.2 Package flow', 'session of Package#1, #2, #3'],
        tags: ['@5.2/package-flow'],
        results: [{ status: 'interrupted' }],
      });
      const browser = fakeTest({
        title: 'page',
        titles: ['page'],
        tags: [],
        results: [{ status: 'passed' }],
        project: { name: 'browser' },
        file: 'test/browser/page.spec.ts',
      });
      const reporter = new DmctReporter();
      assert.equal(reporter.printsToStdio(), false);
      reporter.onBegin(
        { rootDir: ROOT, shard: null, version: '1.65.1' } as unknown as FullConfig,
        { allTests: () => [ran, browser] } as unknown as Suite,
      );
      await reporter.onEnd({ status: 'interrupted', startTime: new Date('2026-11-24T10:00:00Z'), duration: 1500 } as FullResult);

      const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ScenarioResults;
      assert.ok(validateScenarioResults(results).ok);
      assert.equal(results.execution.interrupted, true);
      assert.equal(results.execution.playwrightVersion, '1.65.1');
      assert.deepEqual(results.warnings, ['test "page" of project "browser" is not in a target project; ignored']);
      assert.deepEqual(
        results.results.map((r) => [r.id, r.status]),
        [['5.2-package-flow/session-of-package-1-2-3', 'interrupted']],
      );

      const files = (await readdir(dir)).sort();
      assert.deepEqual(
        files,
        ['ctrf.json', 'earl.jsonld', 'index.html', 'junit.xml', 'plan.json', 'report.json', 'results.json'],
        'no temporary file left',
      );
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
      assert.ok(validateReport(report).ok);
      assert.deepEqual(
        report.items.map((i) => [i.id, i.verdict, i.reason]),
        [
          ['DM-PACK-001-S-M', 'inconclusive', 'run interrupted'],
          ['DM-PACK-002-S-M', 'inconclusive', 'not run: run interrupted'],
          ['DM-PACK-012-S-M', 'inconclusive', 'not run: run interrupted'],
          ['DM-PACK-014-S-M', 'inconclusive', 'not run: run interrupted'],
          ['DM-PACK-021-S-M', 'untested', 'no scenario covers this item'],
        ],
      );
      assert.equal(report.overall.exitCode, 3);
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
