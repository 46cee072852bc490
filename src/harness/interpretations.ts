/**
 * Readings of the approved text (OMA-TS-DM_Protocol-V2_0-20160209-A) that dmct takes when it plays
 * the DM client against a server target and judges the server. Each constant is one reading;
 * docs/reference/interpretations.md lists them with the reasons.
 */
import type { CertificateKeyType } from '../transport/tls-settings.js';

/**
 * UNCONFIRMED (§5.3.5, §5.4.1, §13.1): the format of the Generic Alert that
 * carries an asynchronous EXEC result is per MO and out of the text's scope. dmct's device sends
 * `AlertType` below, `SourceURI` = the executed node's ClientURI (the only link the text names:
 * "the server matches async results to the EXEC by SourceURI", §13.1), and the final status code
 * as JSON Data `{"ResultCode": <code>}` (the shape of the §7.2.1 DCMO example). It is delivered
 * in the Package#1 of a new session posted to the EXEC's ServerURI, or to the DM account's
 * SrvURI when the EXEC had none.
 */
export const ASYNC_RESULT_ALERT = {
  alertType: 'urn:dmct:at:harness:1.0:OperationComplete',
  dataType: 'application/json',
  resultMember: 'ResultCode',
} as const;

/**
 * INFERRED (§5.4: the server "MUST NOT send any status codes for the Generic Alerts"): a Package#2
 * has no status construct at all, so a status for an alert can only show up as a `CMD` entry that
 * is not one of the twelve DM commands (e.g. `["STATUS","200"]`) in the Package#2 that answers the
 * package carrying the alert. Commands the server chooses to send after an alert are legal.
 */
export const ALERT_STATUS_EVIDENCE = 'unknown-command-after-alert' as const;

/**
 * INFERRED (§5.3.9: "the DM Server MUST use END to close the session"; §5.1.1: no time limit): a
 * server with nothing queued for the device may still send its own commands first, so dmct lets
 * a session run this many Package#2s (answering each) before judging that END never came.
 */
export const END_EXPECTED_WITHIN_PACKAGE2S = 4;

/**
 * Open question D.29: a CONT the device answers with an error leaves undefined where the next
 * Package#3 goes, so the server's handling of CONT statuses is checked for 200 only; every other
 * command is answered with each code Appendix C allows for it.
 */
export const CONT_STATUSES_CHECKED: readonly number[] = [200];

/**
 * Open question C.13 (`PACKAGE2_HTTP_STATUS`): a server "accepts" a Package#1 or Package#3 when it
 * answers with a 2xx response whose body is a Package#2 (a JSON object with a `CMD` array of
 * arrays); 200 is what the text shows, another 2xx is noted as a warning, never failed. Anything
 * else (4xx, 5xx, no body) means the package was refused.
 */
export const PACKAGE_ACCEPTED_STATUS_RANGE = { min: 200, max: 299 } as const;

/**
 * INFERRED (§9.2.2: the DM server SHALL support all seven PSK and all six X.509 cipher suites
 * listed): the RSA, DHE_RSA and RSA_PSK suites need the server to hold an RSA certificate, the
 * ECDHE_ECDSA ones an ECDSA certificate, and which certificates a server presents is its
 * operator's configuration, so a refused suite cannot be told from one the certificate rules
 * out. The claims say which key types the server under test holds (`tls.serverKeyTypes`); by
 * default both, as supporting every suite needs. Each suite the claimed key types allow is offered
 * alone over TLS 1.2 (each exists from TLS 1.2 on) and must complete: one check per suite, a
 * refusal naming the suite and the TLS alert. A suite needing a key type the claims leave out is
 * not offered, and its item is inconclusive (precondition not met), never a pass and never a
 * fail. Certificate trust is not judged by these checks (the X.509 mode item judges it), and a
 * mode none of whose suites completes is that mode's failure, not this one's.
 */
export const SERVER_KEY_TYPES_ASSUMED: readonly CertificateKeyType[] = ['ecdsa', 'rsa'];

/**
 * INFERRED (§9.2, §9.2.2): nothing in §9.2 obliges a DM server to refuse a DM request that comes
 * over plain HTTP; §9.2.2 obliges the client to check that the server uses TLS 1.0, 1.1 or 1.2
 * (DM-SEC-012-C, judged on the client side). So a server that also answers over plain HTTP, even
 * one whose claims say `tls.only`, gets no fail from dmct, and no non-strict finding either: a
 * non-strict finding stands for a SHOULD of the text, there is none here, and a `--strict` run
 * would turn it into a fail. dmct sends a server target nothing over plain HTTP when its DM
 * endpoint is an https: URL.
 */
export const SERVER_PLAIN_HTTP_JUDGED = false;
