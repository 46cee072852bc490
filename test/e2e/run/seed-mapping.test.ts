/**
 * Scenarios prove rules, and an edition's rules.json maps its items to rules. Under the seed
 * edition this must give exactly the item → scenario mapping the scenarios had when they were
 * tagged with seed item ids (data/seed-item-scenarios.json, recorded before the change), so the
 * seed's verdicts are unchanged. End-to-end: the catalogue comes from a real `playwright test --list`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { listScenarios, targetProjectPatterns } from '../../../src/run/index.js';
import { itemsHoldingRules, loadEdition } from '../../../src/scr/index.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const before = JSON.parse(readFileSync(new URL('./data/seed-item-scenarios.json', import.meta.url), 'utf8')) as Record<string, string[]>;

describe('rule keys under the seed edition', () => {
  it('map every item to the scenarios its tag named before', async () => {
    const catalogue = await listScenarios('playwright.config.ts', targetProjectPatterns(['server', 'client']), ROOT);
    const edition = loadEdition('dm20-cr-2013');
    const now: Record<string, string[]> = {};
    for (const s of catalogue.scenarios)
      for (const id of itemsHoldingRules(edition, s.role, s.rules)) (now[id] ??= []).push(`${s.role} ${s.id}`);
    for (const list of Object.values(now)) list.sort();
    assert.deepEqual(now, before);
  });
});
