import { SERVER_URI_UNSUPPORTED_VALUE } from '../interpretations/packages.js';
import type { Violation } from '../violation.js';
import { isRfc3986Uri } from './uri-syntax.js';

/** The ServerURI placeholders a client MUST replace before use (§6.2, SCR DM-OBJ-004…009). */
export const SERVER_URI_PLACEHOLDERS = ['DevID', 'MNC', 'MCC', 'CMNC', 'CMCC', 'SPName'] as const;

/** One of the six ServerURI placeholder names of §6.2. */
export type ServerUriPlaceholder = (typeof SERVER_URI_PLACEHOLDERS)[number];

/** The client's values for the placeholders; a missing one is "not supported" (§6.2). */
export type ServerUriValues = Partial<Record<ServerUriPlaceholder, string | undefined>>;

const PLACEHOLDER = /\[([A-Za-z]+)\]/g;

/** The placeholder names (`[Name]`) a ServerURI holds, in order of appearance (§6.2). */
export function serverUriPlaceholders(uri: string): string[] {
  return [...uri.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Replaces every `[Name]` placeholder of a ServerURI with the URI-encoded value the client has,
 * and with `-1` where it has none or does not know the name (§6.2). IPv6 literals such as
 * `[::1]` hold no letters-only name and are left alone.
 */
export function substituteServerUri(uri: string, values: ServerUriValues): string {
  return uri.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = (SERVER_URI_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as ServerUriPlaceholder] : undefined;
    return encodeURIComponent(value ?? SERVER_URI_UNSUPPORTED_VALUE);
  });
}

/**
 * Checks that a ServerURI is an absolute RFC 3986 URI once its placeholders are filled (§6.2).
 * Rule ids: `server-uri-empty`, `server-uri-syntax`, `server-uri-unknown-placeholder` (warning).
 */
export function checkServerUri(uri: string, pointer?: string): Violation[] {
  const at = pointer === undefined ? {} : { pointer };
  if (uri === '') return [{ rule: 'server-uri-empty', section: '6.2', severity: 'error', message: 'ServerURI is empty', ...at }];
  const violations: Violation[] = [];
  for (const name of serverUriPlaceholders(uri)) {
    if (!(SERVER_URI_PLACEHOLDERS as readonly string[]).includes(name)) {
      violations.push({
        rule: 'server-uri-unknown-placeholder',
        section: '6.2',
        severity: 'warning',
        message: `ServerURI placeholder [${name}] is not one of ${SERVER_URI_PLACEHOLDERS.map((p) => `[${p}]`).join(' ')}; a client replaces it with -1`,
        ...at,
      });
    }
  }
  if (!isRfc3986Uri(uri.replace(PLACEHOLDER, 'x'))) {
    const shown = JSON.stringify(uri.length > 200 ? `${uri.slice(0, 200)}…` : uri);
    violations.push({
      rule: 'server-uri-syntax',
      section: '6.2',
      severity: 'error',
      message: `ServerURI ${shown} is not an absolute RFC 3986 URI`,
      ...at,
    });
  }
  return violations;
}
