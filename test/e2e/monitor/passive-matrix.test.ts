import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildJudgeReport, judgeExchanges, parseHarText, type PassiveJudgement } from '../../../src/monitor/index.js';
import { exchangesToHar } from '../../../src/monitor/har-export.js';
import { packageOf } from '../../../src/monitor/passive-judge.js';
import { clientFaults, serverFaults, type Fault } from '../../../src/reference/faults/index.js';
import { policyVerdict } from '../../../src/report/verdict-policy.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';
import { runMonitoredSessions, type MonitoredRun } from './monitored-session.js';

/**
 * The fault switches whose rule the monitor judges from the traffic alone (passive-judge.ts
 * PASSIVE_RULES), at least one client and one server switch per rule that has both.
 */
const PASSIVE_FAULTS: Record<'client' | 'server', string[]> = {
  client: [
    'missing-devid',
    'package1-wrong-content-type',
    'status-count-mismatch',
    'cont-ignored',
    'package3-after-end',
    'async-for-sync-command',
    'every-status-202',
    'exec-200-instead-of-202',
    'no-alert-after-202',
    'alert-data-without-datatype',
    'alert-bad-mark',
  ],
  server: [
    'package2-wrong-content-type',
    'package2-non-string-param',
    'cont-no-server-uri',
    'cont-uri-rejected',
    'status-for-generic-alert',
    'status-member-for-alerts',
    // The Package#0 the monitor relays (notification-judge.ts).
    'notify-options-out-of-order',
    'notify-wrong-ver',
    'notify-oc-mismatch',
    'notify-bad-digest',
  ],
};
const FAULTS: readonly Fault[] = [...clientFaults, ...serverFaults];
const edition = loadEdition(DEFAULT_EDITION);

/** `side rule` of every finding that fails (or departs from a SHOULD), once each. */
function charged(judgement: PassiveJudgement): string[] {
  const keys = judgement.observations.flatMap((o) =>
    o.findings.some((f) => ['fail', 'non-strict'].includes(policyVerdict(f.outcome))) ? [`${o.side} ${o.key}`] : [],
  );
  return [...new Set(keys)].sort();
}

/** The item verdicts of the report built from a judgement, as `role id verdict` for the failing ones. */
function failingItems(run: MonitoredRun): string[] {
  const now = new Date();
  const report = buildJudgeReport({
    edition,
    capture: 'monitor',
    exchanges: run.monitor.exchanges(),
    datagrams: run.monitor.datagrams(),
    judgement: run.monitor.judgement(),
    claims: {},
    dmctVersion: 'test',
    startTime: now,
    endTime: now,
  });
  return report.items.filter((i) => i.verdict === 'fail').map((i) => `${i.role} ${i.id}`);
}

/** The monitor's judgement of the HTTP exchanges: the part a HAR can carry (no UDP). */
function httpJudgement(judgement: PassiveJudgement): PassiveJudgement {
  return { ...judgement, observations: judgement.observations.filter((o) => o.evidence !== 'datagram') };
}

/** The judgement `dmct judge` gives the HAR of the monitored exchanges. */
function judgedFromHar(run: MonitoredRun): PassiveJudgement {
  const har = JSON.stringify(exchangesToHar(run.monitor.exchanges(), { name: 'dmct monitor', version: 'test' }));
  return judgeExchanges(parseHarText(har, 'monitor.har'));
}

describe('dmct monitor between the reference client and the reference server', () => {
  describe('with no fault', () => {
    let run: MonitoredRun;
    before(async () => {
      run = await runMonitoredSessions();
    });
    after(() => run?.stop());

    it('judges every passive rule on both sides and charges nothing', () => {
      const judgement = run.monitor.judgement();
      assert.deepEqual(charged(judgement), []);
      assert.deepEqual(judgement.skipped, []);
      const observed = judgement.observations.filter((o) => o.checks > 0).map((o) => `${o.side} ${o.key}`);
      assert.deepEqual(
        observed.sort(),
        [
          'client 5.2.2/package1',
          'client 5.2.4/package3',
          'client 5.3.8/cont',
          'client 5.3.9/end',
          'client 5.4.1/async-reporting',
          'client 5.4.1/sync-reporting',
          'client 5.4/generic-alert',
          'server 5.2.2/package1',
          'server 5.2.3/package2',
          'server 5.2.4/package3',
          'server 5.3.5/exec',
          'server 5.3.6/get',
          'server 5.3.8/cont',
          'server 5.3.9/end',
          'server 5.4.1/async-reporting',
          'server 5.4.1/sync-reporting',
          'server 5.4/generic-alert',
          'server E.1/wap-push',
          'server 5.2.1/package0',
          'server 5.2.1.1/ver-header',
          'server 5.2.1.1/oc-header',
          'server 5.2.1.2/server-id',
          'server 5.2.1.2/notification-id',
          'server 5.2.1.2/preferred-con-type',
          'server 5.2.1.2/req-mos',
          'server 5.2.1.2/sha256-digest',
          'server 5.2.1.2/timestamp',
        ].sort(),
      );
      assert.deepEqual(failingItems(run), []);
    });

    it('what the client sent and received is what the monitor forwarded, byte for byte', () => {
      const sessions = run.client.state.sessions;
      assert.ok(sessions.length >= 3);
      assert.ok(sessions.every((s) => s.outcome === 'ended'));
      const packages = sessions.flatMap((s) => s.packages);
      const exchanges = run.monitor.exchanges().filter((e) => packageOf(e) !== undefined);
      assert.equal(exchanges.length, packages.length);
      packages.forEach((sent, i) => {
        const exchange = exchanges[i];
        assert.equal(Buffer.from(exchange?.requestBody ?? []).toString('utf8'), sent.body);
        assert.equal(exchange?.status, sent.response?.status);
        assert.equal(Buffer.from(exchange?.responseBody ?? []).toString('utf8'), sent.response?.body);
      });
    });

    it('a console line per package, and the Package#0 relayed to the client', () => {
      assert.deepEqual(
        run.lines.filter((l) => l.kind === 'package0').map((l) => l.text.includes('relayed')),
        [true],
      );
      assert.equal(run.client.state.notifications[0]?.accepted, true);
      const packageLines = run.lines.filter((l) => l.kind === 'package1' || l.kind === 'package3');
      assert.ok(packageLines.length >= 4);
      assert.ok(packageLines.every((l) => l.findings.length === 0 && l.text.endsWith('ok')));
    });

    it('dmct judge on the HAR of the sessions gives the live verdicts', () => {
      assert.deepEqual(judgedFromHar(run), httpJudgement(run.monitor.judgement()));
    });
  });

  for (const role of ['client', 'server'] as const) {
    for (const name of PASSIVE_FAULTS[role]) {
      const fault = FAULTS.find((f) => f.name === name && f.role === role);
      it(`${role} fault ${name}: charged to the ${role} alone, under ${fault?.breaks ?? '?'}`, async () => {
        assert.ok(fault, `no ${role} fault ${name}`);
        const run = await runMonitoredSessions({ [role]: [name] });
        try {
          const judgement = run.monitor.judgement();
          const found = charged(judgement);
          const allowed = new Set([
            `${role} ${fault.breaks}`,
            ...Object.entries(fault.verdicts ?? {})
              .filter(([, v]) => v?.verdict === 'fail')
              .map(([key]) => `${role} ${key}`),
          ]);
          assert.ok(found.includes(`${role} ${fault.breaks}`), `${fault.breaks} not charged: ${found.join(', ')}`);
          assert.deepEqual(
            found.filter((key) => !allowed.has(key)),
            [],
            `charged beyond the fault's rules`,
          );
          const items = itemsHoldingRules(edition, role, [fault.breaks]).map((id) => `${role} ${id}`);
          const failing = failingItems(run);
          for (const item of items) assert.ok(failing.includes(item), `${item} not failing: ${failing.join(', ')}`);
          assert.ok(
            failing.every((item) => item.startsWith(`${role} `)),
            `an item of the other side fails: ${failing.join(', ')}`,
          );
          assert.deepEqual(judgedFromHar(run), httpJudgement(judgement));
          if (judgement.observations.some((o) => o.evidence === 'datagram' && o.key === fault.breaks && o.findings.length > 0)) {
            const line = run.lines.find((l) => l.kind === 'package0');
            assert.ok(
              line?.findings.some((f) => f.side === role && f.key === fault.breaks),
              `Package#0 line: ${line?.text ?? 'none'}`,
            );
          }
        } finally {
          await run.stop();
        }
      });
    }
  }
});
