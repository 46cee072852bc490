import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionOptionsOf } from '../../../src/transport/https-exchange.js';
import { createTestPki } from '../../../src/transport/test-pki.js';

describe('the TLS connection options of an HTTPS exchange', () => {
  it('make the secure context once per settings, and carry the trust list only inside it', async () => {
    const pki = await createTestPki();
    const settings = { versions: ['TLSv1.2' as const], ca: pki.ca.cert };
    const first = connectionOptionsOf(settings);
    assert.ok(first.secureContext !== undefined);
    assert.equal(first.ca, undefined);
    assert.equal(first.minVersion, 'TLSv1.2', 'the other options stay');
    assert.equal(connectionOptionsOf(settings), first);
    assert.notEqual(connectionOptionsOf({ ...settings }).secureContext, first.secureContext, 'other settings, another context');
  });
});
