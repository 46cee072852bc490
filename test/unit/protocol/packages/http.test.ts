import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MEDIA_TYPES,
  SessionSequencer,
  buildMultipartPackage3,
  checkPackage2Response,
  checkPackageRequest,
  getHeader,
  isSupportedRequestType,
  negotiateResponseType,
  parseAccept,
  parseMediaType,
  sessionKey,
  type Violation,
} from '../../../../src/protocol/index.js';

const found = (violations: readonly Violation[]): [string, string][] => violations.map((v) => [v.rule, v.severity]);
const P1 = '{"Alert":[{"AlertType":"urn:oma:at:dm:2.0:ClientInitiatedMgmt"}]}';
const goodHeaders = { 'Content-Type': MEDIA_TYPES.package1, 'OMADM-DevID': 'IMEI:351234567890123', Accept: MEDIA_TYPES.package2 };

describe('media types and headers', () => {
  it('parses a Content-Type with quoted parameters, case-insensitively', () => {
    assert.deepEqual(parseMediaType('Multipart/Form-Data; boundary="a b"; charset=UTF-8'), {
      essence: 'multipart/form-data',
      type: 'multipart',
      subtype: 'form-data',
      params: { boundary: 'a b', charset: 'UTF-8' },
    });
    assert.equal(parseMediaType('not a type'), undefined);
  });
  it('reads headers case-insensitively from records and Headers', () => {
    assert.equal(getHeader({ 'omadm-devid': 'x' }, 'OMADM-DevID'), 'x');
    assert.equal(getHeader({ accept: ['a/b', 'c/d'] }, 'Accept'), 'a/b, c/d');
    assert.equal(getHeader(new Headers({ 'OMADM-DevID': 'y' }), 'omadm-devid'), 'y');
  });
});

describe('Accept / OMADM-Accept and the 406/415 rules (§5.5)', () => {
  it('parses media ranges and q-values', () => {
    assert.deepEqual(parseAccept('application/json;q=0.5, */*;q=0, text/plain').ranges, [
      { type: 'application', subtype: 'json', params: {}, q: 0.5 },
      { type: '*', subtype: '*', params: {}, q: 0 },
      { type: 'text', subtype: 'plain', params: {}, q: 1 },
    ]);
    assert.deepEqual(
      parseAccept('application/json;q=2, */json').violations.map((v) => v.rule),
      ['accept-syntax', 'accept-syntax'],
    );
  });
  it('negotiates Package#2 or answers 406', () => {
    assert.deepEqual(negotiateResponseType(undefined), { ok: true, mediaType: MEDIA_TYPES.package2 });
    assert.deepEqual(negotiateResponseType('application/*'), { ok: true, mediaType: MEDIA_TYPES.package2 });
    assert.deepEqual(negotiateResponseType('application/json'), { ok: false, status: 406 });
    assert.deepEqual(negotiateResponseType(`${MEDIA_TYPES.package2};q=0, */*`), { ok: false, status: 406 });
    assert.deepEqual(negotiateResponseType('text/plain;q=0.2, application/dmmo+json', ['text/plain', MEDIA_TYPES.moData]), {
      ok: true,
      mediaType: MEDIA_TYPES.moData,
    });
  });
  it('tells which request types a server must take (else 415)', () => {
    assert.equal(isSupportedRequestType(`${MEDIA_TYPES.package1}; charset=utf-8`, 1), true);
    assert.equal(isSupportedRequestType('application/json', 1), false);
    assert.equal(isSupportedRequestType('multipart/form-data; boundary=x', 3), true);
    assert.equal(isSupportedRequestType('multipart/form-data', 3), false);
    assert.equal(isSupportedRequestType(undefined, 3), false);
  });
});

describe('checkPackageRequest (§5.2.2, §5.2.4)', () => {
  it('accepts a well-formed Package#1 POST', () => {
    const checked = checkPackageRequest({ method: 'POST', headers: goodHeaders, body: P1 }, 1, { devId: 'IMEI:351234567890123' });
    assert.deepEqual(checked.violations, []);
    assert.ok(checked.package1);
  });
  it('wrong method, content type, missing and wrong OMADM-DevID', () => {
    assert.deepEqual(
      found(
        checkPackageRequest({ method: 'PUT', headers: { ...goodHeaders, 'Content-Type': 'application/json' }, body: P1 }, 1).violations,
      ),
      [
        ['http-method', 'error'],
        ['http-content-type', 'error'],
      ],
    );
    assert.deepEqual(
      found(
        checkPackageRequest({ method: 'POST', headers: { 'Content-Type': MEDIA_TYPES.package1, Accept: '*/*' }, body: P1 }, 1).violations,
      ),
      [['http-devid-missing', 'error']],
    );
    assert.deepEqual(found(checkPackageRequest({ method: 'POST', headers: goodHeaders, body: P1 }, 1, { devId: 'IMEI:1' }).violations), [
      ['http-devid-mismatch', 'error'],
    ]);
  });
  it('a missing Accept is a warning; one excluding Package#2 too', () => {
    const { Accept: _accept, ...noAccept } = goodHeaders;
    assert.deepEqual(found(checkPackageRequest({ method: 'POST', headers: noAccept, body: P1 }, 1).violations), [
      ['http-accept-missing', 'warning'],
    ]);
    assert.deepEqual(
      found(checkPackageRequest({ method: 'POST', headers: { ...goodHeaders, Accept: 'application/json' }, body: P1 }, 1).violations),
      [['http-accept-excludes-package2', 'warning']],
    );
  });
  it('checks a multipart Package#3 against its Package#2', () => {
    const built = buildMultipartPackage3({ Status: [{ sc: 200 }, { sc: 200 }] }, [{ index: 0, mediaType: 'text/plain', body: 'v' }]);
    const headers = { 'Content-Type': built.contentType, 'OMADM-DevID': 'IMEI:1', Accept: '*/*' };
    const package2 = {
      CMD: [
        ['GET', 'urn:a:b//x'],
        ['GET', 'urn:a:b//y'],
      ] as [string, ...string[]][],
    };
    const checked = checkPackageRequest({ method: 'POST', headers, body: built.body }, 3, { package2 });
    assert.deepEqual(found(checked.violations), [['get-data-missing', 'error']]);
    assert.deepEqual([...(checked.parts?.keys() ?? [])], [0]);
  });
  it('a JSON Package#3 answering a Package#2 with END', () => {
    const headers = { 'Content-Type': MEDIA_TYPES.package3, 'OMADM-DevID': 'IMEI:1', Accept: '*/*' };
    const checked = checkPackageRequest({ method: 'POST', headers, body: '{"Status":[{"sc":200}]}' }, 3, { package2: { CMD: [['END']] } });
    assert.deepEqual(found(checked.violations), [['package3-after-end', 'error']]);
  });
});

describe('checkPackage2Response (§5.2.3)', () => {
  const headers = { 'Content-Type': MEDIA_TYPES.package2 };
  it('accepts 200 with a valid Package#2', () => {
    const checked = checkPackage2Response({ status: 200, headers, body: '{"CMD":[["END"]]}' });
    assert.deepEqual(checked.violations, []);
    assert.deepEqual(checked.package2, { CMD: [['END']] });
  });
  it('another 2xx is a warning, anything else an error', () => {
    assert.deepEqual(found(checkPackage2Response({ status: 201, headers, body: '{"CMD":[["END"]]}' }).violations), [
      ['http-status-package2', 'warning'],
    ]);
    assert.deepEqual(found(checkPackage2Response({ status: 500, headers, body: '{"CMD":[["END"]]}' }).violations), [
      ['http-status-package2', 'error'],
    ]);
  });
  it('wrong Content-Type and malformed OMADM-Accept', () => {
    const checked = checkPackage2Response({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'OMADM-Accept': 'text/plain;q=x' },
      body: '{"CMD":[["END"]]}',
    });
    assert.deepEqual(found(checked.violations), [
      ['http-content-type', 'error'],
      ['http-omadm-accept-syntax', 'error'],
    ]);
  });
});

describe('session sequencing (§5.2, §5.3.8, §5.3.9)', () => {
  it('CONT redirects the Package#3 answering its own Package#2 (§5.3.8)', () => {
    const session = new SessionSequencer();
    assert.deepEqual(session.accept({ package: 1, uri: 'https://dms.example/dm' }), []);
    assert.deepEqual(session.accept({ package: 2, body: { CMD: [['CONT', 'https://dms.example/next']] } }), []);
    assert.equal(session.expectedPackage3Uri(), 'https://dms.example/next');
    assert.deepEqual(found(session.accept({ package: 3, uri: 'https://dms.example/dm' })), [['package3-uri-after-cont', 'error']]);
  });
  it('before CONT, Package#3 goes to the Package#1 URI (a warning otherwise, INFERRED)', () => {
    const session = new SessionSequencer();
    session.accept({ package: 1, uri: 'https://dms.example/dm' });
    session.accept({ package: 2, body: { CMD: [['GET', 'urn:a:b//']] } });
    assert.deepEqual(found(session.accept({ package: 3, uri: 'https://dms.example/other' })), [['package3-uri', 'warning']]);
  });
  it('no Package#3 after END, no Package#2 out of turn', () => {
    const session = new SessionSequencer();
    assert.deepEqual(found(session.accept({ package: 2, body: { CMD: [['END']] } })), [['sequence-unexpected-package2', 'error']]);
    session.accept({ package: 1, uri: 'u' });
    session.accept({ package: 2, body: { CMD: [['HGET', 'http://r.example/'], ['END']] } });
    assert.equal(session.state.phase, 'ended');
    assert.deepEqual(found(session.accept({ package: 3, uri: 'u' })), [['package3-after-end', 'error']]);
  });
  it('CONT placeholders match the substituted URI', () => {
    const session = new SessionSequencer({ DevID: 'IMEI:1' });
    session.accept({ package: 1, uri: 'u' });
    session.accept({ package: 2, body: { CMD: [['CONT', 'https://dms.example/[DevID]']] } });
    assert.equal(session.expectedPackage3Uri(), 'https://dms.example/IMEI%3A1');
    assert.deepEqual(session.accept({ package: 3, uri: 'https://dms.example/IMEI%3A1' }), []);
  });
  it('sessions are keyed on OMADM-DevID (§5.2)', () => {
    assert.equal(sessionKey({ 'omadm-devid': ' IMEI:1 ' }), 'IMEI:1');
    assert.equal(sessionKey({}), undefined);
  });
});
