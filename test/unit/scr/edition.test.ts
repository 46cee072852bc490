import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STANDARD_MOIDS } from '../../../src/scr/interpretations.js';
import { DEFAULT_EDITION, findItem, itemRecord, listEditions, loadEdition, ScrTableError } from '../../../src/scr/index.js';
import { claimsSchema } from '../../../src/scr/schemas/claims.schema.js';

const FIXTURES = 'test/unit/scr/fixtures/editions';

describe('the default edition: the seed CR tables (dm20-cr-2013)', () => {
  const edition = loadEdition();

  it('is dm20-cr-2013 with precondition semantics, 26 client and 26 server rows', () => {
    assert.equal(DEFAULT_EDITION, 'dm20-cr-2013');
    assert.equal(edition.name, 'dm20-cr-2013');
    assert.equal(edition.requirementSemantics, 'precondition');
    assert.equal(edition.tables.client.items.length, 26);
    assert.equal(edition.tables.server.items.length, 26);
    assert.equal(edition.items.length, 52);
    assert.ok(listEditions().includes('dm20-cr-2013'));
  });

  it('numbers the rows 001–026 in table order, C rows in B.1 and S rows in B.2', () => {
    for (const role of ['client', 'server'] as const) {
      const letter = role === 'client' ? 'C' : 'S';
      assert.deepEqual(
        edition.tables[role].items.map((item) => item.id.replace(/-[MO]$/, '')),
        Array.from({ length: 26 }, (_, i) => `DM-PACK-${String(i + 1).padStart(3, '0')}-${letter}`),
      );
    }
  });

  it('has the seed statuses: client optional items 002, 007, 008, 009, 019, 020, 023; every server item mandatory', () => {
    const optional = edition.tables.client.items.filter((item) => item.status === 'O').map((item) => item.id);
    assert.deepEqual(optional, [
      'DM-PACK-002-C-O',
      'DM-PACK-007-C-O',
      'DM-PACK-008-C-O',
      'DM-PACK-009-C-O',
      'DM-PACK-019-C-O',
      'DM-PACK-020-C-O',
      'DM-PACK-023-C-O',
    ]);
    assert.ok(edition.tables.server.items.every((item) => item.status === 'M'));
  });

  it('gives client 003–010 the requirement DM-PACK-002-C-O and every other row none', () => {
    for (const item of edition.items) {
      const expected = item.role === 'client' && item.number >= 3 && item.number <= 10 ? 'DM-PACK-002-C-O' : '';
      assert.equal(item.requirement, expected, item.id);
    }
    assert.deepEqual(edition.referencedBy.get('DM-PACK-002-C-O'), [
      'DM-PACK-003-C-M',
      'DM-PACK-004-C-M',
      'DM-PACK-005-C-M',
      'DM-PACK-006-C-M',
      'DM-PACK-007-C-O',
      'DM-PACK-008-C-O',
      'DM-PACK-009-C-O',
      'DM-PACK-010-C-M',
    ]);
  });

  it('stores functions and sections as the seed spells them ("Section 5.2.1.1" → "5.2.1.1")', () => {
    const pick = (id: string) => {
      const item = findItem(edition, id);
      return item && { function: item.function, section: item.section };
    };
    assert.deepEqual(pick('DM-PACK-003-C-M'), { function: 'Support of VER header', section: '5.2.1.1' });
    assert.deepEqual(pick('DM-PACK-006-S-M'), { function: 'Support of PREFERRED-CON-TYPE option', section: '5.2.1.2' });
    assert.deepEqual(pick('DM-PACK-018-C-M'), { function: 'Support of EXEC Command', section: '5.3' });
    assert.deepEqual(pick('DM-PACK-024-S-M'), { function: 'Support of Generic Alert Mechanism', section: '5.4' });
    assert.deepEqual(pick('DM-PACK-026-C-M'), { function: 'Support of Asynchronous reporting mechanism', section: '5.4.1' });
  });

  it('prints an item as its JSON record', () => {
    const item = findItem(edition, 'DM-PACK-007-C-O');
    assert.ok(item);
    assert.deepEqual(itemRecord(edition, item), {
      id: 'DM-PACK-007-C-O',
      aliases: [],
      edition: 'dm20-cr-2013',
      role: 'client',
      enabler: 'DM',
      group: 'PACK',
      number: 7,
      status: 'O',
      function: 'Support of NOTIFICATION-ID option',
      section: '5.2.1.2',
      requirement: 'DM-PACK-002-C-O',
      references: ['DM-PACK-002-C-O'],
      referencedBy: [],
    });
  });

  it('is loaded once per folder', () => {
    assert.equal(loadEdition('dm20-cr-2013'), edition);
  });
});

describe('loadEdition: other editions and bad names', () => {
  it('repairs known id typos when the edition asks for it, keeping the original as an alias', () => {
    const edition = loadEdition(`${FIXTURES}/implication-normalised`);
    assert.equal(edition.requirementSemantics, 'implication');
    const item = findItem(edition, 'DM-SEC-013-C-0');
    assert.equal(item?.id, 'DM-SEC-013-C-O');
    assert.deepEqual(item?.aliases, ['DM-SEC-013-C-0']);
    assert.equal(findItem(edition, 'DM-SEC-002-C-O')?.aliases[0], 'DM-SEC-002- C-O');
    assert.deepEqual(findItem(edition, 'DM-BOOT-006-C-O')?.references, ['DM-SEC-013-C-O', 'DM-SEC-014-C-O']);
    assert.equal(findItem(edition, 'DM-BOOT-006-C-O')?.requirement, 'DM-SEC-013-C-0 AND DM-SEC-014-C-O');
  });

  it('names the known editions when the name is unknown', () => {
    assert.throws(
      () => loadEdition('dm20-nope'),
      (err: unknown) =>
        err instanceof ScrTableError && err.message === 'unknown SCR table edition "dm20-nope" (known: dm20-2016, dm20-cr-2013)',
    );
  });

  it('says when a path holds no edition', () => {
    assert.throws(
      () => loadEdition(`${FIXTURES}/nothing-here`),
      (err: unknown) =>
        err instanceof ScrTableError && err.message === `${FIXTURES}/nothing-here: not an SCR table edition (no edition.json)`,
    );
  });
});

describe('claims.schema.json defaults', () => {
  it('repeat the standard MOIDs reading (STANDARD_MOIDS, §12.1, §12.2)', () => {
    const properties = claimsSchema.$defs.Moids.properties;
    assert.deepEqual(
      {
        devInfo: properties.devInfo.default,
        dmAcc: properties.dmAcc.default,
        dacmo: properties.dacmo.default,
        sessionInfo: properties.sessionInfo.default,
      },
      STANDARD_MOIDS,
    );
  });
});
