import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { constants as cryptoConstants } from 'node:crypto';
import { type ServedEndpoint, type TlsConnectionEvent, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { request } from '../../../src/transport/http-client.js';
import { createTestPki, type TestPki } from '../../../src/transport/test-pki.js';
import { serverTlsOptions, versionHoles, X509_SUITES, type TlsSettings } from '../../../src/transport/tls-settings.js';

const ORIGIN = 'http://tls.test';
const handlers = [http.post(`${ORIGIN}/dm`, () => HttpResponse.json({ ok: true }))];
const PSK = { identity: 'device-1', key: Buffer.from('00112233445566778899aabbccddeeff', 'hex') };

let pki: TestPki;
const served: ServedEndpoint[] = [];

async function serve(
  settings: Partial<TlsSettings> & { cert?: string; key?: string } = {},
): Promise<{ url: string; recorder: TraceRecorder }> {
  const recorder = new TraceRecorder();
  const endpoint = await serveHandlers(handlers, { origin: ORIGIN, recorder, tls: serverTlsOptions({ ...pki.server, ...settings }) });
  served.push(endpoint);
  return { url: `${endpoint.url}/dm`, recorder };
}

function notes(recorder: TraceRecorder): string[] {
  return recorder.messages.filter((message) => message.kind === 'note').map((message) => message.label);
}

before(async () => {
  pki = await createTestPki();
});
after(async () => {
  await Promise.all(served.map((endpoint) => endpoint.close()));
});

describe('HTTPS with dmct TLS settings (§9.2.2)', () => {
  test('trusting the private CA: answered, and the negotiated version and suite are recorded on both sides', async () => {
    const { url, recorder: serverSide } = await serve();
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+\/dm$/);
    const recorder = new TraceRecorder();
    const outcome = await request(recorder, {
      method: 'POST',
      url,
      label: 'Package#1',
      tls: { ca: pki.ca.cert, suites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
    });
    assert.equal(outcome.kind, 'response');
    assert.equal(outcome.kind === 'response' && outcome.status, 200);
    assert.deepEqual(outcome.kind === 'response' && outcome.tls, {
      protocol: 'TLSv1.2',
      suite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      peer: 'dmct test server',
    });
    assert.ok(
      notes(recorder).includes('Package#1: TLS TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (peer certificate CN=dmct test server)'),
    );
    assert.ok(notes(serverSide).some((label) => label.startsWith('TLS TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')));
  });

  test('an untrusted, expired or unknown-CA certificate is a connection error before anything is sent', async () => {
    const trusted = await serve();
    const expired = await serve(pki.expiredServer);
    const foreign = await serve(pki.untrustedServer);
    const cases: [string, TlsSettings, RegExp][] = [
      [trusted.url, {}, /TLS not established: (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/],
      [expired.url, { ca: pki.ca.cert }, /TLS not established: CERT_HAS_EXPIRED/],
      [foreign.url, { ca: pki.ca.cert }, /TLS not established: (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/],
    ];
    for (const [url, tls, detail] of cases) {
      const outcome = await request(new TraceRecorder(), { method: 'POST', url, label: 'Package#1', tls });
      assert.equal(outcome.kind, 'connection-error');
      assert.match(outcome.kind === 'connection-error' ? outcome.detail : '', detail);
    }
    const lax = await request(new TraceRecorder(), {
      method: 'POST',
      url: foreign.url,
      label: 'Package#1',
      tls: { acceptAnyCertificate: true },
    });
    assert.equal(lax.kind, 'response');
  });

  test('offered versions bound the handshake; TLS 1.0 and 1.1 are reachable at security level 0 with the PSK CBC suites', async () => {
    const only12 = await serve({ versions: ['TLSv1.2'], psk: PSK });
    const refused = await request(new TraceRecorder(), {
      method: 'POST',
      url: only12.url,
      label: 'probe',
      tls: { psk: PSK, versions: ['TLSv1.1'] },
    });
    assert.equal(refused.kind, 'connection-error');
    // Every X.509 suite of §9.2.2 is TLS 1.2 only (SHA-256 MAC or GCM); the PSK CBC-SHA256 suites are not.
    const x509Only = await request(new TraceRecorder(), {
      method: 'POST',
      url: (await serve()).url,
      label: 'probe',
      tls: { ca: pki.ca.cert, versions: ['TLSv1.1'], suites: Object.keys(X509_SUITES) },
    });
    assert.equal(x509Only.kind, 'connection-error');
    // Without a suite list OpenSSL's defaults (at level 0) reach TLS 1.1 with the same certificate.
    const legacy = await request(new TraceRecorder(), {
      method: 'POST',
      url: (await serve()).url,
      label: 'probe',
      tls: { ca: pki.ca.cert, versions: ['TLSv1.1'] },
    });
    assert.equal(legacy.kind === 'response' && legacy.tls?.protocol, 'TLSv1.1');
    const all = await serve({ psk: PSK });
    for (const version of ['TLSv1', 'TLSv1.1'] as const) {
      const outcome = await request(new TraceRecorder(), {
        method: 'POST',
        url: all.url,
        label: 'probe',
        tls: { psk: PSK, versions: [version], suites: ['TLS_PSK_WITH_AES_128_CBC_SHA256'] },
      });
      assert.equal(outcome.kind === 'response' && outcome.tls?.protocol, version);
    }
  });

  test('PSK-TLS with a §9.2.2 PSK suite; a wrong key fails the handshake', async () => {
    const { url } = await serve({ psk: PSK, suites: ['TLS_PSK_WITH_AES_128_CBC_SHA256'], versions: ['TLSv1.2'] });
    const outcome = await request(new TraceRecorder(), {
      method: 'POST',
      url,
      label: 'Package#1',
      tls: { psk: PSK, suites: ['TLS_PSK_WITH_AES_128_CBC_SHA256'], versions: ['TLSv1.2'] },
    });
    assert.equal(outcome.kind === 'response' && outcome.tls?.suite, 'TLS_PSK_WITH_AES_128_CBC_SHA256');
    const wrong = await request(new TraceRecorder(), {
      method: 'POST',
      url,
      label: 'Package#1',
      tls: { psk: { ...PSK, key: Buffer.alloc(16) }, suites: ['TLS_PSK_WITH_AES_128_CBC_SHA256'], versions: ['TLSv1.2'] },
    });
    assert.equal(wrong.kind, 'connection-error');
  });
});

describe('client-side checks of the reference client faults and version holes (§9.2.2)', () => {
  test('tolerated verification errors let only those certificates through', async () => {
    const expired = await serve(pki.expiredServer);
    const foreign = await serve(pki.untrustedServer);
    const send = (url: string, tolerate: string[]) =>
      request(new TraceRecorder(), { method: 'POST', url, label: 'probe', tls: { ca: pki.ca.cert, tolerateCertificateErrors: tolerate } });
    assert.equal((await send(expired.url, ['CERT_HAS_EXPIRED'])).kind, 'response');
    const foreignRefused = await send(foreign.url, ['CERT_HAS_EXPIRED']);
    assert.equal(foreignRefused.kind, 'connection-error');
    assert.match(foreignRefused.kind === 'connection-error' ? foreignRefused.detail : '', /certificate verification failed/);
    assert.equal((await send(foreign.url, ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN'])).kind, 'response');
    assert.equal((await send(expired.url, ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN'])).kind, 'connection-error');
  });

  test('a version hole is closed on the server side; a client closes a connection of a refused version', async () => {
    assert.equal(versionHoles(['TLSv1', 'TLSv1.2']), cryptoConstants.SSL_OP_NO_TLSv1_1);
    assert.equal(versionHoles(['TLSv1', 'TLSv1.1', 'TLSv1.2']), 0);
    const holed = await serve({ versions: ['TLSv1', 'TLSv1.2'] });
    const send = (url: string, tls: TlsSettings) => request(new TraceRecorder(), { method: 'POST', url, label: 'probe', tls });
    assert.equal((await send(holed.url, { ca: pki.ca.cert, versions: ['TLSv1.1'] })).kind, 'connection-error');
    const only11 = await serve({ versions: ['TLSv1.1'] });
    const refused = await send(only11.url, { ca: pki.ca.cert, closeOnVersions: ['TLSv1.1'] });
    assert.match(refused.kind === 'connection-error' ? refused.detail : '', /TLS version TLSv1.1 refused/);
    const only12 = await serve({ versions: ['TLSv1.2'] });
    assert.equal((await send(only12.url, { ca: pki.ca.cert, closeOnVersions: ['TLSv1.1'] })).kind, 'response');
  });

  test('setSecureContext changes what new connections are offered, and onTls tells each outcome', async () => {
    const events: TlsConnectionEvent[] = [];
    const endpoint = await serveHandlers(handlers, {
      origin: ORIGIN,
      tls: serverTlsOptions(pki.server),
      onTls: (event) => events.push(event),
    });
    served.push(endpoint);
    const send = () =>
      request(new TraceRecorder(), { method: 'POST', url: `${endpoint.url}/dm`, label: 'probe', tls: { ca: pki.ca.cert } });
    assert.equal((await send()).kind, 'response');
    endpoint.setSecureContext?.(serverTlsOptions({ ...pki.untrustedServer }));
    assert.equal((await send()).kind, 'connection-error');
    endpoint.setSecureContext?.(serverTlsOptions({ ...pki.server, versions: ['TLSv1.1'] }));
    const legacy = await send();
    assert.equal(legacy.kind === 'response' && legacy.tls?.protocol, 'TLSv1.1');
    // Node's client verifies after the handshake, so the refused connection may look complete to the server.
    assert.equal(events.length, 3);
    const last = events[2];
    assert.equal(last?.ok === true && last.tls.protocol, 'TLSv1.1');
  });

  test('setSecureContext cuts a connection accepted under the old offer whose handshake has not begun', async () => {
    const endpoint = await serveHandlers(handlers, { origin: ORIGIN, tls: serverTlsOptions(pki.server) });
    served.push(endpoint);
    // The TCP connection is accepted under the trusted offer; the client's hello comes after the change.
    const raw = net.connect({ host: '127.0.0.1', port: endpoint.port });
    await once(raw, 'connect');
    await new Promise<void>((resolve) => setImmediate(resolve));
    endpoint.setSecureContext?.(serverTlsOptions({ ...pki.expiredServer }));
    const secured = tls.connect({ socket: raw, ca: pki.ca.cert, servername: 'localhost' });
    const outcome = await new Promise<string>((resolve) => {
      secured.once('secureConnect', () => resolve(`handshake completed, peer ${secured.getPeerCertificate().subject?.CN ?? '?'}`));
      secured.once('error', (error) => resolve(`refused: ${error.message}`));
      secured.once('close', () => resolve('closed'));
    });
    secured.destroy();
    // Completed under the old (trusted) certificate, it would carry a request the client never sent under the new one.
    assert.doesNotMatch(outcome, /handshake completed/);
  });

  test('setSecureContext cuts a request still in flight on a connection of the old offer', async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = [
      http.post(`${ORIGIN}/dm`, async () => {
        entered();
        await released;
        return HttpResponse.json({ ok: true });
      }),
    ];
    const endpoint = await serveHandlers(holding, { origin: ORIGIN, tls: serverTlsOptions(pki.server) });
    served.push(endpoint);
    const inFlight = request(new TraceRecorder(), { method: 'POST', url: `${endpoint.url}/dm`, label: 'late', tls: { ca: pki.ca.cert } });
    await inHandler;
    endpoint.setSecureContext?.(serverTlsOptions({ ...pki.expiredServer }));
    release();
    // The answer would have gone out over a connection the client accepted under the old certificate.
    assert.equal((await inFlight).kind, 'connection-closed');
  });
});
