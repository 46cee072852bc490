import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../../src/report/index.js';
import { validateReport } from '../../../src/report/validate.js';
import { parseHarText } from '../../../src/monitor/index.js';
import { startDmct } from '../run/dmct-process.js';

/** Resolves with the first match of `pattern` in what `read` returns, as more output arrives on `stream`. */
function waitFor(stream: NodeJS.ReadableStream, read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(read());
      if (match) {
        stream.off('data', check);
        resolve(match);
      }
    };
    stream.on('data', check);
    stream.once('end', () => reject(new Error(`the output ended without ${String(pattern)}: ${read()}`)));
    check();
  });
}

describe('dmct monitor (CLI)', () => {
  let upstream: http.Server;
  let upstreamPort: number;
  const received: Buffer[] = [];
  let out: string;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'dmct-monitor-'));
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'text/plain' }).end('upstream answer');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamPort = (upstream.address() as AddressInfo).port;
  });

  after(async () => {
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    await rm(out, { recursive: true, force: true });
  });

  it('serves https with a per-run CA, forwards, prints a line per exchange, and on SIGINT writes the report and the HAR', async () => {
    const dmct = startDmct(['monitor', '--upstream', `http://127.0.0.1:${upstreamPort}/dm`, '--tls', '--out', out]);
    let stdout = '';
    dmct.child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    try {
      const stream = dmct.child.stdout as NodeJS.ReadableStream;
      const [, url] = (await waitFor(stream, () => stdout, /its server is (https:\/\/\S+)\n/)) ?? [];
      await waitFor(stream, () => stdout, /must trust the CA/);
      const ca = await readFile(join(out, 'monitor-ca.pem'), 'utf8');
      const body = Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0x41]);
      const answer = await new Promise<string>((resolve, reject) => {
        const request = https.request(url ?? '', { method: 'POST', ca }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve(Buffer.concat(chunks).toString()));
        });
        request.on('error', reject);
        request.end(body);
      });
      assert.equal(answer, 'upstream answer');
      assert.deepEqual(received.at(-1), body);
      await waitFor(stream, () => stdout, /#1 HTTP POST \/dm → 200 {2}not a DM package/);
      dmct.child.kill('SIGINT');
      const outcome = await dmct.done;
      // Nothing judged: every item untested, exit 3.
      assert.equal(outcome.code, 3, outcome.stderr);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      assert.ok(validateReport(report).ok);
      assert.ok(report.items.every((i) => i.verdict === 'untested' || i.verdict === 'not-applicable'));
      const [exchange] = parseHarText(await readFile(join(out, 'capture.har'), 'utf8'), 'capture.har');
      assert.deepEqual(Buffer.from(exchange?.requestBody ?? []), body);
    } finally {
      dmct.child.kill();
      await dmct.done;
    }
  });
});
