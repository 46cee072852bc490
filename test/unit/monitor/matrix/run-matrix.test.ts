import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  DEFAULT_PAIR_TIME_MS,
  matrixOverall,
  matrixSchema,
  pairTimeMs,
  runMatrix,
  runPair,
  schedulePairs,
  type MatrixRunOptions,
  type PairRunOptions,
} from '../../../../src/monitor/matrix/index.js';
import { compileSchema } from '../../../../src/protocol/json-schema.js';
import { loadEdition } from '../../../../src/scr/index.js';
import { captured, pairResult, peer, ReplayMonitor, sessionDoneTrigger } from './matrix-fixtures.js';

const edition = loadEdition('dm20-2016');
const validateIndex = compileSchema(matrixSchema);
const root = await mkdtemp(join(tmpdir(), 'dmct-matrix-'));
after(() => rm(root, { recursive: true, force: true }));

const clients = [peer('client', 'phone'), peer('client', 'tablet')];
const servers = [peer('server', 'acme'), peer('server', 'globex')];

/** A matrix run whose pairs are judged from a capture; counts the pairs actually run. */
async function matrixIn(outDir: string, options: Partial<MatrixRunOptions> = {}) {
  const ran: string[] = [];
  const lines: string[] = [];
  const exchanges = await captured('clean-get-end.har');
  const index = await runMatrix({
    clients,
    servers,
    edition,
    outDir,
    fresh: false,
    dmctVersion: '0.0.0-test',
    startMonitor: () => Promise.resolve(new ReplayMonitor(exchanges)),
    pullTrigger: sessionDoneTrigger(),
    progress: (line) => lines.push(line),
    runPair: (pair: PairRunOptions) => {
      ran.push(`${pair.client.name}__${pair.server.name}`);
      return runPair(pair);
    },
    ...options,
  });
  return { index, ran, lines };
}

describe('schedulePairs and pairTimeMs', () => {
  it('runs every client against every server, row by row', () => {
    assert.deepEqual(
      schedulePairs(['c1', 'c2'], ['s1', 's2', 's3']).map((p) => `${p.client}-${p.server}`),
      ['c1-s1', 'c1-s2', 'c1-s3', 'c2-s1', 'c2-s2', 'c2-s3'],
    );
  });

  it("takes the flag, else the longer timeouts.sessionMs of the pair's claims, else the default", () => {
    const [client, server] = [peer('client', 'a'), peer('server', 'b')];
    assert.equal(pairTimeMs(client, server, 1234), 1234);
    assert.equal(pairTimeMs(client, server), 10_000);
    const bare = { ...client, claims: { ...client.claims, timeouts: {} } };
    const bareServer = { ...server, claims: { ...server.claims, timeouts: {} } };
    assert.equal(pairTimeMs(bare, bareServer), DEFAULT_PAIR_TIME_MS);
  });
});

describe('runMatrix', () => {
  it('runs each pair once with a progress line each and writes a valid matrix.json and the page', async () => {
    const outDir = join(root, 'first');
    const { index, ran, lines } = await matrixIn(outDir);
    assert.deepEqual(ran, ['phone__acme', 'phone__globex', 'tablet__acme', 'tablet__globex']);
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /^\[1\/4\] phone × acme: client \S+, server \S+ \(/);
    const written: unknown = JSON.parse(await readFile(join(outDir, 'matrix.json'), 'utf8'));
    assert.ok(validateIndex(written).ok);
    assert.deepEqual(written, index);
    assert.match(await readFile(join(outDir, 'index.html'), 'utf8'), /<table class="matrix">/);
  });

  it('resumes: a rerun skips every pair whose pair.json is valid and of the same claims', async () => {
    const outDir = join(root, 'resume');
    const first = await matrixIn(outDir);
    const second = await matrixIn(outDir);
    assert.deepEqual(second.ran, []);
    assert.ok(second.lines.every((l) => l.includes('kept from an earlier run')));
    assert.deepEqual(second.index.pairs, first.index.pairs);
  });

  it('runs again a pair whose pair.json is broken, or whose claims changed; --fresh runs them all', async () => {
    const outDir = join(root, 'partial');
    await matrixIn(outDir);
    await writeFile(join(outDir, 'pairs/phone__globex/pair.json'), '{"client": "phone"');
    const changed = { ...servers[0]!, sha256: 'f'.repeat(64) };
    const rerun = await matrixIn(outDir, { servers: [changed, servers[1]!] });
    assert.deepEqual(rerun.ran, ['phone__acme', 'phone__globex', 'tablet__acme']);
    const fresh = await matrixIn(outDir, { fresh: true });
    assert.equal(fresh.ran.length, 4);
  });

  it('stops before the next pair when aborted: the rest are not run and the matrix is incomplete', async () => {
    const stop = new AbortController();
    const { index, ran } = await matrixIn(join(root, 'stopped'), {
      fresh: true,
      signal: stop.signal,
      progress: () => stop.abort(),
    });
    assert.deepEqual(ran, ['phone__acme']);
    assert.equal(index.pairs.length, 1);
    assert.equal(index.overall.exitCode, 3);
    assert.match(index.overall.reason, /3 pairs not run/);
  });
});

describe('matrixOverall', () => {
  it('is 0 only when every side of every pair is conformant and every pair ran', () => {
    const clean = [pairResult('a', 'x', ['conformant', 'conformant'])];
    assert.equal(matrixOverall(clean, 1).exitCode, 0);
    assert.equal(matrixOverall(clean, 2).exitCode, 3);
    assert.equal(matrixOverall([pairResult('a', 'x', ['conformant', 'conformant'], 'trigger failed')], 1).exitCode, 3);
  });

  it('is 1 when any side of any pair is non-conformant, whatever else', () => {
    const pairs = [pairResult('a', 'x', ['incomplete', 'incomplete']), pairResult('a', 'y', ['incomplete', 'non-conformant'])];
    const overall = matrixOverall(pairs, 4);
    assert.equal(overall.exitCode, 1);
    assert.match(overall.reason, /1 of 4 pairs/);
  });

  it('is 3 when nothing failed but a side is incomplete', () => {
    assert.equal(matrixOverall([pairResult('a', 'x', ['conformant', 'incomplete'])], 1).exitCode, 3);
  });
});
