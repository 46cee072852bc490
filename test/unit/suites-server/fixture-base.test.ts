import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { TestInfo } from '@playwright/test';
import { scenarioItems } from '../../../fixtures/base.js';
import { commandParameterViolations, parametersAsSent } from '../../../fixtures/server-target/checks.js';
import { faultsOf, loadRunConfig, REFERENCE_CLAIMS, roleOfProject, RunConfigError } from '../../../fixtures/run-config.js';
import { bindScenario, unbindScenario, type ScenarioBinding } from '../../../fixtures/scenario.js';
import { expectNoViolations, expectOneOf, expectThat, inconclusive, Inconclusive, matching, notApplicable, NotApplicable } from '../../../fixtures/verify.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';

/** A scenario binding with a TestInfo stand-in that records annotations and skips. */
function scenario(): ScenarioBinding & { skipped: string[] } {
  const skipped: string[] = [];
  const testInfo = {
    annotations: [] as { type: string; description?: string }[],
    skip: (condition: boolean, reason: string) => {
      if (condition) skipped.push(reason);
    },
  } as unknown as TestInfo;
  const binding = { testInfo, trace: new TraceRecorder(), skipped };
  bindScenario(binding);
  return binding;
}

let bound: ScenarioBinding | undefined;
afterEach(() => {
  if (bound) unbindScenario(bound);
  bound = undefined;
});

describe('verify helpers', () => {
  test('expectOneOf passes on a listed value or a matcher, and fails with the one failure line listing every alternative', () => {
    const s = (bound = scenario());
    assert.equal(expectOneOf(404, [404, 400], { item: 'DM-PACK-017-S-M', section: '5.3.4', rule: 'r' }), 404);
    assert.equal(expectOneOf(1500, [matching('a code from 1000 to 1999', (c: number) => c >= 1000 && c <= 1999)], { item: 'DM-PACK-017-S-M', section: '5.3.4', rule: 'r' }), 1500);
    assert.throws(
      () => expectOneOf({ sc: 500 }, [{ sc: 200 }, matching('any 4xx', () => false)], { item: 'DM-PACK-013-S-M', section: '5.2.4', rule: 'Package#3 status', seq: 3 }),
      { message: 'DM-PACK-013-S-M fail — Package#3 status (MUST, 5.2.4) · expected: one of [{"sc":200}, any 4xx] · actual: {"sc":500} · exchange #3' },
    );
    assert.deepEqual(s.trace.findings, [
      { item: 'DM-PACK-013-S-M', section: '5.2.4', rule: 'Package#3 status', verdict: 'fail', outcome: 'must-broken', keyword: 'MUST', expected: ['{"sc":200}', 'any 4xx'], actual: '{"sc":500}', seq: 3 },
    ]);
  });

  test('expectThat and expectNoViolations record a fail; warnings are never failed', () => {
    const s = (bound = scenario());
    expectThat(true, { item: 'DM-PACK-001-S-M', section: '5.2', rule: 'r', expected: 'x', actual: 'y' });
    expectNoViolations([{ rule: 'w', section: '5.5', severity: 'warning', message: 'no Accept' }], { item: 'DM-PACK-001-S-M', section: '5.2', rule: 'r' });
    assert.throws(() => expectThat(false, { item: 'DM-PACK-001-S-M', section: '5.2', rule: 'flow', expected: 'a Package#2', actual: 'HTTP 204' }), {
      message: 'DM-PACK-001-S-M fail — flow (MUST, 5.2) · expected: a Package#2 · actual: HTTP 204',
    });
    assert.throws(
      () => expectNoViolations([{ rule: 'notification-version', section: '5.2.1.1', severity: 'error', message: 'VER is 1', offset: 0 }], { item: 'DM-PACK-003-S-M', section: '5.2.1.1', rule: 'VER' }),
      { message: 'DM-PACK-003-S-M fail — VER (MUST, 5.2.1.1) · expected: no error against 5.2.1.1 · actual: VER is 1 (notification-version, 5.2.1.1)' },
    );
    assert.equal(s.trace.findings.length, 2);
  });

  test('inconclusive records the reason, annotates dmct-inconclusive and skips; notApplicable annotates and skips', () => {
    const s = (bound = scenario());
    assert.throws(() => inconclusive('trigger notify is not configured in the claims', { item: 'DM-PACK-002-S-M', section: '5.2.1' }), Inconclusive);
    assert.throws(() => notApplicable('DM-PACK-024-S-O: status O, not claimed'), NotApplicable);
    assert.deepEqual(s.testInfo.annotations, [
      { type: 'dmct-inconclusive', description: 'trigger notify is not configured in the claims' },
      { type: 'dmct-not-applicable', description: 'DM-PACK-024-S-O: status O, not claimed' },
    ]);
    assert.deepEqual(s.skipped, ['trigger notify is not configured in the claims', 'DM-PACK-024-S-O: status O, not claimed']);
    assert.equal(s.trace.findings[0]?.verdict, 'inconclusive');
  });

  test('a helper used outside a scenario is a dmct error', () => {
    assert.throws(() => expectThat(false, { item: 'DM-PACK-001-S-M', section: '5.2', rule: 'r', expected: 'x', actual: 'y' }), /outside a scenario/);
  });
});

describe('run configuration', () => {
  test('the role comes from metadata or the project name; anything else is a set-up error', () => {
    assert.equal(roleOfProject({ name: 'x', metadata: { role: 'client' } }), 'client');
    assert.equal(roleOfProject({ name: 'server-target' }), 'server');
    assert.throws(() => roleOfProject({ name: 'browser' }), RunConfigError);
  });

  test('faults: project metadata wins over DMCT_FAULTS', () => {
    assert.deepEqual(faultsOf({ name: 'p', metadata: { faults: ['a'] } }, { DMCT_FAULTS: 'b,c' }), ['a']);
    assert.deepEqual(faultsOf({ name: 'p', metadata: { faults: [] } }, { DMCT_FAULTS: 'b' }), []);
    assert.deepEqual(faultsOf({ name: 'p' }, { DMCT_FAULTS: ' b, c ,' }), ['b', 'c']);
  });

  test('loadRunConfig reads the reference claims by default and judges applicability', () => {
    const config = loadRunConfig({ name: 'server-target' }, {});
    assert.equal(config.claimsPath, REFERENCE_CLAIMS.server);
    assert.equal(config.embedded, true);
    assert.equal(config.applicability.items.length, 26);
    assert.ok(config.applicability.items.every((item) => item.applicability === 'mandatory'));
    assert.equal(loadRunConfig({ name: 'server-target' }, { DMCT_EMBEDDED: '0' }).embedded, false);
  });

  test('claims of the other role are refused', () => {
    assert.throws(() => loadRunConfig({ name: 'server-target' }, { DMCT_CLAIMS_SERVER: REFERENCE_CLAIMS.client }), /\/role: "client" but project "server-target" tests a server target/);
  });

  test('a scenario is evidence for the items of the role\'s table holding its rules', () => {
    const config = loadRunConfig({ name: 'server-target' }, {});
    assert.deepEqual(scenarioItems(['@5.3.1/hget', '@slow'], config), ['DM-PACK-014-S-M']);
    assert.deepEqual(scenarioItems(['@9.9/no-such-rule'], config), []);
    assert.throws(() => scenarioItems(['@DM-PACK-014-S-M'], config), /has no rule tag/);
  });
});

describe('command parameter checks', () => {
  test('count and syntax are judged; a non-string parameter counts but its syntax is the Package#2 item\'s', () => {
    assert.deepEqual(commandParameterViolations(['GET', 'urn:x:1.0/a/b']), []);
    assert.deepEqual(commandParameterViolations(['GET']).map((v) => v.rule), ['command-param-count']);
    assert.deepEqual(commandParameterViolations(['GET', ['urn:x:1.0/a/b']]), []);
    assert.deepEqual(commandParameterViolations(['DELETE', 'urn:x:1.0/a/b', 'urn:x:1.0/a/c']).map((v) => v.rule), ['command-param-count']);
    assert.deepEqual(parametersAsSent(['HGET', 'http://r/x', ['urn:x:1.0/a/b']]), ['HGET', 'http://r/x', 'urn:x:1.0/a/b']);
  });
});
