import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeNotification } from '../../../../src/protocol/notification/decode.js';
import { notificationToRawSpec } from '../../../../src/protocol/notification/encode.js';
import { encodeRawNotification } from '../../../../src/protocol/notification/raw.js';

const NOW = 1_700_000_000;
const BASE = { serverId: 'dmct', notificationId: 7, timestamp: NOW };

/**
 * The DM-PACK-002-C-O probe (suites/client-target/5.2.1-notification.spec.ts) must be an encoding of
 * what it names (§7.1.1.2: 4-bit unsigned option deltas): its first option repeated with delta 0.
 */
describe('finding 1: the option-order probe is an encoding of what it claims to test', () => {
  it('finding 1: a reader that sums the deltas as §7.1.1.2 says sees the first option number twice, not unknown higher options', () => {
    const spec = notificationToRawSpec(BASE);
    const [first, ...rest] = spec.options;
    assert.ok(first);
    const decoding = decodeNotification(encodeRawNotification({ ...spec, options: [first, { ...first, delta: 0 }, ...rest] }), {
      now: NOW,
    });
    const numbers = decoding.notification?.rawOptions.map((option) => option.number) ?? [];
    assert.equal(numbers[0], numbers[1], `option numbers read: ${numbers.join(', ')}`);
    assert.ok(
      numbers.every((number) => number <= 6),
      `no unknown option appears: ${numbers.join(', ')}`,
    );
    assert.equal(decoding.valid, false, 'the repeated option makes the notification malformed');
  });
});
