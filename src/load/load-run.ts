import { performance } from 'node:perf_hooks';
import { EgressPolicy } from '../transport/egress.js';
import { DeviceEngine } from '../harness/device-engine.js';
import { TraceRecorder } from '../harness/trace-recorder.js';
import { LoadHttpClient } from './load-http.js';
import { runLoadSession } from './load-session.js';
import { targetLookup, type ResolveHost } from './pinned-lookup.js';
import { latencyPercentiles } from './percentiles.js';
import type { LoadReport } from './schemas/load-report.schema.js';
import { appendAll } from '../protocol/json-limits.js';

/** How a load run is bounded and what it simulates. */
export interface LoadRunOptions {
  /** The server's DM endpoint (DMAcc SrvURI) every Package#1 goes to (§5.2.2). */
  targetUrl: string;
  /** Simulated devices; each runs at most one session at a time (sessions are keyed by DevID). */
  devices: number;
  /** Sessions in flight at once; more than `devices` is cut to `devices`. */
  concurrency: number;
  /** No session starts after this much time. */
  durationMs: number;
  /** No session starts after this many. */
  maxSessions: number;
  /** DevIDs are `<prefix><n>`, n from 1. */
  devIdPrefix: string;
  /** Wait for each answer of the server. */
  timeoutMs: number;
  /** Largest answer read. */
  maxBodyBytes: number;
  /** Package#2s without END after which a session counts as never ended. */
  maxPackage2s: number;
  /** Runs before each session (e.g. queueing commands on the reference server); a text is an error of that session. */
  beforeSession?: (devId: string) => Promise<string | undefined>;
  /** Called about every `progressEveryMs` with the counts so far. */
  onProgress?: (progress: LoadProgress) => void;
  progressEveryMs?: number;
  /** Stops starting sessions (those in flight finish). */
  signal?: AbortSignal;
  /** Resolves the target's host name, once per run (default the system resolver). */
  resolveHost?: ResolveHost;
}

/** Counts so far, for a progress line. */
export interface LoadProgress {
  elapsedMs: number;
  sessions: number;
  completed: number;
  errors: number;
  violations: number;
}

/** The DevIDs of a run: `<prefix>1` … `<prefix><devices>`. */
export function loadDevIds(prefix: string, devices: number): string[] {
  return Array.from({ length: devices }, (_, index) => `${prefix}${index + 1}`);
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Simulated devices running complete sessions against a DM server (§5.2), `concurrency` at a
 * time, until `durationMs` or `maxSessions` is reached; waits for the sessions in flight and
 * returns the figures. Every Package#2 is validated and each violation counted against its SCR
 * item. Never throws for what the server does.
 */
export async function runLoad(options: LoadRunOptions): Promise<LoadReport> {
  const devIds = loadDevIds(options.devIdPrefix, options.devices);
  const free = devIds.map(
    (devId) =>
      new DeviceEngine({
        recorder: new TraceRecorder({ maxMessages: 0 }),
        serverUrl: options.targetUrl,
        devId,
        // Every request a session makes (CONT, side transfers) stays at the target's origin.
        egress: new EgressPolicy([new URL(options.targetUrl).origin]),
        // Ctrl-C also cuts the side transfers in flight, so the figures come at once.
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        timeoutMs: options.timeoutMs,
        maxBodyBytes: options.maxBodyBytes,
      }),
  );
  const concurrency = Math.max(1, Math.min(options.concurrency, options.devices));
  // The target's name is resolved once: its packages, CONT included, go to those addresses only.
  const lookup = targetLookup(options.targetUrl, options.resolveHost);
  const client = new LoadHttpClient({
    maxSockets: concurrency,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    ...(lookup === undefined ? {} : { lookup }),
  });
  const sessionMs: number[] = [];
  const exchangeMs: number[] = [];
  const errorKinds: Record<string, number> = {};
  const violations: Record<string, number> = {};
  const rules: Record<string, number> = {};
  const progress: LoadProgress = { elapsedMs: 0, sessions: 0, completed: 0, errors: 0, violations: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  const mayStart = (): boolean =>
    progress.sessions < options.maxSessions && performance.now() < deadline && options.signal?.aborted !== true;

  const worker = async (): Promise<void> => {
    while (mayStart()) {
      const engine = free.shift();
      if (engine === undefined) return;
      progress.sessions += 1;
      const refusal = await options.beforeSession?.(engine.devId);
      if (refusal !== undefined) {
        progress.errors += 1;
        increment(errorKinds, `setup: ${refusal}`);
        free.push(engine);
        continue;
      }
      const result = await runLoadSession(engine, client, options.maxPackage2s, options.signal);
      free.push(engine);
      appendAll(exchangeMs, result.exchangeMs);
      if (result.end === 'end') {
        progress.completed += 1;
        sessionMs.push(result.sessionMs);
      } else {
        progress.errors += 1;
        increment(errorKinds, result.end);
      }
      for (const { item, violation } of result.violations) {
        progress.violations += 1;
        increment(violations, item);
        increment(rules, violation.rule);
      }
    }
  };

  const every = options.progressEveryMs ?? 500;
  const ticker =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.({ ...progress, elapsedMs: performance.now() - started }), every);
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    client.close();
  }
  const durationMs = performance.now() - started;
  return {
    target: options.targetUrl,
    devices: options.devices,
    concurrency,
    durationMs: Math.round(durationMs),
    sessions: progress.sessions,
    completed: progress.completed,
    exchanges: exchangeMs.length,
    sessionsPerSecond: durationMs === 0 ? 0 : Math.round((progress.completed / durationMs) * 1000 * 10) / 10,
    latencyMs: latencyPercentiles(sessionMs),
    exchangeLatencyMs: latencyPercentiles(exchangeMs),
    errors: progress.errors,
    errorKinds,
    violations,
    rules,
  };
}
