import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CONNECTION_TYPE_CODES,
  decodeNotification,
  decodeWapPushDatagram,
  encodeNotification,
  encodeWapPushDatagram,
  toHex,
} from '../../../../src/protocol/notification/index.js';
import { assertProperty, credentials, notificationInput, SEED } from './arbitraries.js';

describe(`round-trip properties (fast-check, seed ${SEED})`, () => {
  it('decode(encode(input)) is valid, has no violation and gives the input back', () => {
    assertProperty(
      fc.property(
        notificationInput,
        credentials,
        fc.constantFrom('uint32' as const, 'uint64' as const),
        (input, creds, timestampEncoding) => {
          const bytes = encodeNotification(input, { ...creds, timestampEncoding });
          const result = decodeNotification(bytes, { ...(input.digest === true ? creds : {}), timestampEncoding });
          assert.deepEqual(result.violations, []);
          assert.equal(result.valid, true);
          const fields = result.notification?.options;
          assert.ok(fields);
          assert.equal(fields.serverId, input.serverId);
          assert.deepEqual(
            fields.preferredConTypes,
            input.preferredConTypes?.map((name) => CONNECTION_TYPE_CODES[name]),
          );
          assert.equal(fields.notificationId, input.notificationId);
          assert.equal(fields.timestamp, input.timestamp);
          assert.equal(fields.reqMos, input.reqMos === true);
          assert.deepEqual(result.digest, input.digest === true ? { present: true, verified: true } : { present: false });
          assert.equal(result.notification?.optionCount, result.notification?.rawOptions.length);
        },
      ),
      2_000,
    );
  });

  it('a digest made with other credentials never verifies', () => {
    assertProperty(
      fc.property(notificationInput, credentials, credentials, (input, mine, theirs) => {
        fc.pre(toHex(mine.secret) !== toHex(theirs.secret) || toHex(mine.authData) !== toHex(theirs.authData));
        const bytes = encodeNotification({ ...input, digest: true }, mine);
        assert.equal(decodeNotification(bytes, theirs).digest?.verified, false);
      }),
      500,
    );
  });

  it('WAP Push framing round-trips any body and TID', () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), fc.nat(255), (body, tid) => {
        const decoded = decodeWapPushDatagram(encodeWapPushDatagram(body, { tid }));
        assert.deepEqual(decoded.violations, []);
        assert.equal(decoded.tid, tid);
        assert.equal(toHex(decoded.notification ?? new Uint8Array()), toHex(body));
      }),
      2_000,
    );
  });

  it('a notification survives the datagram: decode(body of decodeWapPushDatagram(...)) equals decode(notification)', () => {
    assertProperty(
      fc.property(notificationInput, credentials, (input, creds) => {
        const bytes = encodeNotification(input, creds);
        const body = decodeWapPushDatagram(encodeWapPushDatagram(bytes)).notification;
        assert.ok(body);
        assert.deepEqual(decodeNotification(body, creds), decodeNotification(bytes, creds));
      }),
      500,
    );
  });
});
