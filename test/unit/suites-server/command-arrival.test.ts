import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { TestInfo } from '@playwright/test';
import { chosenStatuses, entriesNamed, expectArrival, queuedReport, untilReported } from '../../../fixtures/server-target/checks.js';
import { bindScenario, unbindScenario, type ScenarioBinding } from '../../../fixtures/scenario.js';
import { Inconclusive } from '../../../fixtures/verify.js';
import type { ServerReply, SessionRound, SessionTranscript } from '../../../src/harness/device-engine.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';

const ITEM = 'DM-PACK-017-S-M';
const CHECK = { item: ITEM, section: '5.3.4', rule: 'the server sends the queued DELETE' };
const DELETE = ['DELETE', 'urn:oma:mo:x:1.0/a/b'];

/** A bound scenario whose TestInfo stand-in records skips. */
function scenario(): ScenarioBinding {
  const testInfo = { annotations: [], skip: () => undefined } as unknown as TestInfo;
  const binding = { testInfo, trace: new TraceRecorder() };
  bindScenario(binding);
  return binding;
}

let bound: ScenarioBinding | undefined;
afterEach(() => {
  if (bound) unbindScenario(bound);
  bound = undefined;
});

function reply(CMD: unknown[][], seq: number): ServerReply {
  const body = new TextEncoder().encode(JSON.stringify({ CMD }));
  return { kind: 'package2', package2: { CMD }, violations: [], seq, http: { status: 200, headers: new Headers({ 'content-type': 'application/vnd.oma.dm.request+json' }), body } } as unknown as ServerReply;
}

/** A session of these Package#2s, in order; the last one ends it when it carries END. */
function session(...package2s: unknown[][][]): SessionTranscript {
  const rounds: SessionRound[] = package2s.map((CMD, index) => ({
    index,
    packageNumber: index === 0 ? 1 : 3,
    sentTo: 'http://127.0.0.1:1/dm',
    reply: reply(CMD, index + 1),
    outcomes: CMD.map((entry) => (entry[0] === 'END' ? { name: 'END', end: true } : { name: String(entry[0]), status: { sc: 200 } })),
  }));
  const last = package2s.at(-1) ?? [];
  return { rounds, end: last.some((entry) => entry[0] === 'END') ? 'end' : 'max-package2s', package3Url: 'http://127.0.0.1:1/dm' };
}

const carriesDelete = (package2: { CMD: unknown[][] }) => entriesNamed(package2, 'DELETE').length > 0;

describe('a queued command is looked for in every Package#2 of the session (§5.2.3)', () => {
  test('an empty CMD answering the Package#1, then the queued command answering the Package#3: found in round 1, its report in round 2, nothing failed', () => {
    const s = (bound = scenario());
    const transcript = session([], [DELETE], [['END']]);
    const arrival = expectArrival(transcript, carriesDelete, { trigger: 'queueCommand', prompted: true, what: 'the queued DELETE' }, CHECK);
    assert.equal(arrival.round.index, 1);
    assert.equal(arrival.report?.index, 2);
    assert.deepEqual(s.trace.findings, []);
    assert.equal(queuedReport(transcript, [DELETE], 'queueCommand', CHECK).index, 2);
  });

  test('a server that never sends the queued command (its trigger accepted it): inconclusive stimulus-not-delivered naming the trigger and what came, never a fail', () => {
    const s = (bound = scenario());
    assert.throws(() => expectArrival(session([], [['END']]), carriesDelete, { trigger: 'queueCommand', prompted: true, what: 'the queued DELETE' }, CHECK), Inconclusive);
    assert.equal(s.trace.findings.length, 1);
    const [finding] = s.trace.findings;
    assert.equal(finding?.verdict, 'inconclusive');
    assert.equal(finding?.outcome, 'stimulus-not-delivered');
    assert.match(finding?.actual ?? '', /queueCommand trigger was pulled, but the queued DELETE came in no Package#2 .*CMD \[\], then CMD \["END"\]/);
  });

  test('finding 12: without a trigger and with no such command sent, the scenario is inconclusive precondition-not-met naming the missing trigger', () => {
    const s = (bound = scenario());
    assert.throws(() => expectArrival(session([['END']]), carriesDelete, { trigger: 'queueCommand', prompted: false, what: 'a DELETE' }, CHECK), Inconclusive);
    const [finding] = s.trace.findings;
    assert.equal(finding?.outcome, 'precondition-not-met');
    assert.match(finding?.actual ?? '', /no queueCommand trigger configured .*CMD \["END"\]/);
  });

  test('the queued commands coming with END cannot be reported: inconclusive precondition-not-met, not a fail', () => {
    const s = (bound = scenario());
    assert.throws(() => queuedReport(session([DELETE, ['END']]), [DELETE], 'queueCommand', CHECK), Inconclusive);
    assert.equal(s.trace.findings[0]?.outcome, 'precondition-not-met');
  });

  test('a Package#1 left unanswered before the command came is judged first: a refusal fails the check', () => {
    bound = scenario();
    const refused = { rounds: [{ index: 0, packageNumber: 1, sentTo: 'x', reply: { kind: 'refused', reason: 'HTTP 500', seq: 1, http: { status: 500, headers: new Headers(), body: new Uint8Array() } } }], end: 'refused', package3Url: 'x' } as unknown as SessionTranscript;
    assert.throws(() => expectArrival(refused, carriesDelete, { trigger: 'queueCommand', prompted: true, what: 'the queued DELETE' }, CHECK), /DM-PACK-017-S-M fail/);
  });

  test('untilReported stops the session once the Package#3 reporting the command is answered, not before', () => {
    const options = untilReported(carriesDelete);
    const [first, second, third] = session([], [DELETE], [['GET', 'urn:oma:mo:x:1.0/c']]).rounds;
    assert.ok(first && second && third);
    assert.deepEqual([options.onPackage2(first), options.onPackage2(second), options.onPackage2(third)], ['continue', 'continue', 'stop']);
  });

  test('chosenStatuses answers the queued commands in the round that carries them, whichever it is', () => {
    const plan = chosenStatuses([DELETE, DELETE], [404, 405]);
    const [empty, carrying] = session([], [['GET', 'urn:oma:mo:x:1.0/c'], DELETE, DELETE]).rounds;
    assert.ok(empty && carrying);
    assert.deepEqual(plan(empty, { statuses: [], parts: [] }), { statuses: [], parts: [] });
    const computed = { statuses: [{ sc: 200 }, { sc: 200 }, { sc: 200 }], parts: [] };
    assert.deepEqual(plan(carrying, computed).statuses, [{ sc: 200 }, { sc: 404 }, { sc: 405 }]);
  });
});
