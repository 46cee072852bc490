/**
 * Writes monitored exchanges as a HAR 1.2 document, the form `dmct judge` reads (capture.ts): the
 * bodies base64-encoded so every byte survives, so judging the file gives the live verdicts. A body
 * the monitor kept only a prefix of is written so, with its full size (bodySize, content.size):
 * `dmct judge` then does not judge it either.
 */
import type { Exchange } from './capture.js';
import type { Har, HarHeader } from './schemas/har.schema.js';

function headersOf(record: Record<string, string[]>): HarHeader[] {
  return Object.entries(record).flatMap(([name, values]) => values.map((value) => ({ name, value })));
}

function contentOf(body: Uint8Array | undefined, headers: Record<string, string[]>, size: number | undefined) {
  const mimeType = headers['content-type']?.[0] ?? '';
  if (body === undefined) return { mimeType };
  return { mimeType, text: Buffer.from(body).toString('base64'), encoding: 'base64', ...(size === undefined ? {} : { size }) };
}

/**
 * The HAR of `exchanges`.
 */
export function exchangesToHar(exchanges: readonly Exchange[], creator: { name: string; version: string }): Har {
  return {
    log: {
      version: '1.2',
      creator,
      entries: exchanges.map((e) => ({
        startedDateTime: e.time,
        request: {
          method: e.method,
          url: e.url,
          headers: headersOf(e.requestHeaders),
          ...(e.requestBody === undefined
            ? {}
            : { bodySize: e.requestBodySize ?? e.requestBody.length, postData: contentOf(e.requestBody, e.requestHeaders, undefined) }),
        },
        response: {
          status: e.status,
          headers: headersOf(e.responseHeaders),
          content: contentOf(e.responseBody, e.responseHeaders, e.responseBodySize ?? e.responseBody?.length),
        },
      })),
    },
  } as Har;
}
