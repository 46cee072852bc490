import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceInEdition, itemInEdition } from '../../../fixtures/finding-items.js';
import type { Evidence } from '../../../src/report/schemas/evidence.schema.js';
import { loadEdition } from '../../../src/scr/index.js';

describe('findings named with seed item ids, read in the run edition', () => {
  const approved = loadEdition('dm20-2016');
  const seed = loadEdition('dm20-cr-2013');

  it('relabels a renumbered item by the rule it holds, and keeps ids of the seed run and of unmapped items', () => {
    assert.equal(itemInEdition('DM-PACK-026-C-M', approved), 'DM-PACK-028-C-M');
    assert.equal(itemInEdition('DM-PACK-024-S-M', approved), 'DM-PACK-026-S-M');
    assert.equal(itemInEdition('DM-PACK-013-S-M', approved), 'DM-PACK-013-S-M');
    assert.equal(itemInEdition('DM-PACK-026-C-M', seed), 'DM-PACK-026-C-M');
    assert.equal(itemInEdition('DM-XYZ-001-C-M', approved), 'DM-XYZ-001-C-M');
  });

  it('rewrites every finding of the evidence, nothing else', () => {
    const finding = { item: 'DM-PACK-025-C-M', section: '5.4.1', rule: 'r', verdict: 'fail', outcome: 'must-broken', expected: ['e'], actual: 'a' } as Evidence['findings'][number];
    const evidence = { messages: [], findings: [finding], checks: 1 } as unknown as Evidence;
    const read = evidenceInEdition(evidence, approved);
    assert.deepEqual(read.findings.map((f) => f.item), ['DM-PACK-027-C-M']);
    assert.equal(read.checks, 1);
    assert.equal(evidenceInEdition(evidence, seed), evidence);
  });
});
