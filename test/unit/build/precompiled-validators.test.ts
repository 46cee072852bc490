import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AJV_OPTIONS, createAjv, createStandaloneAjv } from '../../../src/protocol/json-schema.js';
import { writePrecompiledValidators } from '../../../src/build/write-precompiled-validators.js';
import { loadPrecompiledValidator, validatorFingerprint } from '../../../src/build/precompiled-validators.js';
import { claimsSchema } from '../../../src/scr/schemas/claims.schema.js';

const brokenClaims = { role: 'client', edition: 7, implements: ['x'], timeouts: { responseMs: -1 }, unknown: true };

describe('precompiled validators', () => {
  let dir: string;
  before(async () => {
    // Inside the project: the standalone code requires ajv's runtime from node_modules.
    await mkdir(join(process.cwd(), '.tmp'), { recursive: true });
    dir = await mkdtemp(join(process.cwd(), '.tmp', 'precompiled-'));
    writePrecompiledValidators(createStandaloneAjv(), [claimsSchema], AJV_OPTIONS, dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('judges a document exactly as the schema compiled at run time does', () => {
    const ahead = loadPrecompiledValidator(claimsSchema, AJV_OPTIONS, dir);
    assert.ok(ahead, 'the written validator is found by its fingerprint');
    const runtime = createAjv().compile(claimsSchema);
    for (const document of [brokenClaims, {}, { role: 'server' }, 'text']) {
      assert.equal(ahead(document), runtime(document));
      assert.deepEqual(ahead.errors, runtime.errors);
    }
  });

  it('is not used for a schema that differs in any way, nor under other ajv options', () => {
    const changed = { ...claimsSchema, title: `${String(claimsSchema.title)} (edited)` };
    assert.notEqual(validatorFingerprint(changed, AJV_OPTIONS), validatorFingerprint(claimsSchema, AJV_OPTIONS));
    assert.equal(loadPrecompiledValidator(changed, AJV_OPTIONS, dir), undefined);
    assert.equal(loadPrecompiledValidator(claimsSchema, { ...AJV_OPTIONS, allErrors: false }, dir), undefined);
  });

  it('changes when a schema it refers to changes', async () => {
    const { evidenceSchema } = await import('../../../src/report/schemas/evidence.schema.js');
    const { registeredSchemas } = await import('../../../src/protocol/schema-registry.js');
    const before = validatorFingerprint(evidenceSchema, AJV_OPTIONS);
    const registry = registeredSchemas() as Map<string, object>;
    const id = 'https://dmct.dev/schemas/violation.schema.json';
    const original = registry.get(id);
    assert.ok(original, 'evidence refers to the violation schema');
    registry.set(id, { ...original, title: 'edited' });
    try {
      assert.notEqual(validatorFingerprint(evidenceSchema, AJV_OPTIONS), before);
    } finally {
      registry.set(id, original);
    }
  });

  it('finds nothing in a folder without a build', () => {
    assert.equal(loadPrecompiledValidator(claimsSchema, AJV_OPTIONS, join(dir, 'missing')), undefined);
  });
});
