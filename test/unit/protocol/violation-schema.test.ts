import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileSchema, type SchemaResult } from '../../../src/protocol/json-schema.js';
import { decodeNotification, decodeWapPushDatagram, decodedNotificationToJson } from '../../../src/protocol/notification/index.js';
import { checkStructure } from '../../../src/protocol/packages/structure.js';
import { violationSchema } from '../../../src/protocol/schemas/violation.schema.js';
import {
  decodedNotificationSchema,
  type DecodedNotification,
  type NotificationViolationJson,
} from '../../../src/protocol/notification/schemas/decoded-notification.schema.js';
import type { Violation } from '../../../src/protocol/violation.js';
import { deviceLogSchema, type DeviceLog } from '../../../src/reference/server/schemas/device-log.schema.js';
import { evidenceSchema, type Evidence, type TraceViolation } from '../../../src/report/schemas/evidence.schema.js';

const SEED = Number(process.env['DMCT_FC_SEED'] ?? 20_261_125);

const validateViolation = compileSchema<Violation>(violationSchema);
const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const validateDecoded = compileSchema<DecodedNotification>(decodedNotificationSchema);
const validateDeviceLog = compileSchema<DeviceLog>(deviceLogSchema);

// The names importers already use are the one Violation type, in both directions.
const asTrace = (v: Violation): TraceViolation => v;
const asNotification = (v: Violation): NotificationViolationJson => v;
const fromTrace = (v: TraceViolation | NotificationViolationJson): Violation => v;

const FULL: Violation = {
  rule: 'notification-version',
  section: '7.1.1',
  severity: 'error',
  message: 'VER is 3; it must be 2',
  offset: 0,
  pointer: '/x',
};

function evidenceWith(violation: unknown): unknown {
  return {
    messages: [
      {
        seq: 1,
        time: '2026-11-25T10:00:00.000Z',
        kind: 'datagram',
        from: 'dmct',
        to: 'target',
        label: 'Package#0',
        violations: [violation],
      },
    ],
    findings: [],
    checks: 0,
  };
}

function decodedWith(violation: unknown): unknown {
  return { size: 0, hex: '', valid: false, options: [], fields: { reqMos: false }, violations: [violation] };
}

function deviceLogWith(violation: unknown): unknown {
  return {
    devId: 'dev-1',
    sessions: [],
    packages: [],
    alerts: [],
    commands: [],
    uploads: [{ seq: 1, time: '2026-11-25T10:00:00.000Z', method: 'PUT', path: '/repo/x', status: 400, violations: [violation] }],
    webHits: [],
    notifications: [],
  };
}

/** The violations of a failed validation as `pointer rule` strings. */
function failures(result: SchemaResult<unknown>): string[] {
  assert.equal(result.ok, false, 'expected the document to be rejected');
  return result.ok ? [] : result.violations.map((v) => `${v.pointer} ${v.rule}`);
}

describe('violation.schema.json: the one Violation record', () => {
  it('accepts a violation with the required members only, and with offset and pointer', () => {
    assert.equal(validateViolation({ rule: 'r', section: '5.2.4', severity: 'info', message: 'm' }).ok, true);
    assert.equal(validateViolation(FULL).ok, true);
    assert.deepEqual(fromTrace(asTrace(FULL)), asNotification(FULL));
  });

  it('rejects a missing member, an unknown severity, a negative or fractional offset and an unknown member', () => {
    assert.deepEqual(failures(validateViolation({ rule: 'r', section: 's', message: 'm' })), ['/severity required']);
    assert.deepEqual(failures(validateViolation({ ...FULL, severity: 'fatal' })), ['/severity enum']);
    assert.deepEqual(failures(validateViolation({ ...FULL, offset: -1 })), ['/offset minimum']);
    assert.deepEqual(failures(validateViolation({ ...FULL, offset: 1.5 })), ['/offset type']);
    assert.deepEqual(failures(validateViolation({ ...FULL, hint: 'x' })), ['/hint additionalProperties']);
  });

  it('is what evidence, decoded notifications and the device log check their violations against', () => {
    const containers = [
      { name: 'evidence', validate: validateEvidence, wrap: evidenceWith, at: '/messages/0/violations/0' },
      { name: 'decoded notification', validate: validateDecoded, wrap: decodedWith, at: '/violations/0' },
      { name: 'device log', validate: validateDeviceLog, wrap: deviceLogWith, at: '/uploads/0/violations/0' },
    ];
    for (const { name, validate, wrap, at } of containers) {
      assert.equal(validate(wrap(FULL)).ok, true, `${name} accepts a full violation`);
      assert.equal(
        validate(wrap({ rule: 'r', section: 's', severity: 'warning', message: 'm' })).ok,
        true,
        `${name} accepts a minimal violation`,
      );
      assert.deepEqual(failures(validate(wrap({ ...FULL, severity: 'fatal' }))), [`${at}/severity enum`], name);
      assert.deepEqual(failures(validate(wrap({ ...FULL, offset: -3 }))), [`${at}/offset minimum`], name);
      assert.deepEqual(failures(validate(wrap({ ...FULL, extra: true }))), [`${at}/extra additionalProperties`], name);
    }
  });

  it('fits every violation the protocol layer reports (fast-check over arbitrary Package#0 bytes and datagrams)', () => {
    let withOffset = 0;
    const property = fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
      const decoding = decodeNotification(bytes);
      const reported = [...decoding.violations, ...decodeWapPushDatagram(bytes).violations];
      withOffset += reported.filter((v) => v.offset !== undefined).length;
      for (const violation of reported) {
        const result = validateViolation(violation);
        assert.ok(result.ok, `${JSON.stringify(violation)} breaks violation.schema.json`);
      }
      const view = validateDecoded(decodedNotificationToJson(bytes, decoding));
      assert.ok(view.ok, 'the JSON view of the decoding fits decoded-notification.schema.json');
    });
    try {
      fc.assert(property, { seed: SEED, numRuns: 300 });
    } catch (err) {
      throw new Error(
        `property failed with seed ${SEED} (rerun with DMCT_FC_SEED=${SEED}):\n${err instanceof Error ? err.message : String(err)}`,
      );
    }
    assert.ok(withOffset > 0, 'the decoders reported byte offsets');
  });

  it('fits the pointer-carrying violations of the package checks', () => {
    const { violations } = checkStructure('package1', { Alert: [{ AlertType: 7 }], Unexpected: true });
    assert.ok(
      violations.some((v) => v.pointer !== undefined),
      'a malformed Package#1 has violations with pointers',
    );
    for (const violation of violations) assert.ok(validateViolation(violation).ok, JSON.stringify(violation));
  });
});
