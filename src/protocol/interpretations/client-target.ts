/**
 * Readings the client-target suites take where the approved text (OMA-TS-DM_Protocol-V2_0-20160209-A)
 * leaves a client's behaviour open, UNCONFIRMED or INFERRED (suites/client-target/). Each is the
 * single place its choice is made; docs/reference/interpretations.md lists them with the reasons.
 */

/**
 * How old (seconds) the TIMESTAMP of the "stale notification" scenario is (section 5.2.1.2, 9.1).
 * The text lets a client drop old notifications (MAY) with an implementation-specific threshold;
 * reading: a client that claims TIMESTAMP support uses it against replay, so it drops one that is
 * a whole day old, far beyond any sensible window. Younger staleness is not judged.
 */
export const STALE_NOTIFICATION_AGE_SECONDS = 86_400;

/**
 * A notification whose SERVER-ID names no DM account of the client opens no session with dmct
 * (section 5.2.1.2: SERVER-ID identifies the server; INFERRED: supporting the option means picking
 * the account by it, and there is no account to pick).
 */
export const UNKNOWN_SERVER_ID_OPENS_SESSION = false;

/**
 * What honouring PREFERRED-CON-TYPE looks like from outside (section 5.2.1.2, 12.4; INFERRED): a
 * session whose SessionInfo CBT reads the value of the preferred bearer (1 MOBILE for CELLULAR,
 * 2 WIRELESS for WLAN, 3 WIRELINE). Taking the best available bearer is a SHOULD, and which
 * bearers a device has is known only from the claims (`client.bearers`): a call-back over another
 * bearer is a non-strict finding when the preferred one is declared available, and only recorded
 * when the claims declare none. What the option's support (a MUST, Table 1) obliges is that a
 * notification carrying it, ending in ANY_AVAILABLE so the client has no reason to wait, opens a
 * session.
 */
export const CBT_OF_PREFERRED_CON_TYPE = { CELLULAR: 1, WLAN: 2, WIRELINE: 3 } as const;

/**
 * Status codes accepted for an EXEC of a node that is not executable (App C 405 "EXEC on a
 * non-executable node"; 403 also fits a node whose access type lacks Exec, section 6.3.1.1).
 */
export const NON_EXECUTABLE_EXEC_CODES: readonly number[] = [405, 403];

/**
 * Status codes with which a client may refuse the MO data dmct installs with HGET into the IXIT's
 * deletable MOID (App C: 415 data not recognized, 403 not permitted, 506 device full). The data is
 * dmct's own sample, which the client's DDF for that MOID may reject: such a refusal makes the
 * HGET scenario inconclusive, never a fail.
 */
export const HGET_SAMPLE_REFUSAL_CODES: readonly number[] = [415, 403, 506];

/**
 * 202 Accepted on a command other than EXEC breaks synchronous reporting (section 5.4.1) and is
 * judged only by the DM-PACK-025-C-M scenarios; the other scenarios read it as "done, reported
 * the wrong way" so that one mistake gives one finding (mutant matrix).
 */
export const ASYNC_STATUS_JUDGED_BY = 'DM-PACK-025-C-M';

/**
 * Status of a GET on a leaf without content (section 5.3.6, App C 204 "No Content").
 */
export const EMPTY_LEAF_GET_CODES: readonly number[] = [204];

/**
 * The status HGET gets when the repository's GET fails (App C 419 "ServerURI Error": the GET to
 * ServerURI failed, nothing received).
 */
export const HGET_REPOSITORY_FAILURE_CODES: readonly number[] = [419];
