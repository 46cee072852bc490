import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ServedEndpoint, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { failureOutcome, request } from '../../../src/transport/http-client.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';
import { repositoryHandlers } from './mock-handlers.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(typeof address === 'object' && address !== null);
  return address.port;
}

/** One GET to a raw TCP peer on a free loopback port, which is closed afterwards. */
async function requestTo(peer: net.Server, label: string) {
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', () => resolve()));
  const address = peer.address();
  assert.ok(typeof address === 'object' && address !== null);
  const outcome = await request(new TraceRecorder(), { url: `http://127.0.0.1:${address.port}/`, label });
  await new Promise<void>((resolve) => peer.close(() => resolve()));
  return outcome;
}

describe('guarded HTTP client', () => {
  let endpoint: ServedEndpoint;
  before(async () => {
    endpoint = await serveHandlers(repositoryHandlers(), { name: 'repository' });
  });
  after(() => endpoint.close());

  it('records the request and the response, with seq numbers', async () => {
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, {
      method: 'POST',
      url: `${endpoint.url}/echo`,
      headers: { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': 'IMEI:1' },
      body: '{"Alert":[]}',
      label: 'Package#1',
    });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.truncated, false);
    const [sent, answered] = recorder.messages;
    assert.equal(outcome.requestSeq, sent?.seq);
    assert.equal(outcome.responseSeq, answered?.seq);
    assert.equal(sent?.label, 'Package#1');
    assert.equal(sent?.from, 'dmct');
    assert.equal(sent?.to, 'target');
    assert.equal(sent?.http?.headers?.['omadm-devid'], 'IMEI:1');
    assert.equal(sent?.body?.text, '{"Alert":[]}');
    assert.equal(answered?.label, '201 ← Package#1');
    assert.equal(answered?.from, 'target');
    assert.equal(answered?.body?.text, '{"Alert":[]}');
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, { url: `${endpoint.url}/redirect`, label: 'redirect' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 302);
    assert.equal(outcome.headers.get('location'), '/mo/devinfo');
    assert.equal(recorder.messages.filter((m) => m.kind === 'http-request').length, 1);
  });

  it('stops reading a body over the cap and reports too-large', async () => {
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, { url: `${endpoint.url}/endless`, label: 'endless', maxResponseBytes: 40_000 });
    assert.ok(outcome.kind === 'too-large');
    assert.equal(outcome.status, 200);
    assert.match(outcome.detail, /exceeds 40000 bytes/);
    const response = recorder.messages.find((m) => m.kind === 'http-response');
    assert.equal(response?.body?.truncated, true);
    assert.ok((response?.body?.size ?? 0) > 40_000);
    assert.equal(recorder.messages.at(-1)?.seq, outcome.seq);
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('can keep the first bytes of an oversized body instead', async () => {
    const outcome = await request(new TraceRecorder(), {
      url: `${endpoint.url}/endless`,
      label: 'endless',
      maxResponseBytes: 1000,
      overflow: 'truncate',
    });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.truncated, true);
    assert.equal(outcome.body.length, 1000);
  });

  it('gives up after the time-out', async () => {
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, { url: `${endpoint.url}/hang`, label: 'hang', timeoutMs: 150 });
    assert.equal(outcome.kind, 'timeout');
    assert.equal(recorder.messages.at(-1)?.label, 'hang: timeout (no complete answer within 150 ms)');
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, { url: `http://127.0.0.1:${port}/`, label: 'nobody' });
    assert.ok(outcome.kind === 'connection-error');
    assert.match(outcome.detail, /ECONNREFUSED/);
    assert.equal(recorder.messages.at(-1)?.kind, 'note');
  });

  it("finding 8: a peer that reads the request and closes is connection-closed (the target's), not a connection error", async () => {
    let requestBytes = 0;
    const blackHole = net.createServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        requestBytes += chunk.length;
        if (chunk.includes('\r\n\r\n')) socket.end();
      });
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', () => resolve()));
    const address = blackHole.address();
    assert.ok(typeof address === 'object' && address !== null);
    const outcome = await request(new TraceRecorder(), {
      method: 'POST',
      url: `http://127.0.0.1:${address.port}/dm`,
      body: '{"Alert":[]}',
      label: 'Package#1',
    });
    await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    assert.ok(requestBytes > 0, 'the request reached the peer');
    assert.equal(outcome.kind, 'connection-closed');
    assert.equal(failureOutcome(outcome.kind), 'closed-after-stimulus');
  });

  it('finding 8: a peer that resets the connection at once is connection-closed too', async () => {
    const rude = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', () => resolve()));
    const address = rude.address();
    assert.ok(typeof address === 'object' && address !== null);
    const outcome = await request(new TraceRecorder(), { url: `http://127.0.0.1:${address.port}/`, label: 'rude' });
    await new Promise<void>((resolve) => rude.close(() => resolve()));
    assert.equal(outcome.kind, 'connection-closed');
  });

  it("finding 8: a refused connection is the stimulus not delivered, a time-out the target's silence", () => {
    assert.equal(failureOutcome('connection-error'), 'stimulus-not-delivered');
    assert.equal(failureOutcome('invalid-url'), 'stimulus-not-delivered');
    assert.equal(failureOutcome('timeout'), 'silent-after-stimulus');
  });

  it('words a 100 KB response header as a header too large, not as silence', async () => {
    const loud = net.createServer((socket) => {
      socket.on('error', () => undefined); // the client hangs up once the header overflows
      socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(100_000)}\r\ncontent-length: 0\r\n\r\n`));
    });
    const outcome = await requestTo(loud, 'loud');
    assert.equal(outcome.kind, 'too-large');
    assert.match(outcome.kind === 'too-large' ? outcome.detail : '', /^the response header is too large/);
  });

  it('refuses URLs it must not or cannot call', async () => {
    for (const url of ['not a url', 'file:///etc/passwd', 'ftp://127.0.0.1/']) {
      const outcome = await request(new TraceRecorder(), { url, label: 'bad' });
      assert.equal(outcome.kind, 'invalid-url', url);
    }
  });

  it('refuses a header value that would split the request', async () => {
    const outcome = await request(new TraceRecorder(), {
      url: `${endpoint.url}/relative`,
      headers: { 'x-injected': 'a\r\nx-evil: 1' },
      label: 'split',
    });
    assert.equal(outcome.kind, 'invalid-request');
  });
});
