import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cipherList, claimedSuitesOffer, PSK_SUITES, suiteKeyType, X509_SUITES } from '../../../src/transport/tls-settings.js';

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

describe('claimedSuitesOffer', () => {
  test('an RSA-only claim: no other suite of 9.2.2, and nothing authenticated by ECDSA or by the PSK alone', () => {
    const offer = claimedSuitesOffer(['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256']);
    assert.deepEqual(offer.authentication, ['rsa']);
    assert.equal(offer.withoutSuites?.length, 11);
    assert.ok(!offer.withoutSuites?.includes('TLS_RSA_WITH_AES_128_GCM_SHA256'));
    const list = cipherList({ ...offer, versions: ['TLSv1.2'], psk: { identity: 'd', key: new Uint8Array([1]) } }).split(':');
    assert.ok(list.includes('DEFAULT') && list.includes('RSA-PSK-AES128-GCM-SHA256'));
    assert.ok(list.includes('!aECDSA') && list.includes('!aPSK') && !list.includes('!aRSA'));
    assert.ok(list.includes('!ECDHE-ECDSA-AES128-GCM-SHA256') && list.includes('!DHE-PSK-AES128-GCM-SHA256'));
  });

  test('a PSK-only claim keeps the PSK suites that need no certificate; without authentication nothing is taken away', () => {
    assert.deepEqual(claimedSuitesOffer(['TLS_PSK_WITH_AES_128_CBC_SHA256']).authentication, ['psk']);
    assert.doesNotMatch(cipherList({ versions: ['TLSv1.2'] }), /!a/);
  });
});
