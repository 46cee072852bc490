import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadEdition } from '../../../src/scr/index.js';
import { listedScenarios, type ListedScenario } from './listing.js';

const SCR_TAG = /^DM-[A-Z]+-\d{3}-[CS]-[MO]$/;

/**
 * Every server item of the default SCR edition (the seed's Appendix B.2: DM-PACK-001-S-M …
 * 026-S-M) is tagged by at least one server-target scenario, and no scenario tag names an item
 * the table does not have.
 */
describe('server-target suite covers the server SCR table', () => {
  let specs: ListedScenario[] = [];
  before(async () => {
    specs = await listedScenarios('server');
  });

  test('the suite lists scenarios', () => {
    assert.ok(specs.length > 0);
  });

  test('every scenario carries at least one SCR item tag', () => {
    assert.deepEqual(specs.filter((spec) => !spec.tags.some((tag) => SCR_TAG.test(tag))).map((spec) => `${spec.file}: ${spec.title}`), []);
  });

  test('every tag names an item of the server table', () => {
    const known = new Set(loadEdition().tables.server.items.map((item) => item.id));
    const unknown = specs.flatMap((spec) => spec.tags.filter((tag) => SCR_TAG.test(tag) && !known.has(tag)).map((tag) => `${spec.file}: ${spec.title}: ${tag}`));
    assert.deepEqual(unknown, []);
  });

  test('every item of the server table has a scenario', () => {
    const tagged = new Set(specs.flatMap((spec) => spec.tags));
    const items = loadEdition().tables.server.items.map((item) => item.id);
    assert.equal(items.length, 26);
    assert.deepEqual(items.filter((id) => !tagged.has(id)), []);
  });
});
