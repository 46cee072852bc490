import { isRfc3986Uri } from '../addressing/uri-syntax.js';
import { checkMiid, checkMoid } from '../addressing/moid.js';
import { PACKAGE1_SESSION_ALERT_DUPLICATE_SEVERITY, PACKAGE1_SESSION_ALERT_MISSING_SEVERITY } from '../interpretations/packages.js';
import type { Package1 } from '../schemas/package1.schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { checkAlerts, isSessionAlert } from './generic-alert.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';

/** Checks of the `MOS` array beyond the schema (§5.2.2): DDF links, MOIDs, MIIDs. */
function checkSupportedMos(pkg: Package1): Violation[] {
  return (pkg.MOS ?? []).flatMap((mo, i) => [
    ...(isRfc3986Uri(mo.DDF)
      ? []
      : [{ rule: 'mos-ddf-syntax', section: '5.2.2', severity: 'error' as const, message: `DDF ${JSON.stringify(mo.DDF)} is not a URI`, pointer: `/MOS/${i}/DDF` }]),
    ...checkMoid(mo.MOID, `/MOS/${i}/MOID`),
    ...mo.MIID.flatMap((miid, j) => checkMiid(miid, `/MOS/${i}/MIID/${j}`)),
  ]);
}

/** The session-alert rule of §5.2.2 (ERRATUM E7 decides against the empty example). */
function checkSessionAlert(pkg: Package1): Violation[] {
  const sessionAlerts = (pkg.Alert ?? []).map((alert, i) => ({ alert, i })).filter(({ alert }) => isSessionAlert(alert));
  if (sessionAlerts.length === 0) {
    return [{
      rule: 'package1-session-alert-missing',
      section: '5.2.2',
      severity: PACKAGE1_SESSION_ALERT_MISSING_SEVERITY,
      message: 'Package#1 carries no session alert (ServerInitiatedMgmt, ClientInitiatedMgmt or BootstrapComplete)',
      pointer: '/Alert',
    }];
  }
  return sessionAlerts.slice(1).map(({ i }) => ({
    rule: 'package1-session-alert-duplicate',
    section: '5.2.2',
    severity: PACKAGE1_SESSION_ALERT_DUPLICATE_SEVERITY,
    message: 'Package#1 carries more than one session alert',
    pointer: `/Alert/${i}`,
  }));
}

/** All checks of a structurally valid Package#1 beyond its schema (§5.2.2, §5.4). */
export function checkPackage1(pkg: Package1): Violation[] {
  return [...checkSupportedMos(pkg), ...checkSessionAlert(pkg), ...checkAlerts(pkg.Alert)];
}

/**
 * Parses a Package#1 body (§5.2.2, §7.2.1.1): JSON text, bytes or a parsed value. Never throws;
 * `value` is present when the structure is valid.
 */
export function parsePackage1(body: BodyInput, _options: ParseOptions = {}): ParseResult<Package1> {
  const decoded = decodeJsonBody(body, '7.2.1.1');
  if (!decoded.ok) return { violations: decoded.violations };
  const structure = checkStructure('package1', decoded.value);
  const violations = [...decoded.violations, ...structure.violations];
  if (!structure.value) return { violations };
  return { value: structure.value, violations: [...violations, ...checkPackage1(structure.value)] };
}

/** The JSON text of a valid Package#1; throws {@link PackageBuildError} on one the text forbids. */
export function buildPackage1(pkg: Package1): string {
  const { violations } = parsePackage1(pkg);
  if (hasErrors(violations)) throw PackageBuildError.from('Package#1', violations);
  return JSON.stringify(pkg);
}
