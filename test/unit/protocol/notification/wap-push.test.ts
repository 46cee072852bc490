import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WAP_PUSH } from '../../../../src/protocol/interpretations/notification.js';
import {
  decodeUintvar,
  decodeWapPushDatagram,
  encodeNotification,
  encodeRawWapPushDatagram,
  encodeUintvar,
  encodeWapPushDatagram,
  toHex,
} from '../../../../src/protocol/notification/index.js';

const NOTIFICATION = encodeNotification({ serverId: 'dms1', notificationId: 42, reqMos: true });
const ascii = (s: string): number[] => [...new TextEncoder().encode(s)];

function rules(bytes: Uint8Array): string[] {
  return decodeWapPushDatagram(bytes).violations.map((v) => v.rule);
}

describe('App E.1 WAP Push datagram', () => {
  it('can address another WAP application, which the decoder reports as not the DM client', () => {
    const datagram = encodeWapPushDatagram(NOTIFICATION, { tid: 1, applicationId: 0x02 });
    assert.equal(toHex(datagram).slice(0, 12), '010603d8af82');
    assert.deepEqual(rules(datagram), ['wap-push-app-id']);
  });

  it('frames TID | 06 | uintvar headers length | D8 | AF 87 | notification', () => {
    const datagram = encodeWapPushDatagram(NOTIFICATION, { tid: 0x2a });
    assert.equal(toHex(datagram), `2a0603d8af87${toHex(NOTIFICATION)}`);
    const decoded = decodeWapPushDatagram(datagram);
    assert.deepEqual(decoded.violations, []);
    assert.equal(decoded.valid, true);
    assert.deepEqual(
      [decoded.tid, decoded.pduType, decoded.contentType, decoded.applicationId, decoded.headerLength, decoded.bodyOffset],
      [0x2a, 6, 0x58, 7, 3, 6],
    );
    assert.equal(toHex(decoded.notification ?? new Uint8Array()), toHex(NOTIFICATION));
    assert.equal(WAP_PUSH.udpPort, 2948);
  });

  it('accepts the textual content type and application id, and skips other headers', () => {
    const textContentType = Uint8Array.from([
      ...ascii(WAP_PUSH.contentTypeText),
      0,
      0x8d,
      0x84, // Content-Length: 4 (a well-known header, short integer)
      0xaf,
      0x87,
    ]);
    let decoded = decodeWapPushDatagram(encodeRawWapPushDatagram({ headers: textContentType, body: NOTIFICATION }));
    assert.deepEqual(decoded.violations, []);
    assert.deepEqual([decoded.contentType, decoded.applicationId], [WAP_PUSH.contentTypeText, 7]);

    const textAppId = Uint8Array.from([0xd8, ...ascii('X-Extra'), 0, ...ascii('1'), 0, 0xaf, ...ascii(WAP_PUSH.applicationIdText), 0]);
    decoded = decodeWapPushDatagram(encodeRawWapPushDatagram({ headers: textAppId, body: NOTIFICATION }));
    assert.deepEqual(decoded.violations, []);
    assert.deepEqual([decoded.contentType, decoded.applicationId], [0x58, WAP_PUSH.applicationIdText]);

    const bothText = Uint8Array.from([...ascii(WAP_PUSH.contentTypeText), 0, 0xaf, ...ascii(WAP_PUSH.applicationIdText), 0]);
    decoded = decodeWapPushDatagram(encodeRawWapPushDatagram({ headers: bothText, body: NOTIFICATION }));
    assert.deepEqual(
      rules(encodeRawWapPushDatagram({ headers: bothText, body: NOTIFICATION })),
      ['wap-push-header-too-long'],
      'both as text exceed 48 bytes',
    );
    assert.deepEqual([decoded.contentType, decoded.applicationId], [WAP_PUSH.contentTypeText, WAP_PUSH.applicationIdText]);
  });

  it('accepts the general content-type form and a long-integer application id', () => {
    const headers = Uint8Array.of(0x03, 0xd8, 0x81, 0xea, 0xaf, 0x01, 0x07);
    const decoded = decodeWapPushDatagram(encodeRawWapPushDatagram({ headers, body: NOTIFICATION }));
    assert.deepEqual(decoded.violations, []);
    assert.deepEqual([decoded.contentType, decoded.applicationId], [0x58, 7]);
  });

  it('wap-push-too-short', () => {
    assert.deepEqual(rules(Uint8Array.of(1, 6)), ['wap-push-too-short']);
    assert.deepEqual(rules(new Uint8Array(0)), ['wap-push-too-short']);
  });

  it('wap-push-pdu-type: a confirmed push (0x07) or anything but 0x06', () => {
    assert.deepEqual(rules(encodeRawWapPushDatagram({ pduType: 7, headers: Uint8Array.of(0xd8, 0xaf, 0x87), body: NOTIFICATION })), [
      'wap-push-pdu-type',
    ]);
  });

  it('wap-push-headers-length: past the end, or an endless uintvar', () => {
    assert.deepEqual(
      rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xd8, 0xaf, 0x87), headersLength: 200, body: NOTIFICATION })),
      ['wap-push-headers-length'],
    );
    assert.deepEqual(rules(Uint8Array.of(0, 6, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), ['wap-push-headers-length']);
  });

  it('wap-push-header-too-long: more than 48 header bytes', () => {
    const padding = Array.from({ length: 23 }, () => [0x8d, 0x80]).flat();
    const headers = Uint8Array.from([0xd8, 0xaf, 0x87, ...padding]);
    assert.equal(headers.length, 49);
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers, body: NOTIFICATION })), ['wap-push-header-too-long']);
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: headers.subarray(0, 47), body: NOTIFICATION })), []);
  });

  it('wap-push-content-type and wap-push-app-id: other codes', () => {
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xc4, 0xaf, 0x87), body: NOTIFICATION })), [
      'wap-push-content-type',
    ]);
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xd8, 0xaf, 0x84), body: NOTIFICATION })), [
      'wap-push-app-id',
    ]);
  });

  it('wap-push-app-id-missing, wap-push-header-malformed, wap-push-body-empty', () => {
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xd8), body: NOTIFICATION })), ['wap-push-app-id-missing']);
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xd8, 0xaf, 0x1e, 1), body: NOTIFICATION })), [
      'wap-push-header-malformed',
      'wap-push-app-id-missing',
    ]);
    assert.deepEqual(rules(encodeRawWapPushDatagram({ headers: Uint8Array.of(0xd8, 0xaf, 0x87), body: new Uint8Array(0) })), [
      'wap-push-body-empty',
    ]);
  });

  it('uintvar round-trips and rejects more than 5 bytes', () => {
    for (const n of [0, 1, 127, 128, 16383, 16384, 0xffff_ffff]) {
      const bytes = encodeUintvar(n);
      assert.deepEqual(decodeUintvar(bytes, 0), { value: n, next: bytes.length });
    }
    assert.equal(toHex(encodeUintvar(300)), '822c');
    assert.equal(decodeUintvar(Uint8Array.of(0x80), 0), undefined);
    assert.throws(() => encodeUintvar(-1), RangeError);
  });
});
