import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createTestPki } from '../../../src/transport/test-pki.js';
import { judgeExchanges, parseHarText, startMonitor, type MonitorLine, type RunningMonitor } from '../../../src/monitor/index.js';
import { exchangesToHar } from '../../../src/monitor/har-export.js';

/** What the upstream saw of one request. */
interface Seen {
  method: string;
  target: string;
  rawHeaders: string[];
  body: Buffer;
}

/** Bytes no UTF-8 decoder would keep: a lone continuation byte, an overlong form, NUL, CR and LF in odd places. */
const ODD_REQUEST_BODY = Buffer.concat([
  Buffer.from([0x80, 0xc0, 0xaf, 0x00, 0xff, 0xfe]),
  Buffer.from('\r\n\r\nHTTP/1.1 200 OK\r\n\n\r'),
  Buffer.from([0xe2, 0x82]),
]);
const ODD_RESPONSE_BODY = Buffer.concat([Buffer.from('\r\n0\r\n\r\n'), Buffer.from([0xf5, 0x80, 0x80, 0x80, 0xed, 0xa0, 0x80, 0x0d])]);

let upstream: http.Server;
let upstreamUrl: URL;
let monitor: RunningMonitor;
const seen: Seen[] = [];
const lines: MonitorLine[] = [];

/** Sends raw bytes to the monitor and resolves with the raw response bytes (the connection is closed by the request). */
function rawExchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/** The body of a raw HTTP/1.1 response, de-chunked when chunked. */
function responseParts(raw: Buffer): { head: string; body: Buffer } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split).toString('latin1');
  let rest = raw.subarray(split + 4);
  if (!/^transfer-encoding:\s*chunked/im.test(head)) return { head, body: rest };
  const parts: Buffer[] = [];
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
    if (size === 0) break;
    parts.push(rest.subarray(eol + 2, eol + 2 + size));
    rest = rest.subarray(eol + 2 + size + 2);
  }
  return { head, body: Buffer.concat(parts) };
}

describe('dmct monitor forwards byte for byte', () => {
  before(async () => {
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', target: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
        res.writeHead(207, 'Odd Reason', [
          'X-Mixed-CASE',
          'one',
          'x-mixed-case',
          'two',
          'Content-Type',
          'application/octet-stream',
          'Keep-Alive',
          'timeout=5',
        ]);
        // No Content-Length: the response goes chunked, in two writes.
        res.write(ODD_RESPONSE_BODY.subarray(0, 3));
        res.end(ODD_RESPONSE_BODY.subarray(3));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address() as net.AddressInfo;
    upstreamUrl = new URL(`http://127.0.0.1:${address.port}/dm`);
    monitor = await startMonitor({ upstream: upstreamUrl, onPackage: (line) => lines.push(line) });
  });

  after(async () => {
    await monitor?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  it('the client is told the monitor, on loopback, with the upstream path', () => {
    assert.equal(monitor.url.hostname, '127.0.0.1');
    assert.equal(monitor.url.pathname, '/dm');
    assert.notEqual(monitor.url.port, upstreamUrl.port);
  });

  it('a chunked request of odd bytes reaches the upstream unchanged, headers in order; the odd response comes back unchanged', async () => {
    const port = Number(monitor.url.port);
    const chunked = Buffer.concat([
      Buffer.from(`5\r\n`),
      ODD_REQUEST_BODY.subarray(0, 5),
      Buffer.from(`\r\n${(ODD_REQUEST_BODY.length - 5).toString(16)}\r\n`),
      ODD_REQUEST_BODY.subarray(5),
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const head =
      'POST /dm?x=%FF&y=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Dup: a\r\nOMADM-DevID: IMEI:1\r\nx-dup: b\r\nConnection: close, X-Private\r\n' +
      'X-Private: hop\r\nTransfer-Encoding: chunked\r\nContent-Type: application/vnd.oma.dm.response+json\r\n\r\n';
    const raw = await rawExchange(port, Buffer.concat([Buffer.from(head, 'latin1'), chunked]));
    const got = seen.at(-1);
    assert.ok(got);
    assert.equal(got.method, 'POST');
    assert.equal(got.target, '/dm?x=%FF&y=1');
    assert.deepEqual(got.body, ODD_REQUEST_BODY);
    const pairs = (rawHeaders: string[]) => rawHeaders.flatMap((v, i) => (i % 2 === 0 ? [`${v}: ${rawHeaders[i + 1]}`] : []));
    // Host names the upstream; Connection, the header it names and Transfer-Encoding are hop-by-hop (node adds its own framing).
    assert.deepEqual(
      pairs(got.rawHeaders).filter((h) => !/^(connection|transfer-encoding):/i.test(h)),
      ['Host: ' + upstreamUrl.host, 'X-Dup: a', 'OMADM-DevID: IMEI:1', 'x-dup: b', 'Content-Type: application/vnd.oma.dm.response+json'],
    );
    const { head: responseHead, body } = responseParts(raw);
    assert.deepEqual(body, ODD_RESPONSE_BODY);
    assert.match(responseHead, /^HTTP\/1\.1 207 Odd Reason\r\n/);
    assert.match(responseHead, /\r\nX-Mixed-CASE: one\r\nx-mixed-case: two\r\nContent-Type: application\/octet-stream\r\n/);
    assert.doesNotMatch(responseHead, /timeout=5/);

    const exchange = monitor.exchanges().at(-1);
    assert.ok(exchange);
    assert.deepEqual(Buffer.from(exchange.requestBody ?? []), ODD_REQUEST_BODY);
    assert.deepEqual(Buffer.from(exchange.responseBody ?? []), ODD_RESPONSE_BODY);
    assert.equal(exchange.status, 207);
    assert.deepEqual(exchange.requestHeaders['x-dup'], ['a', 'b']);
    assert.equal(lines.at(-1)?.index, exchange.index);
  });

  it('an absolute-form target does not choose the destination: it goes to the upstream', async () => {
    const port = Number(monitor.url.port);
    const before = seen.length;
    const raw = await rawExchange(
      port,
      Buffer.from('GET http://example.invalid:9/elsewhere HTTP/1.1\r\nHost: example.invalid:9\r\nConnection: close\r\n\r\n'),
    );
    assert.match(raw.toString('latin1'), /^HTTP\/1\.1 207/);
    assert.equal(seen.length, before + 1);
    assert.equal(seen.at(-1)?.target, '/elsewhere');
    assert.equal(seen.at(-1)?.rawHeaders[1], upstreamUrl.host);
  });

  it('CONNECT and asterisk targets are refused, not forwarded', async () => {
    const port = Number(monitor.url.port);
    const before = seen.length;
    const raw = await rawExchange(port, Buffer.from('CONNECT example.invalid:443 HTTP/1.1\r\nHost: example.invalid:443\r\n\r\n'));
    assert.match(raw.toString('latin1'), /^HTTP\/1\.1 400/);
    const star = await rawExchange(port, Buffer.from('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    assert.match(star.toString('latin1'), /^HTTP\/1\.1 400/);
    assert.equal(seen.length, before);
  });

  it('a body over the cap is forwarded whole but not judged', async () => {
    const small = await startMonitor({ upstream: upstreamUrl, limits: { maxBodyBytes: 4 } });
    try {
      const response = await fetch(small.url, { method: 'POST', body: ODD_REQUEST_BODY });
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), ODD_RESPONSE_BODY);
      assert.deepEqual(seen.at(-1)?.body, ODD_REQUEST_BODY);
      const [exchange] = small.exchanges();
      assert.equal(exchange?.requestBody?.length, 4);
      assert.deepEqual(exchange?.problems, ['request body is larger than 4 bytes', 'response body is larger than 4 bytes']);
      assert.deepEqual(
        small.judgement().skipped.map((s) => s.exchange),
        [1],
      );
      // Its HAR says the bodies were cut: dmct judge does not judge it either.
      const har = JSON.stringify(exchangesToHar(small.exchanges(), { name: 'test', version: '0' }));
      const [read] = parseHarText(har, 'cut.har');
      assert.deepEqual(read?.problems, [
        `request body was cut in the capture (4 of ${ODD_REQUEST_BODY.length} bytes)`,
        `response body was cut in the capture (4 of ${ODD_RESPONSE_BODY.length} bytes)`,
      ]);
      assert.deepEqual(
        judgeExchanges(read ? [read] : []).skipped.map((s) => s.exchange),
        [1],
      );
    } finally {
      await small.close();
    }
  });

  it('an upstream that takes the request and never answers is cut at the time limit, and the exchange is judged as unanswered', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    let recorded: (line: MonitorLine) => void = () => undefined;
    const line = new Promise<MonitorLine>((resolve) => (recorded = resolve));
    const cut = await startMonitor({
      upstream: new URL(`http://127.0.0.1:${port}/dm`),
      limits: { exchangeTimeoutMs: 200 },
      onPackage: (l) => recorded(l),
    });
    try {
      const answered = await fetch(cut.url, { method: 'POST', body: 'x' }).then(
        (r) => r.status,
        () => 0,
      );
      assert.ok(answered === 0 || answered === 502, `client got ${answered}`);
      assert.match((await line).text, /→ no response {2}not a DM package/);
      const [exchange] = cut.exchanges();
      assert.equal(exchange?.status, 0);
      assert.deepEqual(exchange?.problems, []);
    } finally {
      await cut.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('serves https to the client and trusts the given CA upstream', async () => {
    const pki = await createTestPki();
    const secure = https.createServer({ cert: pki.server.cert, key: pki.server.key }, (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('over tls'));
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const { port } = secure.address() as net.AddressInfo;
    const tlsMonitor = await startMonitor({
      upstream: new URL(`https://127.0.0.1:${port}/dm`),
      tls: { cert: pki.server.cert, key: pki.server.key, upstreamCa: [pki.ca.cert] },
    });
    try {
      assert.equal(tlsMonitor.url.protocol, 'https:');
      const body = await new Promise<string>((resolve, reject) => {
        const request = https.request(tlsMonitor.url, { method: 'POST', ca: pki.ca.cert }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve(Buffer.concat(chunks).toString()));
        });
        request.on('error', reject);
        request.end('hello');
      });
      assert.equal(body, 'over tls');
      assert.equal(tlsMonitor.exchanges()[0]?.url.startsWith('https://'), true);
    } finally {
      await tlsMonitor.close();
      await new Promise<void>((resolve) => secure.close(() => resolve()));
    }
  });
});
