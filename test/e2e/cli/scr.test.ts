import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadEdition, parseClaims } from '../../../src/scr/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'dmct-scr-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/dmct.js …` from the repository root, colour off unless asked for. */
function dmct(args: string[], env: Record<string, string> = {}): Run {
  const { FORCE_COLOR: _drop, ...base } = process.env;
  const result = spawnSync(process.execPath, ['bin/dmct.js', ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ANSI = /\u001b\[/;

describe('dmct scr list', () => {
  it('--json prints all 52 items of the default edition', () => {
    const run = dmct(['scr', 'list', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const items = JSON.parse(run.stdout) as { id: string; role: string }[];
    assert.equal(items.length, 52);
    assert.equal(items[0]?.id, 'DM-PACK-001-C-M');
    assert.equal(items[51]?.id, 'DM-PACK-026-S-M');
  });

  it('--role server --json prints the 26 server items', () => {
    const items = JSON.parse(dmct(['scr', 'list', '--role', 'server', '--json']).stdout) as { id: string; role: string }[];
    assert.equal(items.length, 26);
    assert.ok(items.every((i) => i.role === 'server' && i.id.includes('-S-')));
  });

  it('prints a plain table when piped, and a coloured one when colour is forced', () => {
    const plain = dmct(['scr', 'list', '--role', 'client']);
    assert.equal(plain.code, 0);
    assert.doesNotMatch(plain.stdout, ANSI);
    const lines = plain.stdout.split('\n');
    assert.equal(lines[0], 'B.1 SCR for DM Client — edition dm20-cr-2013, 26 items');
    assert.match(lines[1] ?? '', /^ITEM +SECTION +FUNCTION +REQUIREMENT$/);
    assert.match(lines[4] ?? '', /^DM-PACK-003-C-M +5\.2\.1\.1 +Support of VER header +DM-PACK-002-C-O$/);
    assert.match(dmct(['scr', 'list', '--role', 'client'], { FORCE_COLOR: '1' }).stdout, ANSI);
  });

  it('rejects an unknown role value with exit 2 and one line', () => {
    const run = dmct(['scr', 'list', '--role', 'both']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^dmct: Invalid values:/);
  });
});

describe('dmct scr show', () => {
  it('shows every field and who references the item', () => {
    const run = dmct(['scr', 'show', 'DM-PACK-002-C-O']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^DM-PACK-002-C-O — Support of Package#0\n/);
    assert.match(run.stdout, /\n {2}section +5\.2\.1\n/);
    assert.match(
      run.stdout,
      /\n {2}referenced by +DM-PACK-003-C-M, DM-PACK-004-C-M, DM-PACK-005-C-M, DM-PACK-006-C-M, DM-PACK-007-C-O, DM-PACK-008-C-O, DM-PACK-009-C-O, DM-PACK-010-C-M\n/,
    );
  });

  it('--json prints the item record', () => {
    const record = JSON.parse(dmct(['scr', 'show', 'DM-PACK-005-C-M', '--json']).stdout) as Record<string, unknown>;
    assert.equal(record['requirement'], 'DM-PACK-002-C-O');
    assert.deepEqual(record['references'], ['DM-PACK-002-C-O']);
  });

  it('names the position of a malformed id, and says when an id is unknown (exit 2, one line)', () => {
    const malformed = dmct(['scr', 'show', 'DM-PACK-2-C-O']);
    assert.equal(malformed.code, 2);
    assert.equal(
      malformed.stderr,
      'dmct: malformed SCR item id "DM-PACK-2-C-O": expected a digit (the three-digit number) at position 10, found "-"\n',
    );
    const unknown = dmct(['scr', 'show', 'DM-PACK-027-C-M']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'dmct: unknown SCR item "DM-PACK-027-C-M" in edition dm20-cr-2013 (dmct scr list shows them)\n');
  });
});

describe('dmct scr check', () => {
  it('exits 0 for consistent claims and lists every item', () => {
    const run = dmct(['scr', 'check', 'fixtures/claims/reference-client.json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /\nDM-PACK-003-C-M +conditionally-mandatory +status M and requirement DM-PACK-002-C-O holds \(DM-PACK-002-C-O is claimed\)\n/,
    );
    assert.match(
      run.stdout,
      /26 items: 14 mandatory, 5 conditionally mandatory, 7 optional claimed, 0 optional not claimed, 0 not applicable\. claims consistent\n$/,
    );
  });

  it('exits 1 naming the item of a static non-conformance', () => {
    const run = dmct(['scr', 'check', 'fixtures/claims/inconsistent/claimed-not-applicable.json']);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /\n {2}DM-PACK-007-C-O claimed-item-not-applicable at \/implements\/0: DM-PACK-007-C-O is claimed but not applicable: requirement DM-PACK-002-C-O is false \(DM-PACK-002-C-O is not claimed\)\n/,
    );
  });

  it('--json prints the applicability report', () => {
    const run = dmct(['scr', 'check', 'fixtures/claims/inconsistent/mandatory-not-implemented.json', '--json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as { consistent: boolean; findings: { item: string }[]; items: unknown[] };
    assert.equal(report.consistent, false);
    assert.deepEqual(
      report.findings.map((f) => f.item),
      ['DM-PACK-003-C-M', 'DM-PACK-014-C-M'],
    );
    assert.equal(report.items.length, 26);
  });

  const usage: [string, string][] = [
    [
      'fixtures/claims/invalid/unknown-item.json',
      'dmct: fixtures/claims/invalid/unknown-item.json /implements/3: unknown SCR item "DM-PACK-099-C-O" in edition dm20-cr-2013 (scr-item)\n',
    ],
    [
      'fixtures/claims/invalid/not-json.json',
      'dmct: fixtures/claims/invalid/not-json.json: not valid JSON: Expected double-quoted property name in JSON at position 20\n',
    ],
    [
      'fixtures/claims/invalid/unknown-edition.json',
      'dmct: fixtures/claims/invalid/unknown-edition.json /edition: unknown SCR table edition "dm20-nope" (known: dm20-2016, dm20-cr-2013) (edition)\n',
    ],
    ['fixtures/claims/missing.json', 'dmct: fixtures/claims/missing.json: cannot read the claims file (no such file)\n'],
    ['/dev/zero', 'dmct: /dev/zero: cannot read the claims file (not a regular file)\n'],
  ];
  for (const [file, stderr] of usage) {
    it(`exits 2 with one line for ${file}`, () => {
      const run = dmct(['scr', 'check', file]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, stderr);
      assert.equal(run.stdout, '');
    });
  }
});

describe('dmct scr check: a claims file that is a FIFO', () => {
  it('exits 2 with one line at once, without waiting for a writer', () => {
    const fifo = join(scratch, 'claims.fifo');
    spawnSync('mkfifo', [fifo]);
    const run = dmct(['scr', 'check', fifo]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `dmct: ${fifo}: cannot read the claims file (not a regular file)\n`);
  });
});

describe('dmct claims init', () => {
  it('prints a template that validates against the claims schema', () => {
    for (const role of ['client', 'server']) {
      const run = dmct(['claims', 'init', '--role', role]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(parseClaims(run.stdout, `${role}.json`).role, role);
    }
  });

  it('writes --out, and refuses to overwrite it without --force', () => {
    const out = join(scratch, 'claims.json');
    assert.equal(dmct(['claims', 'init', '--role', 'server', '--out', out]).code, 0);
    assert.equal(parseClaims(readFileSync(out, 'utf8'), out).role, 'server');
    writeFileSync(out, 'keep');
    const again = dmct(['claims', 'init', '--role', 'client', '--out', out]);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, `dmct: ${out}: already exists (use --force to overwrite)\n`);
    assert.equal(readFileSync(out, 'utf8'), 'keep');
    assert.equal(dmct(['claims', 'init', '--role', 'client', '--out', out, '--force']).code, 0);
    assert.equal(parseClaims(readFileSync(out, 'utf8'), out).role, 'client');
  });

  it('leaves no secret or auth data silently empty: scr check names each placeholder and is not satisfied until it is replaced', () => {
    for (const [role, at] of [
      ['server', '/server/device/notification'],
      ['client', '/client/notification'],
    ] as const) {
      const out = join(scratch, `placeholders-${role}.json`);
      assert.equal(dmct(['claims', 'init', '--role', role, '--out', out]).code, 0);
      const text = readFileSync(out, 'utf8');
      assert.doesNotMatch(text, /"authData": ""/);
      const unedited = dmct(['scr', 'check', out]);
      assert.equal(unedited.code, 2, unedited.stdout + unedited.stderr);
      assert.doesNotMatch(unedited.stdout, /claims consistent/);
      assert.match(
        unedited.stdout,
        new RegExp(`\\n {2}${at}/secret: still "change-me" from dmct claims init; write the implementation's value\\n`),
      );
      assert.match(unedited.stdout, new RegExp(`\\n {2}${at}/authData: still "change-me" from dmct claims init`));
      const json = JSON.parse(dmct(['scr', 'check', out, '--json']).stdout) as {
        consistent: boolean;
        placeholders: { pointer: string; value: string }[];
      };
      assert.deepEqual(json.placeholders, [
        { pointer: `${at}/secret`, value: 'change-me' },
        { pointer: `${at}/authData`, value: 'change-me' },
      ]);
      // A device without auth data says so with an explicit empty string.
      writeFileSync(out, text.replace('"secret": "change-me"', '"secret": "s3cr3t"').replace('"authData": "change-me"', '"authData": ""'));
      const edited = dmct(['scr', 'check', out]);
      assert.equal(edited.code, 0, edited.stdout);
      assert.match(edited.stdout, /claims consistent\n$/);
    }
  });

  it('requires --role', () => {
    const run = dmct(['claims', 'init']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'dmct: Missing required argument: role\n');
  });
});

describe('dmct scr under the approved 2016 edition', () => {
  it('list --edition dm20-2016 --json lists every item of both tables', () => {
    const run = dmct(['scr', 'list', '--edition', 'dm20-2016', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const items = JSON.parse(run.stdout) as { id: string; role: string; edition: string }[];
    const edition = loadEdition('dm20-2016');
    assert.deepEqual(
      items.map((i) => i.id),
      edition.items.map((i) => i.id),
    );
    assert.equal(items.filter((i) => i.role === 'client').length, 101);
    assert.equal(items.filter((i) => i.role === 'server').length, 86);
    assert.ok(items.every((i) => i.edition === 'dm20-2016'));
  });

  it('show finds an item by its printed id and shows the erratum note', () => {
    const run = dmct(['scr', 'show', 'DM-MEC-004-S-O', '--edition', 'dm20-2016']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^DM-MEC-005-S-O — Support of GCM\n/);
    assert.match(run.stdout, /\n {2}aliases +DM-MEC-004-S-O\n/);
    assert.match(run.stdout, /\n {2}note +ERRATUM: printed as DM-MEC-004-S-O/);
    const json = JSON.parse(dmct(['scr', 'show', 'DM-SEC-002- C-O', '--edition', 'dm20-2016', '--json']).stdout) as { id: string };
    assert.equal(json.id, 'DM-SEC-002-C-O');
    const other = dmct(['scr', 'show', 'DM-MEC-006-S-O', '--edition', 'dm20-2016']);
    assert.match(other.stdout, /\n {2}aliases +—\n {2}printed as +DM-MEC-005-C-O\n/);
    const record = JSON.parse(dmct(['scr', 'show', 'DM-MEC-006-S-O', '--edition', 'dm20-2016', '--json']).stdout) as { printedId?: string };
    assert.equal(record.printedId, 'DM-MEC-005-C-O');
  });

  it('check exits 0 for consistent 2016 claims and 1 naming the item and the expression for inconsistent ones', () => {
    const ok = dmct(['scr', 'check', 'fixtures/claims/dm20-2016/client.json']);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /edition dm20-2016 \(requirements read as implications\)/);
    assert.match(ok.stdout, /101 items: .* claims consistent\n$/);
    const bad = dmct(['scr', 'check', 'fixtures/claims/dm20-2016/inconsistent/sub-without-unsub.json']);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stdout,
      /\n {2}DM-PACK-024-C-O requirement-not-satisfied at \/implements\/0: DM-PACK-024-C-O is supported, so its requirement DM-PACK-025-C-O must hold but is false \(DM-PACK-025-C-O is declared not implemented\)\n/,
    );
    const json = dmct(['scr', 'check', 'fixtures/claims/dm20-2016/inconsistent/notification-implied.json', '--json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as { edition: string; consistent: boolean; items: { id: string; applicability: string }[] };
    assert.equal(report.edition, 'dm20-2016');
    assert.equal(report.consistent, false);
    assert.equal(report.items.find((i) => i.id === 'DM-MEC-005-C-O')?.applicability, 'conditionally-mandatory');
  });

  it('claims init --edition dm20-2016 writes a template of that edition that checks consistent', () => {
    for (const role of ['client', 'server'] as const) {
      const out = join(scratch, `claims-2016-${role}.json`);
      const run = dmct(['claims', 'init', '--role', role, '--edition', 'dm20-2016', '--out', out]);
      assert.equal(run.code, 0, run.stderr);
      const text = readFileSync(out, 'utf8');
      const claims = parseClaims(text, out);
      assert.equal(claims.edition, 'dm20-2016');
      assert.match(
        text,
        role === 'client'
          ? /DM-MEC-003-C-O {2}Support of at least one notification mechanism \(E\) — requirement: DM-MEC-004-C-O OR/
          : /DM-PACK-029-S-O {2}Support of the OMADM-Accept header \(5\.5\)/,
      );
      const check = dmct(['scr', 'check', out]);
      assert.equal(check.code, 2, check.stdout);
      assert.match(check.stdout, /claims NOT ready: 2 template placeholder\(s\) left \(no static finding\)\n$/);
      writeFileSync(out, text.replaceAll('"change-me"', '"s3cr3t"'));
      const filled = dmct(['scr', 'check', out]);
      assert.equal(filled.code, 0, filled.stdout);
      assert.match(filled.stdout, /claims consistent\n$/);
    }
  });
});
