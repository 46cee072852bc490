import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PSK_SUITES, suiteKeyType, X509_SUITES } from '../../../src/transport/tls-settings.js';

describe('suiteKeyType', () => {
  test('the certificate each suite of §9.2.2 needs: ECDSA, RSA, or none for the plain, DHE and ECDHE PSK ones', () => {
    const needs = Object.fromEntries(
      [...Object.keys(PSK_SUITES), ...Object.keys(X509_SUITES)].map((suite) => [suite, suiteKeyType(suite)]),
    );
    assert.deepEqual(needs, {
      TLS_PSK_WITH_AES_128_GCM_SHA256: undefined,
      TLS_DHE_PSK_WITH_AES_128_GCM_SHA256: undefined,
      TLS_RSA_PSK_WITH_AES_128_GCM_SHA256: 'rsa',
      TLS_PSK_WITH_AES_128_CBC_SHA256: undefined,
      TLS_DHE_PSK_WITH_AES_128_CBC_SHA256: undefined,
      TLS_RSA_PSK_WITH_AES_128_CBC_SHA256: 'rsa',
      TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256: undefined,
      TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ecdsa',
      TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: 'rsa',
      TLS_RSA_WITH_AES_128_GCM_SHA256: 'rsa',
      TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: 'ecdsa',
      TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: 'rsa',
      TLS_RSA_WITH_AES_128_CBC_SHA256: 'rsa',
    });
  });
});
