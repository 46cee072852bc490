/**
 * The reference server notifies the reference client over HTTP (App E.3) through the HTTP relay of
 * `dmct monitor`: the Package#0 reaches the client, which opens its session through the monitor;
 * both are judged, and a server notification fault is charged to the server alone.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startMonitor, type MonitorLine, type PassiveJudgement, type RunningMonitor } from '../../../src/monitor/index.js';
import { packageOf } from '../../../src/monitor/passive-judge.js';
import { MOIDS, startReferenceClient, type RunningReferenceClient } from '../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';
import { policyVerdict } from '../../../src/report/verdict-policy.js';
import { freePort } from '../../unit/run/free-port.js';

const SECRET = 's3cr3t';
const AUTH_DATA = 'nonce';

interface RelayedRun {
  monitor: RunningMonitor;
  lines: MonitorLine[];
  client: RunningReferenceClient;
  server: RunningReferenceServer;
}

/** `side rule` of every rule with a failing finding. */
function failing(judgement: PassiveJudgement): string[] {
  return judgement.observations
    .filter((o) => o.findings.some((f) => policyVerdict(f.outcome) === 'fail'))
    .map((o) => `${o.side} ${o.key}`)
    .sort();
}

/** The server (with `faults`) notifies the client over HTTP through the monitor's relay, with one GET queued. */
async function notifyThroughRelay(faults: string[], runs: RelayedRun[]): Promise<RelayedRun> {
  const server = await startReferenceServer({ faults });
  const port = await freePort();
  const client = await startReferenceClient({ serverUrl: `http://127.0.0.1:${port}/dm`, secret: SECRET, authData: AUTH_DATA });
  const lines: MonitorLine[] = [];
  const monitor = await startMonitor({
    upstream: new URL(server.dmUrl),
    listen: { port },
    httpRelay: { target: new URL(client.notifyUrl) },
    notificationCredentials: { secret: new TextEncoder().encode(SECRET), authData: new TextEncoder().encode(AUTH_DATA) },
    onPackage: (line) => lines.push(line),
  });
  const run = { monitor, lines, client, server };
  runs.push(run);
  const admin = async (path: string, body: unknown) => {
    const response = await fetch(`${server.adminUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${path} → ${response.status}: ${await response.text()}`);
  };
  const device = `/devices/${encodeURIComponent(client.devId)}`;
  await admin('/devices', {
    devId: client.devId,
    secret: SECRET,
    authData: AUTH_DATA,
    notify: { transport: 'http', url: monitor.httpRelayUrl?.href },
  });
  await admin(`${device}/commands`, { command: ['GET', `${MOIDS.devInfo}//DevID`] });
  await admin(`${device}/notify`, { serverId: 'dmct-reference-server', timestamp: 'now', digest: true });
  await client.client.whenIdle(1);
  await monitor.settled();
  return run;
}

describe('dmct monitor: Package#0 over HTTP through the relay, reference server to reference client', () => {
  const runs: RelayedRun[] = [];
  after(async () => {
    for (const run of runs) {
      await run.client.stop();
      await run.monitor.close();
      await run.server.stop();
    }
  });

  it('relays the notification to the client, which opens its session through the monitor; nothing is charged', async () => {
    const run = await notifyThroughRelay([], runs);
    const relayed = run.lines.filter((l) => l.kind === 'package0');
    assert.equal(relayed.length, 1, run.lines.map((l) => l.text).join('\n'));
    assert.match(relayed[0]?.text ?? '', /Package#0 over HTTP POST \/notify → 202: SERVER-ID "dmct-reference-server".* {2}ok$/);
    assert.ok(
      run.monitor.exchanges().some((e) => packageOf(e) === 1),
      'the session the notification started went through the monitor',
    );
    const judgement = run.monitor.judgement();
    assert.deepEqual(failing(judgement), []);
    const digest = judgement.observations.find((o) => o.key === '5.2.1.2/sha256-digest');
    assert.ok(digest && digest.side === 'server' && digest.checks === 1 && digest.evidence === undefined);
  });

  it('charges notify-bad-digest to the server under 5.2.1.2/sha256-digest, and nothing else', async () => {
    const run = await notifyThroughRelay(['notify-bad-digest'], runs);
    assert.deepEqual(failing(run.monitor.judgement()), ['server 5.2.1.2/sha256-digest']);
    assert.match(run.lines.find((l) => l.kind === 'package0')?.text ?? '', /FAIL server 5\.2\.1\.2\/sha256-digest/);
  });
});
