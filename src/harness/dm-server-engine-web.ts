/**
 * The Web Server Component a client target's browser reaches when a SHOW command opens a page
 * (section 5.3.7, 5.1.5): msw handlers that serve a small HTML page per name and log each load,
 * so a scenario can see that the page was actually requested.
 */
import { http, type RequestHandler } from 'msw';
import type { EndpointEvent, EngineEvent } from './dm-server-engine-events.js';
import { answer, readRequest, recordReceived, type EndpointAddress } from './dm-server-engine-http.js';
import type { EventLog } from './dm-server-engine-log.js';
import type { TraceRecorder } from './trace-recorder.js';

/** The web pages of one scenario. */
export class WebPages {
  readonly #basePath: string;

  constructor(
    private readonly log: EventLog<EngineEvent>,
    private readonly recorder: TraceRecorder,
    private readonly address: EndpointAddress,
    basePath = '/web',
  ) {
    this.#basePath = basePath;
  }

  /** The public URL of page `name` (a SHOW ServerURI); `query` is appended as is (e.g. `uiid=1234`). */
  pageUrl(name: string, query?: string): string {
    return `${this.address.publicUrl()}${this.#basePath}/${name}${query === undefined ? '' : `?${query}`}`;
  }

  /** Page loads after `after`. */
  loads(after = 0): EndpointEvent[] {
    return this.log.list().filter((e): e is EndpointEvent => e.order > after && e.type === 'endpoint' && e.endpoint === 'web');
  }

  handlers(): RequestHandler[] {
    return [
      http.all(`${this.address.origin}${this.#basePath}/*`, async ({ request }) => {
        const read = await readRequest(request, this.address);
        const name = read.path.slice(this.#basePath.length + 1);
        const received = recordReceived(this.recorder, read, { to: 'web', label: `${read.method} page ${name} → web` });
        const { response, sent } = answer(
          this.recorder,
          { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>dmct</title><p>dmct SHOW page</p>' },
          { from: 'web', label: '200 ← web', url: received.url },
        );
        this.log.append((order, at) => ({ type: 'endpoint', endpoint: 'web', order, at, ...received, name, violations: [], reply: sent }));
        return response;
      }),
    ];
  }
}
