import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { LoadHttpClient } from '../src/load/load-http.js';
import { latencyPercentiles } from '../src/load/percentiles.js';
import type { LatencyPercentiles } from '../src/load/schemas/load-report.schema.js';

/** What bare loopback exchanges achieved: the floor a load figure is measured against. */
export interface ExchangeFloor {
  concurrency: number;
  exchangesPerSecond: number;
  latencyMs: LatencyPercentiles;
}

const ANSWER = Buffer.from(JSON.stringify({ CMD: [['END']] }));

/**
 * The baseline of the load figures: POSTs of a small body over the load client's keep-alive pool
 * to a `node:http` server in the same process that reads the body and answers a fixed Package#2,
 * with no DM work on either side, `concurrency` in flight for `durationMs`.
 */
export async function bareExchangeFloor(concurrency: number, durationMs: number): Promise<ExchangeFloor> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/vnd.oma.dm.package2+json' }).end(ANSWER));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dm`;
  const client = new LoadHttpClient({ maxSockets: concurrency, timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 });
  const body = Buffer.from(JSON.stringify({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] }));
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      const outcome = await client.post(url, { 'content-type': 'application/vnd.oma.dm.package1+json' }, body);
      if (outcome.kind !== 'response') throw new Error(`bare exchange failed: ${outcome.kind} (${outcome.detail})`);
      latencies.push(performance.now() - sentAt);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const elapsed = performance.now() - started;
  return { concurrency, exchangesPerSecond: Math.round((latencies.length / elapsed) * 1000), latencyMs: latencyPercentiles(latencies) };
}
