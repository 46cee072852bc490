import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeWapPushDatagram } from '../../../../src/protocol/notification/wap-push.js';
import { selectFaults } from '../../../../src/reference/faults/index.js';
import type { ReferenceClientFaultName } from '../../../../src/reference/faults/client-faults-addressing.js';
import { unwrapWapPush } from '../../../../src/reference/client/wap-push-gate.js';

const NOTIFICATION = Uint8Array.from([0x20, 0x01, 0x02, 0x03]);

function unwrap(datagram: Uint8Array, faults: ReferenceClientFaultName[] = []) {
  return unwrapWapPush(datagram, selectFaults<ReferenceClientFaultName>(faults, 'client'));
}

describe('unwrapWapPush (App E.1)', () => {
  it('gives the notification of a push addressed to the DM client (0x07)', () => {
    const result = unwrap(encodeWapPushDatagram(NOTIFICATION));
    assert.deepEqual(result, { ok: true, notification: NOTIFICATION });
  });

  it('takes no push addressed to another application', () => {
    const result = unwrap(encodeWapPushDatagram(NOTIFICATION, { applicationId: 0x02 }));
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.detail, /X-Wap-Application-Id is 0x2/);
  });

  it('takes no datagram without WAP Push framing', () => {
    assert.equal(unwrap(NOTIFICATION).ok, false);
  });

  it('wap-push-app-id-unchecked: takes a push addressed to another application', () => {
    const result = unwrap(encodeWapPushDatagram(NOTIFICATION, { applicationId: 0x02 }), ['wap-push-app-id-unchecked']);
    assert.deepEqual(result, { ok: true, notification: NOTIFICATION });
  });

  it('wap-push-app-id-unchecked still refuses a datagram that is no WAP Push', () => {
    assert.equal(unwrap(NOTIFICATION, ['wap-push-app-id-unchecked']).ok, false);
  });
});
