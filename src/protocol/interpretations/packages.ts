/**
 * Readings of the JSON packages, the commands, addressing and the HTTP binding that the approved
 * text (OMA-TS-DM_Protocol-V2_0-20160209-A) does not settle. Each constant is the one place a
 * reading lives; docs/reference/interpretations.md lists them with the reasons.
 */
import type { Violation } from '../violation.js';

type Severity = Violation['severity'];

/** A severity for the strict (default) and the lenient parsing mode. */
export interface ErratumPolicy {
  readonly strict: Severity;
  readonly lenient: Severity;
}

/**
 * ERRATUM: App F and App I write `"Status": [200, 404]` and even
 * `[200, "urn:…"]`, while the schema of §7.2.1.3 requires `{"sc": …}` objects. We emit the schema
 * form; a bare number (and a string following it, read as that status's URI) is an error by
 * default and a warning in lenient mode, where it is read as `{"sc": n, "URI": [...]}`.
 */
export const STATUS_BARE_NUMBER_POLICY: ErratumPolicy = { strict: 'error', lenient: 'warning' };

/**
 * ERRATUM: App F and App I.1 show `application/dmmo+json` as one bare object,
 * §7.2.1.4 as an array of objects. We emit the array; a single object is an error by default and
 * a warning in lenient mode, where it is read as a one-element array.
 */
export const MO_DATA_SINGLE_OBJECT_POLICY: ErratumPolicy = { strict: 'error', lenient: 'warning' };

/**
 * ERRATUM: §5.2.4 says the valid status codes are listed in "B.2.1"; they are in
 * Appendix C. Status-code violations cite this section.
 */
export const STATUS_CODE_SECTION = 'App C';

/**
 * ERRATUM: §5.2.2 requires Package#1 to carry an `Alert` array with the session
 * alert, while the example in App I.1 is `{}`. The normative sentence wins: a Package#1 without
 * one of the three App D session alerts gets this severity.
 */
export const PACKAGE1_SESSION_ALERT_MISSING_SEVERITY: Severity = 'error';

/**
 * §5.2.2, §7.2.1.1: the DDF link of each MOS entry is what a REQ-MOS asks for, so it is required
 * (an error when missing) only in a Package#1 answering a notification that carried REQ-MOS. In a
 * Package#1 the client sent unasked, an MOS entry without DDF is only noted with this severity.
 */
export const MOS_DDF_UNSOLICITED_SEVERITY: Severity = 'info';

/**
 * INFERRED (§5.2.2: "the session alert"): more than one App D session alert in a Package#1 is
 * odd but no sentence forbids it, so it is only a warning.
 */
export const PACKAGE1_SESSION_ALERT_DUPLICATE_SEVERITY: Severity = 'warning';

/**
 * ERRATUM: App C leaves the "applied commands" of 406 blank. §5.5 and
 * §5.3.2/§5.3.3 make it the answer of a client that supports none of the server-requested formats,
 * which only HPUT and HPOST ask about, so 406 is allowed for exactly these commands.
 */
export const STATUS_406_COMMANDS: readonly string[] = ['HPUT', 'HPOST'];

/**
 * ERRATUM, UNCONFIRMED: App C's 404 for DEFAULT speaks of a ClientURI that
 * DEFAULT does not have; we read it as "MOID not supported" and keep 404 allowed for DEFAULT.
 */
export const DEFAULT_404_MEANING = 'MOID not supported by the client';

/**
 * UNCONFIRMED (App C "1000–1999 application specific"): App C lists the application-specific
 * range without naming commands. Because their meaning comes from the MO that a command acts on,
 * they are allowed for every command that gets a status (all but END); EXEC with a ServerURI
 * still has to answer 202 when it succeeds.
 */
export const APPLICATION_STATUS_CODES = { min: 1000, max: 1999 } as const;

/**
 * INFERRED (§5.3): the positional order of parameters is shown by example only for
 * HGET, HPUT, HPOST, GET and END. For EXEC, DEFAULT and SUB it follows the order of the rows of
 * each command's parameter table (§5.3.5, §5.3.10, §5.3.11).
 */
export const INFERRED_PARAMETER_ORDERS = {
  EXEC: ['ClientURI', 'ServerURI'],
  DEFAULT: ['ServerURI', 'MOID'],
  SUB: ['ServerURI', 'ClientURI'],
} as const;

/**
 * UNCONFIRMED (App C): an empty `CMD` array is not forbidden, but it gives the client
 * nothing to do and no END, so the session can only loop; we flag it as a warning.
 */
export const EMPTY_CMD_SEVERITY: Severity = 'warning';

/**
 * UNCONFIRMED (App C): a command name outside the twelve of §5.3 is an error of the
 * server; the client is expected to answer it with one of these codes (App C: 501 "not
 * implemented", 400 "malformed").
 */
export const UNKNOWN_COMMAND_EXPECTED_CODES: readonly number[] = [501, 400];

/**
 * UNCONFIRMED (App C): a known command with a wrong parameter count is malformed;
 * the client is expected to answer 400 (App C "malformed command syntax").
 */
export const MALFORMED_COMMAND_EXPECTED_CODES: readonly number[] = [400];

/**
 * UNCONFIRMED (§5.3.9): END followed by more commands is not forbidden — the client
 * still runs them (§5.3.9) — but their statuses can never be reported, so it is a warning.
 */
export const END_NOT_LAST_SEVERITY: Severity = 'warning';

/**
 * INFERRED: §6.1.2 says only "an error code" when a ClientURI cannot be
 * resolved (no instance, several instances for an empty mo-inst, an ambiguous x-name). App C's
 * 404 "ClientURI not found" is the closest, 400 "malformed" also fits; both are accepted.
 */
export const UNRESOLVABLE_CLIENT_URI_ACCEPTED_CODES: readonly number[] = [404, 400];

/**
 * UNCONFIRMED (App C): CONT, SHOW and DEFAULT are answered 200 on acceptance (App C
 * for SHOW and DEFAULT); the text gives no code for a CONT whose ServerURI later fails.
 */
export const ACCEPTED_ON_RECEIPT_COMMANDS: readonly string[] = ['CONT', 'SHOW', 'DEFAULT'];

/**
 * UNCONFIRMED (§5.2.2, App D): §5.2.2 says the Data of the ServerInitiatedMgmt alert
 * "includes" the NOTIFICATION-ID without naming a member or a DataType. We send
 * `{"NOTIFICATION-ID": n}` with DataType `application/json`, and send no Data when the
 * notification carried no NOTIFICATION-ID.
 */
export const SESSION_ALERT_NOTIFICATION_ID = { member: 'NOTIFICATION-ID', dataType: 'application/json' } as const;

/**
 * UNCONFIRMED (§5.2.2, App D): the forms of the NOTIFICATION-ID a target may use inside Data,
 * tried in this order when reading: the `NOTIFICATION-ID` member (number or decimal string), the
 * first number found anywhere in Data (depth first), the first decimal string found anywhere.
 */
export const NOTIFICATION_ID_ACCEPTED_FORMS = ['member', 'number-anywhere', 'decimal-string'] as const;

/**
 * UNCONFIRMED (§5.2): no package carries a session id; dmct ties a Package#3 to its
 * session by the `OMADM-DevID` header (and, after CONT, by the URI it handed out).
 */
export const SESSION_CORRELATION = 'omadm-devid' as const;

/**
 * UNCONFIRMED (§5.2.3): only `200 OK` carries a Package#2 in the text. Another 2xx is
 * reported with `otherSuccessSeverity`; any other status is not a Package#2 at all (an error).
 */
export const PACKAGE2_HTTP_STATUS = { expected: 200, otherSuccessSeverity: 'warning' as Severity } as const;

/**
 * INFERRED (§5.2, §5.3.8): before any CONT, a Package#3 goes to the URI the
 * session's Package#1 was posted to.
 */
export const PACKAGE3_DEFAULT_TARGET = 'package1-uri' as const;

/**
 * UNCONFIRMED (§5.3.8): "any response packages" of §5.3.8 includes the Package#3 that
 * answers the very Package#2 carrying CONT, so that one already goes to the CONT ServerURI.
 */
export const CONT_APPLIES_TO_CURRENT_RESPONSE = true;

/**
 * §5.5 (SHOULD): a client request without `Accept` is legal; dmct reports
 * it with this severity.
 */
export const ACCEPT_MISSING_SEVERITY: Severity = 'warning';

/**
 * INFERRED (§6.1): the text never spells MIID; like every other name in the ClientURI ABNF
 * it is read as `1*unreserved` (RFC 3986).
 */
export const MIID_PATTERN = /^[A-Za-z0-9\-._~]+$/;

/**
 * INFERRED (§6.1 parsing hint): MOIDs are URNs without `/`, so a ClientURI splits at its
 * first `/`. A MOID must be non-empty and hold neither `/` nor `?`; one that is not a `urn:` gets
 * this severity (the text only shows URNs, §6.3).
 */
export const MOID_NOT_URN_SEVERITY: Severity = 'warning';

/**
 * §6.1.1.3 says a client MUST ignore unknown query fields of a ClientURI; dmct still notes them
 * with this severity so a report shows them.
 */
export const CLIENT_URI_UNKNOWN_QUERY_FIELD_SEVERITY: Severity = 'info';

/**
 * §7.2.1 (schemas in draft-04, no `additionalProperties: false` shown): members the text does not
 * define are not forbidden; dmct notes them with this severity.
 */
export const UNKNOWN_MEMBER_SEVERITY: Severity = 'info';

/**
 * §6.2: a placeholder the client does not support is replaced by `-1`. dmct treats a `[Name]`
 * outside the six of §6.2 the same way (it could not be a valid RFC 3986 URI character anyway).
 */
export const SERVER_URI_UNSUPPORTED_VALUE = '-1';

/**
 * INFERRED (App F): a multipart Package#3 should carry at least one data part; one that carries
 * none (a plain response+json would do) gets this severity.
 */
export const MULTIPART_WITHOUT_DATA_SEVERITY: Severity = 'warning';

/**
 * RFC 2046 §5.1.1 requires CRLF line breaks in multipart bodies; a body that uses bare LF is still
 * read, with this severity.
 */
export const MULTIPART_BARE_LF_SEVERITY: Severity = 'warning';

/**
 * INFERRED (§5.4.1, §5.3.5): "If the ServerURI is present in the EXEC command, the DM Client MUST
 * use the asynchronous reporting" governs how the *result of an execution* is reported. A command
 * that cannot be started at all (node not found, no rights, not executable, malformed, overload)
 * has no execution to report later, so an immediate error status (4xx, 5xx, and the
 * application-specific 14xx/15xx) is accepted; only an immediate *success* (2xx other than 202,
 * or 12xx) breaks the rule.
 */
export function isImmediateSuccessForAsyncExec(code: number): boolean {
  return (code >= 200 && code < 300 && code !== 202) || (code >= 1200 && code < 1300);
}
