import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildJudgeReport, judgeExchanges, parseHarText, type PassiveJudgement } from '../../../src/monitor/index.js';
import { exchangesToHar } from '../../../src/monitor/har-export.js';
import { PASSIVE_RULES, packageOf } from '../../../src/monitor/passive-judge.js';
import { allFaults, type Fault } from '../../../src/reference/faults/index.js';
import { policyVerdict } from '../../../src/report/verdict-policy.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';
import { CLIENT_DEVID, COMMAND_PACKAGES, runMonitoredSessions, type MonitoredRun } from './monitored-session.js';

const FAULTS: readonly Fault[] = allFaults;
/** Faulty sessions run at a time (each in-process: a server, a client and a monitor). */
const CONCURRENCY = 6;
const keyOf = (side: string, key: string) => `${side} ${key}`;
/** Every rule the monitor judges, as `side key` (PASSIVE_RULES, Package#0 rules included). */
const JUDGED: ReadonlySet<string> = new Set(Object.values(PASSIVE_RULES).map((r) => keyOf(r.side, r.key)));

/**
 * Faults whose rule the monitor judges but whose break the monitored traffic cannot show; each is
 * still run: nothing may be charged for it, and its item must not pass.
 */
const NOT_SHOWN: Readonly<Record<string, string>> = {
  'server notify-missing-server-id':
    'SERVER-ID is optional in a Package#0 (§5.2.1.2): that the server was asked to send one is not in the traffic',
  'server notify-ignore-req-mos':
    'REQ-MOS is optional in a Package#0 (§5.2.1.2): that the server was asked to set it is not in the traffic',
  'client wrong-session-alert':
    'a ClientInitiatedMgmt Package#1 after a relayed Package#0 that no ServerInitiatedMgmt Package#1 answered: the wrong alert, or a session of its own while the datagram was lost (UDP confirms no delivery), so inconclusive',
};

/** The server rules of the commands the monitored session sends only for a fault of that command (COMMAND_PACKAGES). */
const COMMAND_OF_RULE: Readonly<Record<string, string>> = {
  '5.3.1/hget': 'HGET',
  '5.3.2/hput': 'HPUT',
  '5.3.3/hpost': 'HPOST',
  '5.3.4/delete': 'DELETE',
  '5.3.7/show': 'SHOW',
  '5.3.10/default': 'DEFAULT',
  '5.3.11/sub': 'SUB',
  '5.3.12/unsub': 'UNSUB',
};

/**
 * Faults whose traffic every passive check of their rule finds conformant: the monitor passes
 * their item on what it sees. Each is still run: nothing may be charged for it.
 */
const LOOKS_CONFORMANT: Readonly<Record<string, string>> = {};

/** Client faults of a command the monitored session sends only with them (COMMAND_PACKAGES). */
const CLIENT_COMMAND_STIMULI: Readonly<Record<string, string>> = { 'hget-async': 'HGET_INTO_LEAF' };

/** Faults whose break the wire shows as another rule's too (the judge charges what the traffic shows), with why. */
const ALSO_CHARGED: Readonly<Record<string, { keys: string[]; why: string }>> = {
  'client skip-command': {
    keys: ['5.4.1/async-reporting'],
    why: 'the skipped command is the EXEC with a ServerURI; reported 200, it is on the wire an asynchronous EXEC reported synchronously',
  },
  'server package1-rejected-without-mos': {
    keys: ['5.4.1/async-reporting'],
    why: 'it refuses the Package#1 that carries the Generic Alert of the EXEC it accepted with 202: on the wire, a refusal of that alert',
  },
};
const edition = loadEdition(DEFAULT_EDITION);

/** `side rule` of every finding that fails (or departs from a SHOULD), once each. */
function charged(judgement: PassiveJudgement): string[] {
  const keys = judgement.observations.flatMap((o) =>
    o.findings.some((f) => ['fail', 'non-strict'].includes(policyVerdict(f.outcome))) ? [`${o.side} ${o.key}`] : [],
  );
  return [...new Set(keys)].sort();
}

/** The verdict of every item of the report built from the run, by `role id`. */
function itemVerdicts(run: MonitoredRun): Map<string, string> {
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
  return new Map(report.items.map((i) => [`${i.role} ${i.id}`, i.verdict]));
}

/** The items that fail, as `role id`. */
function failingItems(run: MonitoredRun): string[] {
  return [...itemVerdicts(run)].filter(([, verdict]) => verdict === 'fail').map(([item]) => item);
}

/** The monitor's judgement of the HTTP exchanges: the part a HAR can carry (no UDP). */
function httpJudgement(judgement: PassiveJudgement): PassiveJudgement {
  return { ...judgement, observations: judgement.observations.filter((o) => o.evidence !== 'datagram') };
}

/** The judgement `dmct judge` gives the HAR of the monitored exchanges, with the client's DevID as the monitor had it. */
function judgedFromHar(run: MonitoredRun): PassiveJudgement {
  const har = JSON.stringify(exchangesToHar(run.monitor.exchanges(), { name: 'dmct monitor', version: 'test' }));
  return judgeExchanges(parseHarText(har, 'monitor.har'), { clientDevId: CLIENT_DEVID });
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
      // A rule judged from both the exchanges and the relayed Package#0s (the client's answer to one) is listed once.
      const observed = [...new Set(judgement.observations.filter((o) => o.checks > 0).map((o) => `${o.side} ${o.key}`))];
      assert.deepEqual(
        observed.sort(),
        [
          'client 5.2.2/package1',
          'client 5.2.4/package3',
          'client 5.3.6/get',
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

    it('a console line per package, and each Package#0 relayed to the client', () => {
      assert.deepEqual(
        run.lines.filter((l) => l.kind === 'package0').map((l) => l.text.includes('relayed')),
        [true, true],
      );
      assert.deepEqual(
        run.client.state.notifications.map((n) => n.accepted),
        [true, true],
      );
      const packageLines = run.lines.filter((l) => l.kind === 'package1' || l.kind === 'package3');
      assert.ok(packageLines.length >= 4);
      assert.ok(packageLines.every((l) => l.findings.length === 0 && l.text.endsWith('ok')));
    });

    it('dmct judge on the HAR of the sessions gives the live verdicts', () => {
      assert.deepEqual(judgedFromHar(run), httpJudgement(run.monitor.judgement()));
    });
  });

  describe('with no fault and one more command of §5.3', { concurrency: CONCURRENCY }, () => {
    for (const [name, CMD] of Object.entries(COMMAND_PACKAGES)) {
      const rule = Object.entries(COMMAND_OF_RULE).find(([, command]) => name.startsWith(command))?.[0];
      it(`${name}: nothing charged, the server's ${rule ?? '?'} judged and held`, async () => {
        const run = await runMonitoredSessions({}, [CMD]);
        try {
          const judgement = run.monitor.judgement();
          assert.deepEqual(charged(judgement), []);
          const observation = judgement.observations.find((o) => o.side === 'server' && o.key === rule);
          assert.ok((observation?.checks ?? 0) > 0 && observation?.findings.length === 0, `${rule}: ${JSON.stringify(observation)}`);
          assert.deepEqual(judgedFromHar(run), httpJudgement(judgement));
        } finally {
          await run.stop();
        }
      });
    }
  });

  it('the exception lists name existing faults, and NOT_SHOWN / LOOKS_CONFORMANT only faults of a judged rule', () => {
    const ids = new Set(FAULTS.map((f) => keyOf(f.role, f.name)));
    const named = [...Object.keys(NOT_SHOWN), ...Object.keys(LOOKS_CONFORMANT), ...Object.keys(ALSO_CHARGED)];
    assert.deepEqual(
      named.filter((id) => !ids.has(id)),
      [],
    );
    assert.deepEqual(
      Object.keys(CLIENT_COMMAND_STIMULI).filter((name) => !ids.has(keyOf('client', name))),
      [],
    );
    const unjudged = [...Object.keys(NOT_SHOWN), ...Object.keys(LOOKS_CONFORMANT)].filter((id) => {
      const fault = FAULTS.find((f) => keyOf(f.role, f.name) === id);
      return fault === undefined || !JUDGED.has(keyOf(fault.role, fault.breaks));
    });
    assert.deepEqual(unjudged, []);
  });

  describe('with each fault switch in turn', { concurrency: CONCURRENCY }, () => {
    for (const fault of FAULTS) {
      const { role, name, breaks } = fault;
      const id = keyOf(role, name);
      const other = role === 'client' ? 'server' : 'client';
      const shown = JUDGED.has(keyOf(role, breaks)) && NOT_SHOWN[id] === undefined && LOOKS_CONFORMANT[id] === undefined;
      it(`${id}: ${shown ? `charged under ${breaks}` : 'never passed'}, nothing charged to the ${other}`, async () => {
        const command = role === 'server' ? COMMAND_OF_RULE[breaks] : CLIENT_COMMAND_STIMULI[name];
        const run = await runMonitoredSessions({ [role]: [name] }, command === undefined ? [] : [COMMAND_PACKAGES[command] ?? []]);
        try {
          const judgement = run.monitor.judgement();
          const found = charged(judgement);
          const allowed = new Set([
            keyOf(role, breaks),
            ...Object.entries(fault.verdicts ?? {})
              .filter(([, v]) => v?.verdict === 'fail')
              .map(([key]) => keyOf(role, key)),
            ...(ALSO_CHARGED[id]?.keys ?? []).map((key) => keyOf(role, key)),
          ]);
          assert.deepEqual(
            found.filter((key) => !allowed.has(key)),
            [],
            "charged beyond the fault's rules (or to the other side)",
          );
          const verdicts = itemVerdicts(run);
          const failing = [...verdicts].filter(([, v]) => v === 'fail').map(([item]) => item);
          assert.deepEqual(
            failing.filter((item) => !item.startsWith(`${role} `)),
            [],
            'an item of the other side fails',
          );
          const items = itemsHoldingRules(edition, role, [breaks]).map((item) => keyOf(role, item));
          // A SHOULD departure is charged non-strict and leaves the item a pass (with its finding).
          const departs = judgement.observations.some(
            (o) => o.side === role && o.key === breaks && o.findings.some((f) => policyVerdict(f.outcome) === 'non-strict'),
          );
          if (LOOKS_CONFORMANT[id] === undefined && !departs)
            for (const item of items) assert.notEqual(verdicts.get(item), 'pass', `${item} passes although ${breaks} is broken`);
          if (shown) assert.ok(found.includes(keyOf(role, breaks)), `${breaks} not charged: ${found.join(', ') || 'nothing'}`);
          assert.deepEqual(judgedFromHar(run), httpJudgement(judgement));
          // A server's Package#0 is judged on its own line; the client's answer to it comes later.
          if (
            role === 'server' &&
            judgement.observations.some((o) => o.evidence === 'datagram' && o.key === breaks && o.findings.length > 0)
          ) {
            const lines = run.lines.filter((l) => l.kind === 'package0');
            assert.ok(
              lines.some((line) => line.findings.some((f) => f.side === role && f.key === breaks)),
              `Package#0 lines: ${lines.map((l) => l.text).join(' | ') || 'none'}`,
            );
          }
        } finally {
          await run.stop();
        }
      });
    }
  });
});
