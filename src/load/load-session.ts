import { performance } from 'node:perf_hooks';
import { DeviceEngine, readPackage2Answer, type OutgoingPackage, type Package2Answer } from '../harness/device-engine.js';
import { HEADERS } from '../protocol/http/headers.js';
import { MEDIA_TYPES } from '../protocol/http/media-types.js';
import type { Violation } from '../protocol/violation.js';
import type { LoadHttpClient, LoadHttpFailure } from './load-http.js';
import { END_ITEM, itemOfPackage2Violation } from './violation-items.js';

/** A violation found in one Package#2, with the SCR item it counts against. */
export interface AttributedViolation {
  item: string;
  violation: Violation;
}

/** What one simulated session gave: how it ended, its timings and what was wrong. */
export interface LoadSessionResult {
  /** `end` when a Package#2 carried END; otherwise why the session stopped, e.g. `refused: HTTP 503`. */
  end: string;
  sessionMs: number;
  exchangeMs: number[];
  violations: AttributedViolation[];
}

/** Whether Ctrl-C stopped the run (a call, so every check reads the signal afresh). */
function stopped(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Violations that count as findings: errors and warnings (infos are notes). */
function counted(violations: readonly Violation[]): Violation[] {
  return violations.filter((violation) => violation.severity !== 'info');
}

/** The server's answer as the load run reads it: the harness DeviceEngine's reading (§5.2.3, §7.2.1.2), without a trace. */
type LoadReply = Package2Answer | { kind: 'no-answer'; failure: LoadHttpFailure };

/** POSTs a package as the DeviceEngine does (Content-Type, OMADM-DevID, Accept: Package#2; §5.2.2, §5.2.4, §5.5). */
async function exchange(
  client: LoadHttpClient,
  devId: string,
  url: string,
  outgoing: OutgoingPackage,
  signal?: AbortSignal,
): Promise<LoadReply> {
  const headers: Record<string, string> = { [HEADERS.devId]: devId, accept: MEDIA_TYPES.package2 };
  if (outgoing.contentType !== null) headers['content-type'] = outgoing.contentType;
  const body = typeof outgoing.body === 'string' ? Buffer.from(outgoing.body, 'utf8') : outgoing.body;
  const outcome = await client.post(url, headers, body, signal);
  if (outcome.kind === 'response') return readPackage2Answer({ ...outcome, truncated: false }, client.maxBodyBytes);
  if (outcome.kind === 'too-large' && outcome.status !== undefined) {
    return readPackage2Answer({ status: outcome.status, headers: {}, body: new Uint8Array(0), truncated: true }, client.maxBodyBytes);
  }
  return { kind: 'no-answer', failure: outcome };
}

function endOf(reply: Exclude<LoadReply, { kind: 'package2' }>): string {
  if (reply.kind === 'refused') return `refused: ${reply.reason}`;
  return `no-answer: ${reply.failure.kind}`;
}

/**
 * Runs one complete DM session (§5.2) over the run's keep-alive `client`: Package#1, then for each Package#2 the device's
 * commands and a Package#3 — to the CONT URI once one was given (§5.3.8) — until a Package#2
 * carries END (§5.3.9, no Package#3 after it, §5.2.4), the server answers with no Package#2, or
 * `maxPackage2s` Package#2s went by (counted as a `session-not-ended` violation of END_ITEM).
 * Every Package#2 is checked by the protocol validators (`checkPackage2Response`), each
 * violation attributed to its item; an answer that is no Package#2 (4xx/5xx, empty body, no
 * answer) ends the session as an error, not a violation. An aborted `signal` (Ctrl-C) ends it
 * as `interrupted` before the next exchange. Never throws for what the server does.
 */
export async function runLoadSession(
  engine: DeviceEngine,
  client: LoadHttpClient,
  maxPackage2s: number,
  signal?: AbortSignal,
): Promise<LoadSessionResult> {
  const exchangeMs: number[] = [];
  const violations: AttributedViolation[] = [];
  const started = performance.now();
  let url = engine.serverUrl;
  let outgoing = engine.package1();
  for (let package2s = 0; ; package2s += 1) {
    if (stopped(signal)) return { end: 'interrupted', sessionMs: performance.now() - started, exchangeMs, violations };
    // A CONT URI outside the egress policy (the target's own origin) is never followed.
    const refusal = engine.egressRefusal(url);
    if (refusal !== undefined)
      return {
        end: "egress-refused: a CONT URI outside the target's origin",
        sessionMs: performance.now() - started,
        exchangeMs,
        violations,
      };
    const sentAt = performance.now();
    const reply = await exchange(client, engine.devId, url, outgoing, signal);
    if (stopped(signal)) return { end: 'interrupted', sessionMs: performance.now() - started, exchangeMs, violations };
    exchangeMs.push(performance.now() - sentAt);
    if (reply.kind !== 'package2') return { end: endOf(reply), sessionMs: performance.now() - started, exchangeMs, violations };
    for (const violation of counted(reply.violations))
      violations.push({ item: itemOfPackage2Violation(violation, reply.package2), violation });
    const outcomes = await engine.execute(reply.package2);
    // Ctrl-C cut the side transfers short: what they gave says nothing about the server.
    if (stopped(signal)) return { end: 'interrupted', sessionMs: performance.now() - started, exchangeMs, violations };
    if (outcomes.some((outcome) => outcome.end === true))
      return { end: 'end', sessionMs: performance.now() - started, exchangeMs, violations };
    if (package2s + 1 >= maxPackage2s) {
      violations.push({
        item: END_ITEM,
        violation: {
          rule: 'session-not-ended',
          section: '5.3.9',
          severity: 'error',
          message: `no END after ${maxPackage2s} Package#2s`,
        },
      });
      return { end: 'max-package2s', sessionMs: performance.now() - started, exchangeMs, violations };
    }
    for (const outcome of outcomes) if (outcome.contUri !== undefined) url = outcome.contUri;
    outgoing = engine.package3(DeviceEngine.plan(outcomes));
  }
}
