import type { ConnectionTypeName } from './schemas/notification-input.schema.js';

/** Option numbers of Package#0 (§5.2.1.2, Table 1). */
export const OPTION = {
  SERVER_ID: 1,
  PREFERRED_CON_TYPE: 2,
  NOTIFICATION_ID: 3,
  SHA256_DIGEST: 4,
  TIMESTAMP: 5,
  REQ_MOS: 6,
} as const;

/** Name of a standard option (§5.2.1.2, Table 1). */
export type OptionName = 'SERVER-ID' | 'PREFERRED-CON-TYPE' | 'NOTIFICATION-ID' | 'SHA256-DIGEST' | 'TIMESTAMP' | 'REQ-MOS';

/** Option name by number, for the six options the text defines (§5.2.1.2, Table 1). */
export const OPTION_NAMES: Readonly<Record<number, OptionName>> = {
  1: 'SERVER-ID',
  2: 'PREFERRED-CON-TYPE',
  3: 'NOTIFICATION-ID',
  4: 'SHA256-DIGEST',
  5: 'TIMESTAMP',
  6: 'REQ-MOS',
};

/** True for the option numbers 1–6 that §5.2.1.2 defines. */
export function isKnownOption(number: number): boolean {
  return OPTION_NAMES[number] !== undefined;
}

/** PREFERRED-CON-TYPE value bytes (§5.2.1.2). */
export const CONNECTION_TYPE_CODES: Readonly<Record<ConnectionTypeName, number>> = {
  ANY_AVAILABLE: 0x00,
  CELLULAR: 0x01,
  WLAN: 0x02,
  WIRELINE: 0x03,
};

/** The connection-type name of a PREFERRED-CON-TYPE byte, or undefined for a value §5.2.1.2 does not define. */
export function connectionTypeName(code: number): ConnectionTypeName | undefined {
  for (const [name, value] of Object.entries(CONNECTION_TYPE_CODES)) {
    if (value === code) return name as ConnectionTypeName;
  }
  return undefined;
}

/** Exact value length of NOTIFICATION-ID (§5.2.1.2: Uint, exactly 2 bytes). */
export const NOTIFICATION_ID_LENGTH = 2;
/** Exact value length of SHA256-DIGEST (§5.2.1.2: Opaque, exactly 32 bytes). */
export const DIGEST_LENGTH = 32;
/** Size of the fixed header: VER (4 bits), OC (5 bits), RESERVED (7 bits) (§7.1.1). */
export const HEADER_LENGTH = 2;
/** Size of an option header: delta (4 bits), length (12 bits) (§7.1.1.2). */
export const OPTION_HEADER_LENGTH = 2;
/** Largest value of each bit field (§7.1.1). */
export const FIELD_MAX = { version: 0xf, optionCount: 0x1f, reserved: 0x7f, delta: 0xf, length: 0xfff } as const;
