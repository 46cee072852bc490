import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDdf, DDF_RULES } from '../../../../src/protocol/ddf/ddf-check.js';
import { readXmlElements } from '../../../../src/protocol/ddf/xml-elements.js';
import { selectFaults } from '../../../../src/reference/faults/index.js';
import { moClientFaults } from '../../../../src/reference/faults/client-faults-mo.js';
import { ddfDocument } from '../../../../src/reference/client/ddf-documents.js';
import { DDF_FILES, DEFAULT_DEV_INFO, MOIDS, buildDeviceTree } from '../../../../src/reference/client/device-tree.js';

const AUTHOR = { man: 'dmct', mod: 'reference-client' };
const ACCOUNT = { serverId: 'dms1', serverUri: 'http://dm.test/dm', permittedMoids: ['*'] };

/** The rules broken in the DDFs of every MO the client knows, with `faults` on. */
function brokenRules(faults: readonly string[]): string[] {
  const set = selectFaults<string>(faults, 'client');
  const tree = buildDeviceTree(DEFAULT_DEV_INFO, [ACCOUNT], set);
  const rules = new Set<string>();
  for (const moid of Object.keys(DDF_FILES)) {
    const text = ddfDocument(tree, moid, AUTHOR, set);
    assert.ok(text !== undefined, moid);
    const read = readXmlElements(text);
    assert.ok(read.ok, read.ok ? '' : read.error);
    const report = checkDdf(read.root);
    for (const problem of report.problems) rules.add(problem.rule);
    if (faults.length === 0) assert.deepEqual([...report.judged].sort(), Object.values(DDF_RULES).sort(), moid);
  }
  return [...rules];
}

describe('reference client DDFs', () => {
  it('describe every MO it knows with every element group of section 6.4, and break no rule', () => {
    assert.deepEqual(brokenRules([]), []);
  });

  it('describe an MO without instance by its root and refuse an unknown MOID', () => {
    const tree = buildDeviceTree(DEFAULT_DEV_INFO, [ACCOUNT]);
    assert.match(
      ddfDocument(tree, MOIDS.installable, AUTHOR, selectFaults([], 'client')) ?? '',
      /<DDFName>urn:dmct:mo:installable:1.0<\/DDFName>/,
    );
    assert.equal(ddfDocument(tree, 'urn:x:unknown', AUTHOR, selectFaults([], 'client')), undefined);
  });

  it('each DDF fault switch breaks exactly the rule it declares', () => {
    for (const fault of moClientFaults.filter((candidate) => candidate.name.startsWith('ddf-')))
      assert.deepEqual(brokenRules([fault.name]), [fault.breaks], fault.name);
  });
});
