import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  decodeNotification,
  encodeNotification,
  parseHex,
  toHex,
  validateNotificationFixture,
  type NotificationFixture,
} from '../../../../src/protocol/notification/index.js';
import { formatViolation } from '../../../../src/protocol/json-schema.js';

const DIR = fileURLToPath(new URL('../../../../fixtures/notifications/', import.meta.url));

function load(file: string): NotificationFixture {
  const result = validateNotificationFixture(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!result.ok) assert.fail(result.violations.map((v) => formatViolation(file, v)).join('\n'));
  return result.value;
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('fixtures/notifications: every vector gets the verdict and rules it declares', () => {
  it('has the vectors the brief names', () => {
    for (const name of [
      'valid',
      'wrong-version',
      'oc-too-high',
      'oc-too-low',
      'truncated-option',
      'out-of-order',
      'duplicate-option',
      'bad-digest',
      'wrong-digest-length',
      'stale-timestamp',
      'unknown-option',
      'notification-id-length',
    ]) {
      assert.ok(files.includes(`${name}.json`), `${name}.json missing`);
    }
  });

  for (const file of files) {
    it(file, () => {
      const fixture = load(file);
      const parsed = parseHex(fixture.hex);
      assert.ok(parsed.ok);
      const options = {
        ...(fixture.credentials === undefined ? {} : { secret: fixture.credentials.secret, authData: fixture.credentials.authData ?? '' }),
        ...(fixture.now === undefined ? {} : { now: fixture.now }),
      };
      const result = decodeNotification(parsed.bytes, options);
      assert.deepEqual(result.violations.map((v) => v.rule).sort(), [...fixture.expect.rules].sort(), fixture.description);
      assert.equal(result.valid, fixture.expect.valid);
      if (fixture.expect.digestVerified !== undefined) assert.equal(result.digest?.verified, fixture.expect.digestVerified);
      if (fixture.notification !== undefined) {
        assert.equal(toHex(encodeNotification(fixture.notification, options)), fixture.hex, 'the encoder reproduces the vector');
      }
    });
  }
});
