import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALERT_TYPES,
  checkPackageRequest,
  checkStructure,
  HEADERS,
  MEDIA_TYPES,
  parsePackage1,
  parsePackage3,
  type Violation,
} from '../../../../src/protocol/index.js';

const found = (violations: readonly Violation[]): [string, string | undefined, string][] =>
  violations.map((v) => [v.rule, v.pointer, v.severity]);
const MOID = 'urn:oma:mo:oma-dm-devinfo:1.2';
const withoutDdf = (alertType: string) => ({ MOS: [{ MOID, MIID: ['1'] }], Alert: [{ AlertType: alertType }] });

describe('Package#1 MOS DDF links (§5.2.2, §7.2.1.1)', () => {
  it('finding 13: an unsolicited Package#1 may carry MOS entries without DDF (info, the package stays valid)', () => {
    for (const alertType of [ALERT_TYPES.clientInitiatedMgmt, ALERT_TYPES.serverInitiatedMgmt]) {
      const parsed = parsePackage1(withoutDdf(alertType));
      assert.ok(parsed.value, 'the structure is valid without DDF');
      assert.deepEqual(found(parsed.violations), [['mos-ddf-missing', '/MOS/0/DDF', 'info']]);
    }
  });
  it('finding 13: a client-initiated Package#1 is not answering REQ-MOS even when the last notification carried it', () => {
    assert.deepEqual(found(parsePackage1(withoutDdf(ALERT_TYPES.clientInitiatedMgmt), { reqMosAsked: true }).violations), [
      ['mos-ddf-missing', '/MOS/0/DDF', 'info'],
    ]);
  });
  it('finding 13: a Package#1 answering a REQ-MOS without a DDF link is an error', () => {
    const parsed = parsePackage1(withoutDdf(ALERT_TYPES.serverInitiatedMgmt), { reqMosAsked: true });
    assert.deepEqual(found(parsed.violations), [['mos-ddf-missing', '/MOS/0/DDF', 'error']]);
  });
  it('a DDF that is given must be a URI, asked or not', () => {
    const pkg = { MOS: [{ DDF: 'not a uri', MOID, MIID: [] }], Alert: [{ AlertType: ALERT_TYPES.clientInitiatedMgmt }] };
    assert.deepEqual(found(parsePackage1(pkg).violations), [['mos-ddf-syntax', '/MOS/0/DDF', 'error']]);
  });
  it('finding 13: the HTTP request check passes the REQ-MOS context to the Package#1 parser', () => {
    const request = {
      method: 'POST',
      headers: { [HEADERS.contentType]: MEDIA_TYPES.package1, [HEADERS.devId]: 'IMEI:1', [HEADERS.accept]: MEDIA_TYPES.package2 },
      body: JSON.stringify(withoutDdf(ALERT_TYPES.serverInitiatedMgmt)),
    };
    assert.deepEqual(found(checkPackageRequest(request, 1, { reqMosAsked: true }).violations), [
      ['mos-ddf-missing', '/MOS/0/DDF', 'error'],
    ]);
    assert.deepEqual(found(checkPackageRequest(request, 1).violations), [['mos-ddf-missing', '/MOS/0/DDF', 'info']]);
  });
});

describe('unknown-member notes survive a failed schema check (§7.2.1)', () => {
  const unknown = (violations: readonly Violation[]): (string | undefined)[] =>
    violations.filter((v) => v.rule === 'unknown-member').map((v) => v.pointer);

  it('finding 13: nested unknown members of an invalid Package#1 are still noted', () => {
    const { value, violations } = checkStructure('package1', {
      MOS: [{ MOID: '', MIID: [], Extra: 1 }],
      Alert: [{ AlertType: 7, Note: 'x' }],
      Top: true,
    });
    assert.equal(value, undefined);
    assert.deepEqual(unknown(violations).sort(), ['/Alert/0/Note', '/MOS/0/Extra', '/Top']);
  });
  it('finding 13: an invalid Package#3 keeps the unknown members of its statuses and alerts', () => {
    const { value, violations } = parsePackage3({ Status: [{ code: 200 }], Alert: [{ Mark: 'severe', Why: 1 }] });
    assert.equal(value, undefined);
    assert.ok(
      violations.some((v) => v.severity === 'error'),
      'the schema failures are reported',
    );
    assert.deepEqual(unknown(violations).sort(), ['/Alert/0/Why', '/Status/0/code']);
  });
  it('finding 13: an invalid dmmo+json array keeps the unknown members of its entries', () => {
    const { value, violations } = checkStructure('mo-data', [{ ClientURI: './a', Odd: 1 }, 'not an entry']);
    assert.equal(value, undefined);
    assert.deepEqual(unknown(violations), ['/0/Odd']);
  });
  it('a valid document notes the same members as before', () => {
    assert.deepEqual(
      unknown(
        checkStructure('package1', { MOS: [{ MOID, MIID: [], X: 1 }], Alert: [{ AlertType: ALERT_TYPES.clientInitiatedMgmt }] }).violations,
      ),
      ['/MOS/0/X'],
    );
  });
});
