import { readFile, writeFile } from 'node:fs/promises';
import type { LoadReport } from '../src/load/index.js';
import type { ExchangeFloor } from './load-floor.js';
import { cpuMicrosPer, type RunCost } from './run-cost.js';

/** (a): a full both-role `dmct run` and the empty Playwright run it is measured against. */
export interface FullRunFigures {
  dmctRunMs: number;
  dmctRunExitCode: number | null;
  dmctRunCachedListingMs: number;
  dmctRunCachedListingExitCode: number | null;
  scenarios: number;
  emptyPlaywrightMs: number;
  ratio: number;
  ratioCachedListing: number;
  workers: number;
  /** CPU time of each process tree (GNU time), when it was measured. */
  cpu?: { dmctRunMs: number; dmctRunCachedListingMs: number; emptyPlaywrightMs: number };
}

/** (b): `dmct scr check` against `node -e 0`, medians. */
export interface ColdStartFigures {
  scrCheckMs: number;
  nodeMs: number;
  overheadMs: number;
  scrCheckExitCode: number | null;
  /** Median CPU time of each (GNU time), when it was measured. */
  cpu?: { scrCheckMs: number; nodeMs: number };
}

/** (d): the load runs and the bare exchanges measured between them. */
export interface LoadFigures {
  durationMs: number;
  devices: number;
  concurrency: number;
  bareExchanges: ExchangeFloor;
  endOnly: LoadReport;
  getThenEnd: LoadReport;
  /** Admin API calls queueing a GET over HTTP, 16 in flight (the load runs queue in-process). */
  adminQueueingCallsPerSecond: number;
  bareExchangeOneInFlight: ExchangeFloor;
  getThenEndOneInFlight: LoadReport;
  /** What each measured run cost the process (absent in results from before it was recorded). */
  cost?: {
    bareExchanges: RunCost;
    endOnly: RunCost;
    getThenEnd: RunCost;
    bareExchangeOneInFlight: RunCost;
    getThenEndOneInFlight: RunCost;
  };
}

/** What `npm run bench` writes to bench/results.json. */
export interface BenchResults {
  measuredAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMiB: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    /** Median wall time of `node -e 0` in this run. */
    nodeStartMs: number;
  };
  fullRun: FullRunFigures | null;
  coldStart: ColdStartFigures | null;
  throughput: { notificationDecodes: number; package2Validations: number } | null;
  load: LoadFigures;
}

export const TABLE_START = '<!-- bench-table: generated from bench/results.json by `npm run bench`; do not edit -->';
export const TABLE_END = '<!-- bench-table end -->';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`;

/** The benchmark table (docs/reference/benchmarks.md): every figure beside the baseline measured in the same run. */
export function renderBenchTable(results: BenchResults): string {
  const { machine, fullRun: a, coldStart: b, throughput: c, load: d } = results;
  const rows: string[][] = [['figure', 'measured', 'baseline, same run', 'goal']];
  if (a !== null) {
    const floor = `${seconds(a.emptyPlaywrightMs)} for ${a.scenarios} empty Playwright tests, ${a.workers} workers`;
    rows.push([
      `(a) \`dmct run\`, both roles, ${a.scenarios} scenarios, listing`,
      `${seconds(a.dmctRunMs)} = ${a.ratio}×`,
      floor,
      '≤ 2.5×',
    ]);
    rows.push(['(a) the same, listing cached', `${seconds(a.dmctRunCachedListingMs)} = ${a.ratioCachedListing}×`, floor, '≤ 5 s and ≤ 2×']);
    if (a.cpu !== undefined) {
      const cpuRatio = (ms: number): string => `${Math.round((ms / (a.cpu?.emptyPlaywrightMs ?? ms)) * 100) / 100}×`;
      rows.push([
        '(a) CPU time of the whole process tree, listing / cached',
        `${seconds(a.cpu.dmctRunMs)} = ${cpuRatio(a.cpu.dmctRunMs)} / ${seconds(a.cpu.dmctRunCachedListingMs)} = ${cpuRatio(a.cpu.dmctRunCachedListingMs)}`,
        `${seconds(a.cpu.emptyPlaywrightMs)} for the empty tests`,
        '—',
      ]);
    }
  }
  if (b !== null) {
    rows.push(['(b) `dmct scr check` cold start, median of 5', ms(b.scrCheckMs), `\`node -e 0\`: ${ms(b.nodeMs)}`, '≤ 250 ms']);
    if (b.cpu !== undefined) rows.push(['(b) its CPU time, median of 5', ms(b.cpu.scrCheckMs), `\`node -e 0\`: ${ms(b.cpu.nodeMs)}`, '—']);
  }
  if (c !== null) {
    rows.push(['(c) notification decodes, digest verified', perSecond(c.notificationDecodes), '—', '—']);
    rows.push(['(c) Package#2 validations', perSecond(c.package2Validations), '—', '—']);
  }
  const bare = `bare \`node:http\` exchanges, ${d.bareExchanges.concurrency} in flight: ${perSecond(d.bareExchanges.exchangesPerSecond)}`;
  rows.push([
    `(d) load, END only, ${d.concurrency} in flight`,
    `${perSecond(d.endOnly.sessionsPerSecond)} (1 exchange a session)`,
    bare,
    '≥ 2,000/s',
  ]);
  rows.push([
    `(d) load, GET then END, ${d.concurrency} in flight`,
    `${perSecond(d.getThenEnd.sessionsPerSecond)} (2 exchanges a session)`,
    bare,
    '≥ 1,000/s',
  ]);
  rows.push([
    `(d) admin API call queueing a GET over HTTP (msw), alone, ${d.concurrency} in flight`,
    perSecond(d.adminQueueingCallsPerSecond),
    bare,
    '—',
  ]);
  rows.push([
    '(d) loopback exchange p50, one in flight (GET then END)',
    ms(d.getThenEndOneInFlight.exchangeLatencyMs.p50),
    `bare exchange p50: ${ms(d.bareExchangeOneInFlight.latencyMs.p50)}`,
    '< 2 ms',
  ]);
  rows.push([
    `(d) exchange p50, ${d.concurrency} in flight (GET then END)`,
    ms(d.getThenEnd.exchangeLatencyMs.p50),
    `bare exchange p50, ${d.bareExchanges.concurrency} in flight: ${ms(d.bareExchanges.latencyMs.p50)}`,
    '—',
  ]);
  if (d.cost !== undefined) {
    const { cost } = d;
    const bareCpu = (floor: ExchangeFloor, run: RunCost): string =>
      `${cpuMicrosPer(run, Math.round((floor.exchangesPerSecond * run.wallMs) / 1000))} µs CPU a bare exchange`;
    const perSession = (report: LoadReport, run: RunCost): string => {
      const micros = cpuMicrosPer(run, report.completed);
      return `${micros} µs CPU a session = ${perSecond(micros === 0 ? 0 : 1e6 / micros)} on one free core`;
    };
    rows.push([
      `(d) CPU per session, END only, ${d.concurrency} in flight`,
      perSession(d.endOnly, cost.endOnly),
      bareCpu(d.bareExchanges, cost.bareExchanges),
      '≤ 500 µs (2,000/s)',
    ]);
    rows.push([
      `(d) CPU per session, GET then END, ${d.concurrency} in flight`,
      perSession(d.getThenEnd, cost.getThenEnd),
      bareCpu(d.bareExchanges, cost.bareExchanges),
      '≤ 1,000 µs (1,000/s)',
    ]);
    const loops = [cost.endOnly, cost.getThenEnd, cost.getThenEndOneInFlight];
    rows.push([
      '(d) event-loop utilisation, END only / GET then END / GET then END one in flight (1 = never idle: no wait)',
      loops.map((run) => run.eventLoopUtilisation.toFixed(2)).join(' / '),
      `share of a core the process got: ${loops.map((run) => run.cpuShare.toFixed(2)).join(' / ')}`,
      '—',
    ]);
  }
  const table = rows
    .map((cells, index) => `| ${cells.join(' | ')} |${index === 0 ? `\n|${cells.map(() => '---').join('|')}|` : ''}`)
    .join('\n');
  const load = (values: readonly number[]): string => values.map((n) => n.toFixed(2)).join(' ');
  return `${table}\n\nMeasured ${results.measuredAt.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMiB} MiB, Node ${machine.node.replace(/^v/, '')}; \`node -e 0\` ${ms(machine.nodeStartMs)}; load average ${load(machine.loadAverageAtStart)} at the start, ${load(machine.loadAverageAtEnd)} at the end.`;
}

/** Replaces the generated table between its markers in `readmePath` (which must hold both). */
export async function writeBenchTable(readmePath: string, results: BenchResults): Promise<void> {
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${readmePath} has no ${TABLE_START} … ${TABLE_END} section`);
  await writeFile(readmePath, `${readme.slice(0, start + TABLE_START.length)}\n${renderBenchTable(results)}\n${readme.slice(end)}`);
}
