import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  SessionSequencer,
  checkPackage2Response,
  checkPackageRequest,
  checkServerUri,
  extractNotificationId,
  negotiateResponseType,
  parseClientUri,
  parseGenericAlert,
  parseMoData,
  parseMultipartPackage3,
  parsePackage1,
  parsePackage2,
  parsePackage3,
  substituteServerUri,
  validatePackage2,
  validatePackage3Against,
} from '../../../../src/protocol/index.js';
import { assertProperty } from './seeded.js';
import { fuzzRuns } from '../notification/arbitraries.js';

// Four properties: a fixed-seed sample of 10,000 inputs in the unit tier, 100,000 under `npm run fuzz`.
const RUNS = fuzzRuns(2_500, 25_000);
const ROOT = fileURLToPath(new URL('../../../../fixtures/packages/', import.meta.url));
const seeds = ['valid', 'broken'].flatMap((dir) =>
  readdirSync(join(ROOT, dir)).map((name) => new Uint8Array(readFileSync(join(ROOT, dir, name)))),
);

/** Runs every parser on one input; the property is that none throws. */
function everything(input: string | Uint8Array | unknown): void {
  for (const lenient of [false, true]) {
    parsePackage1(input, { lenient });
    const p2 = parsePackage2(input, { lenient });
    const p3 = parsePackage3(input, { lenient });
    parseMoData(input, { lenient });
    const alert = parseGenericAlert(input, { lenient });
    if (p2.value && p3.value) validatePackage3Against(p2.value, p3.value, { dataPartIndexes: [0, 1] });
    if (alert.value) extractNotificationId(alert.value);
  }
  validatePackage2(input);
  const text =
    typeof input === 'string' ? input : input instanceof Uint8Array ? new TextDecoder().decode(input) : (JSON.stringify(input) ?? '');
  const bytes = input instanceof Uint8Array ? input : new TextEncoder().encode(text);
  parseClientUri(text);
  checkServerUri(text);
  substituteServerUri(text, {});
  negotiateResponseType(text);
  parseMultipartPackage3(`multipart/form-data; boundary=b`, bytes);
  parseMultipartPackage3(text, bytes);
  checkPackageRequest({ method: 'POST', headers: { 'content-type': text, accept: text }, body: bytes }, 3);
  checkPackage2Response({ status: 200, headers: { 'content-type': text, 'omadm-accept': text }, body: bytes });
  const session = new SessionSequencer();
  session.accept({ package: 1, uri: text });
  const package2 = parsePackage2(text).value;
  if (package2) session.accept({ package: 2, body: package2 });
  session.accept({ package: 3, uri: text });
}

const mutate = (base: Uint8Array, flips: { at: number; byte: number }[]): Uint8Array => {
  const copy = base.slice();
  for (const { at, byte } of flips) if (copy.length > 0) copy[at % copy.length] = byte;
  return copy;
};

describe(`fuzz: ${4 * RUNS} random inputs through every parser, none throws`, () => {
  it('random strings', () =>
    assertProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => assert.doesNotThrow(() => everything(s))),
      RUNS,
    ));
  it('random bytes', () =>
    assertProperty(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => assert.doesNotThrow(() => everything(b))),
      RUNS,
    ));
  it('random JSON values, as values and as text', () =>
    assertProperty(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) =>
        assert.doesNotThrow(() => {
          everything(v);
          everything(JSON.stringify(v));
        }),
      ),
      RUNS,
    ));
  it('fixtures with random bytes changed', () =>
    assertProperty(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
        (base, flips) => assert.doesNotThrow(() => everything(mutate(base, flips))),
      ),
      RUNS,
    ));
  it('deeply nested JSON does not overflow a parser', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    assert.doesNotThrow(() => everything(deep));
    assert.doesNotThrow(() => everything(`{"AlertType":"x","DataType":"t","Data":{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}`));
  });
});
