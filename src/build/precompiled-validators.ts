/**
 * Validators that `npm run build` compiled ahead of time with ajv's standalone code generator
 * (node_modules/.cache/dmct/validators/<fingerprint>.cjs). Compiling dmct's larger schemas costs tens of
 * milliseconds each, most of a short command's run; a precompiled validator is used only when
 * its fingerprint (ajv version, options, and the exact JSON of the schema and of every dmct
 * schema it `$ref`s, directly or not) matches, so a changed schema or ajv silently falls back to
 * compiling at run time.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { AJV_OPTIONS, usePrecompiledValidators } from '../protocol/json-schema.js';
import { registeredSchemas } from '../protocol/schema-registry.js';
import { packagePath } from '../package-root.js';

const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

/**
 * Where the build writes them: the same path from src/build and dist/cli. Under node_modules
 * on purpose: Playwright's workers run every other .js/.cjs file through babel (about a second
 * per worker for these), and the standalone code resolves ajv's runtime from there.
 */
export const PRECOMPILED_DIR: string = packagePath('node_modules', '.cache', 'dmct', 'validators');

/** The dmct schemas `schema` refers to, directly or through them, by `$id` order. */
function referencedSchemas(schema: object): object[] {
  const found = new Map<string, object>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const id = value.split('#')[0] ?? '';
          const target = registeredSchemas().get(id);
          if (id !== '' && !found.has(id)) {
            found.set(id, target ?? { unresolved: id });
            if (target !== undefined) visit(target);
          }
        } else visit(value);
      }
    }
  };
  visit(schema);
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, target]) => target);
}

/** The file name stem of a schema's precompiled validator. */
export function validatorFingerprint(schema: object, options: object): string {
  const content = JSON.stringify([AJV_VERSION, options, schema, referencedSchemas(schema)]);
  return `v${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}

/** The precompiled validator of `schema`, or undefined when `dir` has none that matches. */
export function loadPrecompiledValidator(schema: object, options: object, dir: string = PRECOMPILED_DIR): ValidateFunction | undefined {
  try {
    const loaded = require(join(dir, `${validatorFingerprint(schema, options)}.cjs`)) as { default?: unknown };
    return typeof loaded.default === 'function' ? (loaded.default as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

/** Makes compileSchema take this build's precompiled validators (entry points call it once; src/protocol does no I/O itself). */
export function installPrecompiledValidators(): void {
  usePrecompiledValidators((schema) => loadPrecompiledValidator(schema, AJV_OPTIONS));
}
