/**
 * One cell of the interop matrix: a client against a server through a monitor. The monitor sits
 * in front of the server's DM endpoint. A client-initiated session: the client's `sessionWith`
 * trigger points the client at the monitor, and is over when the trigger says so or the pair's
 * time is up. A server-initiated session (server-initiated.ts): the server's `notify` trigger sends
 * a Package#0 through the monitor's relay to the client, whose session is over at the server's END
 * or when the pair's time is up. Then the traffic the monitor saw is judged passively into the
 * report folder of `dmct judge`.
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
import { httpNotificationOf } from '../http-notifications.js';
import type { RelayedNotification } from '../notification-relay.js';
import { exchangesToHar } from '../har-export.js';
import { buildJudgeReport } from '../judge-report.js';
import type { PassiveJudgement } from '../passive-judge.js';
import type { ClaimedPeer } from './peers.js';
import type { Initiation, PairResult, SideVerdict } from './schemas/matrix.schema.js';
import { notifyValues, relayFor, serverInitiationBlocked, sessionSince, type PairRelay } from './server-initiated.js';

/** What a pair needs of a running monitor (src/monitor/proxy.ts `RunningMonitor` has it). */
export interface PairMonitor {
  /** Where the monitor listens; clients are sent here. */
  url: URL;
  /** The UDP port of its Package#0 relay, when asked for one. */
  notificationPort?: number;
  /** The URL of its HTTP Package#0 relay, when asked for one. */
  httpRelayUrl?: URL;
  exchanges(): readonly Exchange[];
  /** The datagrams its UDP relay passed on (for the report's evidence). */
  datagrams?(): readonly RelayedNotification[];
  judgement(): PassiveJudgement;
  close(): Promise<void>;
}

/** What a pair asks of its monitor besides the upstream. */
export interface PairMonitorOptions {
  /** Relay the server's Package#0 to the client (a server-initiated session). */
  relay?: PairRelay;
  /** Where it listens: the fixed address clients' DM accounts name (a server-initiated session), else a free loopback port. */
  listen?: { host?: string; port: number };
  /** Told after each exchange or relayed Package#0 (the pair watches a server-initiated session end). */
  onTraffic?: () => void;
  /** The client's DevInfo/DevID from its claims: its OMADM-DevID is held to it (§5.2.2). */
  clientDevId?: string;
}

/** Starts a monitor forwarding to `upstream` (injected: the CLI passes the real monitor, unit tests a fake). */
export type StartPairMonitor = (upstream: URL, options: PairMonitorOptions) => Promise<PairMonitor>;

/** Pulls a client's or server's trigger (injected for tests; the CLI uses src/harness/triggers.ts `runTrigger`). */
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
  /** The pair's time, for both its sessions: each trigger's limit, and the deadline of a session not seen to end. */
  timeMs: number;
  dmctVersion: string;
  startMonitor: StartPairMonitor;
  pullTrigger?: PullTrigger;
  /** Waits until the deadline or the abort (injected so unit tests need no real time). */
  waitUntil?: (deadline: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /**
   * The fixed address of every pair's monitor (`--monitor-listen`). A client answers a Package#0 by
   * opening a session with the server its DM account names: only an account naming this address
   * brings that session through the monitor, so server-initiated sessions are tried only with it.
   */
  monitorListen?: { host?: string; port: number };
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

/** What one session attempt left: whether it started, and the problem to report when it did not. */
interface Attempt {
  initiation: Initiation;
  problem?: string;
}

/** Waits for the deadline, the abort, or `done` turning true on traffic (the session seen to end). */
async function waitFor(options: PairRunOptions, deadline: number, watch: { done: () => boolean; listeners: Set<() => void> }) {
  if (watch.done()) return;
  const seen = new AbortController();
  const check = () => {
    if (watch.done()) seen.abort();
  };
  const stop = () => seen.abort();
  watch.listeners.add(check);
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (options.signal?.aborted !== true) await (options.waitUntil ?? defaultWaitUntil)(deadline, seen.signal);
  } finally {
    watch.listeners.delete(check);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** The client-initiated session: the client's sessionWith trigger, pointed at the monitor. */
async function clientInitiated(options: PairRunOptions, monitor: PairMonitor, upstream: URL, deadline: number): Promise<Attempt> {
  const { client } = options;
  const trigger = client.claims.client?.sessionWith;
  if (trigger === undefined)
    return { initiation: { by: 'client', started: false, reason: 'the client claims have no sessionWith trigger' } };
  const outcome = await (options.pullTrigger ?? runTrigger)(trigger, triggerValues(client, urlThroughMonitor(monitor.url, upstream)), {
    name: 'sessionWith',
    recorder: new TraceRecorder(),
    timeoutMs: Math.max(1, deadline - Date.now()),
    baseDir: client.baseDir,
  });
  if (!outcome.ok)
    return { initiation: { by: 'client', started: false, reason: outcome.inconclusive.slice(0, 1000) }, problem: outcome.inconclusive };
  // A session the trigger does not say is over is judged at the pair's deadline.
  if (outcome.sessionDone !== true) await (options.waitUntil ?? defaultWaitUntil)(deadline, options.signal);
  return { initiation: { by: 'client', started: true } };
}

/**
 * The server-initiated session: the server's notify trigger, its Package#0 through the monitor's
 * relay, then the client's session until the server ends it (or the deadline).
 */
async function serverInitiated(
  options: PairRunOptions,
  monitor: PairMonitor,
  relay: PairRelay,
  deadline: number,
  watch: { listeners: Set<() => void> },
): Promise<Attempt> {
  const { client, server } = options;
  const via = 'udp' in relay ? 'udp' : 'http';
  const notRun = (reason: string): Attempt => ({
    initiation: { by: 'server', via, started: false, reason: reason.slice(0, 1000) },
    problem: `server-initiated session: ${reason}`,
  });
  const trigger = server.claims.server?.triggers?.notify;
  if (trigger === undefined) return notRun('the server claims have no notify trigger');
  const before = Math.max(0, ...monitor.exchanges().map((e) => e.index));
  const relayedBefore = relayedCount(monitor, before);
  const outcome = await (options.pullTrigger ?? runTrigger)(trigger, notifyValues(client, server, monitor), {
    name: 'notify',
    recorder: new TraceRecorder(),
    timeoutMs: Math.max(1, deadline - Date.now()),
    baseDir: server.baseDir,
  });
  if (!outcome.ok) return notRun(`the notify trigger was not pulled: ${outcome.inconclusive}`);
  await waitFor(options, deadline, { ...watch, done: () => sessionSince(monitor.exchanges(), before) === 'over' });
  if (relayedCount(monitor, before) === relayedBefore) return notRun('no Package#0 came through the relay');
  if (sessionSince(monitor.exchanges(), before) === 'none') return notRun('the client opened no session after the relayed Package#0');
  return { initiation: { by: 'server', via, started: true } };
}

/** The Package#0 relayed so far: the datagrams, and the HTTP exchanges after `after` that carry one. */
function relayedCount(monitor: PairMonitor, after: number): number {
  const posted = monitor.exchanges().filter((e) => e.index > after && httpNotificationOf(e) !== undefined);
  return (monitor.datagrams?.().length ?? 0) + posted.length;
}

/** Runs one client against one server through a fresh monitor, writes its report folder and pair.json; never throws for the peers' misbehaviour. */
export async function runPair(options: PairRunOptions): Promise<PairResult> {
  const { client, server } = options;
  const startTime = new Date();
  const folder = pairFolder(client.name, server.name);
  const upstream = new URL(server.claims.server?.url ?? '');
  const problems: string[] = [];
  const initiations: Initiation[] = [];
  let exchanges: readonly Exchange[] = [];
  let datagrams: readonly RelayedNotification[] | undefined;
  let judgement: PassiveJudgement = { observations: [], skipped: [], sessions: 0 };
  let monitor: PairMonitor | undefined;
  const blocked =
    serverInitiationBlocked(client, server) ??
    (options.monitorListen === undefined
      ? "not tried: without a fixed monitor address (dmct matrix --monitor-listen) the client's DM account cannot name the pair's monitor, so its session would bypass it"
      : undefined);
  const relay = blocked === undefined ? relayFor(client) : undefined;
  const watch = { listeners: new Set<() => void>() };
  try {
    monitor = await options.startMonitor(upstream, {
      ...(relay ? { relay } : {}),
      ...(options.monitorListen ? { listen: options.monitorListen } : {}),
      ...(client.claims.client?.devId === undefined ? {} : { clientDevId: client.claims.client.devId }),
      onTraffic: () => watch.listeners.forEach((listener) => listener()),
    });
  } catch (err) {
    problems.push(`the monitor could not start in front of ${upstream.href}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (monitor) {
    try {
      const deadline = startTime.getTime() + options.timeMs;
      const attempts: Attempt[] = [];
      if (client.claims.client?.sessionWith !== undefined) attempts.push(await clientInitiated(options, monitor, upstream, deadline));
      const notified = relayFor(client);
      if (relay !== undefined && options.signal?.aborted !== true)
        attempts.push(await serverInitiated(options, monitor, relay, deadline, watch));
      // Possible but not tried, for want of a fixed monitor address: said, and the pair's problem only when nothing started.
      else if (options.monitorListen === undefined && notified !== undefined && serverInitiationBlocked(client, server) === undefined)
        attempts.push({ initiation: { by: 'server', via: 'udp' in notified ? 'udp' : 'http', started: false, reason: blocked ?? '' } });
      for (const attempt of attempts) {
        initiations.push(attempt.initiation);
        if (attempt.problem !== undefined) problems.push(attempt.problem);
      }
      // A pair where no session started says why: never a pass by silence.
      if (attempts.length === 0)
        problems.push(`no session could be started: the client claims have no sessionWith trigger, and ${blocked ?? 'no relay'}`);
      else if (!attempts.some((a) => a.initiation.started) && problems.length === 0)
        problems.push(`no session could be started: ${attempts.map((a) => a.initiation.reason ?? '').join('; ')}`);
      exchanges = monitor.exchanges();
      datagrams = relay !== undefined && 'udp' in relay ? (monitor.datagrams?.() ?? []) : undefined;
      judgement = monitor.judgement();
    } finally {
      await monitor.close();
    }
  }
  const interrupted = options.signal?.aborted === true;
  if (interrupted) problems.unshift('interrupted');
  const problem = problems.length === 0 ? undefined : problems.join('; ');
  const endTime = new Date();
  const report = buildJudgeReport({
    edition: options.edition,
    capture: `monitor between ${client.name} and ${server.name}`,
    exchanges,
    ...(datagrams === undefined ? {} : { datagrams }),
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
    // At most one attempt of each kind was made.
    initiations: initiations.slice(0, 2) as PairResult['initiations'],
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
