import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { startReferenceServer } from '../../../src/reference/server/index.js';
import { createTestPki } from '../../../src/transport/test-pki.js';
import { probeTls, tlsAlertOf } from '../../../src/transport/tls-probe.js';
import { PSK_SUITES, X509_SUITES } from '../../../src/transport/tls-settings.js';

const PSK = { identity: 'device', key: Buffer.alloc(16, 9) };

describe('tlsAlertOf', () => {
  test("names the alert of OpenSSL's error text, number and description", () => {
    const refused =
      'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 80FC:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../ssl/record/rec_layer_s3.c:1601:SSL alert number 40';
    assert.equal(tlsAlertOf(refused), 'alert 40 (handshake failure)');
    assert.equal(tlsAlertOf('x:tlsv1 alert protocol version:y:SSL alert number 70'), 'alert 70 (protocol version)');
  });

  test('undefined when no alert came (a reset, a time-out)', () => {
    assert.equal(tlsAlertOf('ECONNRESET: read ECONNRESET'), undefined);
    assert.equal(tlsAlertOf('no handshake within 5000 ms'), undefined);
  });
});

describe('probeTls, one suite offered alone (TLS 1.2)', async () => {
  const pki = await createTestPki();
  const recorder = new TraceRecorder();
  const probe = (url: string, suite: string, ca?: string) =>
    probeTls(
      recorder,
      url,
      { versions: ['TLSv1.2'], suites: [suite], ...(ca === undefined ? { psk: PSK, acceptAnyCertificate: true } : { ca }) },
      { label: suite, timeoutMs: 5000 },
    );

  test('a server with an ECDSA and an RSA certificate, DH parameters and a PSK completes every suite of §9.2.2', async () => {
    const server = await startReferenceServer({ print: () => undefined, tls: { ...pki.server, rsa: await pki.rsaServer(), psk: PSK } });
    try {
      for (const suite of Object.keys(PSK_SUITES)) {
        const outcome = await probe(server.dmUrl, suite);
        assert.ok(outcome.ok && outcome.tls.suite === suite && outcome.tls.protocol === 'TLSv1.2', `${suite}: ${JSON.stringify(outcome)}`);
      }
      for (const suite of Object.keys(X509_SUITES)) {
        const outcome = await probe(server.dmUrl, suite, pki.ca.cert);
        assert.ok(outcome.ok && outcome.tls.suite === suite, `${suite}: ${JSON.stringify(outcome)}`);
      }
    } finally {
      await server.stop();
    }
  });

  test('without the RSA certificate the RSA-keyed suites are refused with a handshake-failure alert, the ECDSA ones still complete', async () => {
    const server = await startReferenceServer({ print: () => undefined, tls: { ...pki.server, psk: PSK } });
    try {
      const refused = await probe(server.dmUrl, 'TLS_RSA_WITH_AES_128_GCM_SHA256', pki.ca.cert);
      assert.equal(refused.ok, false);
      assert.equal(refused.ok ? undefined : tlsAlertOf(refused.detail), 'alert 40 (handshake failure)');
      assert.equal((await probe(server.dmUrl, 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA256')).ok, false);
      assert.equal((await probe(server.dmUrl, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', pki.ca.cert)).ok, true);
    } finally {
      await server.stop();
    }
  });
});
