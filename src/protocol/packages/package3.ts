import { STATUS_BARE_NUMBER_POLICY, STATUS_CODE_SECTION } from '../interpretations/packages.js';
import { statusCodeInfo } from '../commands/status-codes.js';
import type { Package3 } from '../schemas/package3.schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { checkAlerts } from './generic-alert.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';
import { appendAll } from '../json-limits.js';

interface Normalised {
  value: unknown;
  violations: Violation[];
  erratumError: boolean;
  /** Original `Status` index of each normalised entry. */
  indexMap: number[] | undefined;
}

/**
 * ERRATUM: reads `[200, 404]` and `[200, "urn:…"]` as status objects, a string right after a
 * bare number being a URI of that status, and reports each per `STATUS_BARE_NUMBER_POLICY`.
 */
function normaliseBareStatuses(raw: unknown, lenient: boolean): Normalised {
  const unchanged: Normalised = { value: raw, violations: [], erratumError: false, indexMap: undefined };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return unchanged;
  const statuses = (raw as Record<string, unknown>)['Status'];
  if (!Array.isArray(statuses) || !statuses.some((s) => typeof s === 'number')) return unchanged;
  const severity = lenient ? STATUS_BARE_NUMBER_POLICY.lenient : STATUS_BARE_NUMBER_POLICY.strict;
  const violations: Violation[] = [];
  const normalised: unknown[] = [];
  const indexMap: number[] = [];
  let previousBare: { sc: number; URI?: string[] } | undefined;
  statuses.forEach((entry: unknown, i) => {
    if (typeof entry === 'number') {
      previousBare = { sc: entry };
      normalised.push(previousBare);
      indexMap.push(i);
      violations.push({
        rule: 'status-bare-number',
        section: '7.2.1.3',
        severity,
        message: `status ${entry} is a bare number; the schema requires {"sc": ${entry}} (the form of App F/App I, an erratum)`,
        pointer: `/Status/${i}`,
      });
    } else if (typeof entry === 'string' && previousBare) {
      (previousBare.URI ??= []).push(entry);
      violations.push({
        rule: 'status-flattened-uri',
        section: '7.2.1.3',
        severity,
        message: `URI ${JSON.stringify(entry)} stands flattened in the Status array; it belongs in the "URI" array of the status before it (an erratum)`,
        pointer: `/Status/${i}`,
      });
    } else {
      previousBare = undefined;
      normalised.push(entry);
      indexMap.push(i);
    }
  });
  return { value: { ...raw, Status: normalised }, violations, erratumError: severity === 'error', indexMap };
}

/** Checks of a structurally valid Package#3 on its own (§5.2.4): codes from App C, alerts. */
export function checkPackage3(pkg: Package3): Violation[] {
  const unknownCodes = pkg.Status.flatMap((status, i) =>
    statusCodeInfo(status.sc)
      ? []
      : [
          {
            rule: 'status-code-unknown',
            section: STATUS_CODE_SECTION,
            severity: 'error' as const,
            message: `status code ${status.sc} is not in Appendix C`,
            pointer: `/Status/${i}/sc`,
          },
        ],
  );
  return [...unknownCodes, ...checkAlerts(pkg.Alert)];
}

/**
 * Parses a Package#3 body (§5.2.4, §7.2.1.3). Never throws. Bare-number statuses (App F, App I; an erratum)
 * are errors by default (no `value`) and warnings with `lenient`; pointers always index the
 * Status array as the target sent it.
 */
export function parsePackage3(body: BodyInput, options: ParseOptions = {}): ParseResult<Package3> {
  const decoded = decodeJsonBody(body, '7.2.1.3');
  if (!decoded.ok) return { violations: decoded.violations };
  const normalised = normaliseBareStatuses(decoded.value, options.lenient ?? false);
  const remap = (v: Violation): Violation => {
    const match = normalised.indexMap && v.pointer ? /^\/Status\/(\d+)(.*)$/.exec(v.pointer) : null;
    if (!match || !normalised.indexMap) return v;
    return { ...v, pointer: `/Status/${normalised.indexMap[Number(match[1])] ?? match[1]}${match[2] ?? ''}` };
  };
  const structure = checkStructure('package3', normalised.value);
  const violations = [...decoded.violations, ...normalised.violations, ...structure.violations.map(remap)];
  if (!structure.value) return { violations };
  appendAll(violations, checkPackage3(structure.value).map(remap));
  return normalised.erratumError ? { violations } : { value: structure.value, violations };
}

/** The JSON text of a valid Package#3 (schema form); throws {@link PackageBuildError} otherwise. */
export function buildPackage3(pkg: Package3): string {
  const { violations } = parsePackage3(pkg);
  if (hasErrors(violations)) throw PackageBuildError.from('Package#3', violations);
  return JSON.stringify(pkg);
}
