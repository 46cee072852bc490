import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAULT_GROUP_TITLE_PREFIX, rulesOfTags, scenarioTitles } from '../../../src/report/contract.js';

describe('scenario tags name the rules a scenario proves', () => {
  it('keeps the rule keys of the tags, in order, and drops other tags (item ids included)', () => {
    assert.deepEqual(rulesOfTags(['@smoke', '@5.2.4/package3', '@DM-PACK-014-C-M', '@5.4.1/async-reporting']), [
      '5.2.4/package3',
      '5.4.1/async-reporting',
    ]);
  });

  it('needs a section, a slash and a kebab-case slug, after the @ of a Playwright tag', () => {
    for (const tag of ['5.2.4/package3', '@5.2.4', '@/package3', '@5.2.4/Package3', '@5.2.4/package-', '@5..2/x', '@5.2.4/package3 '])
      assert.deepEqual(rulesOfTags([tag]), [], tag);
  });
});

describe("a mutant-matrix fault-set group is no part of a scenario's titles", () => {
  it('drops a leading group title and keeps every other title', () => {
    assert.deepEqual(scenarioTitles([`${FAULT_GROUP_TITLE_PREFIX}skip-command`, '5.2.3 Package#2', 'order']), ['5.2.3 Package#2', 'order']);
    assert.deepEqual(scenarioTitles(['5.2.3 Package#2', `${FAULT_GROUP_TITLE_PREFIX}x`]), [
      '5.2.3 Package#2',
      `${FAULT_GROUP_TITLE_PREFIX}x`,
    ]);
    assert.deepEqual(scenarioTitles([]), []);
  });
});
