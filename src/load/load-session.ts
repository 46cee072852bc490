import { performance } from 'node:perf_hooks';
import { DeviceEngine, type ServerReply } from '../harness/device-engine.js';
import type { Violation } from '../protocol/violation.js';
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

/** Violations that count as findings: errors and warnings (infos are notes). */
function counted(violations: readonly Violation[]): Violation[] {
  return violations.filter((violation) => violation.severity !== 'info');
}

function endOf(reply: Exclude<ServerReply, { kind: 'package2' }>): string {
  if (reply.kind === 'refused') return `refused: ${reply.reason}`;
  return `no-answer: ${reply.failure.kind}`;
}

/**
 * Runs one complete DM session (§5.2): Package#1, then for each Package#2 the device's
 * commands and a Package#3 — to the CONT URI once one was given (§5.3.8) — until a Package#2
 * carries END (§5.3.9, no Package#3 after it, §5.2.4), the server answers with no Package#2, or
 * `maxPackage2s` Package#2s went by (counted as a `session-not-ended` violation of END_ITEM).
 * Every Package#2 is checked by the protocol validators (through the engine's reader), each
 * violation attributed to its item; an answer that is no Package#2 (4xx/5xx, empty body, no
 * answer) ends the session as an error, not a violation. Never throws for what the server does.
 */
export async function runLoadSession(engine: DeviceEngine, maxPackage2s: number): Promise<LoadSessionResult> {
  const exchangeMs: number[] = [];
  const violations: AttributedViolation[] = [];
  const started = performance.now();
  let url = engine.serverUrl;
  let outgoing = engine.package1();
  for (let package2s = 0; ; package2s += 1) {
    const sentAt = performance.now();
    const { reply } = await engine.send({ ...outgoing, url });
    exchangeMs.push(performance.now() - sentAt);
    if (reply.kind !== 'package2') return { end: endOf(reply), sessionMs: performance.now() - started, exchangeMs, violations };
    for (const violation of counted(reply.violations)) violations.push({ item: itemOfPackage2Violation(violation, reply.package2), violation });
    const outcomes = await engine.execute(reply.package2);
    if (outcomes.some((outcome) => outcome.end === true)) return { end: 'end', sessionMs: performance.now() - started, exchangeMs, violations };
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
