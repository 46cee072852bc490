/**
 * Readings the reference DM client takes where the approved text leaves a client's behaviour
 * UNCONFIRMED. docs/reference/interpretations.md lists them with the reasons.
 */

/**
 * A notification without SHA256-DIGEST, sent to a client that holds DMAcc `Auth/Noti` credentials
 * (section 5.2.1.2: unspecified). Reading: accepted — the text obliges the
 * client to authenticate a digest that is present and to ignore one it cannot verify, but never
 * requires one; refusing unsigned notifications would be a policy beyond the text.
 */
export const UNSIGNED_NOTIFICATION_ACCEPTED = true;
