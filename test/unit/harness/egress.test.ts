/**
 * A hostile DM server steering dmct's requests elsewhere: an HGET of an internal URL then a GET
 * of the leaf (to read it back in Package#3), a CONT to another port of the same machine written
 * as an IPv4-mapped IPv6 address. The internal service must never be reached, in run and load mode.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { deviceNodes } from '../../../src/harness/device-engine-tree.js';
import { EgressPolicy } from '../../../src/transport/egress.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { runLoad, type LoadRunOptions } from '../../../src/load/index.js';

const PACKAGE2 = 'application/vnd.oma.dm.request+json';
const SECRET = 'internal-secret-0123456789';

/** A small load run against `targetUrl`; `overrides` change its bounds. */
function loadOptions(targetUrl: string, overrides: Partial<LoadRunOptions>): LoadRunOptions {
  return {
    targetUrl,
    devices: 1,
    concurrency: 1,
    durationMs: 30_000,
    maxSessions: 100,
    devIdPrefix: 'IMEI:egress-',
    timeoutMs: 5000,
    maxBodyBytes: 1024 * 1024,
    maxPackage2s: 4,
    ...overrides,
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('egress policy', () => {
  it('compares IP addresses in normal form and names as written', () => {
    const policy = new EgressPolicy(['127.0.0.1:8080', 'repo.example', 'http://dm.example/dm']);
    for (const allowed of [
      'http://127.0.0.1:8080/x',
      'http://[::ffff:7f00:1]:8080/',
      'http://2130706433:8080/',
      'http://0x7f.0.0.1:8080/',
      'http://REPO.example./a',
      'http://repo.example:9/',
      'http://dm.example/',
    ]) {
      assert.equal(policy.refusal(allowed), undefined, allowed);
    }
    for (const refused of [
      'http://127.0.0.1:8081/',
      'http://[::ffff:7f00:1]:8081/',
      'http://localhost:8080/',
      'http://169.254.169.254/latest',
      'http://127.0.0.1.nip.io:8080/',
      'http://dm.example:8080/',
    ]) {
      assert.match(
        policy.refusal(refused) ?? '',
        /is not an allowed host \(claims network\.allowHosts; allowed: 127\.0\.0\.1:8080, repo\.example, dm\.example:80\)$/,
        refused,
      );
    }
  });
});

describe('a hostile server steering dmct to an internal service', () => {
  let internalHits = 0;
  const internal = createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(SECRET);
  });
  let internalPort = 0;
  let commands: unknown[][] = [];
  const hostile = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': PACKAGE2 }).end(JSON.stringify({ CMD: commands })));
  });
  let hostilePort = 0;
  before(async () => {
    internalPort = await listen(internal);
    hostilePort = await listen(hostile);
  });
  after(() => {
    internal.close();
    hostile.close();
  });

  it('run mode: the HGET of an internal URL is never fetched and the scenario is told', async () => {
    const leaf = deviceNodes().dataLeaf;
    commands = [['HGET', `http://127.0.0.1:${internalPort}/secret`, leaf], ['GET', leaf], ['END']];
    const refused: string[] = [];
    const recorder = new TraceRecorder();
    const device = new DeviceEngine({
      recorder,
      serverUrl: `http://127.0.0.1:${hostilePort}/dm`,
      devId: 'IMEI:1',
      egress: new EgressPolicy([`127.0.0.1:${hostilePort}`]),
      onEgressRefused: (detail) => refused.push(detail),
    });
    await device.session();
    assert.equal(internalHits, 0);
    assert.equal(refused.length, 1);
    assert.match(
      refused[0] ?? '',
      new RegExp(
        `^HGET → repository: dmct did not send GET http://127\\.0\\.0\\.1:${internalPort}/secret: 127\\.0\\.0\\.1:${internalPort} is not an allowed host`,
      ),
    );
    assert.ok(!JSON.stringify(recorder.toEvidence()).includes(SECRET));
  });

  it('run mode: a CONT to another port, written [::ffff:7f00:1], is not followed', async () => {
    commands = [['CONT', `http://[::ffff:7f00:1]:${internalPort}/dm`]];
    const refused: string[] = [];
    const device = new DeviceEngine({
      recorder: new TraceRecorder(),
      serverUrl: `http://127.0.0.1:${hostilePort}/dm`,
      devId: 'IMEI:1',
      egress: new EgressPolicy([`127.0.0.1:${hostilePort}`]),
      onEgressRefused: (detail) => refused.push(detail),
    });
    const transcript = await device.session();
    assert.equal(internalHits, 0);
    assert.equal(transcript.end, 'no-answer');
    assert.match(
      refused[0] ?? '',
      /^Package#3: dmct did not send POST http:\/\/\[::ffff:7f00:1\]:\d+\/dm: 127\.0\.0\.1:\d+ is not an allowed host/,
    );
  });

  it('load mode: every session stops at the CONT and is counted, the internal service is never reached', async () => {
    commands = [['CONT', `http://[::ffff:7f00:1]:${internalPort}/dm`]];
    const report = await runLoad(loadOptions(`http://127.0.0.1:${hostilePort}/dm`, { devices: 2, concurrency: 2, maxSessions: 6 }));
    assert.equal(internalHits, 0);
    assert.deepEqual(report.errorKinds, { "egress-refused: a CONT URI outside the target's origin": 6 });
  });

  it('load mode: an HGET or SHOW of the internal URL is never fetched', async () => {
    const leaf = deviceNodes().dataLeaf;
    commands = [
      ['HGET', `http://127.0.0.1:${internalPort}/secret`, leaf],
      ['SHOW', `http://[::ffff:7f00:1]:${internalPort}/page`],
      ['END'],
    ];
    const report = await runLoad(loadOptions(`http://127.0.0.1:${hostilePort}/dm`, { devices: 2, concurrency: 2, maxSessions: 4 }));
    assert.equal(internalHits, 0);
    assert.equal(report.completed, 4, JSON.stringify(report.errorKinds));
  });
});

describe('load mode against a target whose name is rebound during the run', () => {
  it('resolves the target name once: every package, CONT included, goes to the first answer', async () => {
    const paths: string[] = [];
    const target = createServer((req, res) => {
      paths.push(req.url ?? '');
      req.resume();
      const port = (target.address() as AddressInfo).port;
      const CMD = req.url === '/dm' ? [['CONT', `http://dm.rebind.test:${port}/cont`]] : [['END']];
      req.on('end', () => res.writeHead(200, { 'content-type': PACKAGE2 }).end(JSON.stringify({ CMD })));
    });
    const port = await listen(target);
    const answers: string[] = [];
    // The first answer is the target; every later one would be an internal address (DNS rebinding).
    const resolveHost = (hostname: string) => {
      answers.push(hostname);
      return Promise.resolve([{ address: answers.length === 1 ? '127.0.0.1' : '10.255.255.1', family: 4 }]);
    };
    try {
      const report = await runLoad(
        loadOptions(`http://dm.rebind.test:${port}/dm`, { devices: 2, concurrency: 2, maxSessions: 6, resolveHost }),
      );
      assert.deepEqual(answers, ['dm.rebind.test']);
      assert.equal(report.completed, 6, JSON.stringify(report.errorKinds));
      assert.deepEqual(paths.filter((path) => path === '/cont').length, 6, 'each CONT was followed to the pinned address');
    } finally {
      target.close();
    }
  });

  it('a connection to any other name fails without a DNS query', async () => {
    const { pinnedLookup } = await import('../../../src/load/pinned-lookup.js');
    const lookup = pinnedLookup('dm.example', Promise.resolve([{ address: '192.0.2.7', family: 4 }]));
    const ask = (name: string, options: { all?: boolean; family?: number }) =>
      new Promise<unknown>((resolve) =>
        lookup(name, options, (error, address, family) => resolve(error === null ? { address, family } : error.message)),
      );
    assert.deepEqual(await ask('DM.example', {}), { address: '192.0.2.7', family: 4 });
    assert.deepEqual(await ask('dm.example', { all: true }), { address: [{ address: '192.0.2.7', family: 4 }], family: undefined });
    assert.equal(await ask('internal.example', {}), "internal.example is not the load target's host dm.example");
    assert.equal(await ask('dm.example', { family: 6 }), 'dm.example has no address of family 6');
  });
});

describe('dmct load stopped while side transfers hang', () => {
  it('the first abort (Ctrl-C) cuts the transfers in flight and gives the figures so far', { timeout: 20_000 }, async () => {
    const stop = new AbortController();
    const hanging = new Set<import('node:http').ServerResponse>();
    const target = createServer((req, res) => {
      req.resume();
      if (req.url?.startsWith('/slow') === true) {
        hanging.add(res); // never answered: only the abort ends this SHOW
        stop.abort();
        return;
      }
      const port = (target.address() as AddressInfo).port;
      req.on('end', () =>
        res.writeHead(200, { 'content-type': PACKAGE2 }).end(JSON.stringify({ CMD: [['SHOW', `http://127.0.0.1:${port}/slow`]] })),
      );
    });
    const port = await listen(target);
    try {
      const report = await runLoad(
        loadOptions(`http://127.0.0.1:${port}/dm`, { durationMs: 60_000, timeoutMs: 60_000, signal: stop.signal }),
      );
      assert.equal(report.sessions, 1);
      assert.deepEqual(report.errorKinds, { interrupted: 1 });
    } finally {
      for (const res of hanging) res.destroy();
      target.close();
    }
  });
});
