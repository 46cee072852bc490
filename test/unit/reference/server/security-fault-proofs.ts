import assert from 'node:assert/strict';
import { TraceRecorder } from '../../../../src/harness/trace-recorder.js';
import { startReferenceServer } from '../../../../src/reference/server/index.js';
import { basicAuthorization, digestAuthorization, parseAuthHeader } from '../../../../src/transport/http-auth.js';
import { probeTls } from '../../../../src/transport/tls-probe.js';
import { createTestPki, type TestPki } from '../../../../src/transport/test-pki.js';
import { PSK_SUITES, X509_SUITES, type TlsSettings } from '../../../../src/transport/tls-settings.js';
import { selectFaults, type ServerFaultName } from '../../../../src/reference/faults/index.js';
import { httpAuthGate } from '../../../../src/reference/server/http-auth-gate.js';

const PSK = { identity: 'device', key: Buffer.alloc(16, 7) };
const CREDENTIALS = { username: 'device', password: 'pw' };
let pki: Promise<TestPki> | undefined;

/** A reference server over TLS with HTTP authentication and `faults` on, for one check; stopped after it. */
async function withServer(faults: string[], check: (dmUrl: string, ca: string) => Promise<void>): Promise<void> {
  const certificates = await (pki ??= createTestPki());
  const { server, ca } = certificates;
  const tls = { ...server, rsa: await certificates.rsaServer(), psk: PSK };
  const started = await startReferenceServer({ print: () => undefined, faults, tls, httpAuth: CREDENTIALS });
  try {
    await check(started.dmUrl, ca.cert);
  } finally {
    await started.stop();
  }
}

async function handshakes(dmUrl: string, settings: TlsSettings): Promise<string | undefined> {
  const outcome = await probeTls(new TraceRecorder(), dmUrl, settings, { label: 'probe', timeoutMs: 5000 });
  return outcome.ok ? outcome.tls.protocol : undefined;
}

/** The suites of `suites` (IANA names) a TLS 1.2 handshake completes with when offered alone. */
async function suitesAccepted(dmUrl: string, settings: TlsSettings, suites: readonly string[]): Promise<string[]> {
  const accepted: string[] = [];
  for (const suite of suites) {
    const outcome = await probeTls(
      new TraceRecorder(),
      dmUrl,
      { ...settings, versions: ['TLSv1.2'], suites: [suite] },
      { label: suite, timeoutMs: 5000 },
    );
    if (outcome.ok && outcome.tls.suite === suite) accepted.push(suite);
  }
  return accepted;
}

const ALL_PSK = Object.keys(PSK_SUITES);
const ALL_X509 = Object.keys(X509_SUITES);

/**
 * The status the DM endpoint's authentication gives a POST carrying `authorization` (a function of
 * the gate's challenge): 401, or 0 when it lets the request through. The gate is called directly:
 * an HTTP request would go to the msw interceptor these proofs run under.
 */
function statusWith(faults: string[], authorization: (challenge: string) => string): number {
  const gate = httpAuthGate(CREDENTIALS, selectFaults<ServerFaultName>(faults, 'server'));
  const first = gate('POST', {}, 0, '/dm');
  assert.equal(first?.status, 401, 'no credentials: challenged');
  return gate('POST', { authorization: authorization(first?.headers?.['www-authenticate'] ?? '') }, 0, '/dm')?.status ?? 0;
}

function wrongDigest(challenge: string): string {
  const digest = parseAuthHeader(challenge).find((c) => c.scheme === 'digest');
  assert.ok(digest);
  const answer = digestAuthorization(digest, { ...CREDENTIALS, password: 'wrong' }, { method: 'POST', uri: '/dm', nc: 1 });
  assert.ok(answer.ok);
  return answer.header;
}

/** Proofs of the transport-security switches (§9.2), each against a clean server too. */
export const securityProofs: Record<string, () => Promise<void>> = {
  async 'auth-accepts-wrong-basic'() {
    const wrong = () => basicAuthorization({ ...CREDENTIALS, password: 'wrong' });
    assert.equal(statusWith([], wrong), 401);
    assert.equal(
      statusWith([], () => basicAuthorization(CREDENTIALS)),
      0,
      'the right password is let in',
    );
    assert.equal(statusWith(['auth-accepts-wrong-basic'], wrong), 0, 'a wrong password is let in');
    assert.equal(statusWith(['auth-accepts-wrong-basic'], wrongDigest), 401, 'Digest still checked');
    await Promise.resolve();
  },
  async 'auth-accepts-wrong-digest'() {
    assert.equal(statusWith([], wrongDigest), 401);
    assert.equal(statusWith(['auth-accepts-wrong-digest'], wrongDigest), 0, 'a wrong Digest answer is let in');
    assert.equal(
      statusWith(['auth-accepts-wrong-digest'], () => basicAuthorization({ ...CREDENTIALS, password: 'wrong' })),
      401,
      'Basic still checked',
    );
    await Promise.resolve();
  },
  async 'tls-no-tls11'() {
    await withServer([], async (url, ca) => assert.equal(await handshakes(url, { ca, versions: ['TLSv1.1'] }), 'TLSv1.1'));
    await withServer(['tls-no-tls11'], async (url, ca) => {
      assert.equal(await handshakes(url, { ca, versions: ['TLSv1.1'] }), undefined);
      assert.equal(await handshakes(url, { ca, versions: ['TLSv1'] }), 'TLSv1');
      assert.equal(await handshakes(url, { ca, versions: ['TLSv1.2'] }), 'TLSv1.2');
    });
  },
  async 'tls-no-psk'() {
    const psk: TlsSettings = { psk: PSK, versions: ['TLSv1.2'], suites: Object.keys(PSK_SUITES), acceptAnyCertificate: true };
    await withServer([], async (url) => assert.equal(await handshakes(url, psk), 'TLSv1.2'));
    await withServer(['tls-no-psk'], async (url, ca) => {
      assert.equal(await handshakes(url, psk), undefined);
      assert.equal(await handshakes(url, { ca, versions: ['TLSv1.2'] }), 'TLSv1.2', 'X.509 mode still works');
    });
  },
  async 'tls-no-x509-suites'() {
    const x509 = (ca: string): TlsSettings => ({ ca, versions: ['TLSv1.2'], suites: Object.keys(X509_SUITES) });
    await withServer([], async (url, ca) => assert.equal(await handshakes(url, x509(ca)), 'TLSv1.2'));
    await withServer(['tls-no-x509-suites'], async (url, ca) => {
      assert.equal(await handshakes(url, x509(ca)), undefined);
      assert.equal(await handshakes(url, { ca, versions: ['TLSv1.2'] }), 'TLSv1.2', 'other suites still work');
    });
  },
  async 'psk-suite-missing'() {
    const psk: TlsSettings = { psk: PSK, acceptAnyCertificate: true };
    await withServer([], async (url) =>
      assert.deepEqual(await suitesAccepted(url, psk, ALL_PSK), ALL_PSK, 'all seven, RSA_PSK on the RSA certificate'),
    );
    await withServer(['psk-suite-missing'], async (url, ca) => {
      const missing = 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256';
      assert.deepEqual(
        await suitesAccepted(url, psk, ALL_PSK),
        ALL_PSK.filter((suite) => suite !== missing),
      );
      assert.deepEqual(await suitesAccepted(url, { ca }, ALL_X509), ALL_X509, 'the X.509 suites untouched');
    });
  },
  async 'x509-suite-missing'() {
    await withServer([], async (url, ca) =>
      assert.deepEqual(await suitesAccepted(url, { ca }, ALL_X509), ALL_X509, 'all six, ECDSA and RSA'),
    );
    await withServer(['x509-suite-missing'], async (url, ca) => {
      const missing = 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256';
      assert.deepEqual(
        await suitesAccepted(url, { ca }, ALL_X509),
        ALL_X509.filter((suite) => suite !== missing),
      );
      assert.deepEqual(await suitesAccepted(url, { psk: PSK, acceptAnyCertificate: true }, ALL_PSK), ALL_PSK, 'the PSK suites untouched');
    });
  },
};
