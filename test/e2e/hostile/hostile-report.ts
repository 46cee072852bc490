/** Builds a conformance report from the evidence of hostile-target scenarios, as the reporter would. */
import { buildReport } from '../../../src/report/build-report.js';
import { failureMessage } from '../../../src/report/failure-message.js';
import type { Evidence } from '../../../src/report/schemas/evidence.schema.js';
import type { Report } from '../../../src/report/schemas/report.schema.js';
import type { PlannedItem, RunPlan } from '../../../src/report/schemas/run-plan.schema.js';
import type { ScenarioResult } from '../../../src/report/schemas/scenario-results.schema.js';

/** One scenario run against a hostile target: its SCR item and the evidence it left. */
export interface HostileScenario {
  id: string;
  item: string;
  evidence: Evidence;
}

function statusOf(evidence: Evidence): Pick<ScenarioResult, 'status' | 'annotations' | 'errors'> {
  const fail = evidence.findings.find((finding) => finding.verdict === 'fail');
  if (fail !== undefined) return { status: 'failed', annotations: [], errors: [`Error: ${failureMessage(fail)}`] };
  const inconclusive = evidence.findings.find((finding) => finding.verdict === 'inconclusive');
  if (inconclusive !== undefined)
    return { status: 'skipped', annotations: [{ type: 'dmct-inconclusive', description: inconclusive.actual }], errors: [] };
  return { status: 'passed', annotations: [], errors: [] };
}

/** The report of a run whose plan holds exactly these scenarios, grouped by item. */
export function hostileRunReport(scenarios: readonly HostileScenario[], targetUrl: string): Report {
  const items = new Map<string, PlannedItem>();
  for (const scenario of scenarios) {
    const planned = items.get(scenario.item) ?? {
      id: scenario.item,
      function: `item ${scenario.item}`,
      section: '5.2',
      role: 'server',
      status: 'M',
      applicability: { kind: 'applicable', why: 'mandatory' },
      scenarios: [],
    };
    planned.scenarios.push({ id: scenario.id, title: `hostile › ${scenario.id}` });
    items.set(scenario.item, planned);
  }
  const plan: RunPlan = {
    edition: '2013-cr',
    roles: ['server'],
    targets: [{ role: 'server', kind: 'external', url: targetUrl, description: targetUrl }],
    claims: { file: 'hostile.json', sha256: '0'.repeat(64) },
    runId: 'hostile',
    items: [...items.values()],
  };
  const results: ScenarioResult[] = scenarios.map((scenario) => ({
    id: scenario.id,
    title: `hostile › ${scenario.id}`,
    role: 'server',
    items: [scenario.item],
    file: 'test/e2e/hostile/server-role.test.ts',
    line: 1,
    durationMs: 1,
    retries: 0,
    ...statusOf(scenario.evidence),
    evidence: scenario.evidence,
  }));
  const now = new Date().toISOString();
  return buildReport(plan, results, {
    dmctVersion: '0.1.0',
    startTime: now,
    endTime: now,
    durationMs: 1,
    shard: null,
    playwrightVersion: '1.65.1',
    nodeVersion: process.versions.node,
    interrupted: false,
  });
}
