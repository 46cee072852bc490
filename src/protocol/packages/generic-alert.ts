import { checkClientUri } from '../addressing/client-uri.js';
import { NOTIFICATION_ID_ACCEPTED_FORMS, SESSION_ALERT_NOTIFICATION_ID } from '../interpretations/packages.js';
import { genericAlertSchema, type GenericAlert } from '../schemas/generic-alert.schema.js';
import { hasErrors, type Violation } from '../violation.js';
import { decodeJsonBody, type BodyInput } from './json-body.js';
import { PackageBuildError, type ParseOptions, type ParseResult } from './parse-result.js';
import { checkStructure } from './structure.js';

/** The AlertTypes of Appendix D: the three session alerts of §5.2.2. */
export const ALERT_TYPES = {
  serverInitiatedMgmt: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt',
  clientInitiatedMgmt: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt',
  bootstrapComplete: 'urn:oma:at:dm:2.0:BootstrapComplete',
} as const;

/** One of the three App D session alert types (§5.2.2). */
export type SessionAlertType = (typeof ALERT_TYPES)[keyof typeof ALERT_TYPES];

/** The session alert types, in App D order. */
export const SESSION_ALERT_TYPES: readonly SessionAlertType[] = Object.values(ALERT_TYPES);

/** An importance level of a Generic Alert (§5.4), as the schema defines it. */
export type Mark = NonNullable<GenericAlert['Mark']>;

/** The seven Mark values of §5.4, read from the schema. */
export const MARKS: readonly Mark[] = genericAlertSchema.properties.Mark.enum;

/** The Mark assumed when an alert has none (§5.4). */
export const DEFAULT_MARK: Mark = 'informational';

/** An alert's Mark, or the default `informational` when it has none (§5.4). */
export function effectiveMark(alert: GenericAlert): Mark {
  return alert.Mark ?? DEFAULT_MARK;
}

/** True when the alert is one of the three App D session alerts (§5.2.2). */
export function isSessionAlert(alert: GenericAlert): boolean {
  return (SESSION_ALERT_TYPES as readonly string[]).includes(alert.AlertType);
}

/**
 * The session alert a Package#1 opens with (§5.2.2, App D). For ServerInitiatedMgmt the
 * notification's NOTIFICATION-ID goes into Data as `{"NOTIFICATION-ID": n}` with DataType
 * `application/json` (§5.2.2, App D, `SESSION_ALERT_NOTIFICATION_ID`); without one, no Data.
 */
export function buildSessionAlert(type: SessionAlertType, options: { notificationId?: number } = {}): GenericAlert {
  if (type !== ALERT_TYPES.serverInitiatedMgmt || options.notificationId === undefined) return { AlertType: type };
  const id = options.notificationId;
  if (!Number.isInteger(id) || id < 0 || id > 0xffff)
    throw new PackageBuildError('session alert', [`NOTIFICATION-ID ${id} is not a 16-bit unsigned integer`]);
  return {
    AlertType: type,
    DataType: SESSION_ALERT_NOTIFICATION_ID.dataType,
    Data: { [SESSION_ALERT_NOTIFICATION_ID.member]: id },
  };
}

/** Where {@link extractNotificationId} found the id (§5.2.2, App D). */
export type NotificationIdForm = (typeof NOTIFICATION_ID_ACCEPTED_FORMS)[number];

const DECIMAL = /^\d{1,5}$/;
const MAX_DEPTH = 32;

function asNotificationId(value: unknown, allowString: boolean): number | undefined {
  const number =
    typeof value === 'number' ? value : allowString && typeof value === 'string' && DECIMAL.test(value) ? Number(value) : undefined;
  return number !== undefined && Number.isInteger(number) && number >= 0 && number <= 0xffff ? number : undefined;
}

function findFirst(value: unknown, pick: (leaf: unknown) => number | undefined, depth = 0): number | undefined {
  const direct = pick(value);
  if (direct !== undefined || depth >= MAX_DEPTH || value === null || typeof value !== 'object') return direct;
  for (const child of Object.values(value)) {
    const found = findFirst(child, pick, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Reads the NOTIFICATION-ID out of a ServerInitiatedMgmt alert's Data, accepting every form of
 * §5.2.2, App D in the order of `NOTIFICATION_ID_ACCEPTED_FORMS`: the `NOTIFICATION-ID` member
 * (number or decimal string), any number in Data, any decimal string in Data. Values must fit in
 * 16 bits (§5.2.1.2). `undefined` when Data holds none.
 */
export function extractNotificationId(alert: GenericAlert): { id: number; form: NotificationIdForm } | undefined {
  const data = alert.Data;
  if (data === undefined || data === null || typeof data !== 'object') return undefined;
  const readers: Record<NotificationIdForm, () => number | undefined> = {
    member: () => asNotificationId(data[SESSION_ALERT_NOTIFICATION_ID.member], true),
    'number-anywhere': () => findFirst(data, (leaf) => (typeof leaf === 'number' ? asNotificationId(leaf, false) : undefined)),
    'decimal-string': () => findFirst(data, (leaf) => (typeof leaf === 'string' ? asNotificationId(leaf, true) : undefined)),
  };
  for (const form of NOTIFICATION_ID_ACCEPTED_FORMS) {
    const id = readers[form]();
    if (id !== undefined) return { id, form };
  }
  return undefined;
}

/**
 * The checks of one alert beyond its schema (§5.4): SourceURI and TargetURI must be ClientURIs;
 * a ServerInitiatedMgmt alert whose Data holds no readable NOTIFICATION-ID gets a warning.
 */
export function checkGenericAlert(alert: GenericAlert, pointer = ''): Violation[] {
  const violations: Violation[] = [];
  for (const member of ['SourceURI', 'TargetURI'] as const) {
    const uri = alert[member];
    if (uri !== undefined) {
      violations.push(
        ...checkClientUri(uri, `${pointer}/${member}`).map((v) =>
          v.severity === 'error' ? { ...v, rule: `alert-${member.toLowerCase()}-syntax`, section: '5.4' } : v,
        ),
      );
    }
  }
  if (alert.AlertType === ALERT_TYPES.serverInitiatedMgmt && alert.Data !== undefined && extractNotificationId(alert) === undefined) {
    violations.push({
      rule: 'session-alert-notification-id-unreadable',
      section: '5.2.2',
      severity: 'warning',
      message: 'the ServerInitiatedMgmt alert has Data but no NOTIFICATION-ID dmct can read in it',
      pointer: `${pointer}/Data`,
    });
  }
  return violations;
}

/** Every alert of an `Alert` array, checked beyond the schema (§5.4). */
export function checkAlerts(alerts: readonly GenericAlert[] | undefined): Violation[] {
  return (alerts ?? []).flatMap((alert, i) => checkGenericAlert(alert, `/Alert/${i}`));
}

/**
 * Parses a standalone Generic Alert (§5.4, §7.2.1.5). Never throws; `value` is present when the
 * structure is valid, semantic findings (ClientURI syntax) do not remove it.
 */
export function parseGenericAlert(body: BodyInput, _options: ParseOptions = {}): ParseResult<GenericAlert> {
  const decoded = decodeJsonBody(body, '7.2.1.5');
  if (!decoded.ok) return { violations: decoded.violations };
  const structure = checkStructure('generic-alert', decoded.value);
  const violations = [...decoded.violations, ...structure.violations];
  if (!structure.value) return { violations };
  return { value: structure.value, violations: [...violations, ...checkGenericAlert(structure.value)] };
}

/**
 * Returns the alert once it is known valid (§5.4); throws {@link PackageBuildError} otherwise.
 * For dmct's own code: a target's alerts go through {@link parseGenericAlert}.
 */
export function buildGenericAlert(alert: GenericAlert): GenericAlert {
  const { violations } = parseGenericAlert(alert);
  if (hasErrors(violations)) throw PackageBuildError.from('Generic Alert', violations);
  return alert;
}
