import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { LoadHttpClient } from '../../../src/load/load-http.js';
import { runLoad, startEmbeddedLoadTarget } from '../../../src/load/index.js';

/** A raw server with one behaviour per path; counts the connections it accepted. */
function startServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/echo') {
        res
          .writeHead(200, { 'content-type': 'text/plain', 'x-devid': req.headers['omadm-devid'] ?? '' })
          .end(`${req.method ?? ''} ${body}`);
      } else if (req.url === '/two-types') {
        res.setHeader('content-type', ['application/vnd.oma.dm.response+json', 'text/html']);
        res.end('{}');
      } else if (req.url === '/big') {
        res.writeHead(200).end(Buffer.alloc(4096, 120));
      } else if (req.url === '/redirect') {
        res.writeHead(307, { location: 'http://example.com/' }).end();
      } else if (req.url === '/reset') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial', () => req.socket.destroy());
      } else if (req.url === '/never') {
        res.writeHead(200);
        res.write('a');
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}

describe('LoadHttpClient', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it('POSTs the body with the given headers and reads the whole answer', async () => {
    const client = new LoadHttpClient({ maxSockets: 2, timeoutMs: 2000, maxBodyBytes: 1024 });
    try {
      const outcome = await client.post(`${server.url}/echo`, { 'OMADM-DevID': 'IMEI:1' }, Buffer.from('hello'));
      assert.equal(outcome.kind, 'response');
      if (outcome.kind !== 'response') return;
      assert.equal(outcome.status, 200);
      assert.deepEqual(outcome.headers['x-devid'], ['IMEI:1']);
      assert.equal(Buffer.from(outcome.body).toString('utf8'), 'POST hello');
    } finally {
      client.close();
    }
  });

  it('keeps every header value, so a repeated Content-Type is seen as repeated', async () => {
    const client = new LoadHttpClient({ maxSockets: 1, timeoutMs: 2000, maxBodyBytes: 1024 });
    try {
      const outcome = await client.post(`${server.url}/two-types`, {}, new Uint8Array(0));
      assert.equal(outcome.kind, 'response');
      if (outcome.kind === 'response')
        assert.deepEqual(outcome.headers['content-type'], ['application/vnd.oma.dm.response+json', 'text/html']);
    } finally {
      client.close();
    }
  });

  it('reuses at most maxSockets connections for many requests', async () => {
    const client = new LoadHttpClient({ maxSockets: 3, timeoutMs: 2000, maxBodyBytes: 1024 });
    const before = server.connections();
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 60 }, (_, i) => client.post(`${server.url}/echo`, {}, Buffer.from(String(i)))),
      );
      assert.equal(outcomes.filter((o) => o.kind === 'response').length, 60);
      assert.ok(server.connections() - before <= 3, `opened ${server.connections() - before} connections`);
    } finally {
      client.close();
    }
  });

  it('returns a redirect as an answer without following it', async () => {
    const client = new LoadHttpClient({ maxSockets: 1, timeoutMs: 2000, maxBodyBytes: 1024 });
    try {
      const outcome = await client.post(`${server.url}/redirect`, {}, new Uint8Array(0));
      assert.equal(outcome.kind === 'response' ? outcome.status : outcome.kind, 307);
    } finally {
      client.close();
    }
  });

  it('stops reading over the cap, and the next request still works', async () => {
    const client = new LoadHttpClient({ maxSockets: 1, timeoutMs: 2000, maxBodyBytes: 1000 });
    try {
      assert.deepEqual(await client.post(`${server.url}/big`, {}, new Uint8Array(0)), {
        kind: 'too-large',
        detail: 'response body exceeds 1000 bytes; reading stopped',
        status: 200,
      });
      assert.equal((await client.post(`${server.url}/echo`, {}, Buffer.from('x'))).kind, 'response');
    } finally {
      client.close();
    }
  });

  it('gives connection-error for a reset mid-answer and timeout for an answer that never ends', async () => {
    const client = new LoadHttpClient({ maxSockets: 2, timeoutMs: 300, maxBodyBytes: 1024 });
    try {
      assert.equal((await client.post(`${server.url}/reset`, {}, new Uint8Array(0))).kind, 'connection-error');
      assert.equal((await client.post(`${server.url}/never`, {}, new Uint8Array(0))).kind, 'timeout');
      assert.equal((await client.post('http://127.0.0.1:1/dm', {}, new Uint8Array(0))).kind, 'connection-error');
    } finally {
      client.close();
    }
  });

  it('refuses what it cannot send without throwing', async () => {
    const client = new LoadHttpClient({ maxSockets: 1, timeoutMs: 300, maxBodyBytes: 1024 });
    try {
      assert.equal((await client.post('not a url', {}, new Uint8Array(0))).kind, 'invalid-url');
      assert.equal((await client.post('ftp://127.0.0.1/', {}, new Uint8Array(0))).kind, 'invalid-url');
      assert.equal((await client.post(`${server.url}/echo`, { 'OMADM-DevID': 'a\r\nb' }, new Uint8Array(0))).kind, 'invalid-request');
    } finally {
      client.close();
    }
  });
});

/** A TCP proxy on loopback to `port` that counts the connections made through it. */
function countingProxy(port: number): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const proxy = net.createServer((inbound) => {
    connections += 1;
    const outbound = net.connect(port, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            proxy.close(() => done());
          }),
      });
    }),
  );
}

describe('runLoad connections', () => {
  it('runs its sessions over at most `concurrency` kept-alive connections', async () => {
    const target = await startEmbeddedLoadTarget({ devices: 6, devIdPrefix: 'IMEI:keep-alive-' });
    const proxy = await countingProxy(Number(new URL(target.server.dmUrl).port));
    try {
      const report = await runLoad({
        targetUrl: `${proxy.url}/dm`,
        devices: 6,
        concurrency: 3,
        durationMs: 30_000,
        maxSessions: 60,
        devIdPrefix: 'IMEI:keep-alive-',
        timeoutMs: 5000,
        maxBodyBytes: 1024 * 1024,
        maxPackage2s: 4,
      });
      assert.equal(report.completed, 60);
      assert.equal(report.errors, 0);
      assert.ok(proxy.connections() >= 1 && proxy.connections() <= 3, `${proxy.connections()} connections for 60 sessions`);
    } finally {
      await proxy.close();
      await target.server.stop();
    }
  });
});
