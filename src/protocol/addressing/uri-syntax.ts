/**
 * RFC 3986 generic syntax as regular expressions, for the ServerURI and DDF links of the DM 2.0
 * text (§6.2: "any RFC 3986 URI"). IP literals are checked for their character set only.
 */

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT_ENCODED})`;
const SCHEME = '[A-Za-z][A-Za-z0-9+\\-.]*';
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT_ENCODED})*`;
const DEC_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const IP_LITERAL = `\\[(?:[0-9A-Fa-f:.]+|[vV][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+)\\]`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT_ENCODED})*`;
const AUTHORITY = `(?:${USERINFO}@)?(?:${IP_LITERAL}|${IPV4}|${REG_NAME})(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${PCHAR}*)*`;
const PATH_ABSOLUTE = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`;
const PATH_ROOTLESS = `${PCHAR}+(?:/${PCHAR}*)*`;
const QUERY = `(?:${PCHAR}|[/?])*`;

/** RFC 3986 §3 `URI` (absolute, optional query and fragment). */
export const RFC3986_URI = new RegExp(
  `^${SCHEME}:(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)(?:\\?${QUERY})?(?:#${QUERY})?$`,
);

/** RFC 3986 §3.4 `query` (also used for ClientURI query strings, §6.1.1.3). */
export const RFC3986_QUERY = new RegExp(`^${QUERY}$`);

/** RFC 3986 §2.3 `unreserved` characters, one or more (the ClientURI `real-name`, §6.1.1). */
export const UNRESERVED_NAME = new RegExp(`^[${UNRESERVED}]+$`);

/** RFC 3986 `pchar`, one or more: what a MOID may hold inside a ClientURI (§6.1.1). */
export const PCHAR_NAME = new RegExp(`^${PCHAR}+$`);

/** True when `text` is an absolute URI per RFC 3986 (§6.2 ServerURI). */
export function isRfc3986Uri(text: string): boolean {
  return RFC3986_URI.test(text);
}

/**
 * Percent-decodes a URI component; `undefined` when an escape is malformed or does not decode to
 * UTF-8 (RFC 3986 §2.1).
 */
export function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
