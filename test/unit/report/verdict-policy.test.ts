import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindsGiving, policyVerdict, VERDICT_POLICY, type OutcomeKind } from '../../../src/report/verdict-policy.js';
import { evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

describe('the verdict policy', () => {
  it('has one row for every outcome kind the evidence schema allows, and no other', () => {
    assert.deepEqual(Object.keys(VERDICT_POLICY), [...evidenceSchema.$defs.Finding.properties.outcome.enum]);
  });
  it('gives every finding verdict the schema allows, and only those', () => {
    const given = new Set((Object.keys(VERDICT_POLICY) as OutcomeKind[]).map(policyVerdict));
    assert.deepEqual([...given].sort(), [...evidenceSchema.$defs.Finding.properties.verdict.enum].sort());
  });
  it('fails silence and hang-ups after a delivered stimulus, and leaves undelivered stimuli and false preconditions inconclusive', () => {
    assert.deepEqual(kindsGiving('fail').sort(), ['closed-after-stimulus', 'must-broken', 'over-limit', 'silent-after-stimulus']);
    assert.deepEqual(kindsGiving('inconclusive').sort(), [
      'depends-on-failed',
      'nothing-checked',
      'precondition-not-met',
      'stimulus-not-delivered',
    ]);
    assert.deepEqual(kindsGiving('non-strict'), ['should-departure']);
  });
});
