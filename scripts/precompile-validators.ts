// Part of `npm run build`: compiles every dmct JSON Schema (the generated src/**/schemas/*.schema.ts
// constants, the very objects compileSchema sees at run time) to a standalone CommonJS validator
// in node_modules/.cache/dmct/validators/, named by the fingerprint that
// src/build/precompiled-validators.ts looks up. Earlier builds' validators are removed first.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AJV_OPTIONS, createStandaloneAjv } from '../src/protocol/json-schema.js';
import { writePrecompiledValidators } from '../src/build/write-precompiled-validators.js';
import { PRECOMPILED_DIR } from '../src/build/precompiled-validators.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const isSchema = (value: unknown): value is { $id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { $id?: unknown }).$id === 'string';

const modules = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)schemas\/[^/]+\.schema\.ts$/.test(file))
  .sort();
const schemas = new Map<string, { $id: string }>();
for (const file of modules) {
  for (const value of Object.values(await import(pathToFileURL(join(srcDir, file)).href)))
    if (isSchema(value)) schemas.set(value.$id, value);
}
rmSync(PRECOMPILED_DIR, { recursive: true, force: true });
writePrecompiledValidators(createStandaloneAjv(), [...schemas.values()], AJV_OPTIONS);
process.stderr.write(`dmct build: ${String(schemas.size)} validators precompiled into ${relative(process.cwd(), PRECOMPILED_DIR)}\n`);
