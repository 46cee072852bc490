import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkServerUri, serverUriPlaceholders, substituteServerUri } from '../../../../src/protocol/index.js';

describe('ServerURI placeholders (§6.2)', () => {
  it('substitutes every known placeholder with its URI-encoded value', () => {
    assert.equal(
      substituteServerUri('https://DMcontent.DMserver.operator.com/[DevID]/[MCC]-[MNC]/[SPName]', {
        DevID: 'IMEI:493005100592800',
        MCC: '262',
        MNC: '01',
        SPName: 'Op Co',
      }),
      'https://DMcontent.DMserver.operator.com/IMEI%3A493005100592800/262-01/Op%20Co',
    );
  });
  it('writes -1 for a value the client does not have, and for an unknown placeholder', () => {
    assert.equal(substituteServerUri('http://r.example/[CMCC]/[CMNC]/[Foo]', {}), 'http://r.example/-1/-1/-1');
  });
  it('leaves IPv6 literals alone', () => {
    assert.equal(substituteServerUri('http://[::1]:8080/[DevID]', { DevID: 'x' }), 'http://[::1]:8080/x');
  });
  it('lists the placeholders in order', () => {
    assert.deepEqual(serverUriPlaceholders('http://h/[MCC]/[DevID]'), ['MCC', 'DevID']);
  });
});

describe('checkServerUri (RFC 3986)', () => {
  it('accepts absolute URIs, with placeholders', () => {
    assert.deepEqual(checkServerUri('https://dms.example:8443/dm/[DevID]?uiid=1234#top'), []);
    assert.deepEqual(checkServerUri('http://[2001:db8::1]/x'), []);
  });
  it('rejects relative references and spaces', () => {
    assert.deepEqual(
      checkServerUri('/dm/next').map((v) => v.rule),
      ['server-uri-syntax'],
    );
    assert.deepEqual(
      checkServerUri('http://a b/').map((v) => v.rule),
      ['server-uri-syntax'],
    );
  });
  it('rejects an empty ServerURI', () =>
    assert.deepEqual(
      checkServerUri('').map((v) => v.rule),
      ['server-uri-empty'],
    ));
  it('warns on an unknown placeholder', () => {
    assert.deepEqual(
      checkServerUri('http://h/[Imsi]', '/CMD/0/1').map((v) => [v.rule, v.severity, v.pointer]),
      [['server-uri-unknown-placeholder', 'warning', '/CMD/0/1']],
    );
  });
});
