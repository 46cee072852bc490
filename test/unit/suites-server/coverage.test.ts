import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { loadEdition } from '../../../src/scr/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCR_TAG = /^DM-[A-Z]+-\d{3}-[CS]-[MO]$/;

interface ListedSpec {
  title: string;
  tags: string[];
  file: string;
}

interface JsonSuite {
  specs?: { title: string; tags?: string[]; file: string }[];
  suites?: JsonSuite[];
}

function specsOf(suite: JsonSuite): ListedSpec[] {
  return [
    ...(suite.specs ?? []).map((spec) => ({ title: spec.title, tags: spec.tags ?? [], file: spec.file })),
    ...(suite.suites ?? []).flatMap(specsOf),
  ];
}

/**
 * Every server item of the default SCR edition (the seed's Appendix B.2: DM-PACK-001-S-M …
 * 026-S-M) is tagged by at least one server-target scenario, and no scenario tag names an item
 * the table does not have.
 */
describe('server-target suite covers the server SCR table', () => {
  let specs: ListedSpec[] = [];
  before(() => {
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const listed = spawnSync(process.execPath, [cli, 'test', '--list', '--reporter=json', '--project', 'server-target'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(listed.status, 0, listed.stderr);
    const report = JSON.parse(listed.stdout) as { suites: JsonSuite[]; errors: unknown[] };
    assert.deepEqual(report.errors, []);
    specs = report.suites.flatMap(specsOf);
  });

  test('the suite lists scenarios', () => {
    assert.ok(specs.length > 0);
  });

  test('every scenario carries at least one SCR item tag', () => {
    assert.deepEqual(specs.filter((spec) => !spec.tags.some((tag) => SCR_TAG.test(tag))).map((spec) => `${spec.file}: ${spec.title}`), []);
  });

  test('every tag names an item of the server table', () => {
    const known = new Set(loadEdition().tables.server.items.map((item) => item.id));
    const unknown = specs.flatMap((spec) => spec.tags.filter((tag) => SCR_TAG.test(tag) && !known.has(tag)).map((tag) => `${spec.file}: ${spec.title}: ${tag}`));
    assert.deepEqual(unknown, []);
  });

  test('every item of the server table has a scenario', () => {
    const tagged = new Set(specs.flatMap((spec) => spec.tags));
    const items = loadEdition().tables.server.items.map((item) => item.id);
    assert.equal(items.length, 26);
    assert.deepEqual(items.filter((id) => !tagged.has(id)), []);
  });
});
