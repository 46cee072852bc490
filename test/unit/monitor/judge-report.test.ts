import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildJudgeReport, judgeExchanges, NOT_JUDGED_PASSIVELY, NOT_OBSERVED, readCapture } from '../../../src/monitor/index.js';
import { validateReport } from '../../../src/report/validate.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';
import { capturePath } from './judge-fixtures.js';

const edition = loadEdition(DEFAULT_EDITION);

async function reportOf(name: string) {
  const exchanges = await readCapture(capturePath(name));
  const report = buildJudgeReport({
    edition,
    capture: name,
    exchanges,
    judgement: judgeExchanges(exchanges),
    claims: {},
    dmctVersion: '0.0.0-test',
    startTime: new Date('2026-12-07T11:00:00Z'),
    endTime: new Date('2026-12-07T11:00:01Z'),
  });
  const checked = validateReport(report);
  assert.ok(checked.ok, JSON.stringify(checked.ok ? [] : checked.violations.slice(0, 3)));
  return report;
}

function itemOf(report: Awaited<ReturnType<typeof reportOf>>, role: 'client' | 'server', rule: string) {
  const [id] = itemsHoldingRules(edition, role, [rule]);
  const item = report.items.find((i) => i.id === id && i.role === role);
  assert.ok(item, `${role} item of ${rule}`);
  return item;
}

describe('the report of a judged capture', () => {
  it('covers both tables; a clean capture passes what it shows and leaves the rest untested (exit 3)', async () => {
    const report = await reportOf('clean-get-end.har');
    assert.deepEqual(report.meta.roles, ['client', 'server']);
    assert.equal(report.items.length, edition.tables.client.items.length + edition.tables.server.items.length);
    assert.equal(itemOf(report, 'client', '5.3.9/end').verdict, 'pass');
    assert.equal(itemOf(report, 'server', '5.2.3/package2').verdict, 'pass');
    const cont = itemOf(report, 'client', '5.3.8/cont');
    assert.equal(cont.verdict, 'untested');
    assert.equal(cont.reason, NOT_OBSERVED);
    const hget = itemOf(report, 'client', '5.3.1/hget');
    assert.equal(hget.reason, NOT_JUDGED_PASSIVELY);
    assert.equal(report.items.filter((i) => i.verdict === 'fail').length, 0);
    assert.equal(report.overall.exitCode, 3);
  });

  it('fails the client item of 5.3.9/end with the exchange as evidence, and no server item', async () => {
    const report = await reportOf('package3-after-end.har');
    const end = itemOf(report, 'client', '5.3.9/end');
    assert.equal(end.verdict, 'fail');
    const finding = end.scenarios[0]?.findings[0];
    assert.match(finding?.actual ?? '', /^exchange 3:/);
    assert.ok(
      finding?.seq !== undefined && end.scenarios[0]?.messages.some((m) => m.seq === finding.seq && m.label.startsWith('exchange 3')),
    );
    assert.deepEqual(
      report.items.filter((i) => i.verdict === 'fail').map((i) => i.role),
      ['client'],
    );
    assert.equal(report.overall.exitCode, 1);
  });

  it('fails the server item of 5.4/generic-alert and no client item', async () => {
    const report = await reportOf('status-for-generic-alert.har');
    assert.equal(itemOf(report, 'server', '5.4/generic-alert').verdict, 'fail');
    assert.deepEqual([...new Set(report.items.filter((i) => i.verdict === 'fail').map((i) => i.role))], ['server']);
  });
});
