import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemOfViolation, violationsFor } from '../../../fixtures/client-target/attribution.js';
import { checkPackageRequest } from '../../../src/protocol/http/package-requests.js';
import type { Violation } from '../../../src/protocol/violation.js';

const v = (rule: string, pointer?: string): Violation => ({ rule, section: '5.2.4', severity: 'error', message: rule, ...(pointer === undefined ? {} : { pointer }) });

describe('violation → client item attribution', () => {
  it('gives each rule to the item whose scenario judges it', () => {
    assert.equal(itemOfViolation(3, v('status-async-not-exec')), 'DM-PACK-025-C-M');
    assert.equal(itemOfViolation(3, v('exec-async-required')), 'DM-PACK-026-C-M');
    assert.equal(itemOfViolation(3, v('get-data-missing')), 'DM-PACK-019-C-O');
    assert.equal(itemOfViolation(3, v('hget-uri-missing')), 'DM-PACK-014-C-M');
    assert.equal(itemOfViolation(3, v('package3-after-end')), 'DM-PACK-022-C-M');
    assert.equal(itemOfViolation(3, v('package3-uri-after-cont')), 'DM-PACK-021-C-M');
    assert.equal(itemOfViolation(1, v('alert-mark-unknown', '/Alert/1/Mark')), 'DM-PACK-024-C-M');
    assert.equal(itemOfViolation(3, v('package3-schema-enum', '/Alert/0/Mark')), 'DM-PACK-024-C-M');
    assert.equal(itemOfViolation(1, v('mos-member-missing', '/MOS/0/MIID')), 'DM-PACK-010-C-M');
    assert.equal(itemOfViolation(1, v('http-devid-missing')), 'DM-PACK-011-C-M');
    assert.equal(itemOfViolation(3, v('status-count', '/Status')), 'DM-PACK-013-C-M');
  });

  it('keeps a malformed alert in Package#1 out of the Package#1 item', () => {
    const body = JSON.stringify({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }, { AlertType: 'urn:x:result', Mark: 'high', DataType: 'application/json', Data: {} }] });
    const check = checkPackageRequest(
      { method: 'POST', headers: { 'content-type': 'application/vnd.oma.dm.initiation+json', 'omadm-devid': 'IMEI:1', accept: 'application/vnd.oma.dm.request+json' }, body },
      1,
      { devId: 'IMEI:1' },
    );
    const event = { package: 1 as const, violations: check.violations };
    assert.deepEqual(violationsFor('DM-PACK-011-C-M', event).filter((x) => x.severity === 'error'), []);
    assert.ok(violationsFor('DM-PACK-024-C-M', event).some((x) => x.severity === 'error'));
  });
});
