/**
 * One cell of the interop matrix: a client against a server through a monitor. The monitor sits
 * in front of the server's DM endpoint, the client's `sessionWith` trigger points the client at
 * the monitor, and once the session is over (the trigger says so) or the pair's time is up, the
 * exchanges the monitor saw are judged passively into the report folder of `dmct judge`.
 */
import { join } from 'node:path';
import { runTrigger, type TriggerOutcome, type TriggerSpec } from '../../harness/triggers.js';
import { TraceRecorder } from '../../harness/trace-recorder.js';
import type { TemplateValues } from '../../harness/template.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { overallVerdict } from '../../report/verdict.js';
import { writeReportFolder } from '../../report/writers/folder.js';
import type { Report, Role } from '../../report/index.js';
import type { Edition } from '../../scr/index.js';
import type { Exchange } from '../capture.js';
import { exchangesToHar } from '../har-export.js';
import { buildJudgeReport } from '../judge-report.js';
import type { PassiveJudgement } from '../passive-judge.js';
import type { ClaimedPeer } from './peers.js';
import type { PairResult, SideVerdict } from './schemas/matrix.schema.js';

/** What a pair needs of a running monitor (src/monitor/proxy.ts `RunningMonitor` has it). */
export interface PairMonitor {
  /** Where the monitor listens; clients are sent here. */
  url: URL;
  exchanges(): readonly Exchange[];
  judgement(): PassiveJudgement;
  close(): Promise<void>;
}

/** Starts a monitor forwarding to `upstream` (injected: the CLI passes the real monitor, unit tests a fake). */
export type StartPairMonitor = (upstream: URL) => Promise<PairMonitor>;

/** Pulls a client's trigger (injected for tests; the CLI uses src/harness/triggers.ts `runTrigger`). */
export type PullTrigger = (
  trigger: TriggerSpec,
  values: TemplateValues,
  options: { name: string; recorder: TraceRecorder; timeoutMs: number; baseDir: string },
) => Promise<TriggerOutcome>;

/** The file beside a pair's report that records its result; a rerun skips a pair whose file is valid. */
export const PAIR_FILE = 'pair.json';
/** The pair's traffic as the monitor saw it, for `dmct judge` or a HAR viewer. */
export const PAIR_HAR_FILE = 'capture.har';

export interface PairRunOptions {
  client: ClaimedPeer;
  server: ClaimedPeer;
  edition: Edition;
  /** The matrix's folder; the pair writes under `pairs/<client>__<server>/`. */
  outDir: string;
  /** The pair's time: the trigger's limit, and the deadline when it does not say the session is over. */
  timeMs: number;
  dmctVersion: string;
  startMonitor: StartPairMonitor;
  pullTrigger?: PullTrigger;
  /** Waits until the deadline or the abort (injected so unit tests need no real time). */
  waitUntil?: (deadline: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** The folder of a pair, relative to the matrix's folder. */
export function pairFolder(client: string, server: string): string {
  return `pairs/${client}__${server}`;
}

/**
 * The URL a client is given for the server behind the monitor: the monitor's origin with the
 * server's own path and query (a DM endpoint is rarely at `/`), unless the monitor names a path itself.
 */
export function urlThroughMonitor(monitorUrl: URL, upstream: URL): string {
  if (monitorUrl.pathname !== '/' || monitorUrl.search !== '') return monitorUrl.href;
  return new URL(`${upstream.pathname}${upstream.search}`, monitorUrl.origin).href;
}

/** One side's verdict in a pair: the overall verdict of that role's items in the pair's report. */
export function sideVerdict(report: Report, role: Role): SideVerdict {
  const items = report.items.filter((i) => i.role === role);
  const overall = overallVerdict(items);
  const applicable = items.filter((i) => i.verdict !== 'not-applicable');
  const passed = applicable.filter((i) => i.verdict === 'pass').length;
  const failed = applicable.filter((i) => i.verdict === 'fail').length;
  return { verdict: overall.verdict, passed, failed, open: applicable.length - passed - failed, reason: overall.reason.slice(0, 1000) };
}

function defaultWaitUntil(deadline: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

/** The trigger's input: the client claims' common values, and the monitor's URL as `serverUrl`. */
function triggerValues(client: ClaimedPeer, serverUrl: string): TemplateValues {
  const { claims } = client;
  const values: Record<string, string> = { serverUrl };
  if (claims.client?.devId !== undefined) values['devId'] = claims.client.devId;
  if (claims.client?.serverId !== undefined) values['serverId'] = claims.client.serverId;
  if (claims.adminUrl !== undefined) values['adminUrl'] = claims.adminUrl.replace(/\/+$/, '');
  if (claims.adminToken !== undefined) values['adminToken'] = claims.adminToken;
  return values;
}

function claimsOf(peer: ClaimedPeer) {
  return { claims: peer.claims, file: peer.file, sha256: peer.sha256 };
}

/** Runs one client against one server through a fresh monitor, writes its report folder and pair.json; never throws for the peers' misbehaviour. */
export async function runPair(options: PairRunOptions): Promise<PairResult> {
  const { client, server } = options;
  const startTime = new Date();
  const folder = pairFolder(client.name, server.name);
  const upstream = new URL(server.claims.server?.url ?? '');
  let problem: string | undefined;
  let exchanges: readonly Exchange[] = [];
  let judgement: PassiveJudgement = { observations: [], skipped: [], sessions: 0 };
  let monitor: PairMonitor | undefined;
  try {
    monitor = await options.startMonitor(upstream);
  } catch (err) {
    problem = `the monitor could not start in front of ${upstream.href}: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (monitor) {
    try {
      const trigger = client.claims.client?.sessionWith;
      const deadline = startTime.getTime() + options.timeMs;
      const outcome = trigger
        ? await (options.pullTrigger ?? runTrigger)(trigger, triggerValues(client, urlThroughMonitor(monitor.url, upstream)), {
            name: 'sessionWith',
            recorder: new TraceRecorder(),
            timeoutMs: options.timeMs,
            baseDir: client.baseDir,
          })
        : ({ ok: false, inconclusive: 'trigger sessionWith is not configured in the claims', outcome: 'stimulus-not-delivered' } as const);
      if (!outcome.ok) problem = outcome.inconclusive;
      // A session the trigger does not say is over is judged at the pair's deadline.
      else if (outcome.sessionDone !== true) await (options.waitUntil ?? defaultWaitUntil)(deadline, options.signal);
      exchanges = monitor.exchanges();
      judgement = monitor.judgement();
    } finally {
      await monitor.close();
    }
  }
  const interrupted = options.signal?.aborted === true;
  if (interrupted) problem = `interrupted${problem === undefined ? '' : `; ${problem}`}`;
  const endTime = new Date();
  const report = buildJudgeReport({
    edition: options.edition,
    capture: `monitor between ${client.name} and ${server.name}`,
    exchanges,
    judgement,
    claims: { client: claimsOf(client), server: claimsOf(server) },
    dmctVersion: options.dmctVersion,
    startTime,
    endTime,
  });
  if (problem !== undefined) report.meta.warnings = [...(report.meta.warnings ?? []), `dmct matrix: ${problem}`];
  const result: PairResult = {
    client: client.name,
    server: server.name,
    clientSha256: client.sha256,
    serverSha256: server.sha256,
    folder,
    startTime: startTime.toISOString(),
    durationMs: Math.max(0, endTime.getTime() - startTime.getTime()),
    exchanges: exchanges.length,
    sessions: judgement.sessions,
    ...(problem === undefined ? {} : { problem: problem.slice(0, 1000) }),
    verdicts: { client: sideVerdict(report, 'client'), server: sideVerdict(report, 'server') },
  };
  const dir = join(options.outDir, folder);
  await writeReportFolder(dir, report);
  await writeFileAtomic(
    join(dir, PAIR_HAR_FILE),
    `${JSON.stringify(exchangesToHar(exchanges, { name: 'dmct matrix', version: options.dmctVersion }))}\n`,
  );
  // Written last: a pair.json means the pair's report folder is complete. An interrupted pair
  // keeps its report but no pair.json, so the next run judges it again.
  if (!interrupted) await writeFileAtomic(join(dir, PAIR_FILE), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
