/**
 * The build's half of src/build/precompiled-validators.ts: writes ajv standalone code for
 * each dmct schema into PRECOMPILED_DIR (scripts/precompile-validators.ts runs it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { PRECOMPILED_DIR, validatorFingerprint } from './precompiled-validators.js';

const require = createRequire(import.meta.url);

/**
 * Writes a standalone validator for each schema (all added to `ajv` first, so `$ref`s between
 * them resolve). `ajv` must have been created with `code: { source: true, formats: … }`.
 */
export function writePrecompiledValidators(
  ajv: Ajv2020,
  schemas: readonly { $id: string }[],
  options: object,
  dir: string = PRECOMPILED_DIR,
): void {
  const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, validate: ValidateFunction) => string })
    .default;
  for (const schema of schemas) if (ajv.getSchema(schema.$id) === undefined) ajv.addSchema(schema);
  mkdirSync(dir, { recursive: true });
  for (const schema of schemas) {
    const validate = ajv.getSchema(schema.$id);
    if (validate === undefined) throw new Error(`precompile: ajv did not compile ${schema.$id}`);
    writeFileSync(join(dir, `${validatorFingerprint(schema, options)}.cjs`), `// ${schema.$id}\n${standaloneCode(ajv, validate)}`);
  }
}
