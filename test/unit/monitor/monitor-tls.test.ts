import assert from 'node:assert/strict';
import { once } from 'node:events';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { monitorServerTls } from '../../../src/monitor/monitor-tls.js';
import { createTestPki, type TestPki } from '../../../src/transport/test-pki.js';

/** Connects with exactly these TLS settings; resolves with what was negotiated, or the handshake error. */
async function handshake(
  port: number,
  ca: string,
  options: tls.ConnectionOptions,
): Promise<{ cipher?: string; version?: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, ...options }, () => {
      resolve({ cipher: socket.getCipher().standardName, version: socket.getProtocol() ?? '' });
      socket.end();
    });
    socket.once('error', (error) => resolve({ error: error.message }));
  });
}

describe('monitorServerTls', () => {
  let pki: TestPki;
  let server: https.Server;
  let port: number;

  before(async () => {
    pki = await createTestPki({ hosts: [] });
    const rsa = (await pki.rsa()).server;
    server = https.createServer(monitorServerTls(pki.server, rsa), (_req, res) => res.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  test('a client whose only suite is RSA-keyed (§9.2.2 TLS_RSA_WITH_AES_128_GCM_SHA256) gets through', async () => {
    const result = await handshake(port, pki.ca.cert, { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' });
    assert.deepEqual(result, { cipher: 'TLS_RSA_WITH_AES_128_GCM_SHA256', version: 'TLSv1.2' });
  });

  test('a client whose only suite is ECDSA-keyed gets through on the ECDSA certificate', async () => {
    const result = await handshake(port, pki.ca.cert, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-SHA256' });
    assert.deepEqual(result, { cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', version: 'TLSv1.2' });
  });

  test('a client offering TLS 1.1 alone (the version §9.2.2 makes mandatory) gets through', async () => {
    const result = await handshake(port, pki.ca.cert, { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    assert.equal(result.version, 'TLSv1.1', result.error);
  });

  test('a DHE suite completes (DH parameters are set)', async () => {
    const result = await handshake(port, pki.ca.cert, { maxVersion: 'TLSv1.2', ciphers: 'DHE-RSA-AES128-GCM-SHA256' });
    assert.equal(result.cipher, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', result.error);
  });

  test('without the RSA certificate an RSA-only client is refused (the test can fail)', async () => {
    const ecdsaOnly = https.createServer(monitorServerTls(pki.server), (_req, res) => res.end());
    ecdsaOnly.listen(0, '127.0.0.1');
    await once(ecdsaOnly, 'listening');
    try {
      const result = await handshake((ecdsaOnly.address() as AddressInfo).port, pki.ca.cert, {
        maxVersion: 'TLSv1.2',
        ciphers: 'AES128-GCM-SHA256',
      });
      assert.ok(result.error !== undefined, 'refused');
    } finally {
      ecdsaOnly.close();
    }
  });
});
