import { isRfc3986Uri } from '../addressing/uri-syntax.js';
import { checkMiid, checkMoid } from '../addressing/moid.js';
import {
  MOS_DDF_UNSOLICITED_SEVERITY,
  PACKAGE1_SESSION_ALERT_DUPLICATE_SEVERITY,
  PACKAGE1_SESSION_ALERT_MISSING_SEVERITY,
} from '../interpretations/packages.js';
import type { Package1 } from '../schemas/package1.schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { ALERT_TYPES, checkAlerts, isSessionAlert } from './generic-alert.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';

/** Options of {@link parsePackage1}. */
export interface Package1ParseOptions extends ParseOptions {
  /**
   * The last notification sent to this client carried REQ-MOS (§5.2.1.2): a Package#1 answering it
   * (ServerInitiatedMgmt session alert) must give each MOS entry its DDF link (§5.2.2).
   */
  reqMosAsked?: boolean;
}

/** True when the Package#1 answers a notification that asked for the MOS array (§5.2.2). */
function answersReqMos(pkg: Package1, reqMosAsked: boolean): boolean {
  return reqMosAsked && (pkg.Alert ?? []).some((alert) => alert.AlertType === ALERT_TYPES.serverInitiatedMgmt);
}

function checkDdf(ddf: string | undefined, pointer: string, required: boolean): Violation[] {
  if (ddf === undefined) {
    return [
      {
        rule: 'mos-ddf-missing',
        section: '5.2.2',
        severity: required ? 'error' : MOS_DDF_UNSOLICITED_SEVERITY,
        message: required
          ? 'the MOS entry has no DDF link, which a Package#1 answering REQ-MOS must give'
          : 'the MOS entry has no DDF link (required only when a notification asked with REQ-MOS)',
        pointer,
      },
    ];
  }
  return isRfc3986Uri(ddf)
    ? []
    : [{ rule: 'mos-ddf-syntax', section: '5.2.2', severity: 'error', message: `DDF ${JSON.stringify(ddf)} is not a URI`, pointer }];
}

/** Checks of the `MOS` array beyond the schema (§5.2.2): DDF links, MOIDs, MIIDs. */
function checkSupportedMos(pkg: Package1, reqMosAsked: boolean): Violation[] {
  const ddfRequired = answersReqMos(pkg, reqMosAsked);
  return (pkg.MOS ?? []).flatMap((mo, i) => [
    ...checkDdf(mo.DDF, `/MOS/${i}/DDF`, ddfRequired),
    ...checkMoid(mo.MOID, `/MOS/${i}/MOID`),
    ...mo.MIID.flatMap((miid, j) => checkMiid(miid, `/MOS/${i}/MIID/${j}`)),
  ]);
}

/** The session-alert rule of §5.2.2 (the normative sentence wins over the empty example of App I.1). */
function checkSessionAlert(pkg: Package1): Violation[] {
  const sessionAlerts = (pkg.Alert ?? []).map((alert, i) => ({ alert, i })).filter(({ alert }) => isSessionAlert(alert));
  if (sessionAlerts.length === 0) {
    return [
      {
        rule: 'package1-session-alert-missing',
        section: '5.2.2',
        severity: PACKAGE1_SESSION_ALERT_MISSING_SEVERITY,
        message: 'Package#1 carries no session alert (ServerInitiatedMgmt, ClientInitiatedMgmt or BootstrapComplete)',
        pointer: '/Alert',
      },
    ];
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
export function checkPackage1(pkg: Package1, reqMosAsked = false): Violation[] {
  return [...checkSupportedMos(pkg, reqMosAsked), ...checkSessionAlert(pkg), ...checkAlerts(pkg.Alert)];
}

/**
 * Parses a Package#1 body (§5.2.2, §7.2.1.1): JSON text, bytes or a parsed value. Never throws;
 * `value` is present when the structure is valid. Without `reqMosAsked`, the Package#1 is taken as
 * unasked for its MOS (a missing DDF is then only noted).
 */
export function parsePackage1(body: BodyInput, options: Package1ParseOptions = {}): ParseResult<Package1> {
  const decoded = decodeJsonBody(body, '7.2.1.1');
  if (!decoded.ok) return { violations: decoded.violations };
  const structure = checkStructure('package1', decoded.value);
  const violations = [...decoded.violations, ...structure.violations];
  if (!structure.value) return { violations };
  return { value: structure.value, violations: [...violations, ...checkPackage1(structure.value, options.reqMosAsked === true)] };
}

/** The JSON text of a valid Package#1; throws {@link PackageBuildError} on one the text forbids. */
export function buildPackage1(pkg: Package1): string {
  const { violations } = parsePackage1(pkg);
  if (hasErrors(violations)) throw PackageBuildError.from('Package#1', violations);
  return JSON.stringify(pkg);
}
