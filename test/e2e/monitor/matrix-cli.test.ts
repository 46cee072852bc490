import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { matrixSchema, type MatrixIndex } from '../../../src/monitor/matrix/index.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { validateReport } from '../../../src/report/validate.js';
import { freePort } from '../../unit/run/free-port.js';
import { startMatrixPeers, type MatrixPeers } from './matrix-peers.js';

const run = promisify(execFile);
const validateIndex = compileSchema<MatrixIndex>(matrixSchema);

function dmct(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['bin/dmct.js', ...args], { env: { ...process.env, FORCE_COLOR: '0' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('dmct matrix (CLI) with the reference peers, clean and two faults each', () => {
  let dir: string;
  let peers: MatrixPeers;
  let args: string[];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-matrix-e2e-'));
    const monitorPort = await freePort();
    peers = await startMatrixPeers(dir, monitorPort);
    args = [
      'matrix',
      ...peers.clients.flatMap((f) => ['--client', f]),
      ...peers.servers.flatMap((f) => ['--server', f]),
      '--out',
      join(dir, 'out'),
      '--pair-time',
      '20000',
      '--monitor-listen',
      String(monitorPort),
    ];
  });
  after(async () => {
    await peers.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a 3 × 3 matrix: every fault charged to its side, the clean pair without a failure; exit 1', async () => {
    const result = await dmct(args);
    assert.equal(result.code, 1, result.stderr);
    const progress = result.stderr.split('\n').filter((l) => /^\[\d\/9\] /.test(l));
    assert.equal(progress.length, 9, result.stderr);
    const index = JSON.parse(await readFile(join(dir, 'out', 'matrix.json'), 'utf8')) as MatrixIndex;
    assert.ok(validateIndex(index).ok);
    assert.equal(index.pairs.length, 9);
    const side = (client: string, server: string, role: 'client' | 'server') =>
      index.pairs.find((p) => p.client === client && p.server === server)?.verdicts[role].verdict;
    for (const server of index.servers.map((s) => s.name)) {
      assert.notEqual(side('reference-client', server, 'client'), 'non-conformant', `reference-client with ${server}`);
      assert.equal(side('client-package1-wrong-content-type', server, 'client'), 'non-conformant', `package1 fault with ${server}`);
    }
    assert.equal(side('client-package3-after-end', 'reference-server', 'client'), 'non-conformant');
    for (const client of index.clients.map((c) => c.name)) assert.notEqual(side(client, 'reference-server', 'server'), 'non-conformant');
    assert.equal(side('reference-client', 'server-package2-wrong-content-type', 'server'), 'non-conformant');
    assert.equal(side('reference-client', 'server-package1-rejected-without-mos', 'server'), 'non-conformant');
    const clean = index.pairs.find((p) => p.client === 'reference-client' && p.server === 'reference-server');
    assert.ok(clean && clean.sessions >= 2 && clean.verdicts.client.passed > 0 && clean.verdicts.server.passed > 0);
    // Both sessions ran: the client's, and the one the server's Package#0 (through the UDP relay) started.
    assert.deepEqual(clean.initiations, [
      { by: 'client', started: true },
      { by: 'server', via: 'udp', started: true },
    ]);
    assert.equal(clean.problem, undefined);
    const report: unknown = JSON.parse(await readFile(join(dir, 'out', clean.folder, 'report.json'), 'utf8'));
    assert.ok(validateReport(report).ok);
    const page = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    assert.equal((page.match(/<td data-client=/g) ?? []).length, 9);
    assert.match(result.stdout, /^non-conformant \(exit 1\) — \d of 9 pairs show a non-conformance\nMatrix page: /);
  });

  it('a rerun keeps the judged pairs and runs again only the one whose pair.json is broken', async () => {
    await writeFile(join(dir, 'out', 'pairs', 'reference-client__reference-server', 'pair.json'), 'not json');
    const result = await dmct(args);
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stderr.split('\n').filter((l) => /^\[\d\/9\] /.test(l));
    assert.equal(lines.filter((l) => l.includes('kept from an earlier run')).length, 8, result.stderr);
    assert.match(lines[0] ?? '', /^\[1\/9\] reference-client × reference-server: .*exchanges\)/);
  });

  it('refuses more pairs than --max-pairs with one line and exit 2, before running any', async () => {
    const result = await dmct([...args, '--max-pairs', '4']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'dmct: 3 × 3 = 9 pairs, over --max-pairs 4\n');
  });
});
