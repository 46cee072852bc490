import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildGenericAlert,
  buildMoData,
  buildMultipartPackage3,
  buildPackage1,
  buildPackage2,
  buildPackage3,
  formatClientUri,
  hasErrors,
  parseClientUri,
  parseGenericAlert,
  parseMoData,
  parseMultipartPackage3,
  parsePackage1,
  parsePackage2,
  parsePackage3,
  type Violation,
} from '../../../../src/protocol/index.js';
import { clientUri, genericAlert, moData, package1, package2, package3 } from './arbitraries.js';
import { assertProperty } from './seeded.js';

const onWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const errorsOf = (violations: readonly Violation[]): Violation[] => violations.filter((v) => v.severity === 'error');

describe('round trip: arbitrary valid value → build → parse → equal', () => {
  it('Package#1', () => {
    assertProperty(
      fc.property(package1, (pkg) => {
        const parsed = parsePackage1(buildPackage1(pkg));
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.value, onWire(pkg));
      }),
    );
  });

  it('Package#2', () => {
    assertProperty(
      fc.property(package2, (pkg) => {
        const parsed = parsePackage2(buildPackage2(pkg));
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.value, onWire(pkg));
      }),
    );
  });

  it('Package#3', () => {
    assertProperty(
      fc.property(package3, (pkg) => {
        const parsed = parsePackage3(buildPackage3(pkg));
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.value, onWire(pkg));
      }),
    );
  });

  it('dmmo+json MO data', () => {
    assertProperty(
      fc.property(moData, (data) => {
        const parsed = parseMoData(buildMoData(data));
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.value, onWire(data));
      }),
    );
  });

  it('Generic Alert', () => {
    assertProperty(
      fc.property(genericAlert, (alert) => {
        const parsed = parseGenericAlert(JSON.stringify(buildGenericAlert(alert)));
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.value, onWire(alert));
      }),
    );
  });

  it('ClientURI: format → parse gives the same structure', () => {
    assertProperty(
      fc.property(clientUri, (uri) => {
        const parsed = parseClientUri(formatClientUri(uri));
        assert.equal(hasErrors(parsed.violations), false, JSON.stringify(parsed.violations));
        assert.deepStrictEqual(parsed.value, onWire(uri));
      }),
      500,
    );
  });

  it('multipart Package#3: every data part comes back byte for byte', () => {
    const withParts = package3.chain((pkg) =>
      fc
        .tuple(...pkg.Status.map((status) => (status.sc === 200 ? fc.option(fc.uint8Array({ maxLength: 64 })) : fc.constant(null))))
        .map((bodies) => ({ pkg, bodies })),
    );
    assertProperty(
      fc.property(withParts, ({ pkg, bodies }) => {
        const parts = bodies.flatMap((body, index) => (body === null ? [] : [{ index, mediaType: 'application/octet-stream', body }]));
        const built = buildMultipartPackage3(pkg, parts);
        const parsed = parseMultipartPackage3(built.contentType, built.body);
        assert.deepEqual(errorsOf(parsed.violations), []);
        assert.deepStrictEqual(parsed.package3, onWire(pkg));
        assert.deepStrictEqual(
          [...parsed.parts.values()].map((p) => ({ index: p.index, mediaType: p.mediaType, body: [...p.body] })),
          parts.map((p) => ({ index: p.index, mediaType: p.mediaType, body: [...p.body] })),
        );
      }),
    );
  });
});
