import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LoadHttpClient } from '../src/load/load-http.js';
import { EMBEDDED_WORKLOAD, loadDevIds, runLoad, startEmbeddedLoadTarget, type LoadReport } from '../src/load/index.js';
import { median, timeCommand, type TimedRun } from './measure.js';
import { runEmptyPlaywrightTests } from './playwright-floor.js';
import {
  renderBenchTable,
  writeBenchTable,
  type BenchResults,
  type ColdStartFigures,
  type FullRunFigures,
  type LoadFigures,
} from './table.js';
import { bareExchangeFloor } from './load-floor.js';
import { protocolThroughput } from './throughput-figures.js';
import { adminAuthorization } from '../src/transport/admin-guard.js';
import { withRunCost, type RunCost } from './run-cost.js';

// `npm run bench`: each figure measured side by side with its baseline in one run, so the ratios
// hold on a noisy machine. Nothing here is asserted; it records bench/results.json, regenerates the
// table of docs/reference/benchmarks.md from it and prints that table.

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dmct = join(repoRoot, 'bin/dmct.js');
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const quick = process.argv.includes('--quick');
const loadOnly = process.argv.includes('--load-only');
/** (a) alone, printed and not recorded: to compare a change's cost before and after in the same conditions. */
const runOnly = process.argv.includes('--run-only');
const workers = Number(process.env['DMCT_WORKERS'] ?? 2);
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/**
 * (a) Full both-role `dmct run` against the reference peers, then the same number of empty
 * Playwright tests. Twice: listing the scenarios (DMCT_LISTING_CACHE=0, as a fresh checkout's first
 * run does), and with the listing cached by that run's twin (any later run over unchanged files).
 */
async function fullRun(): Promise<FullRunFigures> {
  const out = await mkdtemp(join(tmpdir(), 'dmct-bench-run-'));
  const runOnce = (env: NodeJS.ProcessEnv) =>
    timeCommand(process.execPath, [dmct, 'run', '--role', 'both', '--out', out, '--progress', 'off'], { cwd: repoRoot, env });
  try {
    log('(a) dmct run --role both against the reference peers, listing the scenarios…');
    const listing = await runOnce({ ...process.env, DMCT_LISTING_CACHE: '0' });
    log('(a) again, twice, with the listing cache (the first fills it)…');
    await runOnce(process.env);
    const cached = await runOnce(process.env);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      items: { scenarios?: { role: string; id: string; ran: boolean }[] }[];
    };
    const scenarios = new Set(report.items.flatMap((item) => (item.scenarios ?? []).filter((s) => s.ran).map((s) => `${s.role}:${s.id}`)))
      .size;
    log(
      `(a) ${scenarios} scenarios in ${(listing.ms / 1000).toFixed(1)} s listing, ${(cached.ms / 1000).toFixed(1)} s cached (exit ${String(listing.code)}, ${String(cached.code)}); ${scenarios} empty Playwright tests…`,
    );
    const floor = await runEmptyPlaywrightTests({ repoRoot, playwrightCli, tests: Math.max(1, scenarios), workers });
    if (floor.code !== 0) log(`(a) the empty Playwright project exited ${String(floor.code)}: ${floor.stderr.slice(-400)}`);
    const ratio = (ms: number) => Math.round((ms / floor.ms) * 100) / 100;
    return {
      dmctRunMs: Math.round(listing.ms),
      dmctRunExitCode: listing.code,
      dmctRunCachedListingMs: Math.round(cached.ms),
      dmctRunCachedListingExitCode: cached.code,
      scenarios,
      emptyPlaywrightMs: Math.round(floor.ms),
      ratio: ratio(listing.ms),
      ratioCachedListing: ratio(cached.ms),
      workers,
      ...(listing.cpuMs !== undefined && cached.cpuMs !== undefined && floor.cpuMs !== undefined
        ? { cpu: { dmctRunMs: listing.cpuMs, dmctRunCachedListingMs: cached.cpuMs, emptyPlaywrightMs: floor.cpuMs } }
        : {}),
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** (b) `dmct scr check` cold start against `node -e 0`, median of 5 each, alternated. */
async function coldStart(): Promise<ColdStartFigures> {
  log('(b) cold start: dmct scr check vs node -e 0, 5 runs each…');
  const dmctRuns: TimedRun[] = [];
  const nodeRuns: TimedRun[] = [];
  for (let i = 0; i < 5; i += 1) {
    nodeRuns.push(await timeCommand(process.execPath, ['-e', '0']));
    dmctRuns.push(await timeCommand(process.execPath, [dmct, 'scr', 'check', 'fixtures/claims/reference-client.json'], { cwd: repoRoot }));
  }
  const dmctMedian = median(dmctRuns.map((run) => run.ms));
  const nodeMedian = median(nodeRuns.map((run) => run.ms));
  const cpu = (runs: TimedRun[]): number[] => runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]));
  const measuredCpu = cpu(dmctRuns).length === 5 && cpu(nodeRuns).length === 5;
  return {
    scrCheckMs: Math.round(dmctMedian),
    nodeMs: Math.round(nodeMedian),
    overheadMs: Math.round(dmctMedian - nodeMedian),
    scrCheckExitCode: dmctRuns.at(-1)?.code ?? null,
    ...(measuredCpu ? { cpu: { scrCheckMs: Math.round(median(cpu(dmctRuns))), nodeMs: Math.round(median(cpu(nodeRuns))) } } : {}),
  };
}

/**
 * One load run against a fresh embedded reference server (50 devices); `queue` adds the GET
 * workload. Its cost covers the run alone, not the server's start.
 */
async function loadRun(queue: boolean, concurrency: number, durationMs: number): Promise<{ value: LoadReport; cost: RunCost }> {
  const target = await startEmbeddedLoadTarget({ devices: 50, devIdPrefix: 'IMEI:bench-' });
  try {
    return await withRunCost(() =>
      runLoad({
        targetUrl: target.server.dmUrl,
        devices: 50,
        concurrency,
        durationMs,
        maxSessions: 10_000_000,
        devIdPrefix: 'IMEI:bench-',
        timeoutMs: 10_000,
        maxBodyBytes: 1024 * 1024,
        maxPackage2s: 8,
        ...(queue ? { beforeSession: target.beforeSession } : {}),
      }),
    );
  } finally {
    await target.server.stop();
  }
}

/**
 * What queueing the GET through the admin API would add per session: `POST /devices/:devId/commands`
 * over HTTP (msw serves the admin API), 16 in flight, calls per second. The load runs queue in-process.
 */
async function adminQueueingPerSecond(durationMs: number): Promise<number> {
  const target = await startEmbeddedLoadTarget({ devices: 50, devIdPrefix: 'IMEI:bench-' });
  const client = new LoadHttpClient({ maxSockets: 16, timeoutMs: 10_000, maxBodyBytes: 64 * 1024 });
  const devIds = loadDevIds('IMEI:bench-', 50);
  const body = Buffer.from(JSON.stringify({ command: EMBEDDED_WORKLOAD[0] }));
  let calls = 0;
  const started = performance.now();
  const loop = async (lane: number): Promise<void> => {
    for (let i = lane; performance.now() < started + durationMs; i += 16) {
      const url = `${target.server.adminUrl}/devices/${encodeURIComponent(devIds[i % devIds.length] ?? '')}/commands`;
      const outcome = await client.post(url, { 'content-type': 'application/json', ...adminAuthorization(target.server.adminToken) }, body);
      if (outcome.kind !== 'response' || outcome.status !== 201)
        throw new Error(`admin queueing failed: ${outcome.kind === 'response' ? `HTTP ${outcome.status}` : outcome.detail}`);
      calls += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: 16 }, (_, lane) => loop(lane)));
  } finally {
    client.close();
    await target.server.stop();
  }
  return Math.round((calls / (performance.now() - started)) * 1000);
}

/**
 * (d) `dmct load` against the embedded reference server, each beside its baseline: bare
 * `node:http` exchanges over the same keep-alive client (no DM work on either side), measured in
 * between. 16 in flight for the throughput figures; one in flight for the exchange latency, where
 * no session queues behind another on the one event loop.
 */
async function loadFigures(): Promise<LoadFigures> {
  const durationMs = quick ? 2000 : 5000;
  const figures: Partial<LoadFigures> = { durationMs, devices: 50, concurrency: 16 };
  // Lazy validator compiles and the JIT are paid once per process, not per session: not measured.
  log('(d) warm-up, 1 s…');
  await loadRun(true, 16, 1000);
  const cost: Partial<LoadFigures['cost']> = {};
  log(`(d) bare node:http exchanges, 16 in flight, ${durationMs / 1000} s…`);
  ({ value: figures.bareExchanges, cost: cost.bareExchanges } = await withRunCost(() => bareExchangeFloor(16, durationMs)));
  log('(d) load, END only…');
  ({ value: figures.endOnly, cost: cost.endOnly } = await loadRun(false, 16, durationMs));
  log('(d) load, GET then END…');
  ({ value: figures.getThenEnd, cost: cost.getThenEnd } = await loadRun(true, 16, durationMs));
  log('(d) admin queueing calls alone…');
  figures.adminQueueingCallsPerSecond = await adminQueueingPerSecond(durationMs);
  log('(d) bare node:http exchanges, one in flight…');
  ({ value: figures.bareExchangeOneInFlight, cost: cost.bareExchangeOneInFlight } = await withRunCost(() =>
    bareExchangeFloor(1, durationMs),
  ));
  log('(d) load, GET then END, one in flight…');
  ({ value: figures.getThenEndOneInFlight, cost: cost.getThenEndOneInFlight } = await loadRun(true, 1, durationMs));
  figures.cost = cost as LoadFigures['cost'];
  return figures as LoadFigures;
}

/** Median `node -e 0` wall time (5 runs): how fast this machine starts Node right now. */
async function nodeStartMs(): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) runs.push((await timeCommand(process.execPath, ['-e', '0'])).ms);
  return Math.round(median(runs));
}

const roundedLoad = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);
const machine: BenchResults['machine'] = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: roundedLoad(),
  loadAverageAtEnd: [],
  nodeStartMs: 0,
};
// Measure what `npm install` leaves: the bundled CLI and precompiled validators, fresh.
log('building (npm run build)…');
const build = await timeCommand(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: repoRoot });
if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr.slice(-400)}`);
const started = new Date().toISOString();
log('node -e 0, 5 runs…');
machine.nodeStartMs = await nodeStartMs();
const a = loadOnly || process.argv.includes('--skip-run') ? undefined : await fullRun();
if (runOnly) {
  process.stdout.write(
    `${JSON.stringify({ fullRun: a, loadAverage: [machine.loadAverageAtStart, roundedLoad()], nodeStartMs: machine.nodeStartMs }, null, 2)}\n`,
  );
  process.exit(0);
}
const b = loadOnly ? undefined : await coldStart();
if (!loadOnly) log('(c) protocol throughput…');
const c = loadOnly ? undefined : protocolThroughput(repoRoot, quick ? 500 : 2000);
const d = await loadFigures();
machine.loadAverageAtEnd = roundedLoad();

const results: BenchResults = { measuredAt: started, machine, fullRun: a ?? null, coldStart: b ?? null, throughput: c ?? null, load: d };
await writeFile(join(repoRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeBenchTable(join(repoRoot, 'docs/reference/benchmarks.md'), results);
process.stdout.write(`${renderBenchTable(results)}\nwrote bench/results.json and the benchmark table of docs/reference/benchmarks.md\n`);
