import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { itemsHoldingRules, loadEdition, SCR_DIR } from '../../../src/scr/index.js';

/** A copy of the seed edition whose rules.json is changed by `edit`. */
function seedWithRules(edit: (items: Record<string, string[]>, untested: Record<string, string>) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'dmct-rules-')), 'dm20-cr-2013');
  cpSync(join(SCR_DIR, 'dm20-cr-2013'), dir, { recursive: true });
  const rules = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as {
    items: Record<string, string[]>;
    untested?: Record<string, string>;
  };
  rules.untested ??= {};
  edit(rules.items, rules.untested);
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
  return dir;
}

describe('rules.json: the rules each item of an edition holds', () => {
  it('maps the renumbered 2016 items to the rules of the seed items with the same function', () => {
    const seed = loadEdition('dm20-cr-2013');
    const approved = loadEdition('dm20-2016');
    const pairs: [string, string][] = [
      ['DM-PACK-024-C-M', 'DM-PACK-026-C-M'],
      ['DM-PACK-025-C-M', 'DM-PACK-027-C-M'],
      ['DM-PACK-026-C-M', 'DM-PACK-028-C-M'],
      ['DM-PACK-026-S-M', 'DM-PACK-028-S-M'],
      ['DM-PACK-013-S-M', 'DM-PACK-013-S-M'],
    ];
    for (const [seedId, approvedId] of pairs) {
      const rules = seed.rulesOf.get(seedId) ?? [];
      assert.equal(rules.length, 1, seedId);
      const role = seedId.includes('-C-') ? 'client' : 'server';
      assert.deepEqual(itemsHoldingRules(approved, role, rules), [approvedId], `${seedId} → ${approvedId}`);
    }
    for (const unproved of ['DM-SER-002-C-O', 'DM-SER-004-C-O']) assert.deepEqual(approved.rulesOf.get(unproved), [], unproved);
    // Server items the 2016 table adds hold rules of their own, which no seed item holds.
    for (const [id, rule] of [
      ['DM-PACK-025-S-O', '5.3.12/unsub'],
      ['DM-PACK-029-S-O', '5.5/omadm-accept'],
    ] as const) {
      assert.deepEqual(approved.rulesOf.get(id), [rule], id);
      assert.deepEqual(itemsHoldingRules(seed, 'server', [rule]), [], rule);
    }
    // The binary Package#0 and the JSON package formats are judged by the scenarios of the packages that use them (7.1.1, 7.2.1).
    assert.deepEqual(itemsHoldingRules(approved, 'client', ['5.2.1/package0']), ['DM-PACK-002-C-O', 'DM-SER-001-C-M']);
    assert.deepEqual(approved.rulesOf.get('DM-SER-003-C-M'), ['5.2.2/package1', '5.2.4/package3']);
  });

  it('every item of both tables is listed, and only items of the edition', () => {
    const dir = seedWithRules((items) => {
      delete items['DM-PACK-001-C-M'];
      items['DM-PACK-099-C-M'] = ['5.2/package-flow'];
    });
    try {
      assert.throws(
        () => loadEdition(dir),
        (err: Error) => {
          assert.match(
            err.message,
            /rules\.json \/items\/DM-PACK-099-C-M: no item of edition dm20-cr-2013 has this id \(rules-unknown-item\)/,
          );
          assert.match(
            err.message,
            /rules\.json \/items: DM-PACK-001-C-M is not listed; list it with the rules it holds, or \[\] \(rules-missing-item\)/,
          );
          return true;
        },
      );
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('an item no scenario proves may say why; only such items, of the edition', () => {
    const approved = loadEdition('dm20-2016');
    assert.match(approved.untestedWhy.get('DM-BOOT-003-C-O') ?? '', /manufacture/);
    assert.equal(approved.untestedWhy.get('DM-PACK-001-C-M'), undefined);
    const dir = seedWithRules((items, untested) => {
      items['DM-PACK-002-C-O'] = [];
      untested['DM-PACK-002-C-O'] = 'a reason long enough to be one';
      untested['DM-PACK-001-C-M'] = 'it holds the package-flow rule';
      untested['DM-PACK-099-C-M'] = 'no such item in the seed table';
    });
    try {
      assert.throws(
        () => loadEdition(dir),
        (err: Error) => {
          assert.match(
            err.message,
            /rules\.json \/untested\/DM-PACK-001-C-M: the item holds rules, so scenarios test it; drop the reason \(rules-untested-with-rules\)/,
          );
          assert.match(
            err.message,
            /rules\.json \/untested\/DM-PACK-099-C-M: no item of edition dm20-cr-2013 has this id \(rules-unknown-item\)/,
          );
          assert.doesNotMatch(err.message, /DM-PACK-002-C-O/);
          return true;
        },
      );
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('rule keys follow the grammar (section/slug)', () => {
    const dir = seedWithRules((items) => {
      items['DM-PACK-001-C-M'] = ['package-flow'];
    });
    try {
      assert.throws(() => loadEdition(dir), /rules\.json \/items\/DM-PACK-001-C-M\/0: must match pattern/);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
