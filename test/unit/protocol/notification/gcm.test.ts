import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeGcmMessage, encodeGcmMessage, encodeNotification, toHex } from '../../../../src/protocol/notification/index.js';

const NOTIFICATION = encodeNotification({ serverId: 'dms1', notificationId: 42 });

describe('App E.2 GCM message', () => {
  it('carries the notification base64 under data.SMS, addressed to the registration id', () => {
    const message = encodeGcmMessage(NOTIFICATION, { registrationId: 'reg-1' });
    assert.deepEqual(message, { registration_ids: ['reg-1'], data: { SMS: Buffer.from(NOTIFICATION).toString('base64') } });
    const decoded = decodeGcmMessage(JSON.stringify(message));
    assert.equal(decoded.valid, true);
    assert.equal(toHex(decoded.notification ?? new Uint8Array()), toHex(NOTIFICATION));
  });

  it('accepts the `to` addressing form', () => {
    const decoded = decodeGcmMessage({ to: 'reg-2', data: { SMS: Buffer.from(NOTIFICATION).toString('base64'), other: 'x' } });
    assert.deepEqual(decoded.violations, []);
  });

  it('reports schema problems with JSON pointers', () => {
    const decoded = decodeGcmMessage({ to: 'r', data: { sms: 'IAA=' } });
    assert.equal(decoded.valid, false);
    assert.ok(
      decoded.violations.some((v) => v.rule === 'gcm-message-schema' && v.pointer === '/data/SMS'),
      JSON.stringify(decoded.violations),
    );
    assert.deepEqual(
      decodeGcmMessage('{"to":').violations.map((v) => [v.rule, v.pointer]),
      [['gcm-message-schema', '']],
    );
    assert.ok(decodeGcmMessage({ data: { SMS: 'IAA=' } }).violations.some((v) => v.pointer === '/to'));
  });

  it('gcm-sms-base64: SMS that is not base64', () => {
    const decoded = decodeGcmMessage({ to: 'r', data: { SMS: 'IA*A' } });
    assert.deepEqual(
      decoded.violations.map((v) => [v.rule, v.section, v.pointer]),
      [['gcm-sms-base64', 'E.2', '/data/SMS']],
    );
  });
});
