/**
 * The reference server's readings of points the approved text (OMA-TS-DM_Protocol-V2_0-20160209-A)
 * leaves open, one named constant each. The wire-level readings it shares with the rest of dmct
 * (session correlation by OMADM-DevID, CONT already applying to the answer of its own package,
 * Package#3 going to the Package#1 URI before any CONT) live in src/protocol/interpretations and
 * are used from there; docs/reference/interpretations.md lists them.
 */

/**
 * Open question D.25 (UNCONFIRMED): the text gives no correlator for an asynchronous EXEC result;
 * §13.1 says the server matches it by `SourceURI`. The reference server links a Generic Alert to
 * the oldest EXEC still awaiting its result (answered 202) whose ClientURI equals the alert's
 * SourceURI exactly, character for character: a client that rewrites the URI (another x-name
 * form, a trailing slash) is not linked, and the alert is recorded as an ordinary one.
 */
export const ASYNC_RESULT_LINK = { by: 'SourceURI', match: 'exact', pick: 'oldest-pending' } as const;

/**
 * Open question D.25 (UNCONFIRMED): "send to the ServerURI in a new DM Session" needs a ServerURI
 * that takes a Package#1. The server hands out `<dm>/async/<commandId>` (template `{{async}}`),
 * which accepts a Package#1 (and the session's Package#3s) like the DM endpoint itself.
 */
export const ASYNC_RESULT_PATH_SEGMENT = 'async';

/**
 * §5.2.4 + §5.3.9 (INFERRED): no Package#3 answers a Package#2 that holds END, so statuses of the
 * commands sent with END are lost. The server therefore never puts END into a package of queued
 * commands itself: END goes alone, in the Package#2 that answers the last Package#3. (A whole
 * Package#2 queued through the admin API is sent exactly as queued.)
 */
export const END_TRAVELS_ALONE = true;

/**
 * Open question C.14 with §5.3.8: a Package#3 that arrives anywhere but where the session
 * expects it (its Package#1 URI, or the CONT URI once CONT was sent) is refused with this status
 * and ends the session, rather than silently continuing it.
 */
export const MISDIRECTED_PACKAGE3_STATUS = 400;

/**
 * Open question B.9 (UNCONFIRMED): how the NOTIFICATION-ID sits in the ServerInitiatedMgmt Data is
 * not fixed, so a mismatch could be the server's misreading. The server records the check per
 * session (`match`, `mismatch`, `missing`) and never refuses the Package#1 for it.
 */
export const NOTIFICATION_ID_MISMATCH_REFUSED = false;

/**
 * §5.2.2: after a notification with REQ-MOS the Package#1 "MUST" carry MOS. The server refuses a
 * ServerInitiatedMgmt Package#1 without it (when the last notification it sent asked for MOS)
 * with this status.
 */
export const MOS_MISSING_STATUS = 400;

/**
 * App I.2 / §5.3.1 (INFERRED): a repository answers HGET with a type from the client's
 * Accept, and a single leaf may travel as text/plain. Content registered as dmmo+json holding
 * exactly one leaf is also offered as its bare value in text/plain.
 */
export const SINGLE_LEAF_AS_TEXT_PLAIN = true;

/**
 * §5.3.11 and §5.5: a receiver that does not support an upload's format MUST answer 415 with
 * OMADM-Accept. The repository takes these types for HPUT, HPOST and SUB uploads; every response
 * carrying a Package#2 names them in OMADM-Accept too (§5.5), text/plain being beyond the mandated
 * application/dmmo+json.
 */
export const UPLOAD_MEDIA_TYPES = ['application/dmmo+json', 'text/plain'] as const;
