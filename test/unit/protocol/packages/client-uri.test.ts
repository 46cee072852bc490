import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClientUri, hasWildcard, parseClientUri, type ClientUri } from '../../../../src/protocol/index.js';

const rules = (text: string): string[] => parseClientUri(text).violations.map((v) => v.rule);
const parsed = (text: string): ClientUri => {
  const result = parseClientUri(text);
  assert.ok(result.value, `${text}: ${JSON.stringify(result.violations)}`);
  return result.value;
};
const real = (name: string) => ({ kind: 'real-name', name });
const x = (name: string) => ({ kind: 'x-name', name });

describe('ClientURI test vectors of §6.1.3', () => {
  const moid = 'urn:oma:mo:moid:1.0';
  it('…/left/ is the root of instance "left"', () => {
    assert.deepEqual(parsed(`${moid}/left/`), { moid, instance: { kind: 'miid', miid: 'left' }, path: [], query: { nv: [], unknown: [] } });
  });
  it('…// is the only instance (syntactically fine; resolution finds two)', () => {
    assert.deepEqual(parsed(`${moid}//`).instance, { kind: 'only' });
  });
  it('…/(x)/?nv=(x)/ID:Temperature selects an instance root by nv (the ABNF over the erratum of §6.1.3)', () => {
    const uri = parsed(`${moid}/(x)/?nv=(x)/ID:Temperature`);
    assert.deepEqual(uri.instance, { kind: 'x-name', name: 'x' });
    assert.deepEqual(uri.path, []);
    assert.deepEqual(uri.query.nv, [{ xName: 'x', path: ['ID'], value: 'Temperature' }]);
  });
  it('…/(x)/Data/1/Value?nv=(x)/ID:GPS', () => {
    assert.deepEqual(parsed(`${moid}/(x)/Data/1/Value?nv=(x)/ID:GPS`).path, [real('Data'), real('1'), real('Value')]);
  });
  it('…/right/Data/(x)/Value?nv=(x)/Date:12.1 uses an x-name inside the path', () => {
    const uri = parsed(`${moid}/right/Data/(x)/Value?nv=(x)/Date:12.1`);
    assert.deepEqual(uri.path, [real('Data'), x('x'), real('Value')]);
    assert.deepEqual(uri.query.nv, [{ xName: 'x', path: ['Date'], value: '12.1' }]);
  });
  it('…/(x)/Data/(y)/Value with two nv fields', () => {
    const uri = parsed(`${moid}/(x)/Data/(y)/Value?nv=(x)/ID:GPS&nv=(y)/Date:12.2`);
    assert.deepEqual(
      uri.query.nv.map((nv) => nv.xName),
      ['x', 'y'],
    );
  });
  it('…/*/Setting is a wildcard over instances', () => {
    const uri = parsed(`${moid}/*/Setting`);
    assert.deepEqual(uri.instance, { kind: 'all' });
    assert.equal(hasWildcard(uri), true);
  });
  it('…/(x)/Data/*/Value?nv=(x)/ID:GPS has a wildcard node name', () => {
    assert.deepEqual(parsed(`${moid}/(x)/Data/*/Value?nv=(x)/ID:GPS`).path, [real('Data'), { kind: 'wildcard' }, real('Value')]);
  });
  it('…/(x)/Data/*/Value with two nv on the same x-name keeps both', () => {
    assert.equal(parsed(`${moid}/(x)/Data/*/Value?nv=(x)/ID:GPS&nv=(x)/Setting:0xB2`).query.nv.length, 2);
  });
  it('…/*/Data/*/Value', () => {
    const uri = parsed(`${moid}/*/Data/*/Value`);
    assert.equal(uri.path.filter((s) => s.kind === 'wildcard').length, 1);
    assert.equal(hasWildcard(uri), true);
  });
});

describe('ClientURI syntax errors', () => {
  it('no "/" after the MOID', () => assert.deepEqual(rules('urn:oma:mo:moid:1.0'), ['client-uri-syntax']));
  it('no path after the mo-inst', () => assert.deepEqual(rules('urn:oma:mo:moid:1.0/left'), ['client-uri-path-missing']));
  it('empty MOID', () => assert.deepEqual(rules('/left/'), ['moid-empty']));
  it('bad mo-inst', () => assert.deepEqual(rules('urn:a:b/le ft/'), ['client-uri-mo-inst-syntax']));
  it('x-name of two letters', () => assert.deepEqual(rules('urn:a:b/(xy)/'), ['client-uri-mo-inst-syntax']));
  it('trailing slash after a node name', () => assert.deepEqual(rules('urn:a:b/left/Data/'), ['client-uri-empty-segment']));
  it('bad node name', () => assert.deepEqual(rules('urn:a:b/left/Da%20ta'), ['client-uri-node-name-syntax']));
  it('lv must be positive', () => assert.deepEqual(rules('urn:a:b/left/?lv=0'), ['client-uri-lv-syntax']));
  it('nv must be (x)/path:value', () => assert.deepEqual(rules('urn:a:b/(x)/?nv=ID:GPS'), ['client-uri-nv-syntax']));
  it('fragment is not allowed', () => assert.deepEqual(rules('urn:a:b/left/#f'), ['client-uri-fragment']));
  it('duplicate lv', () => assert.ok(rules('urn:a:b/left/?lv=1&lv=2').includes('client-uri-query-duplicate')));
  it('returns no value when there is an error', () => assert.equal(parseClientUri('urn:a:b/left').value, undefined));
  it('never throws on a malformed percent escape', () =>
    assert.deepEqual(rules('urn:a:b/(x)/?nv=(x)/ID:%E0%A4'), ['client-uri-percent-encoding']));
});

describe('ClientURI notes that are not errors', () => {
  it('unknown query fields are kept and noted as info (§6.1.1.3: MUST ignore)', () => {
    const result = parseClientUri('urn:a:b/left/?foo=1');
    assert.deepEqual(result.value?.query.unknown, [{ name: 'foo', value: '1' }]);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.severity]),
      [['client-uri-query-unknown-field', 'info']],
    );
  });
  it('a MOID that is not a URN is a warning', () => {
    const result = parseClientUri('vendor-mo/left/');
    assert.ok(result.value);
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.severity]),
      [['moid-not-urn', 'warning']],
    );
  });
  it('an nv naming an unused x-name is a warning', () => {
    assert.deepEqual(
      parseClientUri('urn:a:b/left/?nv=(y)/ID:1').violations.map((v) => [v.rule, v.severity]),
      [['client-uri-nv-unused', 'warning']],
    );
  });
  it('lv and cv are read, cv percent-decoded', () => {
    const uri = parsed('urn:a:b/left/?lv=2&cv=a%26b');
    assert.equal(uri.query.lv, 2);
    assert.equal(uri.query.cv, 'a&b');
  });
});

describe('formatClientUri', () => {
  it('writes the instance root as "/" and encodes query values', () => {
    const uri: ClientUri = {
      moid: 'urn:a:b',
      instance: { kind: 'only' },
      path: [],
      query: { nv: [{ xName: 'x', path: ['ID'], value: 'a&b c' }], cv: '1', unknown: [] },
    };
    assert.equal(formatClientUri(uri), 'urn:a:b//?nv=(x)/ID:a%26b%20c&cv=1');
  });
});
