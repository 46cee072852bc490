import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isRuleKey, itemsHoldingRules, listEditions, loadEdition } from '../../../src/scr/index.js';
import { listedScenarios, type ListedScenario } from './listing.js';

/**
 * Every client item of the default SCR edition (the seed's Appendix B.1) holds a rule that at
 * least one client-target scenario proves (a scenario is tagged with rule keys, `@5.2.4/package3`,
 * and `scr/<edition>/rules.json` maps items to rules), and no scenario tags a rule that no item
 * of the role's table holds in any edition (the approved 2016 tables add rules of their own).
 */
describe('client-target suite covers the client SCR table', () => {
  let specs: ListedScenario[] = [];
  before(async () => {
    specs = await listedScenarios('client');
  });

  test('the suite lists scenarios', () => {
    assert.ok(specs.length > 0);
  });

  test('every scenario carries at least one rule tag', () => {
    assert.deepEqual(
      specs.filter((spec) => !spec.tags.some(isRuleKey)).map((spec) => `${spec.file}: ${spec.title}`),
      [],
    );
  });

  test('every rule tag is a rule an item of a client table of some edition holds', () => {
    const editions = listEditions().map((name) => loadEdition(name));
    const unknown = specs.flatMap((spec) =>
      spec.tags
        .filter((tag) => isRuleKey(tag) && editions.every((edition) => itemsHoldingRules(edition, 'client', [tag]).length === 0))
        .map((tag) => `${spec.file}: ${spec.title}: ${tag}`),
    );
    assert.deepEqual(unknown, []);
  });

  test('every item of the client table has a scenario', () => {
    const edition = loadEdition();
    const proven = itemsHoldingRules(edition, 'client', [...new Set(specs.flatMap((spec) => spec.tags.filter(isRuleKey)))]);
    const items = edition.tables.client.items.map((item) => item.id);
    assert.equal(items.length, 26);
    assert.deepEqual(
      items.filter((id) => !proven.includes(id)),
      [],
    );
  });

  test('names each scenario file by its spec section (an appendix by its letter)', async () => {
    const misnamed = [...new Set(specs.map((spec) => spec.file))].filter(
      (file) => !/^(\d+|[A-Z])(\.\d+)*-[a-z0-9-]+\.spec\.ts$/.test(file.split('/').pop() ?? ''),
    );
    assert.deepEqual(misnamed, []);
  });
});
