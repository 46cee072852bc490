import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEdition } from '../../../src/scr/index.js';
import { listedScenarios } from './listing.js';

/** Every test of the client-target project as listed (tags without the `@`). */
const listClientTarget = () => listedScenarios('client');

describe('client-target suite coverage of the client SCR table', () => {
  it('tags every client item of the default edition with at least one scenario, and only known items', async () => {
    const edition = loadEdition();
    const items = edition.tables.client.items.map((item) => item.id);
    const specs = await listClientTarget();
    assert.ok(specs.length > 0, 'the client-target project lists no scenario');
    const unknown = specs.flatMap((spec) => spec.tags.filter((tag) => !items.includes(tag)).map((tag) => `${spec.file}: "${spec.title}" tags @${tag}, which is not a client item of ${edition.name}`));
    assert.deepEqual(unknown, [], unknown.join('\n'));
    const untagged = specs.filter((spec) => spec.tags.length === 0).map((spec) => `${spec.file}: "${spec.title}" has no SCR tag`);
    assert.deepEqual(untagged, [], untagged.join('\n'));
    const tagged = new Set(specs.flatMap((spec) => spec.tags));
    const uncovered = items.filter((id) => !tagged.has(id));
    assert.deepEqual(uncovered, [], `client items without a scenario: ${uncovered.join(', ')}`);
    assert.equal(items.length, 26);
  });

  it('names each scenario file by its spec section', async () => {
    const specs = await listClientTarget();
    const misnamed = [...new Set(specs.map((spec) => spec.file))].filter((file) => !/^\d+(\.\d+)*-[a-z0-9-]+\.spec\.ts$/.test(file.split('/').pop() ?? ''));
    assert.deepEqual(misnamed, []);
  });
});
