import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NotificationDeduplicator,
  NotificationInputError,
  checkNotificationInput,
  computeNotificationDigest,
  decodeNotification,
  encodeNotification,
  encodeRawNotification,
  notificationToRawSpec,
  parseHex,
  toHex,
  verifyNotificationDigest,
  type NotificationDecodeOptions,
  type RawNotificationSpec,
} from '../../../../src/protocol/notification/index.js';

const WORKED_HEX = '22001004646d73312002002a10206b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e677609932000';
const CREDS = { secret: 's3cr3t', authData: 'nonce' };
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (h: string): Uint8Array => {
  const parsed = parseHex(h);
  assert.ok(parsed.ok);
  return parsed.bytes;
};

function rulesOf(bytes: Uint8Array, options: NotificationDecodeOptions = {}): string[] {
  return decodeNotification(bytes, options).violations.map((v) => v.rule);
}

function only(rule: string, spec: RawNotificationSpec | Uint8Array, options: NotificationDecodeOptions = {}): void {
  const bytes = spec instanceof Uint8Array ? spec : encodeRawNotification(spec);
  assert.deepEqual(rulesOf(bytes, options), [rule], `decoding ${toHex(bytes)}`);
}

const SIMPLE = [
  { number: 1, value: ascii('dms1') },
  { number: 3, value: Uint8Array.of(0, 7) },
];

describe('the worked notification example', () => {
  it('encodes byte for byte', () => {
    const bytes = encodeNotification({ serverId: 'dms1', notificationId: 42, digest: true, reqMos: true }, CREDS);
    assert.equal(toHex(bytes), WORKED_HEX);
    assert.equal(bytes.length, 48);
  });

  it('decodes every field and verifies the digest', () => {
    const result = decodeNotification(hex(WORKED_HEX), CREDS);
    assert.equal(result.valid, true);
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.digest, { present: true, verified: true });
    const n = result.notification;
    assert.ok(n);
    assert.deepEqual([n.version, n.optionCount, n.reserved], [2, 4, 0]);
    assert.equal(n.options.serverId, 'dms1');
    assert.equal(n.options.notificationId, 42);
    assert.equal(n.options.reqMos, true);
    assert.equal(toHex(n.options.digest ?? new Uint8Array()), '6b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e67760993');
    assert.deepEqual(
      n.rawOptions.map((o) => [o.number, o.name, o.delta, o.offset, o.length]),
      [
        [1, 'SERVER-ID', 1, 2, 4],
        [3, 'NOTIFICATION-ID', 2, 8, 2],
        [4, 'SHA256-DIGEST', 1, 12, 32],
        [6, 'REQ-MOS', 2, 46, 0],
      ],
    );
  });

  it('computes the digest over the zero-digest message', () => {
    const zeroed = hex(`22001004646d73312002002a1020${'00'.repeat(32)}2000`);
    assert.equal(
      toHex(computeNotificationDigest(zeroed, 's3cr3t', 'nonce')),
      '6b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e67760993',
    );
  });

  it('verifyNotificationDigest accepts the right credentials and rejects others', () => {
    assert.deepEqual(verifyNotificationDigest(hex(WORKED_HEX), 's3cr3t', 'nonce'), { present: true, verified: true });
    assert.deepEqual(verifyNotificationDigest(hex(WORKED_HEX), 's3cr3t', 'other'), { present: true, verified: false });
    assert.deepEqual(verifyNotificationDigest(hex('2000'), 's3cr3t', 'nonce'), { present: false });
  });

  it('decodes a Buffer the same as a Uint8Array and leaves it untouched', () => {
    const buffer = Buffer.from(WORKED_HEX, 'hex');
    const result = decodeNotification(buffer, CREDS);
    assert.equal(result.valid, true);
    assert.deepEqual(result.digest, { present: true, verified: true });
    assert.equal(buffer.toString('hex'), WORKED_HEX);
  });
});

describe('5.2.1.1 / 7.1.1 header violations', () => {
  it('buffer shorter than the header: notification-too-short, no notification', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0x20)]) {
      const result = decodeNotification(bytes);
      assert.deepEqual(
        result.violations.map((v) => v.rule),
        ['notification-too-short'],
      );
      assert.equal(result.notification, undefined);
      assert.equal(result.valid, false);
    }
  });

  it('VER ≠ 2: notification-version (error, 5.2.1.1, offset 0)', () => {
    const [v] = decodeNotification(encodeRawNotification({ version: 1, options: SIMPLE })).violations;
    assert.deepEqual(v && [v.rule, v.severity, v.section, v.offset], ['notification-version', 'error', '5.2.1.1', 0]);
  });

  it('RESERVED ≠ 0: notification-reserved-bits is a warning (B.7), still valid', () => {
    const result = decodeNotification(encodeRawNotification({ reserved: 1, options: SIMPLE }));
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.severity, v.offset]),
      [['notification-reserved-bits', 'warning', 1]],
    );
    assert.equal(result.valid, true);
  });

  it('OC too high: notification-option-count-high at the end of the buffer', () => {
    const bytes = encodeRawNotification({ optionCount: 4, options: SIMPLE });
    const [v] = decodeNotification(bytes).violations;
    assert.deepEqual(v && [v.rule, v.offset], ['notification-option-count-high', bytes.length]);
  });

  it('OC too low: notification-option-count-low where the uncounted options start', () => {
    const [v] = decodeNotification(encodeRawNotification({ optionCount: 1, options: SIMPLE })).violations;
    assert.deepEqual(v && [v.rule, v.offset], ['notification-option-count-low', 8]);
  });

  it('trailing bytes that are not options: notification-trailing-bytes', () => {
    only('notification-trailing-bytes', { options: SIMPLE, trailing: Uint8Array.of(1) });
  });
});

describe('7.1.1.2 option framing violations', () => {
  it('option length beyond the buffer: notification-option-length-exceeds, value kept truncated', () => {
    const bytes = encodeRawNotification({ options: [{ number: 1, length: 4095, value: ascii('ab') }] });
    const result = decodeNotification(bytes);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.offset]),
      [['notification-option-length-exceeds', 2]],
    );
    const option = result.notification?.rawOptions[0];
    assert.deepEqual(option && [option.truncated, option.length, toHex(option.value)], [true, 4095, '6162']);
  });

  it('half an option header: notification-option-header-truncated', () => {
    only('notification-option-header-truncated', { optionCount: 1, options: [], trailing: Uint8Array.of(0x10) });
  });

  it('options out of order: notification-option-order', () => {
    const bytes = encodeRawNotification({
      options: [
        { number: 5, value: Uint8Array.of(0, 0, 0, 1) },
        { number: 2, value: Uint8Array.of(1) },
      ],
    });
    const result = decodeNotification(bytes);
    assert.deepEqual(
      result.violations.map((v) => v.rule),
      ['notification-option-order'],
    );
    assert.deepEqual(
      result.notification?.rawOptions.map((o) => o.number),
      [5, 2],
    );
    assert.deepEqual(result.notification?.options.preferredConTypes, [1]);
  });

  it('repeated option (delta 0): notification-option-duplicate; the first occurrence counts', () => {
    const bytes = encodeRawNotification({
      options: [
        { number: 3, value: Uint8Array.of(0, 1) },
        { delta: 0, value: Uint8Array.of(0, 2) },
      ],
    });
    const result = decodeNotification(bytes);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.offset]),
      [['notification-option-duplicate', 6]],
    );
    assert.equal(result.notification?.options.notificationId, 1);
  });

  it('unknown option number: notification-option-unknown is a warning and decoding goes on', () => {
    const bytes = encodeRawNotification({
      options: [{ number: 1, value: ascii('a') }, { number: 7, value: Uint8Array.of(9) }, { number: 9 }],
    });
    const result = decodeNotification(bytes);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.severity]),
      [
        ['notification-option-unknown', 'warning'],
        ['notification-option-unknown', 'warning'],
      ],
    );
    assert.equal(result.valid, true);
    assert.equal(result.notification?.options.serverId, 'a');
  });
});

describe('5.2.1.2 option value violations', () => {
  it('NOTIFICATION-ID not 2 bytes: notification-id-length', () => {
    only('notification-id-length', { options: [{ number: 3, value: Uint8Array.of(42) }] });
    only('notification-id-length', { options: [{ number: 3, value: Uint8Array.of(0, 0, 42) }] });
  });

  it('digest not 32 bytes: notification-digest-length', () => {
    only('notification-digest-length', { options: [{ number: 4, value: new Uint8Array(33) }] });
  });

  it('digest mismatch with credentials: notification-digest-mismatch at the digest value', () => {
    const bytes = encodeRawNotification({ options: [{ number: 4, digest: true }], digest: { ...CREDS, flipBit: 0 } });
    const result = decodeNotification(bytes, CREDS);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.section, v.offset]),
      [['notification-digest-mismatch', '9.1', 4]],
    );
    assert.deepEqual(result.digest, { present: true, verified: false });
  });

  it('every digest mistake of the raw builder is caught', () => {
    for (const mistake of ['without-secret', 'without-auth-data', 'secret-last', 'not-zeroed'] as const) {
      const bytes = encodeRawNotification({
        options: [
          { number: 1, value: ascii('x') },
          { number: 4, digest: true },
        ],
        digest: { ...CREDS, mistake },
      });
      assert.deepEqual(rulesOf(bytes, CREDS), ['notification-digest-mismatch'], mistake);
    }
  });

  it('digest not checked without credentials; absent digest with credentials is info only', () => {
    assert.deepEqual(decodeNotification(hex(WORKED_HEX)).digest, { present: true });
    const result = decodeNotification(encodeNotification({ serverId: 'x' }), CREDS);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.severity]),
      [['notification-digest-absent', 'info']],
    );
    assert.equal(result.valid, true);
  });

  it('stale and future TIMESTAMP outside the window are warnings; inside is clean', () => {
    const bytes = encodeNotification({ timestamp: 1_000_000 });
    assert.deepEqual(rulesOf(bytes, { now: 1_000_301 }), ['notification-timestamp-stale']);
    assert.deepEqual(rulesOf(bytes, { now: 999_699 }), ['notification-timestamp-future']);
    assert.deepEqual(rulesOf(bytes, { now: 1_000_300 }), []);
    assert.deepEqual(rulesOf(bytes, { now: 1_000_010, freshnessWindowSeconds: 5 }), ['notification-timestamp-stale']);
    assert.deepEqual(rulesOf(bytes), [], 'no clock, no freshness judgement');
    assert.equal(decodeNotification(bytes, { now: 2_000_000 }).valid, true);
  });

  it('TIMESTAMP encodings: 4 and 8 bytes accepted by default, forced encodings reject the other', () => {
    const four = encodeNotification({ timestamp: 1_700_000_000 });
    const eight = encodeNotification({ timestamp: 1_700_000_000 }, { timestampEncoding: 'uint64' });
    assert.equal(eight.length - four.length, 4);
    assert.equal(decodeNotification(four).notification?.options.timestamp, 1_700_000_000);
    assert.equal(decodeNotification(eight).notification?.options.timestamp, 1_700_000_000);
    assert.deepEqual(rulesOf(eight, { timestampEncoding: 'uint32' }), ['notification-timestamp-length']);
    assert.deepEqual(rulesOf(four, { timestampEncoding: 'uint64' }), ['notification-timestamp-length']);
    only('notification-timestamp-length', { options: [{ number: 5, value: Uint8Array.of(1, 2) }] });
  });

  it('PREFERRED-CON-TYPE: empty, unknown value, ANY_AVAILABLE not last', () => {
    only('notification-con-type-empty', { options: [{ number: 2 }] });
    only('notification-con-type-unknown', { options: [{ number: 2, value: Uint8Array.of(1, 4) }] });
    only('notification-con-type-any-not-last', { options: [{ number: 2, value: Uint8Array.of(0, 1) }] });
    assert.deepEqual(rulesOf(encodeRawNotification({ options: [{ number: 2, value: Uint8Array.of(3, 2, 1, 0) }] })), []);
  });

  it('SERVER-ID not UTF-8: notification-server-id-utf8', () => {
    only('notification-server-id-utf8', { options: [{ number: 1, value: Uint8Array.of(0xc3) }] });
    assert.equal(decodeNotification(encodeNotification({ serverId: 'sérveur-✓' })).notification?.options.serverId, 'sérveur-✓');
  });

  it('REQ-MOS with a value: notification-req-mos-value', () => {
    only('notification-req-mos-value', { options: [{ number: 6, value: Uint8Array.of(0) }] });
  });

  it('every violation carries a byte offset inside the buffer or none', () => {
    const bytes = encodeRawNotification({
      version: 5,
      reserved: 3,
      optionCount: 2,
      options: [{ number: 2, value: Uint8Array.of(0, 9) }, { delta: 0 }],
      trailing: Uint8Array.of(1),
    });
    for (const v of decodeNotification(bytes).violations) {
      assert.ok(v.offset === undefined || (v.offset >= 0 && v.offset <= bytes.length), JSON.stringify(v));
      assert.match(v.rule, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('encodeNotification', () => {
  it('writes options in increasing number order with the header counting them', () => {
    const bytes = encodeNotification({
      reqMos: true,
      timestamp: 1,
      preferredConTypes: ['WLAN', 'ANY_AVAILABLE'],
      serverId: 's',
      notificationId: 258,
    });
    assert.equal(toHex(bytes), '2280' + '100173' + '10020200' + '10020102' + '200400000001' + '1000');
    const result = decodeNotification(bytes);
    assert.deepEqual(
      result.notification?.rawOptions.map((o) => o.number),
      [1, 2, 3, 5, 6],
    );
    assert.equal(result.notification?.optionCount, 5);
    assert.deepEqual(result.notification?.options.preferredConTypes, [2, 0]);
    assert.equal(result.notification?.options.notificationId, 258);
  });

  it('no options: 20 00', () => {
    assert.equal(toHex(encodeNotification({})), '2000');
  });

  it('refuses input that cannot be valid, naming the pointer and rule', () => {
    const cases: [unknown, object, string, string][] = [
      [{ preferredConTypes: ['ANY_AVAILABLE', 'WLAN'] }, {}, '/preferredConTypes/0', 'any-available-last'],
      [{ digest: true }, {}, '/digest', 'digest-secret'],
      [{ notificationId: 65536 }, {}, '/notificationId', 'maximum'],
      [{ timestamp: 2 ** 32 }, {}, '/timestamp', 'timestamp-range'],
      [{ serverId: 'x'.repeat(4096) }, {}, '/serverId', 'option-length'],
      [{ preferredConTypes: ['LTE'] }, {}, '/preferredConTypes/0', 'enum'],
      [{ colour: 'red' }, {}, '/colour', 'additionalProperties'],
    ];
    for (const [input, options, pointer, rule] of cases) {
      const problems = checkNotificationInput(input, options);
      assert.ok(
        problems.some((p) => p.pointer === pointer && p.rule === rule),
        `${JSON.stringify(input)} → ${JSON.stringify(problems)}`,
      );
      assert.throws(() => encodeNotification(input as never, options), NotificationInputError);
    }
    assert.deepEqual(checkNotificationInput({ timestamp: 2 ** 32 }, { timestampEncoding: 'uint64' }), []);
  });

  it('notificationToRawSpec is the starting point of a one-field mutant', () => {
    const spec = notificationToRawSpec({ serverId: 'dms1', notificationId: 42, digest: true, reqMos: true }, CREDS);
    assert.equal(toHex(encodeRawNotification(spec)), WORKED_HEX);
    assert.deepEqual(
      rulesOf(encodeRawNotification({ ...spec, version: 3 }), CREDS),
      ['notification-version'],
      'the digest follows the mutated header',
    );
    assert.deepEqual(rulesOf(encodeRawNotification({ ...spec, optionCount: 3 }), CREDS), ['notification-option-count-low']);
  });
});

describe('NotificationDeduplicator', () => {
  it('same NOTIFICATION-ID from the same server is a duplicate; another server is not', () => {
    const dedup = new NotificationDeduplicator();
    assert.equal(dedup.observe({ notificationId: 1, serverId: 'a' }), 'new');
    assert.equal(dedup.observe({ notificationId: 1, serverId: 'a' }), 'duplicate');
    assert.equal(dedup.observe({ notificationId: 1, serverId: 'b' }), 'new');
    assert.equal(dedup.observe({ notificationId: 2, serverId: 'a' }), 'new');
  });

  it('falls back to the transport sender when there is no SERVER-ID', () => {
    const dedup = new NotificationDeduplicator();
    assert.equal(dedup.observe({ notificationId: 9 }, '127.0.0.1:5000'), 'new');
    assert.equal(dedup.observe({ notificationId: 9 }, '127.0.0.1:5000'), 'duplicate');
    assert.equal(dedup.observe({ notificationId: 9 }, '127.0.0.2:5000'), 'new');
  });

  it('a notification without NOTIFICATION-ID cannot be recognised', () => {
    const dedup = new NotificationDeduplicator();
    assert.equal(dedup.observe({ serverId: 'a' }), 'unidentified');
    assert.equal(dedup.observe({ serverId: 'a' }), 'unidentified');
  });

  it('keeps at most `capacity` pairs, forgetting the least recently seen', () => {
    const dedup = new NotificationDeduplicator(2);
    dedup.observe({ notificationId: 1, serverId: 's' });
    dedup.observe({ notificationId: 2, serverId: 's' });
    assert.equal(dedup.observe({ notificationId: 1, serverId: 's' }), 'duplicate');
    dedup.observe({ notificationId: 3, serverId: 's' });
    assert.equal(dedup.size, 2);
    assert.equal(dedup.observe({ notificationId: 2, serverId: 's' }), 'new', '2 was the least recently seen');
    assert.throws(() => new NotificationDeduplicator(0), RangeError);
  });
});
