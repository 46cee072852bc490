/**
 * Writes monitored exchanges as a HAR 1.2 document, the form `dmct judge` reads (capture.ts): the
 * bodies base64-encoded so every byte survives, so judging the file gives the live verdicts.
 */
import type { Exchange } from './capture.js';
import type { Har, HarHeader } from './schemas/har.schema.js';

function headersOf(record: Record<string, string[]>): HarHeader[] {
  return Object.entries(record).flatMap(([name, values]) => values.map((value) => ({ name, value })));
}

function contentOf(body: Uint8Array | undefined, headers: Record<string, string[]>) {
  const mimeType = headers['content-type']?.[0] ?? '';
  return body === undefined ? { mimeType } : { mimeType, text: Buffer.from(body).toString('base64'), encoding: 'base64' };
}

/**
 * The HAR of `exchanges`. An exchange whose body was cut is written with its kept prefix only;
 * such an exchange is not judged live either (its problems say why).
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
          ...(e.requestBody === undefined ? {} : { postData: contentOf(e.requestBody, e.requestHeaders) }),
        },
        response: { status: e.status, headers: headersOf(e.responseHeaders), content: contentOf(e.responseBody, e.responseHeaders) },
      })),
    },
  } as Har;
}
