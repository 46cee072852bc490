import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scrItemsOfTags } from '../../../src/report/contract.js';
import { isItemId } from '../../../src/scr/item-id.js';

describe('scenario tags read with the one item-id grammar', () => {
  it('keeps the ids of SCR item tags, in order, and drops other tags', () => {
    assert.deepEqual(scrItemsOfTags(['@smoke', '@DM-PACK-014-C-M', '@DM-SEC-002-S-O']), ['DM-PACK-014-C-M', 'DM-SEC-002-S-O']);
  });

  it('accepts exactly what parseItemId accepts', () => {
    const texts = ['DM-PACK-014-C-M', 'DM-PACK-14-C-M', 'DM-PACK-0140-C-M', 'DM-PACK-014-X-M', 'DM-PACK-014-C-0', 'XDM-BOOT-001-S-O', 'DM-pack-014-C-M', 'DM-PACK-014-C-M '];
    for (const text of texts) assert.equal(scrItemsOfTags([`@${text}`]).length === 1, isItemId(text), text);
  });

  it('needs the @ of a Playwright tag', () => {
    assert.deepEqual(scrItemsOfTags(['DM-PACK-014-C-M']), []);
  });
});
