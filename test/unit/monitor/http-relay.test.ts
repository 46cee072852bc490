import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  buildJudgeReport,
  HTTP_RELAY_LIMITS,
  judgeTraffic,
  parseHarText,
  startMonitor,
  type MonitorLine,
  type RunningMonitor,
} from '../../../src/monitor/index.js';
import { exchangesToHar } from '../../../src/monitor/har-export.js';
import { encodeNotification } from '../../../src/protocol/notification/encode.js';
import { encodeGcmMessage } from '../../../src/protocol/notification/gcm.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';
import { failedRules, verdictOf } from './judge-fixtures.js';

const SECRET = new TextEncoder().encode('noti-secret');
const AUTH_DATA = new TextEncoder().encode('noti-data');
const CREDENTIALS = { secret: SECRET, authData: AUTH_DATA };
const NOTIFICATION_TYPE = 'application/vnd.syncml.dm.notification';
const edition = loadEdition(DEFAULT_EDITION);

/** A clean Package#0 stamped now, its digest made with `secret`. */
function package0(secret: Uint8Array = SECRET): Uint8Array {
  return encodeNotification(
    { serverId: 'server-1', notificationId: 7, digest: true, timestamp: Math.floor(Date.now() / 1000) },
    { secret, authData: AUTH_DATA },
  );
}

describe('the HTTP relay of dmct monitor (Package#0 POSTed by the server)', () => {
  let client: http.Server;
  let received: { path: string; type: string | undefined; body: Buffer }[];
  let monitor: RunningMonitor;
  let lines: MonitorLine[];

  before(async () => {
    // The client's notification endpoint: takes the bytes, answers 202 with a body of its own.
    client = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'], body: Buffer.concat(chunks) });
        res.writeHead(202, { 'x-client': 'took it' }).end('queued');
      });
    });
    await new Promise<void>((resolve) => client.listen(0, '127.0.0.1', resolve));
  });

  beforeEach(async () => {
    await monitor?.close();
    received = [];
    lines = [];
    const { port } = client.address() as AddressInfo;
    monitor = await startMonitor({
      // No DM traffic in these tests: the upstream is never contacted.
      upstream: new URL('http://127.0.0.1:9/dm'),
      httpRelay: { target: new URL(`http://127.0.0.1:${port}/notify`) },
      notificationCredentials: CREDENTIALS,
      onPackage: (line) => lines.push(line),
    });
  });

  after(async () => {
    await monitor.close();
    await new Promise<void>((resolve) => client.close(() => resolve()));
  });

  async function post(body: Uint8Array | string, type: string): Promise<Response> {
    const answer = await fetch(monitor.httpRelayUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
    await monitor.settled();
    return answer;
  }

  it("forwards the bare Package#0 unchanged to the client's URL, answers with the client's answer, and judges it (the server)", async () => {
    assert.equal(monitor.httpRelayUrl?.pathname, '/notify');
    const bytes = package0();
    const answer = await post(bytes, NOTIFICATION_TYPE);
    assert.equal(answer.status, 202);
    assert.equal(answer.headers.get('x-client'), 'took it');
    assert.equal(await answer.text(), 'queued');
    assert.deepEqual(received, [{ path: '/notify', type: NOTIFICATION_TYPE, body: Buffer.from(bytes) }]);
    const [exchange] = monitor.exchanges();
    assert.deepEqual(Buffer.from(exchange?.requestBody ?? []), Buffer.from(bytes));
    const judged = monitor.judgement();
    assert.deepEqual(failedRules(judged, 'server'), []);
    for (const key of ['5.2.1/package0', '5.2.1.1/ver-header', '5.2.1.2/sha256-digest', '5.2.1.2/timestamp'])
      assert.equal(verdictOf(judged, 'server', key), 'pass', key);
    // A WAP Push framing is what a datagram shows, not an HTTP POST.
    assert.equal(verdictOf(judged, 'server', 'E.1/wap-push'), 'not-observed');
    assert.equal(judged.skipped.length, 0, 'the Package#0 exchange is not a DM package left unjudged');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.kind, 'package0');
    assert.match(lines[0]?.text ?? '', /^#1 Package#0 over HTTP POST \/notify → 202: SERVER-ID "server-1", NOTIFICATION-ID 7 {2}ok$/);
  });

  it('charges a digest made with another secret to the server, on the line and in the report evidence', async () => {
    await post(package0(new TextEncoder().encode('another')), NOTIFICATION_TYPE);
    const judged = monitor.judgement();
    assert.deepEqual(failedRules(judged, 'server'), ['5.2.1.2/sha256-digest']);
    assert.deepEqual(failedRules(judged, 'client'), []);
    assert.match(lines[0]?.text ?? '', /FAIL server 5\.2\.1\.2\/sha256-digest/);
    const now = new Date();
    const report = buildJudgeReport({
      edition,
      capture: 'relay',
      exchanges: monitor.exchanges(),
      judgement: judged,
      claims: {},
      dmctVersion: 'test',
      startTime: now,
      endTime: now,
    });
    const [id] = itemsHoldingRules(edition, 'server', ['5.2.1.2/sha256-digest']);
    const item = report.items.find((i) => i.id === id && i.role === 'server');
    assert.equal(item?.verdict, 'fail');
    const scenario = item?.scenarios.find((s) => s.id === 'passive-5.2.1.2-sha256-digest-http');
    assert.match(scenario?.findings[0]?.actual ?? '', /^exchange 1: /);
    assert.equal(scenario?.messages[0]?.http?.method, 'POST');
  });

  it('reads a GCM message (App E.2): the base64 Package#0 in data.SMS judged, the message forwarded unchanged', async () => {
    const message = JSON.stringify(encodeGcmMessage(package0(), { registrationId: 'reg-1' }));
    await post(message, 'application/json');
    assert.equal(received[0]?.body.toString(), message);
    const judged = monitor.judgement();
    assert.equal(verdictOf(judged, 'server', '5.2.1.2/sha256-digest'), 'pass');
    assert.match(lines[0]?.text ?? '', /Package#0 in a GCM message POST \/notify → 202: SERVER-ID/);
    await post(JSON.stringify({ registration_ids: ['reg-1'], data: { SMS: '%%%' } }), 'application/json');
    assert.deepEqual(failedRules(monitor.judgement(), 'server'), ['5.2.1/package0']);
  });

  it('judges from the HAR what it judged live (dmct judge on capture.har agrees)', async () => {
    await post(package0(new TextEncoder().encode('another')), NOTIFICATION_TYPE);
    await post(JSON.stringify(encodeGcmMessage(package0(), { registrationId: 'reg-1' })), 'application/json; charset=utf-8');
    const har = JSON.stringify(exchangesToHar(monitor.exchanges(), { name: 'test', version: '0' }));
    const fromHar = judgeTraffic(parseHarText(har, 'capture.har'), [], CREDENTIALS);
    assert.deepEqual(fromHar, monitor.judgement());
  });

  it('relays POSTs only, refuses a body over its bound without forwarding it, and does not judge what is no Package#0', async () => {
    const get = await fetch(monitor.httpRelayUrl ?? '');
    assert.equal(get.status, 405);
    const big = await post(new Uint8Array(HTTP_RELAY_LIMITS.maxBodyBytes + 1), NOTIFICATION_TYPE);
    assert.equal(big.status, 413);
    assert.equal(received.length, 0);
    const other = await post('hello', 'text/plain');
    assert.equal(other.status, 202);
    assert.equal(received.length, 1);
    assert.deepEqual(monitor.judgement().observations, []);
    assert.match(lines.at(-1)?.text ?? '', /not judged: neither the notification media type nor a GCM message$/);
  });
});
