import { HttpResponse, delay, http, type RequestHandler } from 'msw';

/** The origin the test handlers are written against (the served endpoint rewrites to it). */
export const ORIGIN = 'http://dm.test';

/** A pull-based body that never ends: only as many bytes exist as the reader asks for. */
function endlessBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x41));
    },
  });
}

/**
 * One set of mock-endpoint handlers, exercised both in-process (msw `setupServer`) and over a
 * real loopback port (`serveHandlers`).
 */
export function repositoryHandlers(): RequestHandler[] {
  const stored = new Map<string, string>();
  return [
    http.get(`${ORIGIN}/mo/:name`, ({ params }) => {
      const value = stored.get(String(params['name']));
      if (value === undefined)
        return HttpResponse.json([{ DevID: 'IMEI:493005100592800' }], { headers: { 'content-type': 'application/dmmo+json' } });
      return new HttpResponse(value, { headers: { 'content-type': 'application/dmmo+json' } });
    }),
    http.put(`${ORIGIN}/mo/:name`, async ({ request, params }) => {
      stored.set(String(params['name']), await request.text());
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(
      `${ORIGIN}/echo`,
      async ({ request }) =>
        new HttpResponse(await request.arrayBuffer(), {
          status: 201,
          headers: { 'content-type': request.headers.get('content-type') ?? 'application/octet-stream', 'x-echo': 'yes' },
        }),
    ),
    http.get(`${ORIGIN}/boom`, () => {
      throw new Error('resolver bug');
    }),
    http.get(`${ORIGIN}/boom-later`, function* () {
      yield new HttpResponse('first');
      throw new Error('generator bug');
    }),
    http.get(`${ORIGIN}/redirect`, () => new HttpResponse(null, { status: 302, headers: { location: '/mo/devinfo' } })),
    http.get(`${ORIGIN}/endless`, () => new HttpResponse(endlessBody(), { headers: { 'content-type': 'application/octet-stream' } })),
    http.get(`${ORIGIN}/hang`, async () => {
      await delay('infinite');
      return new HttpResponse('never');
    }),
    http.get('/relative', () => new HttpResponse('relative ok', { headers: { 'content-type': 'text/plain' } })),
  ];
}
