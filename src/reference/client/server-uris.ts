import {
  SERVER_URI_PLACEHOLDERS,
  substituteServerUri,
  checkServerUri,
  type ServerUriPlaceholder,
  type ServerUriValues,
} from '../../protocol/addressing/server-uri.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';
import { NO_FAULTS } from '../faults/index.js';
import type { FaultSet } from '../faults/types.js';

/** A ServerURI ready to use, or the status a malformed one gets (App C 400). */
export type PreparedUri = { ok: true; url: string } | { ok: false; status: 400; reason: string };

/** The network and provider values of the simulated device for the ServerURI placeholders besides [DevID]. */
export type DeviceUriValues = Omit<ServerUriValues, 'DevID'>;

/** The placeholders whose `server-uri-keeps-*` fault switch sends the placeholder's own text. */
const KEEPS_SWITCH = {
  DevID: 'server-uri-keeps-devid',
  MNC: 'server-uri-keeps-mnc',
  MCC: 'server-uri-keeps-mcc',
  CMNC: 'server-uri-keeps-cmnc',
  CMCC: 'server-uri-keeps-cmcc',
  SPName: 'server-uri-keeps-spname',
} as const satisfies Record<ServerUriPlaceholder, ReferenceClientFaultName>;

/**
 * The ServerURI placeholder values of the simulated device (section 6.2): its DevID and the
 * network values it is given; the others are unsupported (→ -1). A `server-uri-keeps-*` switch
 * makes its placeholder's value the placeholder text itself, so the request carries it unreplaced.
 */
export function serverUriValues(
  devId: string,
  device: DeviceUriValues = {},
  faults: FaultSet<ReferenceClientFaultName> = NO_FAULTS,
): ServerUriValues {
  const values: ServerUriValues = { ...device, DevID: devId };
  for (const name of SERVER_URI_PLACEHOLDERS) if (faults.has(KEEPS_SWITCH[name])) values[name] = `[${name}]`;
  return values;
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
