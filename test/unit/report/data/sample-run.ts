/**
 * A fixed synthetic run covering every verdict, for the report tests, the golden files and the
 * browser test: a plan of 10 items over both roles, the scenario results the reporter would
 * have collected, and the execution facts.
 */
import { buildReport } from '../../../../src/report/build-report.js';
import type { Evidence, Finding, TraceMessage } from '../../../../src/report/schemas/evidence.schema.js';
import type { Report } from '../../../../src/report/schemas/report.schema.js';
import type { PlannedItem, RunPlan } from '../../../../src/report/schemas/run-plan.schema.js';
import type { ExecutionInfo, ScenarioResult } from '../../../../src/report/schemas/scenario-results.schema.js';

const T0 = Date.parse('2026-11-24T10:00:00.000Z');

function at(offsetMs: number): string {
  return new Date(T0 + offsetMs).toISOString();
}

export function sampleExecution(overrides: Partial<ExecutionInfo> = {}): ExecutionInfo {
  return {
    dmctVersion: '0.1.0',
    startTime: at(0),
    endTime: at(4_250),
    durationMs: 4_250,
    shard: null,
    playwrightVersion: '1.65.1',
    nodeVersion: '20.20.2',
    interrupted: false,
    ...overrides,
  };
}

function item(id: string, fn: string, section: string, applicable: boolean | string, scenarios: [string, string][] = []): PlannedItem {
  const role = id.includes('-S-') ? 'server' : 'client';
  return {
    id,
    function: fn,
    section,
    role,
    status: id.endsWith('-M') ? 'M' : 'O',
    applicability:
      applicable === true
        ? { kind: 'applicable', why: id.endsWith('-M') ? 'mandatory' : 'claimed in implements' }
        : { kind: 'not-applicable', why: applicable === false ? 'not claimed' : applicable },
    scenarios: scenarios.map(([sid, title]) => ({ id: sid, title })),
  };
}

export function samplePlan(): RunPlan {
  return {
    edition: '2013-cr',
    roles: ['server', 'client'],
    targets: [
      { role: 'server', kind: 'external', url: 'http://127.0.0.1:41234/dm', description: 'http://127.0.0.1:41234/dm' },
      { role: 'client', kind: 'embedded', description: 'embedded reference client' },
    ],
    claims: { file: 'fixtures/claims/reference.json', sha256: 'a'.repeat(64) },
    runId: 'run-20261124-100000',
    items: [
      item('DM-PACK-001-S-M', 'Support of DM Package flow', '5.2', true, [
        ['5.2-package-flow/session-of-package-1-2-3', '5.2 Package flow › session of Package#1, #2, #3'],
      ]),
      item('DM-PACK-002-S-M', 'Support of Package#0', '5.2.1', true, [
        ['5.2.1-package-0/notification-on-trigger', '5.2.1 Package#0 › notification on trigger'],
      ]),
      item('DM-PACK-012-S-M', 'Support of Package#2', '5.2.3', true, [['5.2.3-package-2/media-type', '5.2.3 Package#2 › media type']]),
      item('DM-PACK-014-S-M', 'Support of HGET Command', '5.3', true, [
        ['5.3-hget/hget-from-repository', '5.3 HGET › HGET from repository'],
      ]),
      item('DM-PACK-021-S-M', 'Support of CONT Command', '5.3', true),
      item('DM-PACK-001-C-M', 'Support of DM Package flow', '5.2', true, [
        ['5.2-package-flow/client-opens-session', '5.2 Package flow › client opens session'],
      ]),
      item('DM-PACK-003-C-M', 'Support of VER header', '5.2.1.1', 'requirement DM-PACK-002-C-O is false'),
      item('DM-PACK-013-C-M', 'Support of Package#3', '5.2.4', true, [
        ['5.2.4-package-3/no-package-3-after-end', '5.2.4 Package#3 › no Package#3 after END'],
      ]),
      item('DM-PACK-019-C-O', 'Support of GET Command', '5.3', false),
      item('DM-PACK-022-C-M', 'Support of END Command', '5.3', true, [
        ['5.3-end/end-closes-session', '5.3 END › END closes the session'],
        ['5.3-end/commands-after-end-still-run', '5.3 END › commands after END still run'],
      ]),
    ],
  };
}

export function message(seq: number, from: string, to: string, label: string, extra: Partial<TraceMessage> = {}): TraceMessage {
  return { seq, time: at(100 + seq * 10), kind: 'http-request', from, to, label, ...extra };
}

function finding(
  item: string,
  section: string,
  rule: string,
  expected: string[],
  actual: string,
  seq?: number,
  verdict: 'fail' | 'inconclusive' = 'fail',
): Finding {
  const outcome = verdict === 'fail' ? 'must-broken' : 'stimulus-not-delivered';
  const keyword = verdict === 'fail' ? { keyword: 'MUST' as const } : {};
  return seq === undefined
    ? { item, section, rule, verdict, outcome, ...keyword, expected, actual }
    : { item, section, rule, verdict, outcome, ...keyword, expected, actual, seq };
}

function scenario(
  id: string,
  role: ScenarioResult['role'],
  items: string[],
  status: ScenarioResult['status'],
  extra: Partial<ScenarioResult> = {},
  evidence?: Omit<Evidence, 'checks'> & { checks?: number },
): ScenarioResult {
  const [describe = '', title = ''] = id.split('/');
  const result: ScenarioResult = {
    id,
    title: `${describe} › ${title}`,
    role,
    items,
    file: `suites/${role}-target/${describe}.spec.ts`,
    line: 12,
    status,
    annotations: [{ type: 'requirement', description: `The rule that ${title.replace(/-/g, ' ')} checks (${items[0] ?? ''})` }],
    errors: [],
    durationMs: 250,
    retries: 0,
    ...extra,
  };
  // A scenario that recorded evidence evaluated one check unless it says otherwise.
  if (evidence) result.evidence = { ...evidence, checks: evidence.checks ?? 1 };
  return result;
}

const P1 = (seq: number) =>
  message(seq, 'dmct', 'target', 'Package#1', {
    http: {
      method: 'POST',
      url: 'http://127.0.0.1:41234/dm',
      headers: { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': 'IMEI:493005100592800' },
    },
    body: { mediaType: 'application/vnd.oma.dm.initiation+json', size: 2, text: '{}' },
  });
const P2 = (seq: number, status = 200, mediaType = 'application/vnd.oma.dm.request+json', text = '{"CMD":[["END"]]}') =>
  message(seq, 'target', 'dmct', 'Package#2', {
    kind: 'http-response',
    http: { status, headers: { 'content-type': mediaType } },
    body: { mediaType, size: text.length, text },
  });

export function sampleResults(): ScenarioResult[] {
  return [
    scenario(
      '5.2-package-flow/session-of-package-1-2-3',
      'server',
      ['DM-PACK-001-S-M'],
      'passed',
      {},
      { messages: [P1(1), P2(2)], findings: [] },
    ),
    scenario(
      '5.2.1-package-0/notification-on-trigger',
      'server',
      ['DM-PACK-002-S-M'],
      'skipped',
      {
        annotations: [
          { type: 'dmct-inconclusive', description: 'no notification trigger configured in the claims (ixit.triggers.notify)' },
          { type: 'skip', description: 'inconclusive' },
        ],
      },
      {
        messages: [message(1, 'dmct', 'dmct', 'waiting for a Package#0 (30 s)', { kind: 'note' })],
        findings: [
          finding(
            'DM-PACK-002-S-M',
            '5.2.1',
            'the server sends Package#0 when triggered',
            ['a Package#0 within 30 s'],
            'no trigger configured',
            1,
            'inconclusive',
          ),
        ],
      },
    ),
    scenario(
      '5.2.3-package-2/media-type',
      'server',
      ['DM-PACK-012-S-M'],
      'failed',
      { errors: ['Error: DM-PACK-012-S-M fail — Package#2 media type (7.2.1.2)'] },
      {
        messages: [P1(1), P2(2, 200, 'text/html', '<html>oops</html>')],
        findings: [finding('DM-PACK-012-S-M', '7.2.1.2', 'Package#2 media type', ['application/vnd.oma.dm.request+json'], 'text/html', 2)],
      },
    ),
    scenario('5.3-hget/hget-from-repository', 'server', ['DM-PACK-014-S-M'], 'failed', {
      errors: ["TypeError: Cannot read properties of undefined (reading 'url')\n    at fixtures/repository.ts:40:12"],
    }),
    scenario(
      '5.2-package-flow/client-opens-session',
      'client',
      ['DM-PACK-001-C-M'],
      'passed',
      {},
      {
        messages: [
          message(1, 'dmct', 'target', 'Package#0 (WAP Push)', {
            kind: 'datagram',
            body: { size: 4, hex: '20000000' },
            decoded: { ver: 2, oc: 0, options: [] },
          }),
          message(2, 'target', 'dmct', 'Package#1', { http: { method: 'POST', url: 'http://127.0.0.1:50123/dm' } }),
          message(3, 'dmct', 'target', 'Package#2', { kind: 'http-response', http: { status: 200 } }),
        ],
        findings: [],
      },
    ),
    scenario(
      '5.2.4-package-3/no-package-3-after-end',
      'client',
      ['DM-PACK-013-C-M'],
      'failed',
      { errors: ['Error: DM-PACK-013-C-M fail — Package#3 sent after END (5.2.4)'] },
      {
        messages: [
          message(1, 'target', 'dmct', 'Package#1', { http: { method: 'POST', url: 'http://127.0.0.1:50123/dm' } }),
          message(2, 'dmct', 'target', 'Package#2 [HGET, END]', { kind: 'http-response', http: { status: 200 } }),
          message(3, 'target', 'repository', 'HGET → repository', { http: { method: 'GET', url: 'http://127.0.0.1:50124/mo/devinfo' } }),
          message(4, 'repository', 'target', 'MO data', { kind: 'http-response', http: { status: 200 } }),
          message(5, 'target', 'dmct', 'Package#3', {
            http: { method: 'POST', url: 'http://127.0.0.1:50123/dm' },
            body: { mediaType: 'application/vnd.oma.dm.response+json', size: 22, text: '{"Status":[{"sc":200}]}' },
          }),
        ],
        findings: [
          finding(
            'DM-PACK-013-C-M',
            '5.2.4',
            'Package#3 sent after END',
            ['no Package#3 after a Package#2 with END', 'the session closed'],
            'Package#3 POST with 1 status',
            5,
          ),
        ],
      },
    ),
    scenario(
      '5.3-end/end-closes-session',
      'client',
      ['DM-PACK-022-C-M'],
      'passed',
      { retries: 1, durationMs: 400 },
      {
        messages: [],
        findings: [
          {
            item: 'DM-PACK-022-C-M',
            section: '5.3.9',
            rule: 'the client closes the connection after END',
            keyword: 'SHOULD',
            verdict: 'non-strict',
            outcome: 'should-departure',
            expected: ['the connection closed'],
            actual: 'the connection kept alive',
          },
        ],
      },
    ),
    scenario('5.3-end/commands-after-end-still-run', 'client', ['DM-PACK-022-C-M'], 'passed', {}, { messages: [], findings: [] }),
  ];
}

/** The sample run's report, as buildReport makes it. */
export function sampleReport(): Report {
  return buildReport(samplePlan(), sampleResults(), sampleExecution());
}

/** Payloads a hostile target could send, each trying to run script in the HTML report. */
export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror=window.__pwned=2>',
  "'><svg onload=window.__pwned=3>",
  '</svg><script>window.__pwned=4</script>',
  '</title></style></textarea><script>window.__pwned=5</script>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '\u001b[31mred\u001b[0m & <b>bold</b>',
];

/** The sample run with every string a target or a claims file controls replaced by HOSTILE payloads. */
export function hostileReport(): Report {
  const h = (i: number) => HOSTILE[i % HOSTILE.length] ?? '';
  const plan = samplePlan();
  plan.targets = plan.targets.map((t, i) => ({ ...t, description: `${t.description} ${h(i)}` }));
  plan.claims = { file: `claims-${h(4)}.json`, sha256: 'b'.repeat(64) };
  plan.items = plan.items.map((it, i) => ({ ...it, applicability: { ...it.applicability, why: `${it.applicability.why} ${h(i + 2)}` } }));
  const results = sampleResults().map((r, i) => {
    const hostile = {
      ...r,
      title: `${r.title} ${h(i)}`,
      annotations: r.annotations.map((a) => ({ ...a, description: `${a.description ?? ''} ${h(i + 1)}` })),
      errors: r.errors.map((e) => `${e} ${h(i + 2)}`),
    };
    if (r.evidence) {
      hostile.evidence = {
        messages: r.evidence.messages.map((m, j) => ({
          ...m,
          label: `${m.label} ${h(j + i)}`,
          http: m.http ? { ...m.http, headers: { ...m.http.headers, [`x-${j}`]: h(j + 3) } } : { headers: { server: h(j) } },
          body: { mediaType: 'text/html', size: 64, text: h(j + 1) },
          decoded: { note: h(j + 2) },
        })),
        findings: r.evidence.findings.map((f) => ({ ...f, actual: `${f.actual} ${h(i + 3)}`, expected: [...f.expected, h(i + 4)] })),
        notes: [h(i + 5)],
        checks: r.evidence.checks,
      };
    }
    return hostile;
  });
  return buildReport(plan, results, sampleExecution());
}
