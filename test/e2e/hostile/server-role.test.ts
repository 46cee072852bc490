import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { runLoad } from '../../../src/load/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';
import { validateReport } from '../../../src/report/validate.js';
import { writeConsole } from '../../../src/report/writers/console.js';
import { escapeHtml } from '../../../src/report/writers/html-template.js';
import { writeHtml } from '../../../src/report/writers/html.js';
import { writeJunit } from '../../../src/report/writers/junit.js';
import { PACKAGE2_ITEM, judgePackage2Reply as judge } from './hostile-judge.js';
import { hostileRunReport, type HostileScenario } from './hostile-report.js';
import { BEHAVIOURS, MARKUP, startHostileServer, type HostileServer } from './hostile-server.js';
import { startMemoryProbe } from './memory-probe.js';

const TIMEOUT_MS = 1500;
const MAX_BODY_BYTES = 1024 * 1024;

/** What each misbehaviour must give: the verdict and the reply kind (and failure kind) behind it. */
const EXPECTED: Readonly<Record<keyof typeof BEHAVIOURS, { verdict: 'fail' | 'inconclusive'; reply: string }>> = {
  'invalid-json': { verdict: 'fail', reply: 'refused' },
  'wrong-shape': { verdict: 'fail', reply: 'refused' },
  'fifty-megabytes': { verdict: 'fail', reply: 'refused' },
  'slow-drip': { verdict: 'fail', reply: 'no-answer:timeout' },
  'no-headers': { verdict: 'fail', reply: 'no-answer:timeout' },
  'reset-mid-response': { verdict: 'fail', reply: 'no-answer:connection-closed' },
  'wrong-content-type': { verdict: 'fail', reply: 'refused' },
  'http-error': { verdict: 'fail', reply: 'refused' },
  'redirect-elsewhere': { verdict: 'fail', reply: 'refused' },
  'deep-nesting': { verdict: 'fail', reply: 'refused' },
  'command-flood': { verdict: 'fail', reply: 'refused' },
  'unknown-commands': { verdict: 'fail', reply: 'refused' },
  markup: { verdict: 'fail', reply: 'package2' },
};

describe('dmct as DM client against a hostile DM server', () => {
  let hostile: HostileServer;
  let reference: RunningReferenceServer;
  const scenarios: HostileScenario[] = [];
  const probe = startMemoryProbe();

  before(async () => {
    hostile = await startHostileServer();
    reference = await startReferenceServer({ devices: [{ devId: 'IMEI:hostile-control' }], print: () => undefined });
  });
  after(async () => {
    await hostile.close();
    await reference.stop();
    probe.stop();
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ends within the time-out as ${expected.verdict}`, { timeout: 20_000 }, async () => {
      const recorder = new TraceRecorder();
      const engine = new DeviceEngine({
        recorder,
        serverUrl: hostile.url(name),
        devId: 'IMEI:hostile-1',
        timeoutMs: TIMEOUT_MS,
        maxBodyBytes: MAX_BODY_BYTES,
      });
      const transcript = await engine.session({ maxPackage2s: 2 });
      const reply = transcript.rounds[0]?.reply;
      assert.equal(reply?.kind === 'no-answer' ? `no-answer:${reply.failure.kind}` : reply?.kind, expected.reply);
      assert.equal(judge(recorder, transcript), expected.verdict);
      if (name === 'deep-nesting')
        assert.match(reply?.kind === 'refused' ? reply.reason : '', /nests deeper than 64 levels \(limit limits\.maxJsonDepth\)/);
      if (name === 'command-flood')
        assert.match(
          reply?.kind === 'refused' ? reply.reason : '',
          /174001 commands, over the 1000 dmct reads \(claims limits\.maxCommands\)/,
        );
      const evidence = recorder.toEvidence();
      assert.ok(evidence.messages.length >= 1, 'the exchange is recorded');
      assert.ok(evidence.findings.every((finding) => finding.rule !== '' && finding.item === PACKAGE2_ITEM.item));
      scenarios.push({ id: name, item: PACKAGE2_ITEM.item, evidence });
    });
  }

  it('keeps other items unaffected: a session with the reference server in between passes', async () => {
    const recorder = new TraceRecorder();
    const engine = new DeviceEngine({ recorder, serverUrl: reference.dmUrl, devId: 'IMEI:hostile-control', timeoutMs: TIMEOUT_MS });
    const transcript = await engine.session();
    assert.equal(transcript.end, 'end');
    assert.equal(judge(recorder, transcript), 'pass');
    scenarios.push({ id: 'control', item: 'DM-PACK-001-S-M', evidence: recorder.toEvidence() });
  });

  it('load mode against hostile answers counts errors and violations, never crashes', { timeout: 20_000 }, async () => {
    for (const name of ['invalid-json', 'http-error', 'markup', 'reset-mid-response', 'deep-nesting', 'command-flood']) {
      const report = await runLoad({
        targetUrl: hostile.url(name),
        devices: 3,
        concurrency: 3,
        durationMs: 10_000,
        maxSessions: 6,
        devIdPrefix: 'IMEI:hostile-load-',
        timeoutMs: TIMEOUT_MS,
        maxBodyBytes: MAX_BODY_BYTES,
        maxPackage2s: 2,
      });
      assert.equal(report.sessions, 6, name);
      assert.equal(report.completed + report.errors, 6, name);
      if (name === 'markup') assert.ok((report.violations['DM-PACK-012-S-M'] ?? 0) > 0, JSON.stringify(report));
      else assert.equal(report.errors, 6, name);
    }
  });

  it('renders the evidence through every writer with the markup escaped', () => {
    assert.equal(scenarios.length, Object.keys(EXPECTED).length + 1, 'every scenario above ran');
    const report = hostileRunReport(scenarios, hostile.url(MARKUP));
    const checked = validateReport(report);
    assert.ok(checked.ok, checked.ok ? '' : JSON.stringify(checked.violations.slice(0, 3)));
    const verdicts = Object.fromEntries(report.items.map((item) => [item.id, item.verdict]));
    assert.deepEqual(verdicts, { 'DM-PACK-012-S-M': 'fail', 'DM-PACK-001-S-M': 'pass' });
    const page = writeHtml(report);
    assert.ok(!page.includes(MARKUP), 'no raw markup from the target');
    assert.ok(page.includes(escapeHtml(MARKUP)), 'the markup is shown, escaped');
    assert.equal(page.match(/<script/g)?.length, 1, 'only the report’s own script');
    assert.equal(page.match(/<img/g), null);
    const junit = writeJunit(report);
    assert.ok(!junit.includes('<script>'), 'JUnit escapes the markup');
    const text = writeConsole(report, { color: false });
    assert.ok(text.includes('DM-PACK-012-S-M'));
  });

  it('stays under 300 MB of resident memory', () => {
    const peak = probe.peakMiB();
    assert.ok(peak < 300, `peak rss ${peak.toFixed(0)} MiB`);
  });
});
