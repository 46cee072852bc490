import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { TestInfo } from '@playwright/test';
import type { ClientTarget } from '../../../fixtures/client-target/target.js';
import { ClientSessions, PACKAGE3_ITEM } from '../../../fixtures/client-target/sessions.js';
import { bindScenario, unbindScenario, type ScenarioBinding } from '../../../fixtures/scenario.js';
import { Inconclusive } from '../../../fixtures/verify.js';
import { DmServerEngine } from '../../../src/harness/dm-server-engine.js';
import { Notifier } from '../../../src/harness/dm-server-engine-notifier.js';
import { serveHandlers, type ServedEndpoint } from '../../../src/harness/endpoint-server.js';
import type { TriggerSpec } from '../../../src/harness/triggers.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';

const DEV_ID = 'IMEI:351234567890123';
const PACKAGE1 = JSON.stringify({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] });

const scripts = mkdtempSync(join(tmpdir(), 'dmct-sessions-'));
after(() => rmSync(scripts, { recursive: true, force: true }));

/** A shell command that posts a valid Package#1 to `url` (and never a Package#3), then exits `exitCode` (printing `answer`). */
function package1Then(url: string, exitCode: number, answer = ''): TriggerSpec {
  const file = join(scripts, `post-${exitCode}.mjs`);
  const headers = { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': DEV_ID };
  writeFileSync(file, `await (await fetch(${JSON.stringify(url)}, { method: 'POST', headers: ${JSON.stringify(headers)}, body: ${JSON.stringify(PACKAGE1)} })).text();\n`);
  return { kind: 'shell', command: `'${process.execPath}' '${file}';${answer === '' ? '' : ` echo '${answer}';`} exit ${exitCode}` };
}

describe('client sessions: judged as they go', () => {
  let recorder: TraceRecorder;
  let engine: DmServerEngine;
  let endpoint: ServedEndpoint;
  let binding: ScenarioBinding;
  let skipped: string | undefined;

  beforeEach(async () => {
    recorder = new TraceRecorder();
    engine = new DmServerEngine({ recorder, devId: DEV_ID, path: '/dm' });
    endpoint = await serveHandlers(() => engine.handlers(), { name: 'dmct' });
    engine = new DmServerEngine({ recorder, devId: DEV_ID, path: '/dm', publicUrl: `http://127.0.0.1:${endpoint.port}` });
    skipped = undefined;
    const testInfo = { annotations: [], skip: (_condition: boolean, reason: string) => void (skipped = reason) } as unknown as TestInfo;
    binding = { testInfo, trace: recorder };
    bindScenario(binding);
  });
  afterEach(async () => {
    unbindScenario(binding);
    await endpoint.close();
  });

  function sessionsFor(clientInitiated: TriggerSpec, sessionMs = 400): ClientSessions {
    const target = {
      devId: DEV_ID,
      serverId: 'dmct',
      config: { claims: {} },
      input: () => ({ devId: DEV_ID, serverId: 'dmct' }),
      timeouts: { responseMs: 5000, sessionMs, noSessionWaitMs: 200, operatorMs: 1000 },
      moids: { devInfo: 'urn:oma:mo:oma-dm-devinfo:1.2', dmAcc: '', dacmo: '', sessionInfo: '' },
      transport: { kind: 'udp', host: '127.0.0.1', port: 9 },
      clientInitiated,
      applies: () => false,
    } as unknown as ClientTarget;
    return new ClientSessions(target, engine, new Notifier({ recorder, transport: target.transport }), recorder);
  }

  it('finding 10: a trigger that exits non-zero after the session happened on the wire is a note; the Package#1 is judged', async () => {
    const sessions = sessionsFor(package1Then(`http://127.0.0.1:${endpoint.port}/dm`, 139));
    const package1 = await sessions.startByClient({ item: 'DM-PACK-011-C-M', section: '5.2.2' });
    assert.equal(package1.package, 1);
    assert.equal(skipped, undefined);
    assert.ok(recorder.toEvidence().notes?.some((note) => /exited 139.*the wire shows what it was to cause/.test(note)), JSON.stringify(recorder.toEvidence().notes));
  });

  it('finding 10: a trigger that exits non-zero with nothing on the wire stays inconclusive', async () => {
    const sessions = sessionsFor({ kind: 'shell', command: 'exit 3' });
    await assert.rejects(sessions.startByClient({ item: 'DM-PACK-011-C-M', section: '5.2.2' }), Inconclusive);
    assert.match(skipped ?? '', /exited 3/);
  });

  it('finding 7: a Package#2 left without a Package#3 fails DM-PACK-013-C-M (silent after the stimulus)', async () => {
    const sessions = sessionsFor(package1Then(`http://127.0.0.1:${endpoint.port}/dm`, 0));
    await assert.rejects(sessions.run([[sessions.pad]], { item: PACKAGE3_ITEM, section: '5.2.4' }), /Package#3/);
    const [finding] = recorder.findings;
    assert.equal(finding?.verdict, 'fail');
    assert.equal(finding?.item, PACKAGE3_ITEM);
    assert.equal(finding?.outcome, 'silent-after-stimulus');
  });

  it('a trigger that answers "sessionDone" ends the waits for that session on the event, not after the session time', { timeout: 30_000 }, async () => {
    // Ten minutes of session time: only the trigger's answer can end the wait within the test's time-out.
    const sessions = sessionsFor(package1Then(`http://127.0.0.1:${endpoint.port}/dm`, 0, '{"sessionDone": true}'), 600_000);
    assert.equal(sessions.sessionWaitMs, 600_000);
    await assert.rejects(sessions.run([[sessions.pad]], { item: PACKAGE3_ITEM, section: '5.2.4' }), /Package#3/);
    assert.equal(sessions.sessionWaitMs, 0);
    assert.equal(recorder.findings[0]?.outcome, 'silent-after-stimulus');
  });

  it('finding 7: for another item the same silence is inconclusive depends-on-failed, naming DM-PACK-013-C-M, and the run so far is kept', async () => {
    const sessions = sessionsFor(package1Then(`http://127.0.0.1:${endpoint.port}/dm`, 0));
    const ref = { item: 'DM-PACK-015-C-M', section: '5.3.2' };
    const partial = await sessions.runAsFarAsItGoes([[sessions.pad]], ref);
    assert.equal(partial.package1.package, 1);
    assert.ok(partial.unanswered !== undefined);
    assert.throws(() => sessions.judgeUnanswered(partial.unanswered!, ref), Inconclusive);
    const [finding] = recorder.findings;
    assert.equal(finding?.verdict, 'inconclusive');
    assert.equal(finding?.outcome, 'depends-on-failed');
    assert.match(finding?.actual ?? '', /DM-PACK-013-C-M fails/);
  });
});
