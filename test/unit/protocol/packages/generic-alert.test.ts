import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALERT_TYPES,
  DEFAULT_MARK,
  MARKS,
  PackageBuildError,
  buildGenericAlert,
  buildSessionAlert,
  effectiveMark,
  extractNotificationId,
  parseGenericAlert,
  parsePackage1,
  type Violation,
} from '../../../../src/protocol/index.js';

const found = (violations: readonly Violation[]): [string, string | undefined, string][] =>
  violations.map((v) => [v.rule, v.pointer, v.severity]);

describe('Generic Alert (§5.4, §7.2.1.5)', () => {
  it('Data without DataType is an error', () => {
    assert.deepEqual(found(parseGenericAlert('{"AlertType":"urn:x","Data":{"a":1}}').violations), [
      ['alert-data-type-missing', '/DataType', 'error'],
    ]);
  });
  it('the same inside a Package#1 Alert array', () => {
    const violations = parsePackage1({
      Alert: [{ AlertType: ALERT_TYPES.clientInitiatedMgmt }, { AlertType: 'urn:x', Data: {} }],
    }).violations;
    assert.deepEqual(found(violations), [['alert-data-type-missing', '/Alert/1/DataType', 'error']]);
  });
  it('a Mark outside the seven is an error', () => {
    assert.deepEqual(found(parseGenericAlert('{"AlertType":"urn:x","Mark":"severe"}').violations), [
      ['alert-mark-unknown', '/Mark', 'error'],
    ]);
  });
  it('each of the seven Marks is accepted, and informational is the default', () => {
    assert.equal(MARKS.length, 7);
    for (const Mark of MARKS) assert.deepEqual(parseGenericAlert({ AlertType: 'urn:x', Mark }).violations, []);
    assert.equal(effectiveMark({ AlertType: 'urn:x' }), DEFAULT_MARK);
    assert.equal(DEFAULT_MARK, 'informational');
  });
  it('AlertType is required', () => {
    assert.deepEqual(found(parseGenericAlert('{}').violations), [['alert-type-missing', '/AlertType', 'error']]);
  });
  it('SourceURI and TargetURI must be ClientURIs', () => {
    assert.deepEqual(found(parseGenericAlert({ AlertType: 'urn:x', SourceURI: 'urn:a:b', TargetURI: 'urn:a:b/left' }).violations), [
      ['alert-sourceuri-syntax', '/SourceURI', 'error'],
      ['alert-targeturi-syntax', '/TargetURI', 'error'],
    ]);
  });
  it('the builder refuses an invalid alert', () => {
    assert.throws(() => buildGenericAlert({ AlertType: 'urn:x', Data: {} }), PackageBuildError);
  });
});

describe('session alerts and the NOTIFICATION-ID (§5.2.2, App D)', () => {
  it('ServerInitiatedMgmt carries {"NOTIFICATION-ID": n} as application/json', () => {
    assert.deepEqual(buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt, { notificationId: 42 }), {
      AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt',
      DataType: 'application/json',
      Data: { 'NOTIFICATION-ID': 42 },
    });
  });
  it('no Data without a NOTIFICATION-ID, and none for the other session alerts', () => {
    assert.deepEqual(buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt), { AlertType: ALERT_TYPES.serverInitiatedMgmt });
    assert.deepEqual(buildSessionAlert(ALERT_TYPES.bootstrapComplete, { notificationId: 1 }), { AlertType: ALERT_TYPES.bootstrapComplete });
  });
  it('refuses an id that does not fit in 16 bits', () => {
    assert.throws(() => buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt, { notificationId: 65536 }), PackageBuildError);
  });
  it('reads every accepted form', () => {
    const alert = (Data: Record<string, unknown>) => ({ AlertType: ALERT_TYPES.serverInitiatedMgmt, DataType: 'application/json', Data });
    assert.deepEqual(extractNotificationId(alert({ 'NOTIFICATION-ID': 42 })), { id: 42, form: 'member' });
    assert.deepEqual(extractNotificationId(alert({ 'NOTIFICATION-ID': '42' })), { id: 42, form: 'member' });
    assert.deepEqual(extractNotificationId(alert({ session: { nid: 7 } })), { id: 7, form: 'number-anywhere' });
    assert.deepEqual(extractNotificationId(alert({ nid: '65535' })), { id: 65535, form: 'decimal-string' });
    assert.equal(extractNotificationId(alert({ nid: 70000, text: 'abc' })), undefined);
    assert.equal(extractNotificationId({ AlertType: ALERT_TYPES.serverInitiatedMgmt }), undefined);
  });
  it('warns when a ServerInitiatedMgmt Data holds no readable id', () => {
    assert.deepEqual(
      found(parseGenericAlert({ AlertType: ALERT_TYPES.serverInitiatedMgmt, DataType: 'text/plain', Data: { x: 'none' } }).violations),
      [['session-alert-notification-id-unreadable', '/Data', 'warning']],
    );
  });
  it('Package#1 without a session alert is an error (§5.2.2 over App I.1), two are a warning', () => {
    assert.deepEqual(found(parsePackage1('{}').violations), [['package1-session-alert-missing', '/Alert', 'error']]);
    const two = parsePackage1({ Alert: [{ AlertType: ALERT_TYPES.clientInitiatedMgmt }, { AlertType: ALERT_TYPES.bootstrapComplete }] });
    assert.deepEqual(found(two.violations), [['package1-session-alert-duplicate', '/Alert/1', 'warning']]);
  });
});
