import { FIELD_MAX, HEADER_LENGTH, OPTION_HEADER_LENGTH } from './options.js';

/** The fixed header fields of a notification as written on the wire (§7.1.1). */
export interface WireHeader {
  version: number;
  optionCount: number;
  reserved: number;
}

/** One option as written on the wire (§7.1.1.2): 4-bit delta, 12-bit declared length, value bytes. */
export interface WireOption {
  delta: number;
  length: number;
  value: Uint8Array;
}

/**
 * Writes header, options and any trailing bytes (§7.1.1, big-endian). Field values are masked to
 * their bit widths; the declared length is written as given even when it differs from the value's
 * size, so that callers can build deliberately broken notifications.
 */
export function writeNotification(header: WireHeader, options: readonly WireOption[], trailing?: Uint8Array): Uint8Array {
  let size = HEADER_LENGTH + (trailing?.length ?? 0);
  for (const option of options) size += OPTION_HEADER_LENGTH + option.value.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint16(
    0,
    ((header.version & FIELD_MAX.version) << 12) |
      ((header.optionCount & FIELD_MAX.optionCount) << 7) |
      (header.reserved & FIELD_MAX.reserved),
  );
  let pos = HEADER_LENGTH;
  for (const option of options) {
    view.setUint16(pos, ((option.delta & FIELD_MAX.delta) << 12) | (option.length & FIELD_MAX.length));
    out.set(option.value, pos + OPTION_HEADER_LENGTH);
    pos += OPTION_HEADER_LENGTH + option.value.length;
  }
  if (trailing) out.set(trailing, pos);
  return out;
}
