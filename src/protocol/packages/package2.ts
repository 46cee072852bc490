import { checkPackage2, checkWellFormedEntries, validatePackage2 } from '../commands/validate-package2.js';
import type { Package2 } from '../schemas/package2.schema.js';
import { hasErrors } from '../violation.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';

/**
 * Parses a Package#2 body (§5.2.3, §7.2.1.2) and runs every command check of
 * `checkPackage2`. Never throws; `value` is present when the structure is valid.
 */
export function parsePackage2(body: BodyInput, _options: ParseOptions = {}): ParseResult<Package2> {
  const decoded = decodeJsonBody(body, '7.2.1.2');
  if (!decoded.ok) return { violations: decoded.violations };
  const structure = checkStructure('package2', decoded.value);
  const violations = [...decoded.violations, ...structure.violations];
  if (!structure.value) return { violations: [...violations, ...checkWellFormedEntries(decoded.value)] };
  return { value: structure.value, violations: [...violations, ...checkPackage2(structure.value)] };
}

/** The JSON text of a valid Package#2; throws {@link PackageBuildError} on one the text forbids. */
export function buildPackage2(pkg: Package2): string {
  const violations = validatePackage2(pkg);
  if (hasErrors(violations)) throw PackageBuildError.from('Package#2', violations);
  return JSON.stringify(pkg);
}
