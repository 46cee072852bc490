import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, startEmbeddedLoadTarget, type LoadReport } from '../src/load/index.js';
import { median, timeCommand } from './measure.js';
import { runEmptyPlaywrightTests } from './playwright-floor.js';
import { protocolThroughput } from './throughput-figures.js';

// `npm run bench`: the four figures of issue 9, each measured side by side with its baseline in
// one run so the ratios hold on a noisy machine. Nothing here is asserted; it prints and records.

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dmct = join(repoRoot, 'bin/dmct.js');
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const quick = process.argv.includes('--quick');
const loadOnly = process.argv.includes('--load-only');
const workers = Number(process.env['DMCT_WORKERS'] ?? 2);
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/**
 * (a) Full both-role `dmct run` against the reference peers, then the same number of empty
 * Playwright tests. Twice: listing the scenarios (DMCT_LISTING_CACHE=0, as a fresh checkout's first
 * run does), and with the listing cached by that run's twin (any later run over unchanged files).
 */
async function fullRun(): Promise<Record<string, number | string | null>> {
  const out = await mkdtemp(join(tmpdir(), 'dmct-bench-run-'));
  const runOnce = (env: NodeJS.ProcessEnv) => timeCommand(process.execPath, [dmct, 'run', '--role', 'both', '--out', out, '--progress', 'off'], { cwd: repoRoot, env });
  try {
    log('(a) dmct run --role both against the reference peers, listing the scenarios…');
    const listing = await runOnce({ ...process.env, DMCT_LISTING_CACHE: '0' });
    log('(a) again, twice, with the listing cache (the first fills it)…');
    await runOnce(process.env);
    const cached = await runOnce(process.env);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { items: { scenarios?: { role: string; id: string; ran: boolean }[] }[] };
    const scenarios = new Set(report.items.flatMap((item) => (item.scenarios ?? []).filter((s) => s.ran).map((s) => `${s.role}:${s.id}`))).size;
    log(`(a) ${scenarios} scenarios in ${(listing.ms / 1000).toFixed(1)} s listing, ${(cached.ms / 1000).toFixed(1)} s cached (exit ${String(listing.code)}, ${String(cached.code)}); ${scenarios} empty Playwright tests…`);
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
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** (b) `dmct scr check` cold start against `node -e 0`, median of 5 each, alternated. */
async function coldStart(): Promise<Record<string, number | null>> {
  log('(b) cold start: dmct scr check vs node -e 0, 5 runs each…');
  const dmctMs: number[] = [];
  const nodeMs: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < 5; i += 1) {
    nodeMs.push((await timeCommand(process.execPath, ['-e', '0'])).ms);
    const check = await timeCommand(process.execPath, [dmct, 'scr', 'check', 'fixtures/claims/reference-client.json'], { cwd: repoRoot });
    exitCode = check.code;
    dmctMs.push(check.ms);
  }
  const dmctMedian = median(dmctMs);
  const nodeMedian = median(nodeMs);
  return { scrCheckMs: Math.round(dmctMedian), nodeMs: Math.round(nodeMedian), overheadMs: Math.round(dmctMedian - nodeMedian), scrCheckExitCode: exitCode };
}

/** (d) `dmct load` figures against the embedded reference server: the default workload, and END-only sessions. */
async function loadFigures(): Promise<Record<string, LoadReport>> {
  const durationMs = quick ? 2000 : 5000;
  const results: Record<string, LoadReport> = {};
  for (const [name, queue] of [['getThenEnd', true], ['endOnly', false]] as const) {
    log(`(d) load, ${name}, ${durationMs / 1000} s…`);
    const target = await startEmbeddedLoadTarget({ devices: 50, devIdPrefix: 'IMEI:bench-', timeoutMs: 10_000 });
    try {
      results[name] = await runLoad({
        targetUrl: target.server.dmUrl,
        devices: 50,
        concurrency: 16,
        durationMs,
        maxSessions: 10_000_000,
        devIdPrefix: 'IMEI:bench-',
        timeoutMs: 10_000,
        maxBodyBytes: 1024 * 1024,
        maxPackage2s: 8,
        ...(queue ? { beforeSession: target.beforeSession } : {}),
      });
    } finally {
      await target.server.stop();
    }
  }
  return results;
}

function row(cells: readonly string[]): string {
  const widths = [44, 16, 40];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' ');
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
};
// Measure what `npm install` leaves: the bundled CLI and precompiled validators, fresh.
log('building (npm run build)…');
const build = await timeCommand(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: repoRoot });
if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr.slice(-400)}`);
const started = new Date().toISOString();
const a = loadOnly || process.argv.includes('--skip-run') ? undefined : await fullRun();
const b = loadOnly ? undefined : await coldStart();
if (!loadOnly) log('(c) protocol throughput…');
const c = loadOnly ? undefined : protocolThroughput(repoRoot, quick ? 500 : 2000);
const d = await loadFigures();

const results = { measuredAt: started, machine, fullRun: a ?? null, coldStart: b ?? null, throughput: c ?? null, load: d };
await writeFile(join(repoRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const lines = [
  row(['figure', 'value', 'baseline / note']),
  row(['(a) dmct run, both roles, listing', a === undefined ? 'skipped' : `${((a['dmctRunMs'] as number) / 1000).toFixed(2)} s`, a === undefined ? '' : `${String(a['scenarios'])} scenarios, exit ${String(a['dmctRunExitCode'])}`]),
  row(['    ratio to empty Playwright tests', a === undefined ? 'skipped' : `${String(a['ratio'])}×`, a === undefined ? '' : `${((a['emptyPlaywrightMs'] as number) / 1000).toFixed(2)} s for ${String(a['scenarios'])} empty tests (target ≤ 2×)`]),
  row(['    the same, listing cached', a === undefined ? 'skipped' : `${((a['dmctRunCachedListingMs'] as number) / 1000).toFixed(2)} s, ${String(a['ratioCachedListing'])}×`, a === undefined ? '' : `exit ${String(a['dmctRunCachedListingExitCode'])}; a repeat run over unchanged files`]),
  row(['(b) dmct scr check cold start (median of 5)', b === undefined ? 'skipped' : `${String(b['scrCheckMs'])} ms`, b === undefined ? '' : `node -e 0: ${String(b['nodeMs'])} ms (target ≤ 300 ms)`]),
  row(['(c) notification decodes per second', c === undefined ? 'skipped' : String(c.notificationDecodes), 'digest example, digest verified']),
  row(['    Package#2 validations per second', c === undefined ? 'skipped' : String(c.package2Validations), 'all-commands example']),
  row(['(d) load sessions/s, GET then END', String(d['getThenEnd']?.sessionsPerSecond ?? 0), `50 devices, 16 in flight; p99 ${String(d['getThenEnd']?.latencyMs.p99 ?? 0)} ms`]),
  row(['    load sessions/s, END only', String(d['endOnly']?.sessionsPerSecond ?? 0), `target ≥ 2000; p99 ${String(d['endOnly']?.latencyMs.p99 ?? 0)} ms`]),
];
process.stdout.write(`${lines.join('\n')}\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMiB} MiB, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\nwrote bench/results.json\n`);
