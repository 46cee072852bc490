import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  ClaimsError,
  computeApplicability,
  findItem,
  itemRecord,
  loadClaims,
  loadEdition,
  parseClaims,
  SCR_DIR,
  ScrTableError,
  type Claims,
} from '../../../src/scr/index.js';

const edition = loadEdition('dm20-2016');
const scratch = mkdtempSync(join(tmpdir(), 'dmct-scr-2016-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Items per role and group, as the approved Appendix B lists them (B.1 client, B.2 server). */
const EXPECTED_COUNTS = {
  client: { PACK: 28, SER: 4, OBJ: 33, BOOT: 12, SEC: 14, MEC: 6, STDOBJ: 4 },
  server: { PACK: 29, SER: 4, OBJ: 32, BOOT: 1, SEC: 11, MEC: 5, STDOBJ: 4 },
};

function countsOf(role: 'client' | 'server'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of edition.tables[role].items) counts[item.group] = (counts[item.group] ?? 0) + 1;
  return counts;
}

const status = (role: 'client' | 'server', group: string, letter: 'M' | 'O') =>
  edition.tables[role].items.filter((i) => i.group === group && i.status === letter).map((i) => i.number);

describe('edition dm20-2016: the approved Appendix B tables', () => {
  it('declares the implication reading of the Requirement column and repairs misprinted ids', () => {
    assert.equal(edition.requirementSemantics, 'implication');
    assert.equal(edition.normaliseItemIds, true);
    assert.equal(edition.tables.client.appendix, 'B.1');
    assert.equal(edition.tables.server.appendix, 'B.2');
  });

  for (const role of ['client', 'server'] as const) {
    it(`holds every ${role} item, per group`, () => {
      assert.deepEqual(countsOf(role), EXPECTED_COUNTS[role]);
      const numbers = edition.tables[role].items.map((i) => `${i.group} ${i.number}`);
      assert.equal(new Set(numbers).size, numbers.length, 'no number twice in a group');
    });
  }

  it('numbers PACK as the approved text: 024/025 SUB/UNSUB, 026 Generic Alert, 027/028 reporting, 029-S OMADM-Accept', () => {
    const fn = (id: string) => findItem(edition, id)?.function;
    assert.match(fn('DM-PACK-024-C-O') ?? '', /SUB Command/);
    assert.match(fn('DM-PACK-025-S-O') ?? '', /UNSUB Command/);
    assert.match(fn('DM-PACK-026-C-M') ?? '', /Generic Alert/);
    assert.match(fn('DM-PACK-027-S-M') ?? '', /Synchronous reporting/);
    assert.match(fn('DM-PACK-028-C-M') ?? '', /Asynchronous reporting/);
    assert.match(fn('DM-PACK-029-S-O') ?? '', /OMADM-Accept/);
    assert.equal(findItem(edition, 'DM-PACK-029-C-O'), undefined);
    assert.deepEqual(status('client', 'PACK', 'O'), [2, 3, 4, 5, 6, 7, 8, 9, 10, 19, 20, 23, 24, 25]);
    assert.deepEqual(status('server', 'PACK', 'O'), [24, 25, 29]);
  });

  it('keeps the status letters of the other groups', () => {
    assert.deepEqual(status('client', 'OBJ', 'O'), [2, 11, 15, 16, 19, 20, 22, 26, 27, 28, 29, 30, 31, 32, 33]);
    assert.deepEqual(status('server', 'OBJ', 'O'), [11, 14, 15, 18, 19, 21, 25, 26, 27, 28, 29, 30, 31, 32]);
    assert.deepEqual(status('client', 'BOOT', 'M'), [1, 7]);
    assert.deepEqual(status('client', 'SEC', 'M'), [1, 3, 4, 6, 12]);
    assert.deepEqual(status('server', 'SEC', 'O'), [5, 7]);
    assert.deepEqual(status('client', 'MEC', 'M'), []);
    assert.deepEqual(status('server', 'MEC', 'M'), [1, 4]);
    assert.deepEqual(status('client', 'STDOBJ', 'O'), [3]);
    assert.deepEqual(status('server', 'STDOBJ', 'O'), []);
  });

  it('transcribes every requirement of the approved tables', () => {
    const requirements = Object.fromEntries(edition.items.filter((i) => i.requirement !== '').map((i) => [i.id, i.requirement]));
    const options = ['005', '006', '007', '008', '009', '010'].map((n) => `DM-PACK-${n}-C-O`).join(' OR ');
    assert.deepEqual(requirements, {
      'DM-PACK-002-C-O': `DM-PACK-003-C-O AND DM-PACK-004-C-O AND (${options})`,
      'DM-PACK-024-C-O': 'DM-PACK-025-C-O',
      'DM-BOOT-002-C-O': 'DM-BOOT-010-C-O AND DM-BOOT-012-C-O',
      'DM-BOOT-006-C-O': 'DM-BOOT-011-C-O AND DM-SEC-013-C-0 AND DM-BOOT-012-C-O',
      'DM-BOOT-008-C-O': 'DM-BOOT-002-C-O OR DM-BOOT-006-C-O',
      'DM-SEC-008-C-O': 'DM-SEC-009-C-O',
      'DM-SEC-010-C-O': 'DM-SEC-011-C-O',
      'DM-SEC-013-C-O': 'DM-SEC-014-C-O',
      'DM-MEC-001-C-O': 'DM-STDOBJ-003-C-O',
      'DM-MEC-003-C-O': 'DM-MEC-004-C-O OR DM-MEC-005-C-O OR DM-MEC-006-C-O',
      'DM-PACK-024-S-O': 'DM-PACK-025-S-O',
      'DM-SER-004-S-O': 'DM-PACK-029-S-O',
    });
  });
});

describe('edition dm20-2016: the misprints of the approved tables', () => {
  it('stray space: DM-SEC-002- C-O is read as DM-SEC-002-C-O, the printed spelling kept as an alias', () => {
    const item = findItem(edition, 'DM-SEC-002- C-O');
    assert.equal(item?.id, 'DM-SEC-002-C-O');
    assert.deepEqual(item?.aliases, ['DM-SEC-002- C-O']);
    assert.match(item?.note ?? '', /^ERRATUM: printed with a stray space/);
  });

  it('digit zero for the letter O: DM-SEC-013-C-0 is read as DM-SEC-013-C-O, in its row and in a requirement', () => {
    const item = findItem(edition, 'DM-SEC-013-C-0');
    assert.equal(item?.id, 'DM-SEC-013-C-O');
    assert.deepEqual(item?.aliases, ['DM-SEC-013-C-0']);
    assert.match(item?.note ?? '', /digit zero/);
    const boot = findItem(edition, 'DM-BOOT-006-C-O');
    assert.deepEqual(boot?.references, ['DM-BOOT-011-C-O', 'DM-SEC-013-C-O', 'DM-BOOT-012-C-O']);
    assert.match(boot?.note ?? '', /DM-SEC-013-C-0/);
    assert.deepEqual(itemRecord(edition, item!).referencedBy, ['DM-BOOT-006-C-O']);
  });

  it('duplicated DM-MEC-004-S: the GCM row is read as DM-MEC-005-S-O, the printed id kept as an alias', () => {
    assert.match(findItem(edition, 'DM-MEC-004-S-M')?.function ?? '', /WAP Push/);
    const gcm = findItem(edition, 'DM-MEC-004-S-O');
    assert.equal(gcm?.id, 'DM-MEC-005-S-O');
    assert.match(gcm?.function ?? '', /GCM/);
    assert.deepEqual(gcm?.aliases, ['DM-MEC-004-S-O']);
    assert.match(gcm?.note ?? '', /^ERRATUM: printed as DM-MEC-004-S-O/);
  });

  it('role C in the server table: DM-MEC-005-C-O of B.2 is read as DM-MEC-006-S-O, without alias (it names the client GCM item)', () => {
    const other = findItem(edition, 'DM-MEC-006-S-O');
    assert.equal(other?.role, 'server');
    assert.match(other?.function ?? '', /another notification mechanism/);
    assert.deepEqual(other?.aliases, []);
    assert.match(other?.note ?? '', /printed as DM-MEC-005-C-O/);
    const client = findItem(edition, 'DM-MEC-005-C-O');
    assert.equal(client?.role, 'client');
    assert.match(client?.function ?? '', /GCM/);
  });

  it('records the printed id of a renumbered row in the data, with its note', () => {
    const rows = (
      JSON.parse(readFileSync(join(SCR_DIR, 'dm20-2016/server.json'), 'utf8')) as { items: { id: string; printedId?: string }[] }
    ).items;
    assert.deepEqual(
      rows.filter((r) => r.printedId !== undefined).map((r) => [r.printedId, r.id]),
      [
        ['DM-MEC-004-S-O', 'DM-MEC-005-S-O'],
        ['DM-MEC-005-C-O', 'DM-MEC-006-S-O'],
      ],
    );
  });

  it('DACMO reference "12.2.1" is read as section 12.3 in both tables', () => {
    for (const id of ['DM-STDOBJ-003-C-O', 'DM-STDOBJ-003-S-M']) {
      assert.equal(findItem(edition, id)?.section, '12.3');
      assert.match(findItem(edition, id)?.note ?? '', /12\.2\.1/);
    }
  });

  it('a claims file names misprinted ids by their reading: the misspelling is refused with its position', () => {
    const claims = readFileSync('fixtures/claims/dm20-2016/client.json', 'utf8').replace('"DM-SEC-009-C-O"', '"DM-SEC-013-C-0"');
    assert.throws(
      () => parseClaims(claims, 'c.json'),
      (err: unknown) => {
        assert.ok(err instanceof ClaimsError);
        assert.match(err.problems.join('\n'), /malformed SCR item id "DM-SEC-013-C-0": expected "M" or "O" \(the status\) at position 14/);
        return true;
      },
    );
  });
});

describe('edition loading: rows read under another id than the printed one', () => {
  function copyEdition(name: string, edit: (server: { items: Record<string, unknown>[] }) => void): string {
    const dir = join(scratch, name);
    cpSync(join(SCR_DIR, 'dm20-2016'), dir, { recursive: true });
    for (const file of ['edition.json', 'client.json', 'server.json']) {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('"dm20-2016"', JSON.stringify(name)));
    }
    const serverPath = join(dir, 'server.json');
    const server = JSON.parse(readFileSync(serverPath, 'utf8')) as { items: Record<string, unknown>[] };
    edit(server);
    writeFileSync(serverPath, JSON.stringify(server));
    return dir;
  }

  it('refuses a printedId without a note saying why', () => {
    const dir = copyEdition('no-note', (server) => {
      const row = server.items.find((r) => r['id'] === 'DM-MEC-005-S-O');
      delete row?.['note'];
    });
    assert.throws(
      () => loadEdition(dir),
      (err: unknown) => err instanceof ScrTableError && /must have property note when property printedId is present/.test(err.message),
    );
  });

  it('refuses a printedId that is the id of another item', () => {
    const dir = copyEdition('alias-collision', (server) => {
      const row = server.items.find((r) => r['id'] === 'DM-MEC-005-S-O');
      if (row) row['printedId'] = 'DM-MEC-002-S-O';
    });
    assert.throws(
      () => loadEdition(dir),
      (err: unknown) =>
        err instanceof ScrTableError && /printed id DM-MEC-002-S-O is the id of another item .*\(alias-collision\)/.test(err.message),
    );
  });
});

describe('computeApplicability under dm20-2016 (implication reading)', () => {
  const load = (file: string): Claims => loadClaims(`fixtures/claims/dm20-2016/${file}`);
  const kindOf = (claims: Claims, id: string) => computeApplicability(edition, claims).items.find((i) => i.id === id);

  it('finds the consistent client and server claims consistent', () => {
    for (const file of ['client.json', 'server.json']) {
      const report = computeApplicability(edition, load(file));
      assert.deepEqual(report.findings, [], file);
      assert.equal(report.consistent, true);
      assert.equal(report.requirementSemantics, 'implication');
    }
    const server = computeApplicability(edition, load('server.json'));
    assert.equal(server.items.length, 86);
    assert.equal(server.items.find((i) => i.id === 'DM-MEC-005-S-O')?.applicability, 'optional-claimed', 'claimed by its printed id');
  });

  it('a claimed item whose requirement is false makes the claims inconsistent, naming the item and the expression', () => {
    const report = computeApplicability(edition, load('inconsistent/sub-without-unsub.json'));
    assert.deepEqual(report.findings, [
      {
        item: 'DM-PACK-024-C-O',
        rule: 'requirement-not-satisfied',
        message:
          'DM-PACK-024-C-O is supported, so its requirement DM-PACK-025-C-O must hold but is false (DM-PACK-025-C-O is declared not implemented)',
        pointer: '/implements/0',
      },
    ]);
    assert.equal(
      report.items.find((i) => i.id === 'DM-PACK-025-C-O')?.applicability,
      'optional-not-claimed',
      'declined items are never pulled in',
    );
  });

  it('an OR group with several open members pulls nothing in, and is false while none is claimed', () => {
    const claims = load('inconsistent/package0-without-option.json');
    const report = computeApplicability(edition, claims);
    assert.deepEqual(
      report.findings.map((f) => [f.item, f.rule]),
      [['DM-PACK-002-C-O', 'requirement-not-satisfied']],
    );
    assert.match(report.findings[0]?.message ?? '', /DM-PACK-005-C-O is not claimed; .*DM-PACK-010-C-O is not claimed\)$/);
    assert.ok(report.items.filter((i) => /^DM-PACK-0(0[5-9]|10)-C-O$/.test(i.id)).every((i) => i.applicability === 'optional-not-claimed'));
    claims.implements = [...(claims.implements ?? []), 'DM-PACK-010-C-O'];
    assert.equal(computeApplicability(edition, claims).consistent, true);
  });

  it('pulls in the only member of an OR group left open, and reports the claims inconsistent until it is claimed', () => {
    const claims = load('inconsistent/notification-implied.json');
    const gcm = kindOf(claims, 'DM-MEC-005-C-O');
    assert.equal(gcm?.applicability, 'conditionally-mandatory');
    assert.equal(
      gcm?.why,
      'status O, not claimed; required because DM-MEC-003-C-O is required and its requirement DM-MEC-004-C-O OR DM-MEC-005-C-O OR DM-MEC-006-C-O needs it',
    );
    assert.deepEqual(
      computeApplicability(edition, claims).findings.map((f) => f.item),
      ['DM-MEC-003-C-O'],
    );
    claims.implements = [...(claims.implements ?? []), 'DM-MEC-005-C-O'];
    assert.equal(computeApplicability(edition, claims).consistent, true);
    assert.equal(kindOf(claims, 'DM-MEC-005-C-O')?.applicability, 'optional-claimed');
  });

  it('pulls in what a claimed item names under AND, transitively', () => {
    const claims = load('client.json');
    claims.implements = ['DM-BOOT-006-C-O'];
    claims.notImplemented = [];
    const report = computeApplicability(edition, claims);
    const pulled = report.items.filter((i) => i.applicability === 'conditionally-mandatory').map((i) => i.id);
    assert.deepEqual(pulled, ['DM-BOOT-011-C-O', 'DM-BOOT-012-C-O', 'DM-SEC-013-C-O', 'DM-SEC-014-C-O']);
    assert.match(report.items.find((i) => i.id === 'DM-SEC-014-C-O')?.why ?? '', /required because DM-SEC-013-C-O is required/);
    assert.deepEqual(
      report.findings.map((f) => f.item),
      ['DM-BOOT-006-C-O'],
    );
  });

  it('resolves a server claim of the printed DM-MEC-005-C-O to the client item: an other-role finding', () => {
    const report = computeApplicability(edition, load('inconsistent/printed-client-id.json'));
    assert.deepEqual(report.findings, [
      {
        item: 'DM-MEC-005-C-O',
        rule: 'other-role-item',
        message:
          'DM-MEC-005-C-O is a client item; a server implementation cannot list it (the server table prints DM-MEC-006-S-O as DM-MEC-005-C-O; list DM-MEC-006-S-O)',
        pointer: '/implements/0',
      },
    ]);
  });
});
