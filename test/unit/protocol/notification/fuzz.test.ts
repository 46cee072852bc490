import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import {
  NOTIFICATION_RULES,
  decodeNotification,
  decodeWapPushDatagram,
  encodeNotification,
  encodeRawWapPushDatagram,
  encodeWapPushDatagram,
  type NotificationRule,
} from '../../../../src/protocol/notification/index.js';
import type { Violation } from '../../../../src/protocol/violation.js';
import { assertProperty, fuzzRuns, mutated, notificationInput, SEED } from './arbitraries.js';

const RUNS = fuzzRuns(10_000, 100_000);
const CREDS = { secret: 's3cr3t', authData: 'nonce' };
const NOW = 1_700_000_000;

const validNotification = notificationInput.map((input) =>
  encodeNotification({ ...input, ...(input.timestamp === undefined ? {} : { timestamp: NOW }) }, CREDS),
);
const validDatagram = fc.tuple(validNotification, fc.nat(255)).map(([bytes, tid]) => encodeWapPushDatagram(bytes, { tid }));
const datagramLike = fc
  .record({
    tid: fc.nat(255),
    headers: fc.uint8Array({ maxLength: 60 }),
    body: fc.uint8Array({ maxLength: 40 }),
    pduType: fc.constantFrom(6, 6, 6, 7),
  })
  .map((spec) => encodeRawWapPushDatagram(spec));

const input = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 4, arbitrary: mutated(validNotification) },
  { weight: 1, arbitrary: datagramLike },
  { weight: 2, arbitrary: mutated(validDatagram) },
);

function checkViolations(bytes: Uint8Array, violations: readonly Violation[], valid: boolean): void {
  for (const v of violations) {
    const rule = NOTIFICATION_RULES[v.rule as NotificationRule];
    assert.ok(rule, `unknown rule ${v.rule}`);
    assert.equal(v.section, rule.section);
    assert.equal(v.severity, rule.severity);
    assert.ok(v.message.length > 0);
    assert.ok(
      v.offset === undefined || (Number.isInteger(v.offset) && v.offset >= 0 && v.offset <= bytes.length),
      `offset ${v.offset} of ${bytes.length}`,
    );
  }
  assert.equal(valid, !violations.some((v) => v.severity === 'error'), 'every rejection names an error rule');
}

it(`fuzz: ${RUNS} random and mutated notifications and datagrams never crash the decoders (seed ${SEED})`, (t) => {
  let notifications = 0;
  let datagrams = 0;
  let rejected = 0;
  assertProperty(
    fc.property(input, (bytes) => {
      const decoded = decodeNotification(bytes, { ...CREDS, now: NOW });
      checkViolations(bytes, decoded.violations, decoded.valid);
      notifications++;
      if (!decoded.valid) rejected++;
      const framing = decodeWapPushDatagram(bytes);
      checkViolations(bytes, framing.violations, framing.valid);
      datagrams++;
      if (framing.notification !== undefined) {
        const inner = decodeNotification(framing.notification, { ...CREDS, now: NOW });
        checkViolations(framing.notification, inner.violations, inner.valid);
        notifications++;
      }
    }),
    RUNS,
  );
  t.diagnostic(
    `${RUNS} inputs: ${notifications} notification decodes (${rejected} rejected at top level), ${datagrams} datagram decodes; DMCT_FUZZ_SEED=${SEED}`,
  );
  assert.ok(notifications >= RUNS && datagrams >= RUNS);
  assert.ok(rejected > RUNS / 10 && rejected < RUNS, `both accepted and rejected inputs were generated (${rejected})`);
});
