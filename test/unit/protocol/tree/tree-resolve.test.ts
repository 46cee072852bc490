import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locationUri } from '../../../../src/protocol/tree/location.js';
import { ManagementTree } from '../../../../src/protocol/tree/management-tree.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { FIGURE5_MOID, figure5Tree } from './figure5-tree.js';

function resolved(text: string, tree = figure5Tree()): string[] {
  const result = resolveClientUriText(tree, text);
  assert.ok(result.ok, `${text} did not resolve: ${result.ok ? '' : result.reason}`);
  return result.locations.map(locationUri);
}

function failure(text: string, tree = figure5Tree()): { status: number; reason: string } {
  const result = resolveClientUriText(tree, text);
  assert.ok(!result.ok, `${text} resolved but must not`);
  return result;
}

describe('ClientURI resolution, section 6.1.3 test vectors (Figure 5)', () => {
  const m = FIGURE5_MOID;
  it('MIID addresses the instance root', () => {
    assert.deepEqual(resolved(`${m}/left/`), [`${m}/left/`]);
  });
  it('empty mo-inst with two instances is an error (404)', () => {
    const error = failure(`${m}//`);
    assert.equal(error.status, 404);
    assert.match(error.reason, /2 instances/);
  });
  it('x-name with nv selects the instance root (ERRATUM)', () => {
    assert.deepEqual(resolved(`${m}/(x)/?nv=(x)/ID:Temperature`), [`${m}/right/`]);
  });
  it('x-name instance then real names', () => {
    assert.deepEqual(resolved(`${m}/(x)/Data/1/Value?nv=(x)/ID:GPS`), [`${m}/left/Data/1/Value`]);
  });
  it('x-name for an unnamed node inside a MIID-addressed instance', () => {
    assert.deepEqual(resolved(`${m}/right/Data/(x)/Value?nv=(x)/Date:12.1`), [`${m}/right/Data/1/Value`]);
  });
  it('two x-names, each with its nv field', () => {
    assert.deepEqual(resolved(`${m}/(x)/Data/(y)/Value?nv=(x)/ID:GPS&nv=(y)/Date:12.2`), [`${m}/left/Data/2/Value`]);
  });
  it('`*` as mo-inst takes every instance', () => {
    assert.deepEqual(resolved(`${m}/*/Setting`), [`${m}/left/Setting`, `${m}/right/Setting`]);
  });
  it('`*` as node name takes every unnamed child', () => {
    assert.deepEqual(resolved(`${m}/(x)/Data/*/Value?nv=(x)/ID:GPS`), [`${m}/left/Data/1/Value`, `${m}/left/Data/2/Value`]);
  });
  it('nv fields that no instance satisfies together are an error', () => {
    assert.equal(failure(`${m}/(x)/Data/*/Value?nv=(x)/ID:GPS&nv=(x)/Setting:0xB2`).status, 404);
  });
  it('two wildcards give all four Value nodes', () => {
    assert.deepEqual(resolved(`${m}/*/Data/*/Value`), [
      `${m}/left/Data/1/Value`,
      `${m}/left/Data/2/Value`,
      `${m}/right/Data/1/Value`,
      `${m}/right/Data/2/Value`,
    ]);
  });
});

describe('ClientURI resolution, other cases', () => {
  const m = FIGURE5_MOID;
  it('an empty mo-inst resolves when exactly one instance exists', () => {
    const tree = figure5Tree();
    tree.removeInstance(m, 'right');
    assert.deepEqual(resolved(`${m}//ID`, tree), [`${m}/left/ID`]);
  });
  it('no instance at all is 404', () => {
    assert.equal(failure(`${m}//`, new ManagementTree()).status, 404);
    assert.equal(failure(`${m}/*/ID`, new ManagementTree()).status, 404);
  });
  it('an unknown MIID or node name is 404', () => {
    assert.equal(failure(`${m}/middle/`).status, 404);
    assert.equal(failure(`${m}/left/Nope`).status, 404);
  });
  it('named nodes are not reachable by x-name or wildcard (section 6.1.1.2)', () => {
    assert.equal(failure(`${m}/left/(x)?nv=(x)/Date:12.1`).status, 404);
    assert.equal(failure(`${m}/left/*`).status, 404);
  });
  it('an x-name that two nodes satisfy is an error', () => {
    assert.match(failure(`${m}/left/Data/(y)/Value`).reason, /2 nodes/);
  });
  it('a malformed ClientURI is 400', () => {
    assert.equal(failure('no-slash-here').status, 400);
    assert.equal(failure(`${m}/left/Data//Value`).status, 400);
  });
  it('unknown query fields are ignored (section 6.1.1.3)', () => {
    assert.deepEqual(resolved(`${m}/left/ID?foo=bar`), [`${m}/left/ID`]);
  });
});
