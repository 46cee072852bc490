import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  catalogueOf,
  runEnvironment,
  testArguments,
  validatePlaywrightList,
  validateProgressEvent,
  listArguments,
  RESULTS_REPORTER,
  PROGRESS_REPORTER,
} from '../../../src/run/index.js';
import { listing, SAMPLE_TESTS } from './listing.js';

describe('catalogueOf', () => {
  it('gives each test of a target project its role, slug id, titles, tags with @, rule keys and grep text', () => {
    const catalogue = catalogueOf(listing(SAMPLE_TESTS));
    assert.deepEqual(catalogue.projects, { server: ['server-target'], client: ['client-target'] });
    assert.equal(catalogue.scenarios.length, 7, 'the browser project is not a target project');
    const oc = catalogue.scenarios.find((s) => s.title === '5.2.1 Package#0 › OC mismatch is dropped');
    assert.deepEqual(oc, {
      role: 'client',
      project: 'client-target',
      selector: 'client-target ',
      id: '5.2.1-package-0/oc-mismatch-is-dropped',
      titles: ['5.2.1 Package#0', 'OC mismatch is dropped'],
      title: '5.2.1 Package#0 › OC mismatch is dropped',
      file: 'suites/client-target/5.2.1-package-0.spec.ts',
      line: 20,
      tags: ['@5.2.1.1/oc-header', '@slow'],
      rules: ['5.2.1.1/oc-header'],
      grepText:
        ' client-target suites/client-target/5.2.1-package-0.spec.ts 5.2.1 Package#0 OC mismatch is dropped @5.2.1.1/oc-header @slow',
    });
    assert.deepEqual(catalogue.scenarios.find((s) => s.file === 'suites/client-target/5.3-show.spec.ts')?.titles, [
      'SHOW opens a web page',
    ]);
  });

  it("gives a project naming no role its files' folders' roles, and lists it for each role it has scenarios of", () => {
    const catalogue = catalogueOf(
      listing([
        { project: 'targets', file: 'suites/server-target/a.spec.ts', title: 'one', tags: ['5.2/package-flow'], line: 1 },
        { project: 'targets', file: 'suites/client-target/b.spec.ts', title: 'two', tags: ['5.2/package-flow'], line: 2 },
        { project: 'targets', file: 'suites/elsewhere/c.spec.ts', title: 'three', tags: ['5.2/package-flow'], line: 3 },
      ]),
    );
    assert.deepEqual(catalogue.projects, { server: ['server-target', 'targets'], client: ['client-target', 'targets'] });
    assert.deepEqual(
      catalogue.scenarios.map((s) => [s.role, s.title, s.selector]),
      [
        ['server', 'one', 'targets server-target/'],
        ['client', 'two', 'targets client-target/'],
      ],
    );
  });

  it('keeps load errors but not "No tests found"', () => {
    const catalogue = catalogueOf(listing([], ['Error: No tests found', 'SyntaxError: Unexpected token (3:4)\n  at x']));
    assert.deepEqual(catalogue.errors, ['SyntaxError: Unexpected token (3:4)']);
  });

  it('the listing schema rejects output that is not a listing', () => {
    const checked = validatePlaywrightList({
      config: { rootDir: '/r', projects: [] },
      suites: [{ title: 'f', file: 'f', specs: [{ title: 't', tags: 'x', file: 'f', line: 1, tests: [] }] }],
    });
    assert.equal(checked.ok, false);
    assert.ok(!checked.ok && checked.violations.some((v) => v.pointer === '/suites/0/specs/0/tags'));
  });
});

describe('progress events', () => {
  it('are validated: a known shape passes, anything else fails', () => {
    assert.ok(
      validateProgressEvent({ type: 'scenario-end', role: 'client', id: 'a/b', title: 'a › b', final: true, verdict: 'fail', reason: 'x' })
        .ok,
    );
    assert.equal(
      validateProgressEvent({ type: 'scenario-end', role: 'client', id: 'a/b', title: 'a', final: true, verdict: 'untested' }).ok,
      false,
    );
    assert.equal(validateProgressEvent({ type: 'begin' }).ok, false);
    assert.equal(validateProgressEvent('dmct-progress {}').ok, false);
  });
});

describe('Playwright command line', () => {
  it('lists with the JSON reporter, one --project per target project', () => {
    assert.deepEqual(listArguments('/c.ts', ['server-target', 'client-target']), [
      'test',
      '--config',
      '/c.ts',
      '--list',
      '--reporter=json',
      '--project',
      'server-target',
      '--project',
      'client-target',
    ]);
  });

  it('runs once with both reporters, the selection and the pass-through options', () => {
    const args = testArguments({
      config: '/c.ts',
      projects: ['client-target'],
      grep: '/@(?:DM-PACK-003-C-M)(?![\\w-])/',
      outputDir: '/o',
      workers: 3,
      retries: 1,
      shard: { current: 2, total: 4 },
      timeoutMs: 5000,
    });
    assert.deepEqual(args, [
      'test',
      '--config',
      '/c.ts',
      '--project',
      'client-target',
      '--grep',
      '/@(?:DM-PACK-003-C-M)(?![\\w-])/',
      '--reporter',
      `${RESULTS_REPORTER},${PROGRESS_REPORTER}`,
      '--output',
      '/o',
      '--workers',
      '3',
      '--retries',
      '1',
      '--shard=2/4',
      '--timeout',
      '5000',
    ]);
  });

  it('hands the plan, results, claims, embedded switch, faults and edition to the workers', () => {
    assert.deepEqual(
      runEnvironment({
        planFile: '/o/plan.json',
        resultsFile: '/o/results.json',
        claims: { client: '/c.json' },
        embedded: true,
        faults: ['a', 'b'],
        edition: 'dm20-cr-2013',
      }),
      {
        DMCT_PLAN_FILE: '/o/plan.json',
        DMCT_RESULTS_FILE: '/o/results.json',
        DMCT_EMBEDDED: '1',
        DMCT_FAULTS: 'a,b',
        DMCT_EDITION: 'dm20-cr-2013',
        DMCT_CLAIMS_CLIENT: '/c.json',
        FORCE_COLOR: '0',
      },
    );
  });

  it('names the operator folder only when dmct run has a terminal to ask at', () => {
    const base = {
      planFile: '/o/plan.json',
      resultsFile: '/o/results.json',
      claims: {},
      embedded: false,
      faults: [],
      edition: 'dm20-cr-2013',
    };
    assert.equal(runEnvironment(base)['DMCT_OPERATOR_DIR'], undefined);
    assert.equal(runEnvironment({ ...base, operatorDir: '/o/operator' })['DMCT_OPERATOR_DIR'], '/o/operator');
  });
});
