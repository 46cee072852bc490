import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSIVE_RULES } from '../../../src/monitor/passive-rules.js';
import { exercisedRules, problemTitle } from '../../../src/monitor/server-refusals.js';

describe('a refusal is charged to the most specific rule the request exercised', () => {
  it('content first: a 202, then the alert of an EXEC accepted with 202, then a final EXEC status', () => {
    const all = { accepted: true, asyncResult: true, syncResult: true, atCont: true, afterEnd: true };
    assert.equal(exercisedRules(3, all, 400).refusal.rule, PASSIVE_RULES.serverAsyncReporting);
    assert.equal(exercisedRules(3, { syncResult: true, atCont: true }, 400).refusal.rule, PASSIVE_RULES.serverSyncReporting);
    assert.equal(exercisedRules(3, { atCont: true }, 400).refusal.rule, PASSIVE_RULES.serverCont);
  });

  it('a 404 at the CONT URI is the URI; a 409 after END is the session still held; no answer is the package', () => {
    assert.equal(exercisedRules(3, { accepted: true, atCont: true }, 404).refusal.rule, PASSIVE_RULES.serverCont);
    assert.equal(exercisedRules(1, { afterEnd: true }, 409).refusal.rule, PASSIVE_RULES.serverPackage3);
    assert.equal(exercisedRules(1, { afterEnd: true }, 400).refusal.rule, PASSIVE_RULES.serverPackage1);
    assert.equal(exercisedRules(3, { accepted: true, atCont: true }, 0).refusal.rule, PASSIVE_RULES.serverPackage3);
  });

  it('an answered request holds its package rule and every rule it exercised', () => {
    assert.deepEqual(exercisedRules(3, { accepted: true, syncResult: true }, 200).held, [
      PASSIVE_RULES.serverPackage3,
      PASSIVE_RULES.serverAsyncReporting,
      PASSIVE_RULES.serverSyncReporting,
    ]);
    assert.deepEqual(exercisedRules(1, {}, 200).held, [PASSIVE_RULES.serverPackage1]);
  });

  it("names a problem answer's title, bounded, and nothing for other bodies", () => {
    assert.equal(problemTitle(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(200) }))), ` "${'x'.repeat(80)}"`);
    assert.equal(problemTitle(new TextEncoder().encode('not json')), '');
    assert.equal(problemTitle(undefined), '');
  });
});
