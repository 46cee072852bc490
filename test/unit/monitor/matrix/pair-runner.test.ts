import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readCapture } from '../../../../src/monitor/index.js';
import { PAIR_FILE, PAIR_HAR_FILE, runPair, urlThroughMonitor } from '../../../../src/monitor/matrix/index.js';
import { validateReport } from '../../../../src/report/validate.js';
import { loadEdition } from '../../../../src/scr/index.js';
import type { ClaimedPeer, PairMonitorOptions, PullTrigger, StartPairMonitor } from '../../../../src/monitor/matrix/index.js';
import { captured, peer, ReplayMonitor, ScriptedMonitor, sessionDoneTrigger } from './matrix-fixtures.js';

const edition = loadEdition('dm20-2016');
const outDir = await mkdtemp(join(tmpdir(), 'dmct-pair-'));
after(() => rm(outDir, { recursive: true, force: true }));

describe('urlThroughMonitor', () => {
  it("gives the monitor's origin with the server's path, or the monitor's own path when it has one", () => {
    const upstream = new URL('https://dm.example.com:8443/oma/dm?x=1');
    assert.equal(urlThroughMonitor(new URL('http://127.0.0.1:4000/'), upstream), 'http://127.0.0.1:4000/oma/dm?x=1');
    assert.equal(urlThroughMonitor(new URL('http://127.0.0.1:4000/oma/dm'), upstream), 'http://127.0.0.1:4000/oma/dm');
  });
});

describe('runPair', () => {
  it('points the client at the monitor, judges what the monitor saw and writes the report folder, then pair.json', async () => {
    const monitor = new ReplayMonitor(await captured('package3-after-end.har'));
    const upstreams: string[] = [];
    const devIds: (string | undefined)[] = [];
    const calls: Record<string, unknown>[] = [];
    const result = await runPair({
      client: peer('client', 'phone'),
      server: peer('server', 'acme', ['notify']),
      edition,
      outDir,
      timeMs: 5000,
      dmctVersion: '0.0.0-test',
      startMonitor: (upstream, options) => {
        upstreams.push(upstream.href);
        devIds.push(options.clientDevId);
        return Promise.resolve(monitor);
      },
      pullTrigger: sessionDoneTrigger(calls),
      waitUntil: () => Promise.reject(new Error('a session said to be over is not waited for')),
    });
    assert.deepEqual(upstreams, ['http://127.0.0.1:7710/dm']);
    // The client's OMADM-DevID is held to the DevID its claims give (§5.2.2).
    assert.deepEqual(devIds, [peer('client', 'phone').claims.client?.devId]);
    assert.ok(devIds[0] !== undefined);
    assert.equal(calls[0]?.['serverUrl'], 'http://127.0.0.1:9/dm');
    assert.equal(calls[0]?.['adminToken'], 'replace-with-the-token-dmct-sim-prints');
    assert.ok(monitor.closed);
    assert.equal(result.folder, 'pairs/phone__acme');
    assert.equal(result.verdicts.client.verdict, 'non-conformant');
    assert.equal(result.verdicts.client.failed, 1);
    assert.notEqual(result.verdicts.server.verdict, 'non-conformant');
    assert.equal(result.problem, undefined);
    assert.deepEqual(result.initiations, [{ by: 'client', started: true }]);
    const report: unknown = JSON.parse(await readFile(join(outDir, result.folder, 'report.json'), 'utf8'));
    assert.ok(validateReport(report).ok);
    await stat(join(outDir, result.folder, 'index.html'));
    assert.deepEqual(JSON.parse(await readFile(join(outDir, result.folder, PAIR_FILE), 'utf8')), result);
    const har = await readCapture(join(outDir, result.folder, PAIR_HAR_FILE));
    assert.equal(har.length, result.exchanges);
  });

  it("judges at the pair's deadline when the trigger does not say the session is over", async () => {
    const deadlines: number[] = [];
    const before = Date.now();
    await runPair({
      client: peer('client', 'phone'),
      server: peer('server', 'waits', ['notify']),
      edition,
      outDir,
      timeMs: 7000,
      dmctVersion: '0.0.0-test',
      startMonitor: async () => new ReplayMonitor(await captured('clean-get-end.har')),
      pullTrigger: () => Promise.resolve({ ok: true, detail: 'fake' }),
      waitUntil: (deadline) => {
        deadlines.push(deadline);
        return Promise.resolve();
      },
    });
    assert.equal(deadlines.length, 1);
    assert.ok((deadlines[0] ?? 0) >= before + 7000);
  });

  it('a trigger not pulled leaves the pair incomplete with the reason, never a fail of either side', async () => {
    const result = await runPair({
      client: peer('client', 'phone'),
      server: peer('server', 'refused', ['notify']),
      edition,
      outDir,
      timeMs: 5000,
      dmctVersion: '0.0.0-test',
      startMonitor: () => Promise.resolve(new ReplayMonitor([])),
      pullTrigger: () =>
        Promise.resolve({ ok: false, inconclusive: 'trigger sessionWith: the hook answered HTTP 401', outcome: 'stimulus-not-delivered' }),
    });
    assert.match(result.problem ?? '', /HTTP 401/);
    assert.equal(result.verdicts.client.verdict, 'incomplete');
    assert.equal(result.verdicts.server.verdict, 'incomplete');
    assert.equal(result.exchanges, 0);
  });

  it("a monitor that cannot start is the pair's problem, and no trigger is pulled", async () => {
    const calls: Record<string, unknown>[] = [];
    const result = await runPair({
      client: peer('client', 'phone'),
      server: peer('server', 'no-port', ['notify']),
      edition,
      outDir,
      timeMs: 5000,
      dmctVersion: '0.0.0-test',
      startMonitor: () => Promise.reject(new Error('listen EADDRINUSE')),
      pullTrigger: sessionDoneTrigger(calls),
    });
    assert.match(result.problem ?? '', /monitor could not start.*EADDRINUSE/);
    assert.equal(calls.length, 0);
  });

  it('an interrupted pair keeps its report but writes no pair.json, so a rerun judges it again', async () => {
    const stop = new AbortController();
    const result = await runPair({
      client: peer('client', 'phone'),
      server: peer('server', 'stopped', ['notify']),
      edition,
      outDir,
      timeMs: 5000,
      dmctVersion: '0.0.0-test',
      startMonitor: () => Promise.resolve(new ReplayMonitor([])),
      pullTrigger: () => {
        stop.abort();
        return Promise.resolve({ ok: true, detail: 'fake', sessionDone: true });
      },
      signal: stop.signal,
    });
    assert.match(result.problem ?? '', /^interrupted/);
    await stat(join(outDir, result.folder, 'report.json'));
    await assert.rejects(stat(join(outDir, result.folder, PAIR_FILE)));
  });
});

describe('runPair, server-initiated sessions', () => {
  /** The options every pair of these tests has: 5 s, and (`fixed`) the monitor on a fixed port the clients name. */
  function common(client: ClaimedPeer, server: ClaimedPeer, startMonitor: StartPairMonitor, fixed: boolean) {
    return {
      client,
      server,
      edition,
      outDir,
      timeMs: 5000,
      dmctVersion: '0.0.0-test',
      startMonitor,
      ...(fixed ? { monitorListen: { port: 4000 } } : {}),
    };
  }

  /** A monitor the pair starts, kept for the test with what the pair asked of it. */
  function scripted() {
    const started: { monitor?: ScriptedMonitor; options?: PairMonitorOptions } = {};
    const startMonitor = (_upstream: URL, options: PairMonitorOptions) => {
      started.monitor = new ScriptedMonitor(options.onTraffic);
      started.options = options;
      return Promise.resolve(started.monitor);
    };
    return { started, startMonitor };
  }

  /** Triggers by name: `notify` plays the notified client's session into the monitor (a relayed datagram, then its exchanges). */
  function triggers(
    started: { monitor?: ScriptedMonitor },
    session: Awaited<ReturnType<typeof captured>>,
    pulled: string[],
    values: unknown[] = [],
  ): PullTrigger {
    return (_trigger, input, options) => {
      pulled.push(options.name);
      values.push(input);
      if (options.name === 'notify') started.monitor?.arrive(session);
      return Promise.resolve({ ok: true, detail: 'fake', sessionDone: true });
    };
  }

  it("notifies through the monitor's relay to the client's address, and judges the session the client opens", async () => {
    const { started, startMonitor } = scripted();
    const pulled: string[] = [];
    const values: unknown[] = [];
    const result = await runPair({
      ...common(peer('client', 'notified', ['sessionWith']), peer('server', 'notifier'), startMonitor, true),
      pullTrigger: triggers(started, await captured('package3-after-end.har'), pulled, values),
      waitUntil: () => Promise.reject(new Error('a session seen to end is not waited for')),
    });
    assert.deepEqual(started.options?.relay, { udp: { host: '127.0.0.1', port: 2948 } });
    assert.deepEqual(started.options?.listen, { port: 4000 });
    assert.deepEqual(pulled, ['notify']);
    assert.deepEqual(values[0], {
      devId: 'IMEI:351234567890123',
      serverId: 'dmct-reference-server',
      adminUrl: 'http://127.0.0.1:7710',
      adminToken: 'replace-with-the-token-dmct-sim-prints',
      options: {},
      dmct: { role: 'server', host: '127.0.0.1', notificationSink: { udpHost: '127.0.0.1', udpPort: 40000 } },
    });
    assert.deepEqual(result.initiations, [{ by: 'server', via: 'udp', started: true }]);
    assert.equal(result.problem, undefined);
    assert.equal(result.verdicts.client.verdict, 'non-conformant');
    assert.ok(started.monitor?.closed);
  });

  it('runs both when both can start: the client-initiated session first, then the server-initiated one', async () => {
    const { started, startMonitor } = scripted();
    const pulled: string[] = [];
    const result = await runPair({
      ...common(peer('client', 'both'), peer('server', 'both'), startMonitor, true),
      pullTrigger: triggers(started, await captured('clean-get-end.har'), pulled),
    });
    assert.deepEqual(pulled, ['sessionWith', 'notify']);
    assert.deepEqual(result.initiations, [
      { by: 'client', started: true },
      { by: 'server', via: 'udp', started: true },
    ]);
    assert.equal(result.problem, undefined);
  });

  it("a notification that never comes through the relay is the pair's problem at the deadline, never a pass", async () => {
    const { startMonitor } = scripted();
    const deadlines: number[] = [];
    const result = await runPair({
      ...common(peer('client', 'silent', ['sessionWith']), peer('server', 'silent'), startMonitor, true),
      pullTrigger: () => Promise.resolve({ ok: true, detail: 'fake' }),
      waitUntil: (deadline) => {
        deadlines.push(deadline);
        return Promise.resolve();
      },
    });
    assert.equal(deadlines.length, 1);
    assert.deepEqual(result.initiations, [{ by: 'server', via: 'udp', started: false, reason: 'no Package#0 came through the relay' }]);
    assert.match(result.problem ?? '', /^server-initiated session: no Package#0 came through the relay$/);
    assert.equal(result.verdicts.client.verdict, 'incomplete');
    assert.equal(result.verdicts.server.verdict, 'incomplete');
  });

  it('a pair where no session can be started is incomplete with the reason, and pulls no trigger', async () => {
    const { started, startMonitor } = scripted();
    const pulled: string[] = [];
    const result = await runPair({
      ...common(peer('client', 'no-way', ['sessionWith']), peer('server', 'no-way', ['notify']), startMonitor, true),
      pullTrigger: triggers(started, [], pulled),
    });
    assert.deepEqual(pulled, []);
    assert.equal(started.options?.relay, undefined);
    assert.deepEqual(result.initiations, []);
    assert.match(result.problem ?? '', /^no session could be started: .*no notify trigger/);
    assert.equal(result.verdicts.client.verdict, 'incomplete');
  });

  it("without a fixed monitor address it does not notify (the client's session would bypass the monitor), and says so", async () => {
    const { started, startMonitor } = scripted();
    const pulled: string[] = [];
    const result = await runPair({
      ...common(peer('client', 'unreachable'), peer('server', 'unreachable'), startMonitor, false),
      pullTrigger: triggers(started, await captured('clean-get-end.har'), pulled),
    });
    assert.deepEqual(pulled, ['sessionWith']);
    assert.equal(started.options?.relay, undefined);
    assert.equal(result.initiations[0]?.started, true);
    assert.match(result.initiations[1]?.reason ?? '', /^not tried: without a fixed monitor address/);
    assert.equal(result.problem, undefined);
  });
});
