/**
 * The published report schema (schemas/report.schema.json, shipped in the package) is
 * self-contained: a fresh ajv with nothing else registered compiles it and validates report.json.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Ajv2020 as Ajv2020Type } from 'ajv/dist/2020.js';
import { REPORT_SCHEMA_ID } from '../../../src/report/index.js';
import { mergeReports } from '../../../src/report/merge.js';
import { sampleReport } from './data/sample-run.js';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Type };
const addFormats = require('ajv-formats') as (ajv: Ajv2020Type) => unknown;
const packageJson = require('../../../package.json') as { files: string[] };

async function compileAlone() {
  const schema = JSON.parse(await readFile(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8')) as { $id: string };
  // Fresh and strict; no other schema added, so an unresolved $ref fails the compile.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}

describe('published report schema', () => {
  it('compiles alone and validates a report.json, which names it in $schema', async () => {
    const { schema, validate } = await compileAlone();
    const report = JSON.parse(JSON.stringify(sampleReport())) as Record<string, unknown>;
    assert.equal(report['$schema'], schema.$id);
    assert.equal(REPORT_SCHEMA_ID, schema.$id);
    assert.equal(Object.keys(report)[0], '$schema', 'the first member, where a reader looks');
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.ok(
      validate(JSON.parse(JSON.stringify(mergeReports([sampleReport(), sampleReport()])))),
      JSON.stringify(validate.errors?.slice(0, 3)),
    );
  });

  it('rejects what the source schemas reject, down to the embedded ones', async () => {
    const { validate } = await compileAlone();
    const report = JSON.parse(JSON.stringify(sampleReport())) as { $schema: string; meta: { roles: string[] } };
    assert.equal(validate({ ...report, $schema: 'https://example.com/other.json' }), false);
    report.meta.roles = ['toaster'];
    assert.equal(validate(report), false);
    assert.ok(
      validate.errors?.some((e) => e.instancePath === '/meta/roles/0'),
      JSON.stringify(validate.errors),
    );
  });

  it('ships in the package', () => {
    assert.ok(packageJson.files.includes('schemas'));
  });
});
