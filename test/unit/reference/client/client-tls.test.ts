import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientTls } from '../../../../src/reference/client/client-tls.js';
import { NO_FAULTS, selectFaults } from '../../../../src/reference/faults/index.js';
import { X509_SUITES, type TlsSettings } from '../../../../src/transport/tls-settings.js';

const SETTINGS: TlsSettings = { ca: 'CA PEM', versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], psk: { identity: 'd', key: new Uint8Array([1]) } };
const withFault = (name: string) => clientTls(SETTINGS, selectFaults([name], 'client'));

describe('the reference client TLS and its fault switches (§9.2.2)', () => {
  test('without a switch the settings are used as given', () => {
    assert.deepEqual(clientTls(SETTINGS, NO_FAULTS), SETTINGS);
  });

  test('each switch takes away one thing only', () => {
    assert.deepEqual(withFault('trusts-expired-certificate').tolerateCertificateErrors, ['CERT_HAS_EXPIRED']);
    const untrusted = withFault('trusts-untrusted-certificate').tolerateCertificateErrors ?? [];
    assert.ok(untrusted.includes('UNABLE_TO_VERIFY_LEAF_SIGNATURE') && !untrusted.includes('CERT_HAS_EXPIRED'));
    assert.deepEqual(withFault('tls11-off').closeOnVersions, ['TLSv1.1']);
    assert.deepEqual(withFault('tls11-off').versions, SETTINGS.versions);
    assert.equal(withFault('psk-off').psk, undefined);
    assert.equal(withFault('psk-off').ca, 'CA PEM');
    assert.deepEqual(withFault('x509-suites-off').withoutSuites, Object.keys(X509_SUITES));
  });
});
