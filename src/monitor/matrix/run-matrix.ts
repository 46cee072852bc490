/**
 * Runs an interop matrix: every client against every server, one pair at a time (a client is
 * one device and a server keeps per-device state, so pairs do not overlap), a progress line per
 * pair, and each pair's result kept in its folder so a rerun resumes where the last one stopped.
 * matrix.json and the page are rewritten after every pair, so a long matrix can be watched.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compileSchema } from '../../protocol/json-schema.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { REPORT_FILES } from '../../report/writers/folder.js';
import type { Edition } from '../../scr/index.js';
import { writeMatrixHtml } from './matrix-html.js';
import { PAIR_FILE, pairFolder, runPair, type PairRunOptions, type PullTrigger, type StartPairMonitor } from './pair-runner.js';
import type { ClaimedPeer } from './peers.js';
import type { MatrixIndex, MatrixOverall, MatrixPeer, PairResult } from './schemas/matrix.schema.js';
import './schemas/matrix.schema.js';

/** The files of a matrix folder. */
export const MATRIX_FILES = { index: 'matrix.json', page: 'index.html' } as const;

/** Default and largest number of pairs one matrix runs. */
export const DEFAULT_MAX_PAIRS = 100;
export const MAX_PAIRS_LIMIT = 10_000;
/** A pair's time when neither the flag nor the claims (timeouts.sessionMs) give one. */
export const DEFAULT_PAIR_TIME_MS = 30_000;
/** Longest time one pair may take. */
export const MAX_PAIR_TIME_MS = 600_000;

const validatePair = compileSchema<PairResult>({ $ref: 'https://dmct.dev/schemas/matrix.schema.json#/$defs/PairResult' });

export interface MatrixRunOptions {
  clients: readonly ClaimedPeer[];
  servers: readonly ClaimedPeer[];
  edition: Edition;
  outDir: string;
  /** The time of every pair; without it, the longer timeouts.sessionMs of the pair's two claims. */
  pairTimeMs?: number;
  /** Rerun every pair, ignoring the results a previous run kept. */
  fresh: boolean;
  dmctVersion: string;
  startMonitor: StartPairMonitor;
  pullTrigger?: PullTrigger;
  waitUntil?: PairRunOptions['waitUntil'];
  /** The fixed address of every pair's monitor: with it, server-initiated sessions are tried too. */
  monitorListen?: PairRunOptions['monitorListen'];
  /** Told one line per pair (the CLI writes it to stderr). */
  progress?: (line: string) => void;
  /** Stops before the next pair (Ctrl-C): the pairs not run stay empty cells. */
  signal?: AbortSignal;
  /** Runs one pair (injected for unit tests). */
  runPair?: (options: PairRunOptions) => Promise<PairResult>;
}

/** Every (client, server) pair, row by row: the order the matrix runs them and the page shows them. */
export function schedulePairs<P>(clients: readonly P[], servers: readonly P[]): { client: P; server: P }[] {
  return clients.flatMap((client) => servers.map((server) => ({ client, server })));
}

/** A pair's time: the flag, else the longer timeouts.sessionMs of its claims, else the default; at most {@link MAX_PAIR_TIME_MS}. */
export function pairTimeMs(client: ClaimedPeer, server: ClaimedPeer, flag?: number): number {
  const claimed = [client, server].flatMap((p) => (p.claims.timeouts?.sessionMs === undefined ? [] : [p.claims.timeouts.sessionMs]));
  const time = flag ?? (claimed.length > 0 ? Math.max(...claimed) : DEFAULT_PAIR_TIME_MS);
  return Math.min(time, MAX_PAIR_TIME_MS);
}

/**
 * The result a previous run kept for this pair, when it can stand: pair.json valid, of the same
 * two peers under the same claims (by digest), and its report folder complete; else undefined.
 */
export async function keptPair(outDir: string, client: MatrixPeer, server: MatrixPeer): Promise<PairResult | undefined> {
  const dir = join(outDir, pairFolder(client.name, server.name));
  let data: unknown;
  try {
    data = JSON.parse(await readFile(join(dir, PAIR_FILE), 'utf8'));
    await stat(join(dir, REPORT_FILES.html));
    await stat(join(dir, REPORT_FILES.report));
  } catch {
    return undefined;
  }
  const checked = validatePair(data);
  if (!checked.ok) return undefined;
  const pair = checked.value;
  const same =
    pair.client === client.name &&
    pair.server === server.name &&
    pair.clientSha256 === client.sha256 &&
    pair.serverSha256 === server.sha256;
  return same ? pair : undefined;
}

/** The matrix's verdict and exit code, as for `dmct run`: any side non-conformant → 1; else anything not judged fully (or a pair not run) → 3; else 0. */
export function matrixOverall(pairs: readonly PairResult[], expected: number): MatrixOverall {
  const sides = pairs.flatMap((p) => [p.verdicts.client, p.verdicts.server]);
  const failing = pairs.filter((p) => p.verdicts.client.verdict === 'non-conformant' || p.verdicts.server.verdict === 'non-conformant');
  if (failing.length > 0)
    return { verdict: 'non-conformant', exitCode: 1, reason: `${failing.length} of ${expected} pairs show a non-conformance` };
  const notRun = expected - pairs.length;
  const open = pairs.filter(
    (p) => p.problem !== undefined || [p.verdicts.client, p.verdicts.server].some((s) => s.verdict !== 'conformant'),
  );
  if (notRun > 0 || open.length > 0 || expected === 0) {
    const parts = [
      ...(notRun > 0 ? [`${notRun} pairs not run`] : []),
      ...(open.length > 0 ? [`${open.length} pairs not fully judged`] : []),
    ];
    return { verdict: 'incomplete', exitCode: 3, reason: `no non-conformance, but ${parts.join(', ') || 'no pair'}` };
  }
  return { verdict: 'conformant', exitCode: 0, reason: `${sides.length / 2} pairs, both sides conformant` };
}

function publicPeer(peer: ClaimedPeer): MatrixPeer {
  return { name: peer.name, role: peer.role, file: peer.file, sha256: peer.sha256, implementation: peer.implementation };
}

function progressLine(n: number, total: number, pair: PairResult, kept: boolean): string {
  const sides = `client ${pair.verdicts.client.verdict}, server ${pair.verdicts.server.verdict}`;
  const how = kept ? 'kept from an earlier run' : `${(pair.durationMs / 1000).toFixed(1)} s, ${pair.exchanges} exchanges`;
  return `[${n}/${total}] ${pair.client} × ${pair.server}: ${sides} (${how})${pair.problem === undefined ? '' : `; ${pair.problem}`}`;
}

async function writeIndex(outDir: string, index: MatrixIndex): Promise<void> {
  await writeFileAtomic(join(outDir, MATRIX_FILES.page), writeMatrixHtml(index));
  await writeFileAtomic(join(outDir, MATRIX_FILES.index), `${JSON.stringify(index, null, 2)}\n`);
}

/** Runs (or resumes) the matrix into `outDir` and returns its index, also written as matrix.json and index.html. */
export async function runMatrix(options: MatrixRunOptions): Promise<MatrixIndex> {
  const startTime = new Date().toISOString();
  const scheduled = schedulePairs(options.clients, options.servers);
  const pairs: PairResult[] = [];
  const indexNow = (): MatrixIndex => ({
    dmctVersion: options.dmctVersion,
    edition: options.edition.name,
    startTime,
    endTime: new Date().toISOString(),
    clients: options.clients.map(publicPeer),
    servers: options.servers.map(publicPeer),
    pairs: [...pairs],
    overall: matrixOverall(pairs, scheduled.length),
  });
  for (const [i, { client, server }] of scheduled.entries()) {
    if (options.signal?.aborted) break;
    const kept = options.fresh ? undefined : await keptPair(options.outDir, client, server);
    const pair =
      kept ??
      (await (options.runPair ?? runPair)({
        client,
        server,
        edition: options.edition,
        outDir: options.outDir,
        timeMs: pairTimeMs(client, server, options.pairTimeMs),
        dmctVersion: options.dmctVersion,
        startMonitor: options.startMonitor,
        ...(options.pullTrigger ? { pullTrigger: options.pullTrigger } : {}),
        ...(options.waitUntil ? { waitUntil: options.waitUntil } : {}),
        ...(options.monitorListen ? { monitorListen: options.monitorListen } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }));
    pairs.push(pair);
    options.progress?.(progressLine(i + 1, scheduled.length, pair, kept !== undefined));
    await writeIndex(options.outDir, indexNow());
  }
  const index = indexNow();
  await writeIndex(options.outDir, index);
  return index;
}
