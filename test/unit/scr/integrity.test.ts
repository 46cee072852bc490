import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkIntegrity, loadEdition, ScrTableError, type IntegrityRow } from '../../../src/scr/index.js';

const FIXTURES = 'test/unit/scr/fixtures/editions';

/** The problems loading a broken fixture edition reports, one line each. */
function problemsOf(name: string): readonly string[] {
  try {
    loadEdition(`${FIXTURES}/${name}`);
  } catch (err) {
    if (err instanceof ScrTableError) return err.problems;
    throw err;
  }
  assert.fail(`${name} loaded without error`);
}

describe('loading a broken edition reports every problem with file, row (index and id) and rule', () => {
  it('an unknown reference', () => {
    assert.deepEqual(problemsOf('broken-unknown-ref'), [
      `${FIXTURES}/broken-unknown-ref/client.json /items/2 (DM-PACK-003-C-M): requirement refers to unknown item DM-PACK-099-C-O (unknown-reference)`,
    ]);
  });

  it('a reference into the other role’s table', () => {
    assert.deepEqual(problemsOf('broken-cross-role'), [
      `${FIXTURES}/broken-cross-role/client.json /items/2 (DM-PACK-003-C-M): requirement refers to DM-PACK-001-S-M, which is not a client item; a requirement may only name items of its own table (cross-role-reference)`,
    ]);
  });

  it('a cycle, with its path', () => {
    assert.deepEqual(problemsOf('broken-cycle'), [
      `${FIXTURES}/broken-cycle/client.json /items/2 (DM-PACK-003-C-O): requirement cycle: DM-PACK-003-C-O → DM-PACK-004-C-O → DM-PACK-005-C-O → DM-PACK-003-C-O (cycle)`,
    ]);
  });

  it('a duplicate id, and a number repeated with another status', () => {
    const file = `${FIXTURES}/broken-duplicate/client.json`;
    assert.deepEqual(problemsOf('broken-duplicate'), [
      `${file} /items/2 (DM-PACK-002-C-O): duplicate item id DM-PACK-002-C-O (first at ${file} /items/1) (duplicate-id)`,
      `${file} /items/3 (DM-PACK-001-C-O): DM-PACK-001-C-O repeats the number of DM-PACK-001-C-M (at ${file} /items/0); only the status letter differs (duplicate-number)`,
    ]);
  });

  it('schema errors in both tables', () => {
    assert.deepEqual(problemsOf('broken-schema'), [
      `${FIXTURES}/broken-schema/client.json /items/2/function (DM-PACK-003-C-M): is required (required)`,
      `${FIXTURES}/broken-schema/client.json /items/2/section (DM-PACK-003-C-M): must be section number(s) such as "5.2.1.1" or "8.1, G", without the word "Section" (pattern)`,
      `${FIXTURES}/broken-schema/server.json /items/1/extra (DM-PACK-002-S-M): is not allowed here (additionalProperties)`,
      `${FIXTURES}/broken-schema/server.json /items/1/function (DM-PACK-002-S-M): must NOT have fewer than 1 characters (minLength)`,
    ]);
  });

  it('a malformed id, an id of the other role, a requirement that does not parse', () => {
    const file = `${FIXTURES}/broken-ids/client.json`;
    assert.deepEqual(problemsOf('broken-ids'), [
      `${file} /items/2/id (DM-PACK-03-C-M): malformed SCR item id "DM-PACK-03-C-M": expected a digit (the three-digit number) at position 11, found "-" (item-id)`,
      `${file} /items/3/id (DM-PACK-004-S-M): a server item (role S) in the client table B.1 (item-role)`,
      `${file} /items/4/requirement (DM-PACK-005-C-M): "DM-PACK-002-C-O AND (DM-PACK-001-C-M": position 37: expected ")" to close the "(" at position 21, found end of expression (requirement-syntax)`,
    ]);
  });

  it('an edition whose name is not its folder’s', () => {
    const dir = `${FIXTURES}/wrong-folder-name`;
    assert.deepEqual(problemsOf('wrong-folder-name'), [
      `${dir}/edition.json /name: "another-name" does not match its folder "wrong-folder-name" (edition-name)`,
      `${dir}/client.json /edition: "wrong-folder-name" does not match the name "another-name" in edition.json (table-edition)`,
      `${dir}/server.json /edition: "wrong-folder-name" does not match the name "another-name" in edition.json (table-edition)`,
    ]);
  });
});

describe('checkIntegrity', () => {
  const row = (id: string, references: string[], index: number): IntegrityRow => ({
    id,
    role: id.includes('-C-') ? 'client' : 'server',
    references,
    source: { file: 't.json', index },
  });

  it('finds a self-reference as a cycle of one', () => {
    const problems = checkIntegrity([row('DM-X-001-C-O', ['DM-X-001-C-O'], 0)]);
    assert.deepEqual(
      problems.map((p) => [p.rule, p.message]),
      [['cycle', 'requirement cycle: DM-X-001-C-O → DM-X-001-C-O']],
    );
  });

  it('reports each cycle once, from its first row, however the search enters it', () => {
    const problems = checkIntegrity([
      row('DM-X-001-C-O', ['DM-X-003-C-O'], 0),
      row('DM-X-002-C-O', ['DM-X-003-C-O'], 1),
      row('DM-X-003-C-O', ['DM-X-002-C-O'], 2),
    ]);
    assert.deepEqual(
      problems.map((p) => [p.row.id, p.message]),
      [['DM-X-002-C-O', 'requirement cycle: DM-X-002-C-O → DM-X-003-C-O → DM-X-002-C-O']],
    );
  });

  it('accepts a sound table (the seed edition)', () => {
    assert.deepEqual(checkIntegrity(loadEdition().items), []);
  });
});
