import { substituteServerUri, checkServerUri, type ServerUriValues } from '../../protocol/addressing/server-uri.js';

/** A ServerURI ready to use, or the status a malformed one gets (App C 400). */
export type PreparedUri = { ok: true; url: string } | { ok: false; status: 400; reason: string };

/** The ServerURI placeholder values of the simulated device: DevID only, the rest unsupported (section 6.2 → -1). */
export function serverUriValues(devId: string): ServerUriValues {
  return { DevID: devId };
}

/**
 * Checks a ServerURI (section 6.2: an RFC 3986 URI) and fills its placeholders with the device's
 * values (URI-encoded; `-1` for the ones it has none of).
 */
export function prepareServerUri(raw: string, values: ServerUriValues): PreparedUri {
  const errors = checkServerUri(raw).filter((violation) => violation.severity === 'error');
  if (errors.length > 0) return { ok: false, status: 400, reason: errors.map((violation) => violation.message).join('; ') };
  return { ok: true, url: substituteServerUri(raw, values) };
}

/** True when the client can reach the URL: it speaks HTTP and HTTPS only (section 5.1.1). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
