import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPackage2, PackageBuildError, parsePackage2, validatePackage2, type Violation } from '../../../../src/protocol/index.js';

const found = (violations: readonly Violation[]): [string, string | undefined, string][] =>
  violations.map((v) => [v.rule, v.pointer, v.severity]);

describe('validatePackage2 (§5.3, §7.2.1.2)', () => {
  it('accepts the digest example', () => {
    assert.deepEqual(
      validatePackage2({
        CMD: [['HGET', 'http://repo.example/mo1', 'urn:oma:mo:oma-dcmo:1.0//'], ['GET', 'urn:oma:mo:oma-sessioninfomo:1.0//CBT'], ['END']],
      }),
      [],
    );
  });
  it('names an unknown command by index', () => {
    assert.deepEqual(
      found(validatePackage2({ CMD: [['END'], ['FETCH', 'x']] })).filter(([rule]) => rule === 'command-unknown'),
      [['command-unknown', '/CMD/1/0', 'error']],
    );
  });
  it('hints at upper case for a lower-case name', () => {
    const [violation] = validatePackage2({ CMD: [['hget', 'http://r.example/']] });
    assert.match(violation?.message ?? '', /upper case: HGET/);
  });
  it('reports a wrong parameter count at the command', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [['DELETE']] })), [['command-param-count', '/CMD/0', 'error']]);
    assert.deepEqual(found(validatePackage2({ CMD: [['HGET', 'http://a.example/', 'urn:a:b//', 'urn:a:b//']] })), [
      ['command-param-count', '/CMD/0', 'error'],
    ]);
    assert.deepEqual(found(validatePackage2({ CMD: [['END', 'x']] })), [['command-param-count', '/CMD/0', 'error']]);
  });
  it('reports a non-string parameter at the parameter, and still checks the other commands', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [['EXEC', 'urn:a:b/c/d', 7], ['NOPE']] })), [
      ['command-param-not-string', '/CMD/0/2', 'error'],
      ['command-unknown', '/CMD/1/0', 'error'],
    ]);
  });
  it('checks ClientURI, ServerURI and MOID parameters by their position', () => {
    const violations = validatePackage2({
      CMD: [
        ['HPUT', 'not a uri', 'urn:a:b/c'],
        ['DEFAULT', 'http://r.example/', 'urn:a/b'],
      ],
    });
    assert.deepEqual(found(violations), [
      ['server-uri-syntax', '/CMD/0/1', 'error'],
      ['client-uri-path-missing', '/CMD/0/2', 'error'],
      ['moid-syntax', '/CMD/1/2', 'error'],
    ]);
  });
  it('reads EXEC as (ClientURI, ServerURI) and SUB as (ServerURI, ClientURI) — §5.3', () => {
    assert.deepEqual(
      validatePackage2({
        CMD: [
          ['EXEC', 'urn:a:b/x/Op', 'http://s.example/async'],
          ['SUB', 'http://s.example/sub', 'urn:a:b/x/'],
        ],
      }),
      [],
    );
    // Swapped, both still parse (a URN is an RFC 3986 URI); only the ClientURI's MOID "http:" shows it.
    assert.deepEqual(found(validatePackage2({ CMD: [['SUB', 'urn:a:b/x/', 'http://s.example/sub']] })), [
      ['moid-not-urn', '/CMD/0/2', 'warning'],
    ]);
  });
  it('an empty CMD is a warning (App C)', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [] })), [['package2-cmd-empty', '/CMD', 'warning']]);
  });
  it('END before other commands is a warning (§5.3.9)', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [['END'], ['GET', 'urn:a:b//']] })), [['command-end-not-last', '/CMD/0', 'warning']]);
  });
  it('an empty command entry and a missing CMD are schema errors with their own rules', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [[]] })), [['command-empty', '/CMD/0', 'error']]);
    assert.deepEqual(found(validatePackage2({})), [['package2-cmd-missing', '/CMD', 'error']]);
  });
  it('notes a member the text does not define', () => {
    assert.deepEqual(found(validatePackage2({ CMD: [['END']], Session: 1 })), [['unknown-member', '/Session', 'info']]);
  });
});

describe('parsePackage2 / buildPackage2', () => {
  it('turns invalid JSON into json-syntax, never an exception', () => {
    assert.deepEqual(found(parsePackage2('{"CMD": [').violations), [['json-syntax', '', 'error']]);
    assert.deepEqual(found(parsePackage2(new Uint8Array([0xff, 0xfe])).violations), [['json-encoding', '', 'error']]);
  });
  it('keeps the value when only semantic checks fail', () => {
    const parsed = parsePackage2('{"CMD":[["FETCH"]]}');
    assert.deepEqual(parsed.value, { CMD: [['FETCH']] });
    assert.deepEqual(found(parsed.violations), [['command-unknown', '/CMD/0/0', 'error']]);
  });
  it('the builder refuses a body the text forbids', () => {
    assert.throws(() => buildPackage2({ CMD: [['FETCH']] }), PackageBuildError);
    assert.equal(buildPackage2({ CMD: [['END']] }), '{"CMD":[["END"]]}');
  });
  it('finding 13: unknown-member notes are kept when the schema check fails', () => {
    const parsed = parsePackage2('{"CMD":[[1]],"Status":[{"sc":200}]}');
    assert.equal(parsed.value, undefined);
    assert.ok(
      found(parsed.violations).some(([rule, pointer]) => rule === 'unknown-member' && pointer === '/Status'),
      JSON.stringify(parsed.violations),
    );
  });
});
