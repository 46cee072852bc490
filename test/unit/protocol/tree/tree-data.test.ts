import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClientUri, type ClientUri } from '../../../../src/protocol/addressing/client-uri.js';
import { cacheValidatorMatches } from '../../../../src/protocol/tree/cache-validator.js';
import { deleteAtClientUri } from '../../../../src/protocol/tree/delete.js';
import { ManagementTree, type TreeChange } from '../../../../src/protocol/tree/management-tree.js';
import { interior, leaf } from '../../../../src/protocol/tree/node-builders.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { hasNoContent, serializeLocation } from '../../../../src/protocol/tree/serialize.js';
import { storeAtClientUri, storeWithoutClientUri, type StoreInput } from '../../../../src/protocol/tree/store.js';
import type { NodeLocation } from '../../../../src/protocol/tree/location.js';
import { FIGURE5_MOID, figure5Tree } from './figure5-tree.js';

const m = FIGURE5_MOID;

function uri(text: string): ClientUri {
  const parsed = parseClientUri(text);
  assert.ok(parsed.value, `test ClientURI ${text} must parse`);
  return parsed.value;
}

function locate(tree: ManagementTree, text: string): NodeLocation {
  const result = resolveClientUriText(tree, text);
  assert.ok(result.ok && result.locations.length === 1, `${text} must resolve to one node`);
  return result.locations[0] as NodeLocation;
}

describe('serializeLocation (section 7.2.1.4, dmmo+json)', () => {
  it('an instance root: member named after the root node, CV and DDF present', () => {
    const tree = figure5Tree();
    const entry = serializeLocation(tree, locate(tree, `${m}/left/`));
    assert.deepEqual(entry, {
      ClientURI: `${m}/left/`,
      DDF: 'http://vendor.example/ddf/moid.ddf',
      CV: tree.instance(m, 'left')?.cv,
      MOData: {
        moroot1: {
          ID: 'GPS',
          Setting: '0xA2',
          Data: { '1': { Date: '12.1', Value: '12.1, 65.2' }, '2': { Date: '12.2', Value: '117.1, 21.2' } },
        },
      },
    });
  });
  it('lv=1 keeps direct children and cuts interior nodes below to {}', () => {
    const tree = figure5Tree();
    const entry = serializeLocation(tree, locate(tree, `${m}/left/`), { lv: 1 });
    assert.deepEqual(entry.MOData, { moroot1: { ID: 'GPS', Setting: '0xA2', Data: {} } });
  });
  it('lv=2 goes one level further', () => {
    const tree = figure5Tree();
    const entry = serializeLocation(tree, locate(tree, `${m}/left/Data`), { lv: 1 });
    assert.deepEqual(entry.MOData, { Data: { '1': {}, '2': {} } });
    assert.deepEqual(serializeLocation(tree, locate(tree, `${m}/left/`), { lv: 2 }).MOData, {
      moroot1: { ID: 'GPS', Setting: '0xA2', Data: { '1': {}, '2': {} } },
    });
  });
  it('a non-root node: no CV, member named after the node', () => {
    const tree = figure5Tree();
    const entry = serializeLocation(tree, locate(tree, `${m}/right/Data/2`));
    assert.equal(entry.CV, undefined);
    assert.deepEqual(entry.MOData, { '2': { Date: '12.2', Value: '19' } });
  });
  it('a leaf without content has no content; inside a subtree it serializes as null', () => {
    const tree = new ManagementTree();
    tree.addInstance('urn:x:1', 'a', interior('Root', [leaf('Empty', 'chr', undefined), leaf('N', 'int', 3)]));
    assert.equal(hasNoContent(locate(tree, 'urn:x:1/a/Empty')), true);
    assert.equal(hasNoContent(locate(tree, 'urn:x:1/a/N')), false);
    assert.deepEqual(serializeLocation(tree, locate(tree, 'urn:x:1/a/')).MOData, { Root: { Empty: null, N: 3 } });
  });
});

describe('storeAtClientUri / storeWithoutClientUri (HGET, section 5.3.1)', () => {
  it('replaces a leaf from text/plain, parsed by its format', () => {
    const tree = figure5Tree();
    const result = storeAtClientUri(tree, uri(`${m}/left/Setting`), { kind: 'text', text: '0xB2' });
    assert.deepEqual(result, { ok: true, uris: [`${m}/left/Setting`] });
    assert.equal(locate(tree, `${m}/left/Setting`).node.value, '0xB2');
  });
  it('refuses a leaf without Replace access (403) and changes nothing', () => {
    const tree = figure5Tree();
    const result = storeAtClientUri(tree, uri(`${m}/left/ID`), { kind: 'text', text: 'Other' });
    assert.equal(result.ok ? 0 : result.status, 403);
    assert.equal(locate(tree, `${m}/left/ID`).node.value, 'GPS');
  });
  it('text that is not a value of the leaf format is 415', () => {
    const tree = new ManagementTree();
    tree.addInstance('urn:x:1', 'a', interior('Root', [leaf('N', 'int', 3, { access: ['Get', 'Replace'] })]));
    const result = storeAtClientUri(tree, uri('urn:x:1/a/N'), { kind: 'text', text: 'three' });
    assert.equal(result.ok ? 0 : result.status, 415);
    assert.deepEqual(storeAtClientUri(tree, uri('urn:x:1/a/N'), { kind: 'text', text: '42' }), { ok: true, uris: ['urn:x:1/a/N'] });
    assert.equal(locate(tree, 'urn:x:1/a/N').node.value, 42);
  });
  it('replaces a subtree: dynamic children the data omits go, new ones come, permanent ones stay', () => {
    const tree = figure5Tree();
    const result = storeAtClientUri(tree, uri(`${m}/left/Data`), {
      kind: 'mo-data',
      entries: [
        { ClientURI: `${m}/left/Data`, MOData: { Data: { '2': { Date: '13.1', Value: '1, 2' }, '3': { Date: '13.2', Value: '3, 4' } } } },
      ],
    });
    assert.deepEqual(result, { ok: true, uris: [`${m}/left/Data`] });
    const data = locate(tree, `${m}/left/Data`).node;
    assert.deepEqual(
      data.children?.map((child) => child.name),
      ['2', '3'],
    );
    assert.deepEqual(resolveClientUriText(tree, `${m}/left/Data/(y)/Value?nv=(y)/Date:13.2`).ok, true);
  });
  it('creates a new instance for `<MOID>//` with a client-assigned MIID and reports it', () => {
    const tree = new ManagementTree();
    const result = storeAtClientUri(tree, uri('urn:x:1//'), {
      kind: 'mo-data',
      entries: [{ ClientURI: 'urn:x:1//', MOData: { usb: { Enabled: true } } }],
    });
    assert.deepEqual(result, { ok: true, uris: ['urn:x:1/usb/'] });
    assert.equal(locate(tree, 'urn:x:1/usb/Enabled').node.value, true);
  });
  it('creates a missing last node under a parent that allows Add', () => {
    const tree = figure5Tree();
    const result = storeAtClientUri(tree, uri(`${m}/left/Data/9`), {
      kind: 'mo-data',
      entries: [{ ClientURI: `${m}/left/Data/9`, MOData: { '9': { Date: '1.1', Value: '0' } } }],
    });
    assert.deepEqual(result, { ok: true, uris: [`${m}/left/Data/9`] });
  });
  it('a path under a missing parent is 404, a wildcard target 400, a MOID not permitted 403', () => {
    const tree = figure5Tree();
    const data: StoreInput = { kind: 'mo-data', entries: [{ ClientURI: `${m}//`, MOData: { x: {} } }] };
    assert.equal((storeAtClientUri(tree, uri(`${m}/left/Nope/Deeper`), data) as { status: number }).status, 404);
    assert.equal((storeAtClientUri(tree, uri(`${m}/*/Data`), data) as { status: number }).status, 400);
    assert.equal((storeAtClientUri(tree, uri(`${m}/left/`), data, () => false) as { status: number }).status, 403);
  });
  it('a JSON type that does not fit the leaf is 415', () => {
    const tree = figure5Tree();
    const result = storeAtClientUri(tree, uri(`${m}/left/Setting`), {
      kind: 'mo-data',
      entries: [{ ClientURI: 'x', MOData: { Setting: { deep: 1 } } }],
    });
    assert.equal(result.ok ? 0 : result.status, 415);
  });
  it('without ClientURI every entry becomes a new instance; MIIDs never collide', () => {
    const tree = figure5Tree();
    const entry = { ClientURI: `${m}//`, MOData: { left: { ID: 'New', Setting: '0', Data: {} } } };
    const result = storeWithoutClientUri(tree, { kind: 'mo-data', entries: [entry, entry] });
    assert.deepEqual(result, { ok: true, uris: [`${m}/left-2/`, `${m}/left-3/`] });
    assert.equal(storeWithoutClientUri(tree, { kind: 'text', text: '1' }).ok, false);
  });
  it('a failing entry creates no instance at all', () => {
    const tree = new ManagementTree();
    const good = { ClientURI: 'urn:x:1//', MOData: { a: {} } };
    const bad = { ClientURI: 'urn:x:1//', MOData: { b: 'leaf at the root' } };
    assert.equal(storeWithoutClientUri(tree, { kind: 'mo-data', entries: [good, bad] }).ok, false);
    assert.deepEqual(tree.instancesOf('urn:x:1'), []);
  });
});

describe('deleteAtClientUri (section 5.3.4) and cache validators (section 11)', () => {
  it('deletes a dynamic subtree; permanent nodes give 405; unknown nodes 404', () => {
    const tree = figure5Tree();
    assert.deepEqual(deleteAtClientUri(tree, uri(`${m}/left/Data/1`)), { status: 200 });
    assert.equal(resolveClientUriText(tree, `${m}/left/Data/1`).ok, false);
    assert.equal(deleteAtClientUri(tree, uri(`${m}/left/ID`)).status, 405);
    assert.equal(deleteAtClientUri(tree, uri(`${m}/left/Data/1`)).status, 404);
  });
  it('every modification renews the instance cv and tells listeners; other instances keep theirs', () => {
    const tree = figure5Tree();
    const changes: TreeChange[] = [];
    tree.onChange((change) => changes.push(change));
    const left = locate(tree, `${m}/left/`);
    const before = left.instance.cv;
    const rightBefore = tree.instance(m, 'right')?.cv;
    assert.equal(cacheValidatorMatches(left, before), true);
    storeAtClientUri(tree, uri(`${m}/left/Setting`), { kind: 'text', text: '0x01' });
    assert.notEqual(tree.instance(m, 'left')?.cv, before);
    assert.equal(cacheValidatorMatches(locate(tree, `${m}/left/`), before), false);
    assert.equal(tree.instance(m, 'right')?.cv, rightBefore);
    deleteAtClientUri(tree, uri(`${m}/left/Data/2`));
    assert.deepEqual(
      changes.map((change) => [change.miid, change.path.join('/'), change.kind]),
      [
        ['left', 'Setting', 'replaced'],
        ['left', 'Data/2', 'deleted'],
      ],
    );
  });
});
