import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildReport, validateRunPlan } from '../../../src/report/index.js';
import {
  formatPlan,
  matchesGrep,
  parseGrep,
  planRun,
  resolveTargets,
  RunSetupError,
  selectionGrep,
  type CatalogueScenario,
} from '../../../src/run/index.js';
import { itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';
import { sampleExecution } from '../report/data/sample-run.js';
import { SAMPLE_TESTS, scenariosOf, type ListedTest } from './listing.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const WITHOUT_PACKAGE0 = path('./data/claims/client-without-package0.json');
const MANDATORY_NOT_IMPLEMENTED = path('../../../fixtures/claims/inconsistent/mandatory-not-implemented.json');
const OTHER_ROLE_ITEM = path('../../../fixtures/claims/inconsistent/other-role-item.json');
const CLAIMS_2016 = (file: string) => path(`../../../fixtures/claims/dm20-2016/${file}`);

/** What Playwright runs for a `--grep` literal: the scenarios whose grep text it matches. */
function playwrightSelects(grep: string, scenarios: readonly CatalogueScenario[]): string[] {
  const literal = /^\/(.*)\/([gi]*)$/.exec(grep);
  assert.ok(literal, `not a /…/ literal: ${grep}`);
  const re = new RegExp(literal[1] ?? '', literal[2]);
  return scenarios.filter((s) => re.test(s.grepText)).map((s) => `${s.role} ${s.id}`);
}

const keys = (scenarios: readonly CatalogueScenario[]) => scenarios.map((s) => `${s.role} ${s.id}`);

describe('planRun: applicability decides which scenarios run', () => {
  const scenarios = scenariosOf(SAMPLE_TESTS);

  it('plans every item of both tables for the reference peers and runs every tagged scenario', () => {
    const view = planRun({ targets: resolveTargets({}), scenarios });
    assert.equal(view.plan.items.length, 52);
    assert.deepEqual(view.plan.roles, ['server', 'client']);
    assert.ok(validateRunPlan(view.plan).ok);
    assert.deepEqual(keys(view.selected), keys(scenarios));
    assert.ok(view.grep);
    assert.deepEqual(playwrightSelects(view.grep, scenarios), keys(scenarios));
    assert.equal(view.partial, undefined, 'a whole run is not partial');
    const flow = view.plan.items.find((i) => i.id === 'DM-PACK-001-S-M');
    assert.deepEqual(
      flow?.scenarios.map((s) => s.id),
      ['5.2-package-flow/package-2-answers-package-1'],
    );
    assert.deepEqual(flow?.applicability, { kind: 'applicable', why: 'status M, no requirement' });
  });

  it('does not run the scenarios of items that are not applicable under the claims', () => {
    const view = planRun({ targets: resolveTargets({ claims: [WITHOUT_PACKAGE0] }), scenarios });
    assert.deepEqual(view.plan.roles, ['client']);
    const ver = view.items.find((v) => v.item.id === 'DM-PACK-003-C-M');
    assert.equal(ver?.item.applicability.kind, 'not-applicable');
    assert.match(ver?.item.applicability.why ?? '', /requirement DM-PACK-002-C-O is false/);
    assert.deepEqual(ver?.item.scenarios, []);
    assert.deepEqual(
      ver?.skipped.map((s) => [s.scenario.id, s.why]),
      [['5.2.1-package-0/ver-other-than-2-is-dropped', 'item not applicable under the claims']],
    );
    const show = view.items.find((v) => v.item.id === 'DM-PACK-020-C-O');
    assert.equal(show?.item.applicability.kind, 'not-applicable');
    assert.match(show?.item.applicability.why ?? '', /not claimed/);
    // 001 (M) and 019 (claimed) share a scenario: it runs; the Package#0 and SHOW scenarios do not.
    assert.deepEqual(keys(view.selected), ['client session-with-get']);
    assert.deepEqual(playwrightSelects(view.grep ?? '', scenarios), ['client session-with-get']);
  });

  it('--only plans just the named items (any spelling the edition knows) and their scenarios', () => {
    const view = planRun({ targets: resolveTargets({}), scenarios, only: ['DM-PACK-012-S-M,DM-PACK-003-C-M'] });
    assert.deepEqual(
      view.plan.items.map((i) => i.id),
      ['DM-PACK-012-S-M', 'DM-PACK-003-C-M'],
    );
    assert.deepEqual(view.partial?.selectedBy, ['--only']);
    assert.equal(view.partial?.leftOut.length, 50);
    assert.ok(!view.partial?.leftOut.includes('DM-PACK-012-S-M') && view.partial?.leftOut.includes('DM-PACK-011-S-M'));
    assert.deepEqual(keys(view.selected), [
      'server 5.2-package-flow/package-2-carries-commands',
      'client 5.2.1-package-0/ver-other-than-2-is-dropped',
    ]);
    assert.deepEqual(playwrightSelects(view.grep ?? '', scenarios), keys(view.selected));
  });

  it('--only rejects unknown items and items of a role the run does not test', () => {
    assert.throws(() => planRun({ targets: resolveTargets({}), scenarios, only: ['DM-PACK-099-C-O'] }), {
      name: 'RunSetupError',
      message: '--only "DM-PACK-099-C-O": no such SCR item in edition dm20-cr-2013 (dmct scr list shows them)',
    });
    assert.throws(() => planRun({ targets: resolveTargets({ role: 'server' }), scenarios, only: ['DM-PACK-003-C-M'] }), {
      message: '--only DM-PACK-003-C-M: a client item, but the run tests the server target (--role)',
    });
  });

  it('--grep narrows the scenarios, keeps its own anchors, and plans only the items they cover', () => {
    const view = planRun({ targets: resolveTargets({}), scenarios, grep: 'dropped' });
    assert.deepEqual(keys(view.selected), [
      'client 5.2.1-package-0/ver-other-than-2-is-dropped',
      'client 5.2.1-package-0/oc-mismatch-is-dropped',
    ]);
    assert.deepEqual(
      view.plan.items.map((i) => i.id),
      ['DM-PACK-003-C-M', 'DM-PACK-004-C-M'],
    );
    assert.deepEqual(playwrightSelects(view.grep ?? '', scenarios), keys(view.selected));
    const anchored = planRun({ targets: resolveTargets({}), scenarios, grep: '/^ server-target/' });
    assert.deepEqual(keys(anchored.selected), [
      'server 5.2-package-flow/package-2-answers-package-1',
      'server 5.2-package-flow/package-2-carries-commands',
    ]);
    assert.deepEqual(playwrightSelects(anchored.grep ?? '', scenarios), keys(anchored.selected));
  });

  it('an invalid --grep is a set-up error naming the pattern', () => {
    assert.throws(
      () => parseGrep('(unclosed'),
      (err: unknown) => err instanceof RunSetupError && /^--grep "\(unclosed": not a valid regular expression/.test(err.message),
    );
  });

  it('plans nothing to run (no grep) when no applicable item has a scenario', () => {
    const view = planRun({ targets: resolveTargets({}), scenarios: [] });
    assert.equal(view.grep, undefined);
    assert.equal(view.selected.length, 0);
    assert.ok(view.plan.items.every((i) => i.scenarios.length === 0));
  });

  it('puts static claims findings on their items', () => {
    const view = planRun({ targets: resolveTargets({ claims: [MANDATORY_NOT_IMPLEMENTED] }), scenarios });
    const hget = view.plan.items.find((i) => i.id === 'DM-PACK-014-C-M');
    assert.deepEqual(
      hget?.staticFindings?.map((f) => [f.rule, f.pointer]),
      [['mandatory-item-not-implemented', '/notImplemented/0']],
    );
    assert.equal(view.plan.items.find((i) => i.id === 'DM-PACK-001-C-M')?.staticFindings, undefined);
  });

  it('a claims finding about an item of the other role cannot be placed: set-up error', () => {
    assert.throws(() => planRun({ targets: resolveTargets({ claims: [OTHER_ROLE_ITEM] }), scenarios }), {
      name: 'RunSetupError',
      message:
        /other-role-item\.json \/implements\/1: DM-PACK-002-S-M is a server item; a client implementation cannot list it \(other-role-item\)$/,
    });
  });

  it('warns about rules no item of the role holds, untagged scenarios and duplicate ids', () => {
    const odd: ListedTest[] = [
      { project: 'server-target', file: 'a.spec.ts', title: 'unknown', tags: ['9.9/no-such-rule'], line: 1 },
      { project: 'server-target', file: 'a.spec.ts', title: 'untagged', tags: [], line: 3 },
      { project: 'server-target', file: 'b.spec.ts', title: 'untagged', tags: ['5.2/package-flow'], line: 4 },
    ];
    const { warnings } = planRun({ targets: resolveTargets({ role: 'server' }), scenarios: scenariosOf(odd) });
    assert.deepEqual(warnings, [
      'a.spec.ts:1 "unknown" proves @9.9/no-such-rule, which no server item of edition dm20-cr-2013 holds (scr/dm20-cr-2013/rules.json)',
      'a.spec.ts:3 "untagged" has no rule tag (@<section>/<slug>), so it never runs',
      'b.spec.ts:4 "untagged" has the same scenario id "untagged" as a.spec.ts:3; titles must be unique per role',
    ]);
  });

  it('gives the same run id to the same plan (shards of one run share it)', () => {
    const a = planRun({ targets: resolveTargets({}), scenarios });
    const b = planRun({ targets: resolveTargets({}), scenarios });
    assert.match(a.plan.runId ?? '', /^[0-9a-f]{16}$/);
    assert.equal(a.plan.runId, b.plan.runId);
    assert.notEqual(planRun({ targets: resolveTargets({ role: 'client' }), scenarios }).plan.runId, a.plan.runId);
  });
});

describe('selectionGrep', () => {
  it("matches whole rule tags of the role's projects only", () => {
    const grep = selectionGrep([{ selectors: ['server-target '], rules: ['5.2/package-flow'] }]);
    assert.equal(grep, '/(?:^ ?(?:server-target )[\\s\\S]*?@(?:5\\.2\\/package-flow)(?![\\w-]))/');
    const listed = scenariosOf([
      { project: 'server-target', file: 'x', title: 'longer', tags: ['5.2/package-flows'], line: 1 },
      { project: 'client-target', file: 'x', title: 'other role', tags: ['5.2/package-flow'], line: 2 },
      { project: 'server-target', file: 'x', title: 'this one', tags: ['5.2/package-flow'], line: 3 },
    ]);
    assert.deepEqual(playwrightSelects(grep, listed), ['server this-one']);
  });

  it("selects by role folder in a project of both roles (the planner's own grep)", () => {
    const listed = scenariosOf([
      { project: 'targets', file: 'suites/server-target/a.spec.ts', title: 'server one', tags: ['5.2/package-flow'], line: 1 },
      { project: 'targets', file: 'suites/client-target/a.spec.ts', title: 'client one', tags: ['5.2/package-flow'], line: 1 },
    ]);
    const grep = selectionGrep([
      { selectors: listed.filter((s) => s.role === 'server').map((s) => s.selector), rules: ['5.2/package-flow'] },
    ]);
    assert.deepEqual(playwrightSelects(grep, listed), ['server server-one']);
  });

  it('selects by role folder whatever path the listing and the grep text put before it (an installed package)', () => {
    // An installed package lists `../../suites/server-target/…` (relative to its root directory)
    // while Playwright's grep text names the file from the test directory.
    const listed = scenariosOf([
      { project: 'targets', file: '../../suites/server-target/a.spec.ts', title: 'server one', tags: ['5.2/package-flow'], line: 1 },
      { project: 'targets', file: '../../suites/client-target/a.spec.ts', title: 'client one', tags: ['5.2/package-flow'], line: 1 },
    ]);
    const grep = parseGrep(
      selectionGrep([{ selectors: listed.filter((s) => s.role === 'server').map((s) => s.selector), rules: ['5.2/package-flow'] }]),
    );
    for (const file of ['server-target/a.spec.ts', 'suites/server-target/a.spec.ts', '../../suites/server-target/a.spec.ts'])
      assert.ok(matchesGrep({ grepText: ` targets ${file} server one @5.2/package-flow` }, grep), file);
    assert.ok(!matchesGrep({ grepText: ' targets client-target/a.spec.ts client one @5.2/package-flow' }, grep));
    assert.ok(!matchesGrep({ grepText: ' targets suites/client-target/a.spec.ts client one @5.2/package-flow' }, grep));
  });

  it('matchesGrep follows Playwright: a plain pattern is case-insensitive', () => {
    assert.ok(matchesGrep({ grepText: ' server-target f Package FLOW' }, parseGrep('package flow')));
    assert.ok(!matchesGrep({ grepText: ' server-target f Package FLOW' }, parseGrep('/package flow/')));
  });
});

describe('planRun property: the Playwright grep runs exactly the planned scenarios', () => {
  const SEED = 20261125;
  const ids = [
    '5.2/package-flow',
    '5.2.1/package0',
    '5.2.1.1/ver-header',
    '5.2.1.2/notification-id',
    '5.3.6/get',
    '5.3.7/show',
    '9.9/no-such-rule',
  ];
  const test = fc.record({
    title: fc.stringMatching(/^[a-f]{1,6}( [a-f]{1,6})?$/),
    tags: fc.subarray(ids, { maxLength: 3 }),
  });

  it(`holds for random catalogues and --grep patterns (seed ${SEED})`, () => {
    const targets = [resolveTargets({ role: 'client' }), resolveTargets({ claims: [WITHOUT_PACKAGE0] })];
    fc.assert(
      fc.property(
        fc.uniqueArray(test, { maxLength: 8, selector: (t) => t.title }),
        fc.option(fc.constantFrom('ab', 'fa|e d', '/^ client-target f\\.spec\\.ts [a-c]/', 'DM-PACK-00'), { nil: undefined }),
        fc.nat(1),
        (tests, grep, which) => {
          const scenarios = scenariosOf(
            tests.map((t, i) => ({ project: 'client-target', file: 'f.spec.ts', title: t.title, tags: t.tags, line: i + 1 })),
          );
          const view = planRun({ targets: targets[which] ?? resolveTargets({}), scenarios, ...(grep === undefined ? {} : { grep }) });
          const selected = keys(view.selected);
          assert.deepEqual(view.grep === undefined ? [] : playwrightSelects(view.grep, scenarios), selected);
          const applicable = new Set(view.plan.items.filter((i) => i.applicability.kind === 'applicable').map((i) => i.id));
          const edition = loadEdition('dm20-cr-2013');
          for (const s of view.selected)
            assert.ok(
              itemsHoldingRules(edition, s.role, s.rules).some((id) => applicable.has(id)),
              `${s.id} runs without an applicable item`,
            );
          for (const item of view.plan.items) if (item.applicability.kind === 'not-applicable') assert.deepEqual(item.scenarios, []);
        },
      ),
      { seed: SEED, numRuns: 150, verbose: fc.VerbosityLevel.Verbose },
    );
  });
});

describe('planRun under the approved 2016 edition: scenarios prove rules, the 2016 table maps them to its items', () => {
  const scenarios = scenariosOf(SAMPLE_TESTS);

  it('runs the scenarios of the rules its items hold, and reports items no scenario proves untested with the reason', () => {
    const view = planRun({ targets: resolveTargets({ claims: [CLAIMS_2016('server.json')] }), scenarios });
    assert.equal(view.plan.edition, 'dm20-2016');
    assert.equal(view.plan.items.length, 86);
    assert.ok(validateRunPlan(view.plan).ok);
    assert.deepEqual(
      keys(view.selected),
      ['server package-flow/package-2-answers-package-1', 'server package-flow/package-2-carries-commands'].map((k) =>
        k.replace('package-flow', '5.2-package-flow'),
      ),
    );
    assert.deepEqual(view.warnings, []);
    assert.equal(view.plan.items.find((i) => i.id === 'DM-PACK-001-S-M')?.scenarios.length, 1);
    const listed = formatPlan(view, { color: false }).split('\n');
    assert.equal(
      listed[listed.findIndex((line) => line.startsWith('DM-MEC-002-S-O ')) + 1],
      `    - ${view.plan.items.find((i) => i.id === 'DM-MEC-002-S-O')?.applicability.untestedWhy}: it will be untested`,
    );

    const report = buildReport(view.plan, [], sampleExecution());
    const cache = report.items.find((i) => i.id === 'DM-MEC-002-S-O');
    assert.equal(cache?.applicability.kind, 'applicable');
    assert.equal(cache?.verdict, 'untested');
    assert.match(cache?.reason ?? '', /^whether and when a server adds a cache validator/);
    assert.equal(report.items.find((i) => i.id === 'DM-SER-002-S-O')?.verdict, 'not-applicable');
  });

  it('no item of the 2016 tables is left without a rule or a reason: each is proved by a scenario or untested with why', () => {
    const edition = loadEdition('dm20-2016');
    const silent = edition.items
      .filter((item) => (edition.rulesOf.get(item.id) ?? []).length === 0 && !edition.untestedWhy.has(item.id))
      .map((item) => item.id);
    assert.deepEqual(silent, []);
    const view = planRun({ targets: resolveTargets({ claims: [CLAIMS_2016('client.json')] }), scenarios });
    const listed = formatPlan(view, { color: false }).split('\n');
    assert.ok(!listed.some((line) => line.includes('maps it to none')), 'the plan names no unmapped item');
  });

  it('an item no scenario can prove is untested with the reason its edition gives (rules.json untested)', () => {
    const view = planRun({ targets: resolveTargets({ claims: [CLAIMS_2016('client.json')] }), scenarios });
    const bootstrap = view.plan.items.find((i) => i.id === 'DM-BOOT-001-C-M');
    assert.equal(bootstrap?.applicability.kind, 'applicable');
    assert.match(bootstrap?.applicability.untestedWhy ?? '', /^a device's bootstrap happens before it has a DM account/);
    const report = buildReport(view.plan, [], sampleExecution());
    assert.equal(report.items.find((i) => i.id === 'DM-BOOT-001-C-M')?.verdict, 'untested');
    assert.match(report.items.find((i) => i.id === 'DM-BOOT-001-C-M')?.reason ?? '', /dmct plays no bootstrap server yet/);
  });

  it('keeps the static findings of inconsistent 2016 claims as fails of their items', () => {
    const view = planRun({ targets: resolveTargets({ claims: [CLAIMS_2016('inconsistent/sub-without-unsub.json')] }), scenarios });
    const report = buildReport(view.plan, [], sampleExecution());
    const sub = report.items.find((i) => i.id === 'DM-PACK-024-C-O');
    assert.equal(sub?.verdict, 'fail');
    assert.match(sub?.reason ?? '', /^claims: DM-PACK-024-C-O is supported, so its requirement DM-PACK-025-C-O must hold but is false/);
  });

  it('the asynchronous-reporting scenario (seed DM-PACK-026) is evidence for 2016 DM-PACK-028, never for 2016 DM-PACK-026 (Generic Alert)', () => {
    const tagged = scenariosOf([
      { project: 'server-target', file: 'a.spec.ts', title: 'async reporting', tags: ['5.4.1/async-reporting'], line: 1 },
    ]);
    const view = planRun({ targets: resolveTargets({ claims: [CLAIMS_2016('server.json')] }), scenarios: tagged });
    assert.equal(view.selected.length, 1);
    assert.equal(view.plan.items.find((i) => i.id === 'DM-PACK-028-S-M')?.scenarios.length, 1);
    const alert = view.plan.items.find((i) => i.id === 'DM-PACK-026-S-M');
    assert.deepEqual(alert?.scenarios, []);
    assert.equal(alert?.applicability.untestedWhy, undefined, 'Generic Alert holds a rule; only no scenario of it was listed here');
  });
});
