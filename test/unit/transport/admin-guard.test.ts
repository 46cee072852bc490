import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newAdminToken } from '../../../src/transport/admin-guard.js';

describe('newAdminToken', () => {
  it('is 192 random bits that a command line never reads as a flag', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const token = newAdminToken();
      assert.match(token, /^[0-9a-f]{48}$/);
      tokens.add(token);
    }
    assert.equal(tokens.size, 2000);
  });
});
