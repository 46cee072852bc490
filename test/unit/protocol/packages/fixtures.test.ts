import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  parseGenericAlert,
  parseMoData,
  parseMultipartPackage3,
  parsePackage1,
  parsePackage2,
  parsePackage3,
  validatePackage3Against,
  type ParseOptions,
  type Violation,
} from '../../../../src/protocol/index.js';

const ROOT = fileURLToPath(new URL('../../../../fixtures/packages/', import.meta.url));
const PARSERS: Record<string, (body: Uint8Array, options: ParseOptions) => { violations: Violation[]; value?: unknown }> = {
  package1: parsePackage1,
  package2: parsePackage2,
  package3: parsePackage3,
  mo: parseMoData,
  alert: parseGenericAlert,
};

function boundaryOf(bytes: Uint8Array): string {
  const boundary = /^--([^\r\n]+)\r?\n/.exec(new TextDecoder().decode(bytes.subarray(0, 100)))?.[1];
  assert.ok(boundary, 'a .multipart fixture starts with its delimiter line');
  return boundary;
}

/** Every violation a fixture file gets, parsed the way its name says. */
function violationsOf(file: string, options: ParseOptions = {}): Violation[] {
  const bytes = new Uint8Array(readFileSync(file));
  if (file.endsWith('.multipart'))
    return parseMultipartPackage3(`multipart/form-data; boundary="${boundaryOf(bytes)}"`, bytes, options).violations;
  const kind = file.split('/').pop()?.split('.')[0] ?? '';
  const parse = PARSERS[kind];
  assert.ok(parse, `unknown fixture kind ${kind}`);
  return parse(bytes, options).violations;
}

const errors = (violations: readonly Violation[]) => violations.filter((v) => v.severity === 'error');
const files = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => !name.startsWith('.'))
    .sort();
const ruleOf = (name: string) => name.split('.')[1] ?? '';

describe('fixtures/packages: each file gets the verdict its name declares', () => {
  for (const name of files('valid')) {
    it(`valid/${name} has no error`, () => assert.deepEqual(errors(violationsOf(join(ROOT, 'valid', name))), []));
  }
  for (const name of files('broken')) {
    it(`broken/${name} is an error ${ruleOf(name)}`, () => {
      assert.ok(
        errors(violationsOf(join(ROOT, 'broken', name))).some((v) => v.rule === ruleOf(name)),
        ruleOf(name),
      );
    });
  }
  for (const name of files('lenient')) {
    it(`lenient/${name}: error ${ruleOf(name)} by default, warning with lenient`, () => {
      const file = join(ROOT, 'lenient', name);
      assert.ok(errors(violationsOf(file)).some((v) => v.rule === ruleOf(name)));
      const lenient = violationsOf(file, { lenient: true });
      assert.deepEqual(errors(lenient), []);
      assert.ok(lenient.some((v) => v.rule === ruleOf(name) && v.severity === 'warning'));
    });
  }
  for (const dir of files('exchanges')) {
    const expected = dir.startsWith('valid.') ? undefined : dir;
    it(`exchanges/${dir}: ${expected ?? 'no error'}`, () => {
      const base = join(ROOT, 'exchanges', dir);
      const package2 = parsePackage2(readFileSync(join(base, 'package2.json'))).value;
      assert.ok(package2);
      const multipart = readdirSync(base).includes('package3.multipart');
      const bytes = new Uint8Array(readFileSync(join(base, multipart ? 'package3.multipart' : 'package3.json')));
      const parsed = multipart ? parseMultipartPackage3(`multipart/form-data; boundary="${boundaryOf(bytes)}"`, bytes) : undefined;
      const package3 = parsed ? parsed.package3 : parsePackage3(bytes).value;
      assert.ok(package3);
      const found = errors(validatePackage3Against(package2, package3, { dataPartIndexes: parsed ? [...parsed.parts.keys()] : [] }));
      if (expected === undefined) assert.deepEqual(found, []);
      else
        assert.ok(
          found.some((v) => v.rule === expected),
          `${expected} in ${JSON.stringify(found)}`,
        );
    });
  }
});
