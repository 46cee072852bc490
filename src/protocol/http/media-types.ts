/** The media types of the DM 2.0 HTTP binding (§7.2.1.1–§7.2.1.4, App F). */
export const MEDIA_TYPES = {
  package1: 'application/vnd.oma.dm.initiation+json',
  package2: 'application/vnd.oma.dm.request+json',
  package3: 'application/vnd.oma.dm.response+json',
  moData: 'application/dmmo+json',
  multipart: 'multipart/form-data',
} as const;

/** The package numbers that travel over HTTP (§5.2). */
export type HttpPackage = 1 | 2 | 3;

/** The media types each package may be sent with: Package#3 also as multipart (App F). */
export const PACKAGE_MEDIA_TYPES: Readonly<Record<HttpPackage, readonly string[]>> = {
  1: [MEDIA_TYPES.package1],
  2: [MEDIA_TYPES.package2],
  3: [MEDIA_TYPES.package3, MEDIA_TYPES.multipart],
};

/** A parsed `type/subtype; name=value` (RFC 7231 §3.1.1.1). */
export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  type: string;
  subtype: string;
  /** Parameters, names lower case, quoted values unquoted. */
  params: Record<string, string>;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const PARAM = new RegExp(`^\\s*;\\s*(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")`);
const ESSENCE = new RegExp(`^\\s*(${TOKEN})/(${TOKEN})`);

/**
 * Parses a Content-Type value (RFC 7231 §3.1.1.1); `undefined` when it is not
 * `type/subtype *(; name=value)`. Pure string work, never throws.
 */
export function parseMediaType(text: string): MediaType | undefined {
  const head = ESSENCE.exec(text);
  if (!head?.[1] || !head[2]) return undefined;
  let rest = text.slice(head[0].length);
  const params: Record<string, string> = {};
  for (;;) {
    const param = PARAM.exec(rest);
    if (!param?.[1] || param[2] === undefined) break;
    const raw = param[2];
    params[param[1].toLowerCase()] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    rest = rest.slice(param[0].length);
  }
  if (rest.trim() !== '') return undefined;
  const type = head[1].toLowerCase();
  const subtype = head[2].toLowerCase();
  return { essence: `${type}/${subtype}`, type, subtype, params };
}

/** True when `contentType` names the media type `essence`, whatever its parameters. */
export function isMediaType(contentType: string | undefined, essence: string): boolean {
  return contentType !== undefined && parseMediaType(contentType)?.essence === essence.toLowerCase();
}
