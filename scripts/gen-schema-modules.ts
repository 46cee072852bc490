/**
 * Derives TypeScript from the JSON Schemas, which stay the one source of truth: every
 * `src/**\/schemas/<name>.schema.json` gets a sibling `<name>.schema.ts` exporting the schema as a
 * typed constant (`<name>Schema`) and the types json-schema-to-typescript infers from it. The
 * module registers its schema (src/protocol/schema-registry.ts) and loads the modules of the
 * schemas it `$ref`s, so that compileSchema resolves every cross-schema `$ref` on its own.
 * `--check` exits 1 when a generated file is stale (run by `npm run lint`).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const registryModule = join(root, 'src/protocol/schema-registry.js');

async function findSchemas(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findSchemas(path)));
    else if (entry.name.endsWith('.schema.json') && dirname(path).endsWith('schemas')) found.push(path);
  }
  return found.sort();
}

function constName(file: string): string {
  const stem = basename(file, '.schema.json');
  return stem.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) + 'Schema';
}

type Json = Record<string, unknown>;

/**
 * A `$ref` to another dmct schema (`https://dmct.dev/schemas/<name>.schema.json#/$defs/X`) is
 * emitted as an import of the type that schema's module already declares, not as a copy of it,
 * and that module is imported for its registration: ajv resolves the same `$ref` at run time.
 */
function importCrossSchemaRefs(
  node: unknown,
  file: string,
  byId: Map<string, { file: string; schema: Json }>,
  imports: Map<string, Set<string>>,
): unknown {
  if (Array.isArray(node)) return node.map((n) => importCrossSchemaRefs(n, file, byId, imports));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Json)['$ref'];
  if (typeof ref === 'string' && ref.startsWith('https://dmct.dev/schemas/')) {
    const [base = '', fragment = ''] = ref.split('#');
    const target = byId.get(base);
    if (!target) throw new Error(`${relative(root, file)}: $ref to an unknown schema ${ref}`);
    const defName = /^\/\$defs\/([^/]+)$/.exec(fragment)?.[1];
    const def = defName === undefined ? target.schema : (target.schema['$defs'] as Record<string, Json> | undefined)?.[defName];
    const title = def?.['title'] ?? defName;
    if (typeof title !== 'string') throw new Error(`${relative(root, file)}: cannot name the type of $ref ${ref}`);
    const from = `./${relative(dirname(file), target.file).replace(/\.json$/, '.js')}`.replace(/^\.\/\.\./, '..');
    imports.set(from, (imports.get(from) ?? new Set()).add(title));
    const { $ref: _ref, ...rest } = node as Json;
    return { ...rest, tsType: title };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, importCrossSchemaRefs(v, file, byId, imports)]));
}

async function generate(file: string, byId: Map<string, { file: string; schema: Json }>): Promise<string> {
  const schema = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const imports = new Map<string, Set<string>>();
  const local = importCrossSchemaRefs(schema, file, byId, imports) as Json;
  const types = await compile(local, String(schema['title'] ?? basename(file, '.schema.json')), {
    bannerComment: '',
    cwd: dirname(file),
    additionalProperties: false,
    format: true,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
  });
  const referenced = [...imports].filter(([from]) => from !== `./${basename(file, '.json')}.js`);
  const registry = `./${relative(dirname(file), registryModule)}`.replace(/^\.\/\.\./, '..');
  const registered = typeof schema['$id'] === 'string';
  return [
    `// Generated from ./${basename(file)} by scripts/gen-schema-modules.ts. Do not edit: run \`npm run gen\`.`,
    '/* eslint-disable */',
    ...(registered ? [`import { registerSchema } from '${registry}';`] : []),
    ...referenced.map(([from]) => `import '${from}';`),
    ...referenced.map(([from, names]) => `import type { ${[...names].sort().join(', ')} } from '${from}';`),
    `export const ${constName(file)} = ${JSON.stringify(schema, null, 2)} as const;`,
    ...(registered ? [`registerSchema(${constName(file)});`] : []),
    '',
    types.trim(),
    '',
  ].join('\n');
}

let stale = 0;
const schemaFiles = await findSchemas(join(root, 'src'));
const byId = new Map<string, { file: string; schema: Json }>();
for (const file of schemaFiles) {
  const schema = JSON.parse(await readFile(file, 'utf8')) as Json;
  if (typeof schema['$id'] === 'string') byId.set(schema['$id'], { file, schema });
}
for (const file of schemaFiles) {
  const target = file.replace(/\.schema\.json$/, '.schema.ts');
  const text = await generate(file, byId);
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === text) continue;
  if (check) {
    process.stderr.write(`stale: ${relative(root, target)} (run npm run gen)\n`);
    stale++;
  } else {
    await writeFile(target, text);
    process.stdout.write(`wrote ${relative(root, target)}\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
