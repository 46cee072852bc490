/** The HTTP header names of the DM 2.0 binding (§5.2.2, §5.2.4, §5.5). */
export const HEADERS = {
  devId: 'OMADM-DevID',
  accept: 'Accept',
  omadmAccept: 'OMADM-Accept',
  contentType: 'Content-Type',
} as const;

/** Headers as node gives them (a record, possibly with arrays) or as a fetch `Headers`. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };

/** A header's value, case-insensitively; repeated headers are joined with ", " (RFC 7230 §3.2.2). */
export function getHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const values = Object.entries(headers as Record<string, string | readonly string[] | undefined>)
    .filter(([key]) => key.toLowerCase() === wanted)
    .flatMap(([, value]) => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]));
  return values.length === 0 ? undefined : values.join(', ');
}
