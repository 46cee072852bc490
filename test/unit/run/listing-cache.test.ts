import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LISTING_CACHE_ENV, listingCache } from '../../../src/run/listing-cache.js';

describe('listing cache', () => {
  let dir: string;
  let config: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-listing-cache-'));
    await mkdir(join(dir, 'node_modules'));
    await mkdir(join(dir, 'suites'));
    config = join(dir, 'playwright.config.ts');
    await writeFile(config, 'export default {};\n');
    await writeFile(join(dir, 'suites', 'a.spec.ts'), "test('a', () => {});\n");
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives back what was written for the same tree, in the project node_modules/.cache', async () => {
    await listingCache(config, ['server-target'])?.write('{"listing":1}');
    assert.equal(listingCache(config, ['server-target'])?.read(), '{"listing":1}');
  });

  it('misses after a spec file changes, and for other projects', async () => {
    await listingCache(config, ['server-target'])?.write('{"listing":2}');
    assert.equal(listingCache(config, ['client-target'])?.read(), undefined);
    await writeFile(join(dir, 'suites', 'a.spec.ts'), "test('a2', () => {});\n");
    assert.equal(listingCache(config, ['server-target'])?.read(), undefined);
  });

  it('still hits when a file is only touched (same content, new modification time)', async () => {
    await listingCache(config, ['server-target'])?.write('{"listing":4}');
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'suites', 'a.spec.ts'), later, later);
    assert.equal(listingCache(config, ['server-target'])?.read(), '{"listing":4}');
  });

  it('misses after a file is added, ignoring run output and dependencies', async () => {
    await listingCache(config, ['server-target'])?.write('{"listing":3}');
    await mkdir(join(dir, 'reports'), { recursive: true });
    await writeFile(join(dir, 'reports', 'report.json'), '{}');
    await writeFile(join(dir, 'node_modules', 'x.js'), '');
    assert.equal(listingCache(config, ['server-target'])?.read(), '{"listing":3}');
    await writeFile(join(dir, 'suites', 'b.spec.ts'), "test('b', () => {});\n");
    assert.equal(listingCache(config, ['server-target'])?.read(), undefined);
  });

  it(`is off with ${LISTING_CACHE_ENV}=0`, () => {
    assert.equal(listingCache(config, ['server-target'], { [LISTING_CACHE_ENV]: '0' }), undefined);
  });
});
