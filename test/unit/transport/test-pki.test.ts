import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, test } from 'node:test';
import { createTestPki } from '../../../src/transport/test-pki.js';

const NOW = new Date('2026-12-07T12:00:00Z');

describe('createTestPki', async () => {
  const pki = await createTestPki({ now: () => NOW, hosts: ['dm.example'] });
  const ca = new X509Certificate(pki.ca.cert);
  const server = new X509Certificate(pki.server.cert);

  test('the leaves chain to the CA; the untrusted one does not', () => {
    assert.equal(ca.ca, true);
    assert.equal(server.verify(ca.publicKey), true);
    assert.equal(new X509Certificate(pki.client.cert).verify(ca.publicKey), true);
    assert.equal(new X509Certificate(pki.expiredServer.cert).verify(ca.publicKey), true);
    assert.equal(new X509Certificate(pki.untrustedServer.cert).verify(ca.publicKey), false);
    assert.equal(new X509Certificate(pki.untrustedServer.cert).verify(new X509Certificate(pki.untrustedCa.cert).publicKey), true);
  });

  test('the server certificate names loopback, localhost and the extra hosts', () => {
    assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(server.checkHost('localhost'), 'localhost');
    assert.equal(server.checkHost('dm.example'), 'dm.example');
    assert.equal(server.checkHost('elsewhere.example'), undefined);
  });

  test('short-lived: valid now for a day; the expired one ended before now', () => {
    assert.ok(new Date(server.validFrom) <= NOW && new Date(server.validTo) > NOW);
    assert.ok(new Date(server.validTo).getTime() - NOW.getTime() <= 24 * 60 * 60 * 1000);
    assert.ok(new Date(new X509Certificate(pki.expiredServer.cert).validTo) < NOW);
  });

  test('keys are PKCS#8 PEM matching their certificates (ECDSA P-256)', () => {
    assert.match(pki.server.key, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(server.checkPrivateKey(createPrivateKey(pki.server.key)), true);
    assert.equal(server.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  });

  test('the RSA server certificate: RSA 2048, same CA, names and validity as the ECDSA one, made once', async () => {
    const pem = await pki.rsaServer();
    const rsa = new X509Certificate(pem.cert);
    assert.equal(rsa.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(rsa.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(rsa.checkPrivateKey(createPrivateKey(pem.key)), true);
    assert.equal(rsa.verify(ca.publicKey), true);
    assert.equal(rsa.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(rsa.checkHost('dm.example'), 'dm.example');
    assert.equal(rsa.validTo, server.validTo);
    assert.match(rsa.keyUsage?.join(',') ?? '', /serverAuth|1\.3\.6\.1\.5\.5\.7\.3\.1/);
    assert.equal(await pki.rsaServer(), pem, 'kept, not made again');
  });

  test('the RSA expired and untrusted certificates: like their ECDSA namesakes, with an RSA key, made once', async () => {
    const rsa = await pki.rsa();
    const expired = new X509Certificate(rsa.expiredServer.cert);
    const untrusted = new X509Certificate(rsa.untrustedServer.cert);
    for (const cert of [expired, untrusted]) {
      assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
      assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
      assert.equal(cert.checkHost('dm.example'), 'dm.example');
    }
    assert.equal(expired.checkPrivateKey(createPrivateKey(rsa.expiredServer.key)), true);
    assert.equal(untrusted.checkPrivateKey(createPrivateKey(rsa.untrustedServer.key)), true);
    assert.equal(expired.verify(ca.publicKey), true);
    assert.ok(new Date(expired.validTo) < NOW);
    assert.equal(untrusted.verify(ca.publicKey), false);
    assert.equal(untrusted.verify(new X509Certificate(pki.untrustedCa.cert).publicKey), true);
    assert.equal(untrusted.validTo, server.validTo);
    assert.equal(await pki.rsa(), rsa, 'kept, not made again');
    assert.equal(await pki.rsaServer(), rsa.server);
  });

  test('each run makes a new CA; its RSA certificates are its own, over the one RSA key of the process', async () => {
    const other = await createTestPki({ now: () => NOW });
    assert.notEqual(other.ca.cert, pki.ca.cert);
    const [mine, theirs] = [await pki.rsa(), await other.rsa()];
    assert.notEqual(theirs.server.cert, mine.server.cert);
    assert.equal(new X509Certificate(theirs.server.cert).verify(new X509Certificate(other.ca.cert).publicKey), true);
    assert.equal(theirs.server.key, mine.server.key);
  });
});
