import type { HttpResponseOutcome } from '../../../transport/http-client.js';
import { MEDIA_TYPES, parseMediaType } from '../../../protocol/http/media-types.js';
import { parseMoData } from '../../../protocol/packages/mo-data.js';
import type { StoreInput } from '../../../protocol/tree/store.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The media types the client takes from a repository (HGET `Accept`, section 5.3.1). */
export const HGET_ACCEPT = `${MEDIA_TYPES.moData}, text/plain;q=0.5`;

/**
 * Reads what a repository returned for HGET (section 5.3.1, App I.2): `application/dmmo+json`
 * (validated strictly, section 7.2.1.4) or a raw leaf value as `text/plain`. Anything else, or
 * data that does not parse, is "not recognized" (App C 415).
 */
export function readFetchedData(response: HttpResponseOutcome): { input: StoreInput } | { status: 415; reason: string } {
  const contentType = response.headers.get('content-type') ?? '';
  const essence = parseMediaType(contentType)?.essence;
  if (essence === MEDIA_TYPES.moData) {
    const parsed = parseMoData(response.body);
    if (!parsed.value) {
      const errors = parsed.violations.filter((violation) => violation.severity === 'error');
      return { status: 415, reason: `repository data is not valid dmmo+json: ${errors.map((e) => e.message).join('; ')}` };
    }
    return { input: { kind: 'mo-data', entries: parsed.value } };
  }
  if (essence === 'text/plain') {
    try {
      return { input: { kind: 'text', text: UTF8.decode(response.body) } };
    } catch {
      return { status: 415, reason: 'repository text/plain data is not UTF-8' };
    }
  }
  return { status: 415, reason: `repository answered with media type ${JSON.stringify(contentType)}` };
}
