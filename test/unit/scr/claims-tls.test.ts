import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildClaimsTemplate, ClaimsError, loadEdition, parseClaims, type Claims } from '../../../src/scr/index.js';

const server = JSON.parse(readFileSync('fixtures/claims/reference-server.json', 'utf8')) as Claims;
const client = JSON.parse(readFileSync('fixtures/claims/reference-client.json', 'utf8')) as Claims;

function problemsOf(base: Claims, edit: (claims: Record<string, unknown>) => void): readonly string[] {
  const copy = structuredClone(base) as unknown as Record<string, unknown>;
  edit(copy);
  try {
    parseClaims(JSON.stringify(copy), 'c.json');
  } catch (err) {
    if (err instanceof ClaimsError) return err.problems;
    throw err;
  }
  return [];
}

describe('claims: tls and httpAuth (§9.2)', () => {
  it('accepts a server-role block with a private CA, a client certificate, PSK and credentials from the environment', () => {
    const problems = problemsOf(server, (c) => {
      c['tls'] = {
        caFile: 'ca.pem',
        certFile: 'client.pem',
        keyFile: 'client-key.pem',
        only: true,
        psk: { identity: 'device-1', keyHex: { env: 'DM_PSK' } },
        versions: ['TLSv1.1', 'TLSv1.2'],
        cipherSuites: ['TLS_PSK_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
      };
      c['httpAuth'] = { send: { username: 'device', password: { env: 'DM_PASSWORD' }, scheme: 'digest' } };
    });
    assert.deepEqual(problems, []);
  });

  it('accepts a client-role block with the CA written out and the credentials expected', () => {
    assert.deepEqual(
      problemsOf(client, (c) => {
        c['tls'] = { caOutFile: 'out/ca.pem', versions: ['TLSv1.2'] };
        c['httpAuth'] = { expect: { username: 'device', password: 'pw', schemes: ['digest'] } };
      }),
      [],
    );
  });

  it('refuses unknown versions and suites, duplicates, a bad env name and unbounded strings', () => {
    const problems = problemsOf(server, (c) => {
      c['tls'] = {
        versions: ['SSLv3'],
        cipherSuites: ['TLS_RSA_WITH_RC4_128_MD5'],
        psk: { identity: 'x'.repeat(1025), keyHex: { env: '1BAD' } },
      };
      c['httpAuth'] = { send: { username: '', password: 'p' } };
    });
    for (const pointer of ['/tls/versions/0', '/tls/cipherSuites/0', '/tls/psk/identity', '/tls/psk/keyHex', '/httpAuth/send/username']) {
      assert.ok(
        problems.some((line) => line.startsWith(`c.json ${pointer}`)),
        `${pointer} in ${problems.join(' | ')}`,
      );
    }
  });

  it('beyond the schema: certificate without key, a PSK that is no hex bytes, fields of the other role', () => {
    assert.deepEqual(
      problemsOf(server, (c) => {
        c['tls'] = { certFile: 'c.pem', psk: { identity: 'd', keyHex: 'abc' }, caOutFile: 'ca.pem' };
        c['httpAuth'] = { expect: { username: 'u', password: 'p' } };
      }),
      [
        'c.json /tls/keyFile: certFile and keyFile are given together (pair)',
        'c.json /tls/psk/keyHex: is not 1 to 64 bytes of hex digits (pattern)',
        'c.json /tls/caOutFile: applies only when the implementation under test is a client (role is server) (role)',
        'c.json /httpAuth/expect: applies only when the implementation under test is a client (role is server) (role)',
      ],
    );
    assert.deepEqual(
      problemsOf(client, (c) => {
        c['tls'] = { caFile: 'ca.pem', serverKeyTypes: ['rsa'] };
        c['httpAuth'] = { send: { username: 'u', password: 'p' } };
      }),
      [
        'c.json /tls/caFile: applies only when the implementation under test is a server (role is client) (role)',
        'c.json /httpAuth/send: applies only when the implementation under test is a server (role is client) (role)',
        'c.json /tls/serverKeyTypes: applies only when the implementation under test is a server (role is client) (role)',
      ],
    );
  });

  it("the server's certificate key types (§9.2.2 suites): ECDSA or RSA, at least one, each once", () => {
    assert.deepEqual(
      problemsOf(server, (c) => {
        c['tls'] = { serverKeyTypes: ['ecdsa'] };
      }),
      [],
    );
    for (const keyTypes of [[], ['dsa'], ['rsa', 'rsa']]) {
      const problems = problemsOf(server, (c) => {
        c['tls'] = { serverKeyTypes: keyTypes };
      });
      assert.ok(
        problems.some((line) => line.startsWith('c.json /tls/serverKeyTypes')),
        `${JSON.stringify(keyTypes)}: ${problems.join(' | ')}`,
      );
    }
  });

  it('claims init writes both blocks empty, every field explained', () => {
    const template = buildClaimsTemplate(loadEdition('dm20-2016'), 'server');
    const tls = template['tls'] as { $comment: string[] };
    assert.ok(tls.$comment.some((line) => line.startsWith('caFile (optional, not set):')));
    assert.deepEqual(Object.keys(tls), ['$comment', 'only']);
    const auth = template['httpAuth'] as { $comment: string[] };
    assert.ok(auth.$comment.some((line) => line.startsWith('send (optional, not set):')));
    assert.doesNotThrow(() => parseClaims(JSON.stringify(template), 'template.json'));
  });
});
