/**
 * The checks hostile-target tests make, as the scenarios make them (the verdict policy): an answer
 * awaited after a complete, valid stimulus that does not come is `fail`, as is a refusal or a
 * message with protocol errors; a stimulus that never left is `inconclusive`; otherwise `pass`.
 */
import assert from 'node:assert/strict';
import type { EventWait, PackageEvent } from '../../../src/harness/dm-server-engine.js';
import type { SessionTranscript } from '../../../src/harness/device-engine.js';
import { failureOutcome } from '../../../src/transport/http-client.js';
import type { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import type { Violation } from '../../../src/protocol/violation.js';

export type Judged = 'pass' | 'fail' | 'inconclusive';

export const PACKAGE2_ITEM = {
  item: 'DM-PACK-012-S-M',
  section: '5.2.3',
  rule: 'the server answers a Package#1 with a Package#2',
} as const;
export const PACKAGE1_ITEM = {
  item: 'DM-PACK-011-C-M',
  section: '5.2.2',
  rule: 'Package#1 follows the format of section 7.2.1.1',
} as const;

function errorsOf(violations: readonly Violation[]): string | undefined {
  const errors = violations.filter((violation) => violation.severity === 'error');
  if (errors.length === 0) return undefined;
  // Name the first few only: the report's summary of repeats is the recorder's job, not this text's.
  const named = errors.slice(0, 5).map((v) => `${v.rule}: ${v.message}`);
  return `${named.join('; ')}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`;
}

/** Judges the first answer of a session the way the server-target checks do. */
export function judgePackage2Reply(recorder: TraceRecorder, transcript: SessionTranscript): Judged {
  const reply = transcript.rounds[0]?.reply;
  assert.ok(reply !== undefined, 'the session made one round at least');
  recorder.countCheck();
  if (reply.kind === 'no-answer') {
    const outcome = failureOutcome(reply.failure.kind);
    const finding = {
      ...PACKAGE2_ITEM,
      expected: ['a 2xx response carrying a Package#2'],
      actual: `no answer: ${reply.failure.kind} (${reply.failure.detail})`,
      seq: reply.seq,
      outcome,
    };
    if (outcome === 'stimulus-not-delivered') {
      recorder.inconclusive(finding);
      return 'inconclusive';
    }
    recorder.fail(finding);
    return 'fail';
  }
  if (reply.kind === 'refused') {
    recorder.fail({ ...PACKAGE2_ITEM, expected: ['a 2xx response carrying a Package#2'], actual: reply.reason, seq: reply.seq });
    return 'fail';
  }
  recorder.countCheck();
  const errors = errorsOf(reply.violations);
  if (errors === undefined) return 'pass';
  recorder.fail({ ...PACKAGE2_ITEM, expected: ['a Package#2 without protocol errors'], actual: errors, seq: reply.seq });
  return 'fail';
}

/** Judges the first Package#1 a client target sent to dmct's DM server, as the Package#1 scenario does. */
export function judgePackage1(recorder: TraceRecorder, wait: EventWait<PackageEvent>): Judged {
  recorder.countCheck();
  if (wait.kind === 'timeout') {
    recorder.inconclusive({ ...PACKAGE1_ITEM, expected: ['a Package#1'], actual: wait.detail });
    return 'inconclusive';
  }
  const errors = errorsOf(wait.value.violations);
  if (errors === undefined) return 'pass';
  recorder.fail({ ...PACKAGE1_ITEM, expected: ['a Package#1 without protocol errors'], actual: errors, seq: wait.value.requestSeq });
  return 'fail';
}
