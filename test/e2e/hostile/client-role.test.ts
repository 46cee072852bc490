import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DeviceEngine } from '../../../src/harness/device-engine.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { listenUdp, sendUdp } from '../../../src/transport/udp.js';
import { decodeNotification } from '../../../src/protocol/notification/decode.js';
import { decodeWapPushDatagram } from '../../../src/protocol/notification/wap-push.js';
import { startReferenceClient, type RunningReferenceClient } from '../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';
import { MARKUP } from './hostile-server.js';
import { startMemoryProbe } from './memory-probe.js';

const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20261125);
const DEV_ID = 'IMEI:hostile-client';
const INITIATION = 'application/vnd.oma.dm.initiation+json';

/** What a raw HTTP exchange gave: the status, or how the connection ended. */
type RawOutcome = { status: number; contentType: string; body: string } | { closed: string };

/** Posts `chunks` as a request body (chunked unless a length is given), waiting `gapMs` between chunks. */
function rawPost(url: string, headers: Record<string, string>, chunks: Iterable<Buffer | string>, gapMs = 0): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(parts).toString('utf8'),
        }),
      );
      res.on('error', (error) => resolve({ closed: error.message }));
    });
    req.on('error', (error) => resolve({ closed: error.message }));
    const iterator = chunks[Symbol.iterator]();
    const next = (): void => {
      if (req.destroyed) return;
      const step = iterator.next();
      if (step.done === true) return void req.end();
      const more = req.write(step.value);
      const go = (): void => void setTimeout(next, gapMs);
      if (more) go();
      else req.once('drain', go);
    };
    next();
  });
}

function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i += 1) yield chunk;
}

describe('the reference server against a hostile DM client', () => {
  let server: RunningReferenceServer;
  const probe = startMemoryProbe();
  const headers = { 'omadm-devid': DEV_ID, 'content-type': INITIATION, accept: 'application/vnd.oma.dm.request+json' };

  before(async () => {
    server = await startReferenceServer({ devices: [{ devId: DEV_ID }], requestTimeoutMs: 1000, print: () => undefined });
  });
  after(async () => {
    await server.stop();
    probe.stop();
  });

  const cases: [string, () => Promise<RawOutcome>, (outcome: RawOutcome) => boolean][] = [
    ['invalid JSON', () => rawPost(server.dmUrl, headers, ['{"Alert": [']), (o) => 'status' in o && o.status === 400],
    [
      'valid JSON of the wrong shape',
      () => rawPost(server.dmUrl, headers, ['{"Alert": {"AlertType": 7}, "CMD": [["END"]]}']),
      (o) => 'status' in o && o.status === 400,
    ],
    [
      'a wrong content type',
      () => rawPost(server.dmUrl, { ...headers, 'content-type': 'text/html' }, [`<html>${MARKUP}</html>`]),
      (o) => 'status' in o && o.status === 415,
    ],
    [
      'a declared 50 MB body',
      () => rawPost(server.dmUrl, { ...headers, 'content-length': String(50 * 1024 * 1024) }, repeat(Buffer.alloc(1024 * 1024, 0x20), 50)),
      (o) => ('status' in o && o.status === 413) || 'closed' in o,
    ],
    [
      'a streamed 50 MB body',
      () => rawPost(server.dmUrl, headers, repeat(Buffer.alloc(1024 * 1024, 0x20), 50)),
      (o) => ('status' in o && o.status === 413) || 'closed' in o,
    ],
    [
      'a body that never finishes',
      () => rawPost(server.dmUrl, headers, repeat(Buffer.from(' '), 100_000), 50),
      (o) => ('status' in o && o.status === 408) || 'closed' in o,
    ],
    [
      'markup in the DevID header and every field',
      () =>
        rawPost(server.dmUrl, { ...headers, 'omadm-devid': MARKUP }, [
          JSON.stringify({ Alert: [{ AlertType: MARKUP, [MARKUP]: MARKUP }], MOS: [MARKUP] }),
        ]),
      (o) => 'status' in o && o.status >= 400 && o.status < 500,
    ],
  ];
  for (const [name, send, acceptable] of cases) {
    it(`answers ${name} with a 4xx or closes the connection`, { timeout: 15_000 }, async () => {
      const outcome = await send();
      assert.ok(acceptable(outcome), JSON.stringify(outcome).slice(0, 300));
      // Echoed target text is fine inside JSON; it must never come back as markup.
      if ('body' in outcome && outcome.body.includes(MARKUP)) assert.match(outcome.contentType, /json/, 'markup echoed only inside JSON');
    });
  }

  it('survives connections reset mid-request', async () => {
    for (let i = 0; i < 20; i += 1) {
      const { port } = new URL(server.dmUrl);
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          // Reset as soon as the head and the start of the body are sent: the request is left half-way.
          socket.write(
            `POST /dm HTTP/1.1\r\nHost: x\r\nOMADM-DevID: ${DEV_ID}\r\nContent-Type: ${INITIATION}\r\nContent-Length: 500\r\n\r\n{"Alert":[`,
            () => socket.resetAndDestroy(),
          );
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
    }
  });

  it('still runs a conformant session afterwards, under 300 MB of resident memory', async () => {
    const recorder = new TraceRecorder();
    const transcript = await new DeviceEngine({ recorder, serverUrl: server.dmUrl, devId: DEV_ID, timeoutMs: 5000 }).session();
    assert.equal(transcript.end, 'end');
    const peak = probe.peakMiB();
    assert.ok(peak < 300, `peak rss ${peak.toFixed(0)} MiB`);
  });
});

describe('the reference client against random-byte and flooded notifications', () => {
  let server: RunningReferenceServer;
  let client: RunningReferenceClient;
  const probe = startMemoryProbe();

  before(async () => {
    server = await startReferenceServer({ devices: [{ devId: DEV_ID, secret: 's3cr3t', authData: 'nonce' }], print: () => undefined });
    client = await startReferenceClient({ serverUrl: server.dmUrl, devId: DEV_ID, secret: 's3cr3t', authData: 'nonce' });
  });
  after(async () => {
    await client.stop();
    await server.stop();
    probe.stop();
  });

  it('drops a flood of random-byte datagrams and HTTP notifications, starting no session', { timeout: 30_000 }, async () => {
    const datagrams = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 1500 }), { seed: SEED, numRuns: 2000 });
    for (let i = 0; i < datagrams.length; i += 50) {
      await Promise.all(datagrams.slice(i, i + 50).map((bytes) => sendUdp('127.0.0.1', client.udpPort, bytes)));
    }
    for (const bytes of datagrams.slice(0, 100)) {
      const outcome = await rawPost(client.notifyUrl, { 'content-type': 'application/vnd.syncml.dm.notification' }, [Buffer.from(bytes)]);
      assert.ok('status' in outcome || 'closed' in outcome);
    }
    const state = client.state;
    assert.ok(state.notifications.length > 0, 'the flood reached the client');
    assert.ok(
      state.notifications.every((record) => !record.accepted),
      'no random notification is accepted',
    );
    assert.ok(
      state.notifications.every((record) => (record.reason ?? '') !== ''),
      'each drop names a reason',
    );
    assert.equal(state.sessions.length, 0, `seed ${SEED}: no session was started by noise`);
    const peak = probe.peakMiB();
    assert.ok(peak < 300, `peak rss ${peak.toFixed(0)} MiB`);
  });
});

describe('harness UDP listener and notification decoders against random bytes', () => {
  it(
    'keeps a bounded queue under a flood and decodes every datagram to named rules, seed printed on failure',
    { timeout: 30_000 },
    async () => {
      const listener = await listenUdp({ maxQueue: 64, maxDatagramBytes: 512 });
      try {
        const datagrams = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 2000 }), { seed: SEED + 1, numRuns: 3000 });
        for (let i = 0; i < datagrams.length; i += 100)
          await Promise.all(datagrams.slice(i, i + 100).map((bytes) => sendUdp('127.0.0.1', listener.port, bytes)));
        // A last datagram marks the end of the flood: the queue drops its oldest first, so once the
        // mark is in, everything sent before it was taken in or dropped.
        const end = Uint8Array.of(0xe0, 0xf1, 0x00, 0xd0);
        await sendUdp('127.0.0.1', listener.port, end);
        await listener.waitForDatagram((datagram) => Buffer.from(datagram.bytes).equals(Buffer.from(end)), 10_000);
        assert.ok(listener.datagrams.length <= 64, `${listener.datagrams.length} kept`);
        assert.ok(listener.datagrams.every((datagram) => datagram.bytes.length <= 512));
      } finally {
        await listener.close();
      }
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), (bytes) => {
          const notification = decodeNotification(bytes, { secret: 's3cr3t', authData: 'nonce' });
          const datagram = decodeWapPushDatagram(bytes);
          return [...notification.violations, ...datagram.violations].every(
            (violation) => violation.rule !== '' && violation.section !== '',
          );
        }),
        { seed: SEED + 2, numRuns: 5000 },
      );
    },
  );
});
