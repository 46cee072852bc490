import { http, type RequestHandler } from 'msw';
import { problem, problemResponse } from './problem.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A handler that goes first and answers 400 to a request whose path holds malformed
 * percent-encoding (e.g. `/dm/cont/%zz`): msw decodes path parameters while matching and would
 * otherwise throw, which the resolver guard reports as a dmct fault. Any other request falls
 * through to the next handler.
 */
export function malformedPathHandler(origin: string): RequestHandler {
  // Only a path with a `%` can hold a malformed escape, so only such paths reach the resolver:
  // the others skip msw's per-resolver work (an AbortController per request) on every request.
  return http.all(new RegExp(`^${escapeRegExp(origin)}/[^?#]*%`), ({ request }) => {
    const path = new URL(request.url).pathname;
    try {
      decodeURIComponent(path);
      return undefined;
    } catch {
      return problemResponse(
        problem(
          400,
          'malformed-path',
          'Malformed path',
          `the request path ${JSON.stringify(path.slice(0, 256))} holds malformed percent-encoding (RFC 3986 §2.1)`,
        ),
      );
    }
  });
}
