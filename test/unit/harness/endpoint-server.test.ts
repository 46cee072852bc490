import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, RequestHandler, http } from 'msw';
import { setupServer } from 'msw/node';
import { type DirectRequest, type ServedEndpoint, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { request } from '../../../src/transport/http-client.js';
import { DMCT_ERROR_HEADER, type HandlerErrorEvent, guardHandlers } from '../../../src/transport/resolver-guard.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';
import { ORIGIN, repositoryHandlers } from './mock-handlers.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);

function assertValidEvidence(recorder: TraceRecorder): Evidence {
  const result = validateEvidence(recorder.toEvidence());
  assert.ok(result.ok, JSON.stringify(result.ok ? [] : result.violations));
  return result.value;
}

/** Sends raw bytes on a fresh connection and collects everything the server answers until it closes. */
function rawExchange(port: number, send: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => send(socket));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
    );
    socket.on('close', () => resolve(answer));
  });
}

/** A recorder that can be awaited for a note: the server side notices some things after the client has seen them. */
class NoteWatchingRecorder extends TraceRecorder {
  readonly #watchers = new Set<(label: string) => void>();

  override note(record: Parameters<TraceRecorder['note']>[0]): ReturnType<TraceRecorder['note']> {
    const message = super.note(record);
    for (const watcher of [...this.#watchers]) watcher(record.label);
    return message;
  }

  /** Resolves once a note labelled `label` is recorded (at once if it is already), or rejects after `timeoutMs`. */
  noted(label: string, timeoutMs = 2000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.#watchers.delete(watcher);
        if (error) reject(error);
        else resolve();
      };
      const watcher = (noted: string) => noted === label && done();
      const timer = setTimeout(() => done(new Error(`no note "${label}" within ${timeoutMs} ms`)), timeoutMs);
      this.#watchers.add(watcher);
      if (this.messages.some((m) => m.kind === 'note' && m.label === label)) done();
    });
  }
}

/** The same handlers give the same answers in both wirings. */
async function exerciseRepository(url: (path: string) => string, recorder: TraceRecorder): Promise<void> {
  const put = await request(recorder, {
    method: 'PUT',
    url: url('/mo/devinfo'),
    headers: { 'content-type': 'application/dmmo+json' },
    body: '[{"DevID":"IMEI:1"}]',
    label: 'HPUT',
  });
  assert.equal(put.kind, 'response');
  assert.equal(put.kind === 'response' && put.status, 204);
  const get = await request(recorder, { url: url('/mo/devinfo'), label: 'HGET' });
  assert.ok(get.kind === 'response');
  assert.equal(get.status, 200);
  assert.equal(get.headers.get('content-type'), 'application/dmmo+json');
  assert.equal(Buffer.from(get.body).toString(), '[{"DevID":"IMEI:1"}]');
  const echo = await request(recorder, {
    method: 'POST',
    url: url('/echo'),
    headers: { 'content-type': 'application/octet-stream' },
    body: Uint8Array.of(0, 1, 2, 255),
    label: 'echo',
  });
  assert.ok(echo.kind === 'response');
  assert.equal(echo.status, 201);
  assert.equal(echo.headers.get('x-echo'), 'yes');
  assert.deepEqual([...echo.body], [0, 1, 2, 255]);
}

describe('in-process wiring (msw setupServer)', () => {
  const errors: HandlerErrorEvent[] = [];
  const recorder = new TraceRecorder();
  const server = setupServer(...guardHandlers(repositoryHandlers(), { endpoint: 'repository', recorder, onError: (e) => errors.push(e) }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  it('answers through fetch without a port', async () => {
    await exerciseRepository((path) => `${ORIGIN}${path}`, recorder);
    assert.equal(errors.length, 0);
  });

  it('turns a throwing resolver into a 500 marked x-dmct-error and an error event', async () => {
    const outcome = await request(recorder, { url: `${ORIGIN}/boom`, label: 'boom' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 500);
    assert.match(outcome.headers.get(DMCT_ERROR_HEADER) ?? '', /resolver bug/);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.endpoint, 'repository');
    assert.equal(errors[0]?.message, 'Error: resolver bug');
    const note = recorder.messages.find((m) => m.seq === errors[0]?.seq);
    assert.equal(note?.kind, 'note');
    assert.match(note?.label ?? '', /dmct error in the repository handler/);
    assertValidEvidence(recorder);
  });
});

describe('real loopback port (serveHandlers)', () => {
  const errors: HandlerErrorEvent[] = [];
  const recorder = new NoteWatchingRecorder();
  let endpoint: ServedEndpoint;
  before(async () => {
    endpoint = await serveHandlers(repositoryHandlers(), {
      name: 'repository',
      recorder,
      maxBodyBytes: 1000,
      requestTimeoutMs: 1000,
      onError: (e) => errors.push(e),
    });
  });
  after(() => endpoint.close());

  it('binds loopback and serves the same handlers', async () => {
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await exerciseRepository((path) => `${endpoint.url}${path}`, new TraceRecorder());
  });

  it('records what the target sent and what it got', async () => {
    const before = recorder.messages.length;
    await request(new TraceRecorder(), {
      method: 'POST',
      url: `${endpoint.url}/echo`,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
      label: 'echo',
    });
    const [sent, answered] = recorder.messages.slice(before);
    assert.equal(sent?.kind, 'http-request');
    assert.equal(sent?.from, 'target');
    assert.equal(sent?.to, 'repository');
    assert.equal(sent?.http?.method, 'POST');
    assert.equal(sent?.http?.url, `${endpoint.url}/echo`);
    assert.deepEqual(sent?.body, {
      mediaType: 'text/plain',
      size: 5,
      text: 'hello',
      sha256: createHash('sha256').update('hello').digest('hex'),
    });
    assert.equal(answered?.kind, 'http-response');
    assert.equal(answered?.http?.status, 201);
    assert.equal(answered?.body?.text, 'hello');
    assertValidEvidence(recorder);
  });

  it('resolves relative handlers against the origin', async () => {
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, label: 'relative' });
    assert.ok(outcome.kind === 'response');
    assert.equal(Buffer.from(outcome.body).toString(), 'relative ok');
  });

  it('answers a malformed percent-escape in the path with 400, not a handler fault', async () => {
    const before = errors.length;
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/mo/%zz`, label: 'bad escape' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 400);
    assert.equal(errors.length, before);
  });

  it('answers an unmatched request with 404 JSON', async () => {
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/nothing/here?x=1`, label: 'unmatched' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 404);
    assert.deepEqual(JSON.parse(Buffer.from(outcome.body).toString()), { error: 'no handler', method: 'GET', path: '/nothing/here?x=1' });
  });

  it('turns a throwing resolver into a 500 marked x-dmct-error, an error event and a note', async () => {
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/boom`, label: 'boom' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 500);
    assert.equal(outcome.headers.get(DMCT_ERROR_HEADER), 'dmct harness error in the repository handler: Error: resolver bug');
    assert.equal(endpoint.errors.length, 1);
    assert.deepEqual(errors, endpoint.errors);
    assert.equal(errors[0]?.url, `${ORIGIN}/boom`);
    const note = recorder.messages.find((m) => m.seq === errors[0]?.seq);
    assert.equal(note?.kind, 'note');
    assert.match(String(note?.decoded?.['stack']), /resolver bug/);
  });

  it('also catches a generator resolver that throws on a later request', async () => {
    const first = await request(new TraceRecorder(), { url: `${endpoint.url}/boom-later`, label: 'first' });
    assert.ok(first.kind === 'response');
    assert.equal(first.status, 200);
    const second = await request(new TraceRecorder(), { url: `${endpoint.url}/boom-later`, label: 'second' });
    assert.ok(second.kind === 'response');
    assert.equal(second.status, 500);
    assert.match(second.headers.get(DMCT_ERROR_HEADER) ?? '', /generator bug/);
    assert.equal(endpoint.errors.at(-1)?.message, 'Error: generator bug');
  });

  it('refuses a declared body over the cap with 413 and records it', async () => {
    const outcome = await request(new TraceRecorder(), {
      method: 'POST',
      url: `${endpoint.url}/echo`,
      body: new Uint8Array(1001),
      label: 'too big',
    });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 413);
    const refusal = recorder.messages.findLast((m) => m.kind === 'http-response');
    assert.equal(refusal?.http?.status, 413);
  });

  it('refuses a chunked body once it passes the cap, without reading the rest', async () => {
    const answer = await rawExchange(endpoint.port, (socket) => {
      socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      for (let i = 0; i < 3; i++) socket.write(`258\r\n${'z'.repeat(600)}\r\n`);
    });
    assert.match(answer, /^HTTP\/1\.1 413 /);
    const refused = recorder.messages.findLast((m) => m.kind === 'http-request');
    assert.equal(refused?.body?.size !== undefined && refused.body.size > 1000, true);
    assert.equal(refused?.body?.truncated, true);
    assert.equal(refused?.body?.text?.length, 1000);
  });

  it('answers a slow-drip body with 408 and closes the connection', async () => {
    let drip: NodeJS.Timeout | undefined;
    const answer = await rawExchange(endpoint.port, (socket) => {
      socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n');
      drip = setInterval(() => socket.writable && socket.write('d'), 50);
    });
    clearInterval(drip);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    const last = recorder.messages.at(-1);
    assert.equal(last?.kind, 'note');
    assert.match(last?.label ?? '', /not complete within 1000 ms: 408/);
  });

  it('answers slow-drip headers with 408 and closes the connection', async () => {
    let drip: NodeJS.Timeout | undefined;
    const answer = await rawExchange(endpoint.port, (socket) => {
      socket.write('GET /mo/devinfo HTTP/1.1\r\nHost: x\r\n');
      drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 50);
    });
    clearInterval(drip);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(recorder.messages.at(-1)?.label ?? '', /ERR_HTTP_REQUEST_TIMEOUT\): 408/);
  });

  it('caps a huge header value in the trace', async () => {
    await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, headers: { 'x-huge': 'h'.repeat(12_000) }, label: 'huge' });
    const sent = recorder.messages.findLast((m) => m.kind === 'http-request');
    const value = sent?.http?.headers?.['x-huge'] ?? '';
    assert.ok(value.length < 8300, `header kept ${value.length} characters`);
    assert.match(value, /more characters\]$/);
    assertValidEvidence(recorder);
  });

  it('answers oversized headers with 431 and a method fetch cannot carry with 400', async () => {
    const huge = await rawExchange(endpoint.port, (socket) =>
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`),
    );
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.match(recorder.messages.at(-1)?.label ?? '', /HPE_HEADER_OVERFLOW\): 431/);
    const trace = await rawExchange(endpoint.port, (socket) =>
      socket.write('TRACE /mo/devinfo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    assert.match(trace, /^HTTP\/1\.1 400 /);
    assert.match(trace, /request cannot be handled/);
  });

  it('survives a peer that stops reading an endless response', async () => {
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/endless`, label: 'endless', maxResponseBytes: 50_000 });
    assert.equal(outcome.kind, 'too-large');
    const still = await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, label: 'after' });
    assert.equal(still.kind, 'response');
    await recorder.noted('the target closed the connection while the response was sent');
  });
});

describe('both wirings at once, sharing live overrides', () => {
  const server = setupServer(...repositoryHandlers());
  let endpoint: ServedEndpoint;
  before(async () => {
    server.listen({ onUnhandledRequest: 'bypass' });
    endpoint = await serveHandlers(() => server.listHandlers().filter((h): h is RequestHandler => h instanceof RequestHandler));
  });
  after(async () => {
    await endpoint.close();
    server.close();
  });

  it('serves an override to the port and to in-process fetch alike', async () => {
    server.use(http.get(`${ORIGIN}/relative`, () => new HttpResponse('overridden')));
    for (const url of [`${ORIGIN}/relative`, `${endpoint.url}/relative`]) {
      const outcome = await request(new TraceRecorder(), { url, label: url });
      assert.ok(outcome.kind === 'response');
      assert.equal(Buffer.from(outcome.body).toString(), 'overridden');
    }
    server.resetHandlers();
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, label: 'reset' });
    assert.ok(outcome.kind === 'response');
    assert.equal(Buffer.from(outcome.body).toString(), 'relative ok');
  });
});

/** The first chunk the server's answer arrives in on a fresh connection, and the whole answer. */
function firstChunk(port: number, raw: string): Promise<{ first: string; all: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let first: string | undefined;
    let all = '';
    socket.on('data', (chunk: Buffer) => {
      first ??= chunk.toString('latin1');
      all += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ first: first ?? '', all }));
  });
}

describe('direct handler (served before msw)', () => {
  const errors: HandlerErrorEvent[] = [];
  const recorder = new TraceRecorder();
  const seen: DirectRequest[] = [];
  let endpoint: ServedEndpoint;
  before(async () => {
    endpoint = await serveHandlers(repositoryHandlers(), {
      name: 'repository',
      recorder,
      onError: (e) => errors.push(e),
      direct: (request) => {
        if (!request.path.startsWith('/direct')) return undefined;
        seen.push(request);
        if (request.path === '/direct/throw') throw new Error('direct handler broke');
        return {
          status: 201,
          headers: { 'content-type': 'text/plain', 'x-direct': 'yes' },
          body: `got ${Buffer.from(request.body).toString()}`,
        };
      },
    });
  });
  after(() => endpoint.close());

  it("answers its routes from node's request, with the body read and the headers as node gives them", async () => {
    const outcome = await request(new TraceRecorder(), {
      method: 'POST',
      url: `${endpoint.url}/direct/a?q=1`,
      headers: { 'content-type': 'text/plain', 'x-twice': 'one' },
      body: 'hello',
      label: 'direct',
    });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 201);
    assert.equal(outcome.headers.get('x-direct'), 'yes');
    assert.equal(outcome.headers.get('content-length'), '9');
    assert.equal(Buffer.from(outcome.body).toString(), 'got hello');
    const last = seen.at(-1);
    assert.equal(last?.method, 'POST');
    assert.equal(last?.path, '/direct/a?q=1');
    assert.equal(last?.headers['x-twice'], 'one');
  });

  it('leaves every other request to the msw handlers', async () => {
    const outcome = await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, label: 'relative' });
    assert.ok(outcome.kind === 'response');
    assert.equal(Buffer.from(outcome.body).toString(), 'relative ok');
  });

  it('writes status line, headers and body as one write (no wait on Nagle or a delayed ACK)', async () => {
    const { first, all } = await firstChunk(
      endpoint.port,
      'POST /direct/b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
    );
    assert.match(all, /^HTTP\/1\.1 201 /);
    assert.ok(first.endsWith('\r\n\r\ngot hi'), `the first chunk holds the whole answer: ${JSON.stringify(first)}`);
  });

  it("records the exchange like a handler's", async () => {
    const before = recorder.messages.length;
    await request(new TraceRecorder(), {
      method: 'POST',
      url: `${endpoint.url}/direct/c`,
      headers: { 'content-type': 'text/plain' },
      body: 'x',
      label: 'direct',
    });
    const [sent, answered] = recorder.messages.slice(before);
    assert.equal(sent?.http?.method, 'POST');
    assert.deepEqual(sent?.body, { mediaType: 'text/plain', size: 1, text: 'x', sha256: createHash('sha256').update('x').digest('hex') });
    assert.equal(answered?.http?.status, 201);
    assert.equal(answered?.body?.text, 'got x');
    assertValidEvidence(recorder);
  });

  it('a throw is a handler fault: 500 marked x-dmct-error and an error event', async () => {
    errors.length = 0;
    const outcome = await request(new TraceRecorder(), { method: 'POST', url: `${endpoint.url}/direct/throw`, body: '', label: 'throw' });
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.status, 500);
    assert.match(outcome.headers.get(DMCT_ERROR_HEADER) ?? '', /direct handler broke/);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.endpoint, 'repository');
  });
});

describe('closing', () => {
  it('is idempotent and frees the port', async () => {
    const endpoint = await serveHandlers(repositoryHandlers());
    const open = await request(new TraceRecorder(), { url: `${endpoint.url}/relative`, label: 'keep-alive' });
    assert.equal(open.kind, 'response');
    await Promise.all([endpoint.close(), endpoint.close()]);
    await endpoint.close();
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(endpoint.port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});
