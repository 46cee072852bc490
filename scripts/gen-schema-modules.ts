/**
 * Derives TypeScript from the JSON Schemas, which stay the one source of truth: every
 * `src/**\/schemas/<name>.schema.json` gets a sibling `<name>.schema.ts` exporting the schema as a
 * typed constant (`<name>Schema`) and the types json-schema-to-typescript infers from it.
 * `--check` exits 1 when a generated file is stale (run by `npm run lint`).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

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

async function generate(file: string): Promise<string> {
  const schema = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const types = await compile(schema, String(schema['title'] ?? basename(file, '.schema.json')), {
    bannerComment: '',
    cwd: dirname(file),
    additionalProperties: false,
    format: true,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
  });
  return [
    `// Generated from ./${basename(file)} by scripts/gen-schema-modules.ts. Do not edit: run \`npm run gen\`.`,
    '/* eslint-disable */',
    `export const ${constName(file)} = ${JSON.stringify(schema, null, 2)} as const;`,
    '',
    types.trim(),
    '',
  ].join('\n');
}

let stale = 0;
for (const file of await findSchemas(join(root, 'src'))) {
  const target = file.replace(/\.schema\.json$/, '.schema.ts');
  const text = await generate(file);
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
