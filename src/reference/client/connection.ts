import { CONNECTION_TYPE_CODES, connectionTypeName } from '../../protocol/notification/options.js';
import type { ConnectionTypeName } from '../../protocol/notification/schemas/notification-input.schema.js';

/** A bearer the simulated device can call back over (PREFERRED-CON-TYPE values but ANY_AVAILABLE). */
export type Bearer = Exclude<ConnectionTypeName, 'ANY_AVAILABLE'>;

/** The bearers the simulated device has, and the one it uses when nothing else is asked for. */
export interface Connectivity {
  available: readonly Bearer[];
  defaultBearer: Bearer;
}

/** By default every bearer is up; cellular is the device's own choice. */
export const DEFAULT_CONNECTIVITY: Connectivity = { available: ['CELLULAR', 'WLAN', 'WIRELINE'], defaultBearer: 'CELLULAR' };

/** SessionInfo CBT value of each bearer (section 12.4: 1 MOBILE, 2 WIRELESS, 3 WIRELINE). */
export const CBT_OF_BEARER: Readonly<Record<Bearer, number>> = { CELLULAR: 1, WLAN: 2, WIRELINE: 3 };

/**
 * The connection to call back over (section 5.2.1.2 PREFERRED-CON-TYPE): the first listed bearer
 * that is available, ANY_AVAILABLE meaning the device's own choice; no option → own choice.
 * `undefined` when nothing listed is available and ANY_AVAILABLE is absent: the client SHOULD
 * then wait (the reference client, whose bearers never change, drops the notification instead).
 * Unknown values are skipped.
 */
export function chooseBearer(preferred: readonly number[] | undefined, connectivity: Connectivity): Bearer | undefined {
  if (preferred === undefined || preferred.length === 0) return connectivity.defaultBearer;
  for (const code of preferred) {
    if (code === CONNECTION_TYPE_CODES.ANY_AVAILABLE) return connectivity.defaultBearer;
    const name = connectionTypeName(code);
    if (name !== undefined && name !== 'ANY_AVAILABLE' && connectivity.available.includes(name)) return name;
  }
  return undefined;
}
