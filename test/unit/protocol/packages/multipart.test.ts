import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PackageBuildError, buildMultipartPackage3, parseMultipartPackage3, type Violation } from '../../../../src/protocol/index.js';

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const rules = (violations: readonly Violation[]) => violations.map((v) => v.rule);
const CT = 'multipart/form-data; boundary=b';
const P3 = 'Content-Type: application/vnd.oma.dm.response+json';

describe('multipart Package#3 (App F)', () => {
  it('builds the App F layout and reads it back', () => {
    const built = buildMultipartPackage3(
      { Status: [{ sc: 200 }, { sc: 404 }, { sc: 200 }] },
      [
        { index: 0, mediaType: 'text/plain', body: 'IMEI:351234567890123' },
        {
          index: 2,
          mediaType: 'application/dmmo+json',
          body: '[{"ClientURI":"urn:oma:mo:oma-sessioninfomo:1.0//","MOData":{"SessionInfo":{"CBT":1}}}]',
        },
      ],
      'simple_boundary',
    );
    assert.equal(built.contentType, 'multipart/form-data; boundary=simple_boundary');
    assert.equal(
      text(built.body),
      [
        '--simple_boundary',
        'Content-Disposition: form-data',
        P3,
        '',
        '{"Status":[{"sc":200},{"sc":404},{"sc":200}]}',
        '--simple_boundary',
        'Content-Disposition: form-data; name="0"',
        'Content-Type: text/plain',
        '',
        'IMEI:351234567890123',
        '--simple_boundary',
        'Content-Disposition: form-data; name="2"',
        'Content-Type: application/dmmo+json',
        '',
        '[{"ClientURI":"urn:oma:mo:oma-sessioninfomo:1.0//","MOData":{"SessionInfo":{"CBT":1}}}]',
        '--simple_boundary--',
        '',
      ].join('\r\n'),
    );
    const parsed = parseMultipartPackage3(built.contentType, built.body);
    assert.deepEqual(parsed.violations, []);
    assert.deepEqual(parsed.package3, { Status: [{ sc: 200 }, { sc: 404 }, { sc: 200 }] });
    assert.deepEqual([...parsed.parts.keys()], [0, 2]);
    assert.equal(text(parsed.parts.get(0)?.body ?? new Uint8Array()), 'IMEI:351234567890123');
  });
  it('keeps binary part bodies byte-exact, CRLF inside included', () => {
    const body = new Uint8Array([0, 13, 10, 45, 45, 255]);
    const built = buildMultipartPackage3({ Status: [{ sc: 200 }] }, [{ index: 0, mediaType: 'application/octet-stream', body }]);
    assert.deepEqual(parseMultipartPackage3(built.contentType, built.body).parts.get(0)?.body, body);
  });
  it('the builder refuses a part for a status other than 200, and a boundary found in a body', () => {
    assert.throws(
      () => buildMultipartPackage3({ Status: [{ sc: 404 }] }, [{ index: 0, mediaType: 'text/plain', body: 'x' }]),
      PackageBuildError,
    );
    assert.throws(
      () => buildMultipartPackage3({ Status: [{ sc: 200 }] }, [{ index: 0, mediaType: 'text/plain', body: 'a\r\n--b' }], 'b'),
      PackageBuildError,
    );
  });
  it('reads a preamble and LF line breaks (with a warning)', () => {
    const body = encoder.encode(
      `preamble\n--b\nContent-Disposition: form-data\n${P3}\n\n{"Status":[{"sc":200}]}\n--b\nContent-Disposition: form-data; name="0"\nContent-Type: text/plain\n\nv\n--b--\n`,
    );
    const parsed = parseMultipartPackage3(CT, body);
    assert.deepEqual(rules(parsed.violations), ['multipart-bare-lf']);
    assert.equal(text(parsed.parts.get(0)?.body ?? new Uint8Array()), 'v');
  });
});

describe('malformed multipart Package#3', () => {
  const wrap = (...parts: string[]) => encoder.encode(`${parts.map((p) => `--b\r\n${p}\r\n`).join('')}--b--\r\n`);
  const first = `Content-Disposition: form-data\r\n${P3}\r\n\r\n{"Status":[{"sc":200},{"sc":404}]}`;
  const check = (body: Uint8Array, contentType = CT) => rules(parseMultipartPackage3(contentType, body).violations);

  it('wrong Content-Type or no boundary', () => {
    assert.deepEqual(check(wrap(first), 'application/json'), ['multipart-content-type']);
    assert.deepEqual(check(wrap(first), 'multipart/form-data'), ['multipart-boundary']);
  });
  it('no delimiter at all', () => assert.deepEqual(check(encoder.encode('{"Status":[]}')), ['multipart-no-delimiter']));
  it('no closing delimiter', () => assert.deepEqual(check(encoder.encode(`--b\r\n${first}`)), ['multipart-unterminated']));
  it('a part without the empty line after its headers', () => {
    assert.deepEqual(check(encoder.encode(`--b\r\nContent-Type: text/plain\r\n--b--\r\n`)), ['multipart-part-headers']);
  });
  it('first part not the Package#3', () => {
    assert.ok(
      check(wrap('Content-Disposition: form-data\r\nContent-Type: text/plain\r\n\r\n{"Status":[]}')).includes('multipart-package3-type'),
    );
  });
  it('data part names: not an index, duplicate, out of range, status not 200', () => {
    assert.deepEqual(check(wrap(first, 'Content-Disposition: form-data; name="x"\r\nContent-Type: text/plain\r\n\r\nv')), [
      'multipart-part-name',
    ]);
    assert.deepEqual(
      check(
        wrap(
          first,
          'Content-Disposition: form-data; name="0"\r\nContent-Type: text/plain\r\n\r\nv',
          'Content-Disposition: form-data; name="0"\r\nContent-Type: text/plain\r\n\r\nw',
        ),
      ),
      ['multipart-part-duplicate'],
    );
    assert.deepEqual(check(wrap(first, 'Content-Disposition: form-data; name="5"\r\nContent-Type: text/plain\r\n\r\nv')), [
      'multipart-part-index-range',
    ]);
    assert.deepEqual(check(wrap(first, 'Content-Disposition: form-data; name="1"\r\nContent-Type: text/plain\r\n\r\nv')), [
      'multipart-part-status',
    ]);
  });
  it('a data part without Content-Type is read as text/plain, with a warning', () => {
    const parsed = parseMultipartPackage3(CT, wrap(first, 'Content-Disposition: form-data; name="0"\r\n\r\nv'));
    assert.deepEqual(rules(parsed.violations), ['multipart-part-content-type-missing']);
    assert.equal(parsed.parts.get(0)?.mediaType, 'text/plain');
  });
  it('a dmmo+json part is validated, its findings pointing into the part', () => {
    const parsed = parseMultipartPackage3(
      CT,
      wrap(first, 'Content-Disposition: form-data; name="0"\r\nContent-Type: application/dmmo+json\r\n\r\n[{"ClientURI":"urn:a:b//"}]'),
    );
    assert.deepEqual(
      parsed.violations.map((v) => [v.rule, v.pointer]),
      [['mo-data-modata-missing', '/parts/0/0/MOData']],
    );
  });
  it('a multipart with no data part is a warning', () => {
    assert.deepEqual(
      parseMultipartPackage3(CT, wrap(first)).violations.map((v) => [v.rule, v.severity]),
      [['multipart-without-data', 'warning']],
    );
  });
});
