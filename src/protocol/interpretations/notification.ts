/**
 * Readings of Package#0 (DM Notification) and its transports that the approved text
 * (OMA-TS-DM_Protocol-V2_0-20160209-A) leaves UNCONFIRMED or only INFERRED. Each constant is one
 * reading; docs/reference/interpretations.md lists them with the reasons.
 */

/**
 * The notification format version dmct sends and expects in the VER field (§5.2.1.1: "MUST be
 * 0x02"). Stated by the text; kept here because the 2013/2015 candidates' bit layout could not be
 * checked (§5.2.1.1).
 */
export const NOTIFICATION_VERSION = 2;

/**
 * The 7 RESERVED header bits (§7.1.1) are not described beyond their name. UNCONFIRMED reading:
 * a sender writes 0, and a receiver ignores them, so a non-zero value is reported as a `warning`
 * (§7.1.1), never as an error.
 */
export const NOTIFICATION_RESERVED_BITS_SEND = 0;
/** Severity of RESERVED bits ≠ 0 on receipt (§7.1.1). */
export const NOTIFICATION_RESERVED_BITS_SEVERITY = 'warning' as const;

/**
 * Option numbers other than 1–6 are not addressed (§5.2.1.2, §7.1.1). UNCONFIRMED reading: a
 * tolerant receiver skips them (their length field still frames them), so the decoder reports a
 * `warning` and keeps decoding (§7.1.1).
 */
export const NOTIFICATION_UNKNOWN_OPTION_SEVERITY = 'warning' as const;

/**
 * PREFERRED-CON-TYPE values other than 0x00–0x03 are not addressed (§5.2.1.2). Read like unknown
 * option numbers: a `warning`, the value is kept (§7.1.1).
 */
export const NOTIFICATION_UNKNOWN_CON_TYPE_SEVERITY = 'warning' as const;

/**
 * PREFERRED-CON-TYPE is ZeroOrOne yet may name several connections (§5.2.1.2). INFERRED reading
 * (§5.2.1.2): the option value is the list of one-byte connection types in priority
 * order, highest first.
 */
export const NOTIFICATION_CON_TYPE_FORM = 'byte-list' as const;

/** Encodings of the TIMESTAMP value dmct knows: big-endian POSIX seconds in 4 or 8 bytes. */
export type NotificationTimestampEncoding = 'uint32' | 'uint64';

/**
 * TIMESTAMP is "time in POSIX format", type Opaque, no length given (§5.2.1.2). UNCONFIRMED reading
 * (§5.2.1.2): 4-byte big-endian seconds since the epoch, what a 2016-era embedded sender
 * most likely writes; configurable per target (IXIT).
 */
export const NOTIFICATION_TIMESTAMP_DEFAULT_ENCODING: NotificationTimestampEncoding = 'uint32';

/**
 * TIMESTAMP lengths the decoder accepts when no encoding is forced: 4 (uint32) and 8 (uint64)
 * bytes (§5.2.1.2). Any other length is a `warning`: the text sets no length.
 */
export const NOTIFICATION_TIMESTAMP_ACCEPTED_LENGTHS: readonly number[] = [4, 8];

/** Severity of a TIMESTAMP length outside the accepted ones (§5.2.1.2 sets no length). */
export const NOTIFICATION_TIMESTAMP_LENGTH_SEVERITY = 'warning' as const;

/**
 * How far (seconds) a TIMESTAMP may lie before or after the receiver's clock. The text leaves the
 * threshold to the implementation (§5.2.1.2, §9.1). 300 s is the customary replay/clock-skew
 * allowance (Kerberos' default maximum skew is 5 minutes): wide enough for SMS delivery delays
 * and unsynchronised clocks, narrow enough to catch a replay. An IXIT value per target.
 */
export const NOTIFICATION_FRESHNESS_WINDOW_SECONDS = 300;

/**
 * Severity of a TIMESTAMP outside the freshness window: the client "MAY" drop such a
 * notification (§5.2.1.2, §9.1), so a stale or future time is noted, not a non-conformance.
 */
export const NOTIFICATION_STALE_TIMESTAMP_SEVERITY = 'warning' as const;

/**
 * Digest absent while the receiver holds notification credentials: unspecified (§5.2.1.2 says
 * nothing of it). Reported as `info` only.
 */
export const NOTIFICATION_DIGEST_ABSENT_SEVERITY = 'info' as const;

/**
 * DMAcc nodes that hold the digest credentials. The text names them three ways (ERRATUM:
 * `Credentials/Noti/AuthSecret|AuthData`, `AuthNoti/AuthSecret`, `Auth/Noti/Secret|Data`); dmct
 * follows the MO definition of §12.2: `<x>/Auth/Noti/{Type,Data,Secret}`, Type 0 = SHA256 digest.
 */
export const NOTIFICATION_CREDENTIAL_NODES = {
  type: 'Auth/Noti/Type',
  authData: 'Auth/Noti/Data',
  secret: 'Auth/Noti/Secret',
  sha256DigestType: 0,
} as const;

/**
 * Connectionless WAP Push framing of a notification (App E.1). App E.1 gives the port, the
 * application id, the content-type code and the 48-byte header limit; the PDU layout comes from
 * WAP WSP / Push OTA, which dmct's authors did not read (App E.1, UNCONFIRMED). The
 * layout `TID | 0x06 | uintvar headersLen | content-type | headers | body` and the codes used
 * below were cross-checked against three public implementations: Mozilla B2G `WspPduHelper.jsm`
 * (connectionless parse: TID octet, PDU type, uintvar headers length, content type, headers;
 * well-known content type 0x58 = application/vnd.syncml.dm.notification), Android
 * `WspTypeDecoder` (PDU_TYPE_PUSH 6, X-Wap-Application-Id field 0x2F) and smsj `WapConstants`
 * (push application id 7 = `x-wap-application:syncml.dm`). INFERRED: the 48-byte limit applies to
 * the WSP headers field (content type + headers, the bytes counted by headersLen).
 */
export const WAP_PUSH = {
  /** IANA "WAP connectionless push" UDP port (App E.1.1). */
  udpPort: 2948,
  /** WSP PDU type of a Push PDU. */
  pduType: 0x06,
  /** Well-known content-type code of application/vnd.syncml.dm.notification (App E.1). */
  contentType: 0x58,
  /** Textual content type accepted on decode. */
  contentTypeText: 'application/vnd.syncml.dm.notification',
  /** WSP well-known header field code of X-Wap-Application-Id. */
  applicationIdHeader: 0x2f,
  /** Textual header name accepted on decode. */
  applicationIdHeaderText: 'x-wap-application-id',
  /** Push application id of the DM client (App E.1). */
  applicationId: 0x07,
  /** Textual application id accepted on decode. */
  applicationIdText: 'x-wap-application:syncml.dm',
  /** Maximum size of the push header (App E.1), counted over the WSP headers field. */
  maxHeaderBytes: 48,
  /** TID dmct sends when none is given. */
  defaultTid: 0x00,
} as const;

/**
 * GCM message carrying a notification (App E.2): the notification bytes, base64, under the data
 * key `SMS`. The surrounding message shape (`registration_ids` or `to`, `data`) is the legacy GCM
 * HTTP form, INFERRED: App E.2 names only the key.
 */
export const GCM_NOTIFICATION_DATA_KEY = 'SMS';
