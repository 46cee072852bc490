import { isRfc3986Uri } from '../addressing/uri-syntax.js';
import { checkClientUri } from '../addressing/client-uri.js';
import { MO_DATA_SINGLE_OBJECT_POLICY } from '../interpretations/packages.js';
import type { MoData } from '../schemas/mo-data.schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';
import { appendAll } from '../json-limits.js';

/** Checks of dmmo+json entries beyond the schema (§7.2.1.4): ClientURI syntax, DDF links. */
export function checkMoData(data: MoData): Violation[] {
  return data.flatMap((entry, i) => [
    ...checkClientUri(entry.ClientURI, `/${i}/ClientURI`),
    ...(entry.DDF === undefined || isRfc3986Uri(entry.DDF)
      ? []
      : [
          {
            rule: 'mo-data-ddf-syntax',
            section: '7.2.1.4',
            severity: 'error' as const,
            message: `DDF ${JSON.stringify(entry.DDF)} is not a URI`,
            pointer: `/${i}/DDF`,
          },
        ]),
  ]);
}

/**
 * Parses an `application/dmmo+json` body (§7.2.1.4). Never throws. A single object instead of
 * an array (the form of App F, an erratum) is read as a one-element array, reported per `MO_DATA_SINGLE_OBJECT_POLICY`:
 * an error by default, a warning with `lenient`; `value` stays absent when it is an error.
 */
export function parseMoData(body: BodyInput, options: ParseOptions = {}): ParseResult<MoData> {
  const decoded = decodeJsonBody(body, '7.2.1.4');
  if (!decoded.ok) return { violations: decoded.violations };
  const violations = [...decoded.violations];
  let value = decoded.value;
  let erratumError = false;
  let wrapped = false;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const severity = options.lenient ? MO_DATA_SINGLE_OBJECT_POLICY.lenient : MO_DATA_SINGLE_OBJECT_POLICY.strict;
    erratumError = severity === 'error';
    violations.push({
      rule: 'mo-data-single-object',
      section: '7.2.1.4',
      severity,
      message: 'dmmo+json must be an array of objects; this is a single object (the form of App F, an erratum)',
      pointer: '',
    });
    value = [value];
    wrapped = true;
  }
  const structure = checkStructure('mo-data', value);
  // Findings about the wrapped object point into the object itself, as the target sent it.
  const unwrap = (v: Violation): Violation => (wrapped && v.pointer?.startsWith('/0') ? { ...v, pointer: v.pointer.slice(2) } : v);
  appendAll(violations, structure.violations.map(unwrap));
  if (!structure.value) return { violations };
  appendAll(violations, checkMoData(structure.value).map(unwrap));
  return erratumError ? { violations } : { value: structure.value, violations };
}

/** The JSON text of valid MO data; throws {@link PackageBuildError} on data the text forbids. */
export function buildMoData(data: MoData): string {
  if (!Array.isArray(data)) throw new PackageBuildError('dmmo+json', ['MO data must be an array']);
  const { violations } = parseMoData(data);
  if (hasErrors(violations)) throw PackageBuildError.from('dmmo+json', violations);
  return JSON.stringify(data);
}
