import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClientHttp } from '../../../../src/reference/client/client-http.js';
import { ClientStateStore } from '../../../../src/reference/client/client-state-store.js';
import { clientTls, plainHttpRefusal, requiresTls } from '../../../../src/reference/client/client-tls.js';
import { TraceRecorder } from '../../../../src/harness/trace-recorder.js';
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

describe('the reference client refuses plain-HTTP DM servers when it has TLS (§9.2.2)', () => {
  const post = async (requireTls: boolean) => {
    const recorder = new TraceRecorder();
    const http = new ClientHttp(recorder, { timeoutMs: 1000, maxResponseBytes: 1024 }, new ClientStateStore('IMEI:1', []), {
      requireTls,
    });
    // Port 1 on loopback: nothing listens, so an exchange that is tried ends as a connection error.
    const outcome = await http.post('Package#1', { method: 'POST', url: 'http://127.0.0.1:1/dm', body: 'x' });
    return { outcome, requests: recorder.toEvidence().messages.filter((m) => m.kind === 'http-request').length };
  };

  test('a client with TLS sends nothing to an http: server URL', async () => {
    const { outcome, requests } = await post(true);
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.kind === 'refused' ? outcome.detail : '', /plain HTTP/);
    assert.equal(requests, 0);
  });

  test('without TLS the http: URL is tried', async () => {
    const { outcome, requests } = await post(false);
    assert.equal(outcome.kind, 'connection-error');
    assert.equal(requests, 1);
  });

  test('only http: URLs of a client with TLS are refused', () => {
    assert.equal(plainHttpRefusal('https://dm.test/dm', true), undefined);
    assert.equal(plainHttpRefusal('http://dm.test/dm', false), undefined);
    assert.ok(plainHttpRefusal('HTTP://dm.test/dm', true)?.includes('plain HTTP'));
  });

  test('the talks-plain-http switch, and no TLS, lift the refusal', () => {
    assert.equal(requiresTls(SETTINGS, NO_FAULTS), true);
    assert.equal(requiresTls(undefined, NO_FAULTS), false);
    assert.equal(requiresTls(SETTINGS, selectFaults(['talks-plain-http'], 'client')), false);
    assert.equal(withFault('talks-plain-http').versions, SETTINGS.versions);
  });
});
