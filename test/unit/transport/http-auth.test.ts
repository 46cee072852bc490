import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  basicAuthorization,
  basicVerifies,
  digestAuthorization,
  digestChallenge,
  digestResponse,
  digestVerifies,
  MAX_AUTH_HEADER_CHARS,
  parseAuthHeader,
  readBasic,
} from '../../../src/transport/http-auth.js';

// RFC 7616 §3.9.1: the worked example, with its MD5 and SHA-256 responses.
const RFC7616 = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth' as const,
};

describe('Digest computation (RFC 7616 §3.9.1 test vector)', () => {
  test('MD5 response', () => {
    assert.equal(digestResponse({ ...RFC7616, algorithm: 'MD5' }), '8ca523f5e9506fed4657c9700eebdbec');
  });
  test('SHA-256 response', () => {
    assert.equal(digestResponse({ ...RFC7616, algorithm: 'SHA-256' }), '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });
  test('RFC 2069 form without qop (RFC 2617 §3.2.2.1)', () => {
    const { qop: _qop, cnonce: _c, nc: _n, ...plain } = RFC7616;
    assert.notEqual(digestResponse({ ...plain, algorithm: 'MD5' }), digestResponse({ ...RFC7616, algorithm: 'MD5' }));
  });
  test('the Authorization answering the RFC challenge carries the RFC response', () => {
    const [challenge] = parseAuthHeader(
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
    assert.ok(challenge);
    const answer = digestAuthorization(challenge, RFC7616, { method: 'GET', uri: RFC7616.uri, nc: 1, cnonce: RFC7616.cnonce });
    assert.ok(answer.ok);
    const [sent] = parseAuthHeader(answer.header);
    assert.equal(sent?.params['response'], '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    assert.equal(sent?.params['opaque'], 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS');
  });
  test('a challenge without nonce or with an unknown algorithm cannot be answered', () => {
    const creds = { username: 'u', password: 'p' };
    const request = { method: 'POST', uri: '/dm', nc: 1 };
    assert.equal(digestAuthorization({ scheme: 'digest', params: { realm: 'r' } }, creds, request).ok, false);
    assert.equal(
      digestAuthorization({ scheme: 'digest', params: { realm: 'r', nonce: 'n', algorithm: 'SHA-512-256' } }, creds, request).ok,
      false,
    );
    assert.equal(digestAuthorization({ scheme: 'digest', params: { realm: 'r', nonce: 'n', qop: 'auth-int' } }, creds, request).ok, false);
  });
});

describe('server side: challenge and verification', () => {
  const creds = { username: 'device', password: 'secret' };
  test("a Digest answer to the server's own challenge verifies; a wrong password or a foreign nonce does not", () => {
    const challenge = digestChallenge('dm');
    const [parsed] = parseAuthHeader(challenge.header);
    assert.ok(parsed);
    const issued = (nonce: string) => nonce === challenge.nonce;
    const right = digestAuthorization(parsed, creds, { method: 'POST', uri: '/dm', nc: 1 });
    const wrong = digestAuthorization(parsed, { ...creds, password: 'nope' }, { method: 'POST', uri: '/dm', nc: 1 });
    assert.ok(right.ok && wrong.ok);
    assert.equal(digestVerifies(right.header, creds, { method: 'POST', realm: 'dm', issued }), true);
    assert.equal(digestVerifies(wrong.header, creds, { method: 'POST', realm: 'dm', issued }), false);
    assert.equal(digestVerifies(right.header, creds, { method: 'POST', realm: 'dm', issued: () => false }), false);
    assert.equal(digestVerifies(right.header, creds, { method: 'GET', realm: 'dm', issued }), false);
  });
  test('Basic round trip (RFC 7617), wrong password refused', () => {
    const header = basicAuthorization(creds);
    assert.equal(header, `Basic ${Buffer.from('device:secret').toString('base64')}`);
    assert.deepEqual(readBasic(header), creds);
    assert.equal(basicVerifies(header, creds), true);
    assert.equal(basicVerifies(basicAuthorization({ ...creds, password: 'secreT' }), creds), false);
    assert.equal(basicVerifies(undefined, creds), false);
  });
});

describe('parseAuthHeader', () => {
  test('several challenges in one header', () => {
    const parsed = parseAuthHeader('Basic realm="dm", Digest realm="dm", nonce="a,b", qop="auth"');
    assert.deepEqual(
      parsed.map((c) => [c.scheme, c.params]),
      [
        ['basic', { realm: 'dm' }],
        ['digest', { realm: 'dm', nonce: 'a,b', qop: 'auth' }],
      ],
    );
  });
  test('quoted-pair escapes are undone', () => {
    assert.equal(parseAuthHeader('Digest realm="a\\"b"')[0]?.params['realm'], 'a"b');
  });
  test('an oversized or broken header gives nothing', () => {
    assert.deepEqual(parseAuthHeader(`Digest realm="${'x'.repeat(MAX_AUTH_HEADER_CHARS)}"`), []);
    assert.deepEqual(parseAuthHeader('Digest realm="unterminated'), []);
    assert.deepEqual(
      parseAuthHeader(
        Array.from({ length: 100 }, (_, i) => `p${i}=v`)
          .join(', ')
          .replace(/^/, 'Digest '),
      ),
      [],
    );
  });
});
