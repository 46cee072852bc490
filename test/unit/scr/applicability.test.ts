import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  applicableItems,
  ClaimsError,
  computeApplicability,
  loadEdition,
  type ApplicabilityReport,
  type Claims,
} from '../../../src/scr/index.js';

const edition = loadEdition();
const implication = loadEdition('test/unit/scr/fixtures/editions/implication-normalised');
const referenceClient = JSON.parse(readFileSync('fixtures/claims/reference-client.json', 'utf8')) as Claims;

function clientClaims(implementsIds: string[], notImplemented: string[] = []): Claims {
  return { ...structuredClone(referenceClient), implements: implementsIds, notImplemented };
}

function serverClaims(implementsIds: string[], notImplemented: string[] = []): Claims {
  return {
    role: 'server',
    implementation: { name: 'S', vendor: 'V', version: '1' },
    implements: implementsIds,
    notImplemented,
    server: { url: 'http://127.0.0.1:1/dm', device: { devId: 'd', serverId: 's', notification: { secret: 'x' } } },
  };
}

function kinds(report: ApplicabilityReport): Record<string, string> {
  return Object.fromEntries(report.items.map((item) => [item.id.slice(8, 11), item.applicability]));
}

describe('computeApplicability, precondition semantics (dm20-cr-2013)', () => {
  it('the reference client: every optional item claimed, Package#0 items conditionally mandatory, consistent', () => {
    const report = computeApplicability(edition, referenceClient, { source: 'ref.json' });
    assert.equal(report.consistent, true);
    assert.deepEqual(report.findings, []);
    assert.equal(report.role, 'client');
    assert.deepEqual(kinds(report), {
      '001': 'mandatory',
      '002': 'optional-claimed',
      '003': 'conditionally-mandatory',
      '004': 'conditionally-mandatory',
      '005': 'conditionally-mandatory',
      '006': 'conditionally-mandatory',
      '007': 'optional-claimed',
      '008': 'optional-claimed',
      '009': 'optional-claimed',
      '010': 'conditionally-mandatory',
      '011': 'mandatory',
      '012': 'mandatory',
      '013': 'mandatory',
      '014': 'mandatory',
      '015': 'mandatory',
      '016': 'mandatory',
      '017': 'mandatory',
      '018': 'mandatory',
      '019': 'optional-claimed',
      '020': 'optional-claimed',
      '021': 'mandatory',
      '022': 'mandatory',
      '023': 'optional-claimed',
      '024': 'mandatory',
      '025': 'mandatory',
      '026': 'mandatory',
    });
    const item = (id: string) => report.items.find((i) => i.id === id);
    assert.equal(item('DM-PACK-003-C-M')?.why, 'status M and requirement DM-PACK-002-C-O holds (DM-PACK-002-C-O is claimed)');
    assert.equal(item('DM-PACK-001-C-M')?.why, 'status M, no requirement');
    assert.equal(item('DM-PACK-019-C-O')?.why, 'status O, claimed in implements');
    assert.equal(applicableItems(edition, referenceClient).length, 26);
  });

  it('a client without Package#0: its option items are not applicable, the rest as usual', () => {
    const report = computeApplicability(edition, clientClaims(['DM-PACK-019-C-O'], ['DM-PACK-020-C-O']));
    assert.equal(report.consistent, true);
    const k = kinds(report);
    assert.equal(k['002'], 'optional-not-claimed');
    for (const n of ['003', '004', '005', '006', '007', '008', '009', '010']) assert.equal(k[n], 'not-applicable', n);
    assert.equal(k['019'], 'optional-claimed');
    assert.equal(k['020'], 'optional-not-claimed');
    assert.equal(k['023'], 'optional-not-claimed');
    const item = (id: string) => report.items.find((i) => i.id === id);
    assert.equal(item('DM-PACK-005-C-M')?.why, 'requirement DM-PACK-002-C-O is false (DM-PACK-002-C-O is not claimed)');
    assert.equal(item('DM-PACK-005-C-M')?.supported, false);
    assert.equal(item('DM-PACK-020-C-O')?.why, 'status O, declared in notImplemented');
    assert.deepEqual(
      applicableItems(edition, clientClaims(['DM-PACK-019-C-O'])).map((i) => i.id.slice(8, 11)),
      ['001', '011', '012', '013', '014', '015', '016', '017', '018', '019', '021', '022', '024', '025', '026'],
    );
  });

  it('finds a claimed item whose requirement is false', () => {
    const report = computeApplicability(edition, clientClaims(['DM-PACK-019-C-O', 'DM-PACK-007-C-O']), { source: 'c.json' });
    assert.equal(report.consistent, false);
    assert.deepEqual(report.findings, [
      {
        item: 'DM-PACK-007-C-O',
        rule: 'claimed-item-not-applicable',
        message: 'DM-PACK-007-C-O is claimed but not applicable: requirement DM-PACK-002-C-O is false (DM-PACK-002-C-O is not claimed)',
        pointer: '/implements/1',
      },
    ]);
  });

  it('finds applicable mandatory items declared not implemented, and explains the references that depend on them', () => {
    const report = computeApplicability(edition, clientClaims(['DM-PACK-002-C-O'], ['DM-PACK-014-C-M', 'DM-PACK-004-C-M']));
    assert.deepEqual(report.findings, [
      {
        item: 'DM-PACK-004-C-M',
        rule: 'mandatory-item-not-implemented',
        message:
          'DM-PACK-004-C-M is mandatory (status M and requirement DM-PACK-002-C-O holds (DM-PACK-002-C-O is claimed)) but listed in notImplemented',
        pointer: '/notImplemented/1',
      },
      {
        item: 'DM-PACK-014-C-M',
        rule: 'mandatory-item-not-implemented',
        message: 'DM-PACK-014-C-M is mandatory (status M, no requirement) but listed in notImplemented',
        pointer: '/notImplemented/0',
      },
    ]);
  });

  it('accepts a not-applicable mandatory item in notImplemented', () => {
    const report = computeApplicability(edition, clientClaims([], ['DM-PACK-004-C-M']));
    assert.equal(report.consistent, true);
  });

  it('finds an item of the other role', () => {
    const report = computeApplicability(edition, clientClaims(['DM-PACK-019-S-M']));
    assert.deepEqual(report.findings, [
      {
        item: 'DM-PACK-019-S-M',
        rule: 'other-role-item',
        message: 'DM-PACK-019-S-M is a server item; a client implementation cannot list it',
        pointer: '/implements/0',
      },
    ]);
  });

  it('treats an id in no table as a usage error naming every pointer', () => {
    assert.throws(
      () =>
        computeApplicability(edition, clientClaims(['DM-PACK-099-C-O', 'DM-PACK-019-C-O'], ['DM-PACK-027-C-M']), { source: 'claims.json' }),
      (err: unknown) =>
        err instanceof ClaimsError &&
        err.problems.join('\n') ===
          'claims.json /implements/0: unknown SCR item "DM-PACK-099-C-O" in edition dm20-cr-2013 (scr-item)\n' +
            'claims.json /notImplemented/0: unknown SCR item "DM-PACK-027-C-M" in edition dm20-cr-2013 (scr-item)',
    );
  });

  it('a server: every item mandatory', () => {
    const report = computeApplicability(edition, serverClaims([]));
    assert.ok(report.items.every((i) => i.applicability === 'mandatory'));
    assert.equal(report.items.length, 26);
  });
});

describe('computeApplicability, implication semantics (2016 reading)', () => {
  it('requires a supported item’s requirement to hold: SUB without UNSUB', () => {
    const report = computeApplicability(implication, serverClaims(['DM-PACK-024-S-O']));
    assert.deepEqual(report.findings, [
      {
        item: 'DM-PACK-024-S-O',
        rule: 'requirement-not-satisfied',
        message: 'DM-PACK-024-S-O is supported, so its requirement DM-PACK-025-S-O must hold but is false (DM-PACK-025-S-O is not claimed)',
        pointer: '/implements/0',
      },
    ]);
    assert.equal(computeApplicability(implication, serverClaims(['DM-PACK-024-S-O', 'DM-PACK-025-S-O'])).consistent, true);
  });

  it('never makes an item not applicable; M is mandatory whatever its requirement', () => {
    const report = computeApplicability(implication, serverClaims([]));
    assert.deepEqual(kinds(report), { '024': 'optional-not-claimed', '025': 'optional-not-claimed', '026': 'mandatory' });
    assert.equal(report.consistent, true);
  });

  it('finds a mandatory item declared not implemented', () => {
    const report = computeApplicability(implication, serverClaims([], ['DM-PACK-026-S-M']));
    assert.deepEqual(
      report.findings.map((f) => [f.item, f.rule]),
      [['DM-PACK-026-S-M', 'mandatory-item-not-implemented']],
    );
  });

  it('resolves claims by repaired id and reads requirements that used the misspelling', () => {
    const claims: Claims = {
      role: 'client',
      implementation: { name: 'C', vendor: 'V', version: '1' },
      implements: ['DM-BOOT-006-C-O', 'DM-SEC-013-C-O'],
      client: structuredClone(referenceClient.client)!,
    };
    const report = computeApplicability(implication, claims);
    assert.deepEqual(
      report.findings.map((f) => f.message),
      [
        'DM-SEC-013-C-O is supported, so its requirement DM-SEC-014-C-O must hold but is false (DM-SEC-014-C-O is not claimed)',
        'DM-BOOT-006-C-O is supported, so its requirement DM-SEC-013-C-0 AND DM-SEC-014-C-O must hold but is false (DM-SEC-013-C-O is claimed; DM-SEC-014-C-O is not claimed)',
      ],
    );
    claims.implements = [...(claims.implements ?? []), 'DM-SEC-014-C-O'];
    assert.equal(computeApplicability(implication, claims).consistent, true);
  });
});
