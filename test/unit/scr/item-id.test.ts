import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isItemId, ItemIdSyntaxError, normaliseItemId, parseItemId } from '../../../src/scr/index.js';

/** fast-check seed: fixed for reproducible runs, overridable to explore (`DMCT_FC_SEED=…`); fast-check prints it on failure. */
const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20260201);

describe('parseItemId', () => {
  it('splits a well-formed id into its parts', () => {
    assert.deepEqual(parseItemId('DM-PACK-014-C-M'), {
      id: 'DM-PACK-014-C-M',
      enabler: 'DM',
      group: 'PACK',
      number: 14,
      role: 'C',
      status: 'M',
    });
    assert.deepEqual(parseItemId('DM-STDOBJ-004-S-O'), {
      id: 'DM-STDOBJ-004-S-O',
      enabler: 'DM',
      group: 'STDOBJ',
      number: 4,
      role: 'S',
      status: 'O',
    });
  });

  const malformed: [string, number, string][] = [
    ['', 1, 'malformed SCR item id "": expected an upper-case letter (the enabler, e.g. DM) at position 1, found end of id'],
    [
      'dm-PACK-014-C-M',
      1,
      'malformed SCR item id "dm-PACK-014-C-M": expected an upper-case letter (the enabler, e.g. DM) at position 1, found "d"',
    ],
    ['DM_PACK-014-C-M', 3, 'malformed SCR item id "DM_PACK-014-C-M": expected "-" after the enabler at position 3, found "_"'],
    [
      'DM--014-C-M',
      4,
      'malformed SCR item id "DM--014-C-M": expected an upper-case letter (the group, e.g. PACK) at position 4, found "-"',
    ],
    ['DM-PACK-14-C-M', 11, 'malformed SCR item id "DM-PACK-14-C-M": expected a digit (the three-digit number) at position 11, found "-"'],
    ['DM-PACK-0145-C-M', 12, 'malformed SCR item id "DM-PACK-0145-C-M": expected "-" after the number at position 12, found "5"'],
    ['DM-PACK-014-X-M', 13, 'malformed SCR item id "DM-PACK-014-X-M": expected "C" or "S" (the role) at position 13, found "X"'],
    ['DM-PACK-014-CM', 14, 'malformed SCR item id "DM-PACK-014-CM": expected "-" after the role at position 14, found "M"'],
    ['DM-PACK-014-C-0', 15, 'malformed SCR item id "DM-PACK-014-C-0": expected "M" or "O" (the status) at position 15, found "0"'],
    ['DM-PACK-014-C-MM', 16, 'malformed SCR item id "DM-PACK-014-C-MM": expected end of id at position 16, found "M"'],
    ['DM-SEC-002- C-O', 12, 'malformed SCR item id "DM-SEC-002- C-O": expected "C" or "S" (the role) at position 12, found " "'],
    ['DM-PACK-014-C-', 15, 'malformed SCR item id "DM-PACK-014-C-": expected "M" or "O" (the status) at position 15, found end of id'],
  ];
  for (const [text, position, message] of malformed) {
    it(`rejects ${JSON.stringify(text)} naming position ${position}`, () => {
      assert.throws(
        () => parseItemId(text),
        (err: unknown) => err instanceof ItemIdSyntaxError && err.position === position && err.message === message,
      );
      assert.equal(isItemId(text), false);
    });
  }

  it('gives back the parts of every id built from valid parts (property)', () => {
    const upper = fc.stringMatching(/^[A-Z]{1,8}$/);
    fc.assert(
      fc.property(
        upper,
        upper,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('C', 'S'),
        fc.constantFrom('M', 'O'),
        (enabler, group, n, role, status) => {
          const id = `${enabler}-${group}-${String(n).padStart(3, '0')}-${role}-${status}`;
          assert.deepEqual(parseItemId(id), { id, enabler, group, number: n, role, status });
        },
      ),
      { seed: SEED },
    );
  });
});

describe('normaliseItemId', () => {
  it('reads the digit 0 as the status letter O', () => {
    assert.deepEqual(normaliseItemId('DM-SEC-013-C-0'), {
      id: 'DM-SEC-013-C-O',
      original: 'DM-SEC-013-C-0',
      fixes: ['status digit 0 read as letter O'],
    });
  });

  it('removes stray whitespace', () => {
    assert.deepEqual(normaliseItemId('DM-SEC-002- C-O'), {
      id: 'DM-SEC-002-C-O',
      original: 'DM-SEC-002- C-O',
      fixes: ['whitespace removed'],
    });
  });

  it('leaves a clean id alone, and does not touch other zeros', () => {
    assert.deepEqual(normaliseItemId('DM-PACK-010-C-M'), { id: 'DM-PACK-010-C-M', original: 'DM-PACK-010-C-M', fixes: [] });
  });
});
