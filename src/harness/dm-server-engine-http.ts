/**
 * Request reading and recording shared by the handlers of dmct's server side: every request a
 * client target sends and every answer dmct gives is recorded the same way in both wirings
 * (in-process msw and served over loopback), so the evidence does not depend on the wiring.
 */
import type { TraceRecorder } from './trace-recorder.js';
import type { ReceivedRequest, SentResponse } from './dm-server-engine-events.js';

/** Where the handlers live and where the target reaches them. */
export interface EndpointAddress {
  /** Origin the msw handlers are written against (e.g. `http://dm.test`). */
  origin: string;
  /** Base URL the target uses (the served loopback URL, or the origin in-process). */
  publicUrl(): string;
}

/** The request's parts as dmct keeps them; the body is read completely (the serving layer caps it). */
export async function readRequest(request: Request, address: EndpointAddress): Promise<Omit<ReceivedRequest, 'requestSeq'>> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const body = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
  const mediaType = headers['content-type'];
  return {
    method: request.method,
    url: `${address.publicUrl()}${url.pathname}${url.search}`,
    path: url.pathname,
    headers,
    body,
    ...(mediaType === undefined ? {} : { mediaType }),
  };
}

/** Records a received request (target → `to`) and returns it with its trace `seq`. */
export function recordReceived(
  recorder: TraceRecorder,
  received: Omit<ReceivedRequest, 'requestSeq'>,
  arrow: { to: string; label: string },
): ReceivedRequest {
  const message = recorder.httpRequest({
    from: 'target',
    to: arrow.to,
    label: arrow.label,
    method: received.method,
    url: received.url,
    headers: received.headers,
    body: { bytes: received.body, ...(received.mediaType === undefined ? {} : { mediaType: received.mediaType }) },
  });
  return { ...received, requestSeq: message.seq };
}

/** An answer to build: status, optional media type and body, extra headers. */
export interface Answer {
  status: number;
  contentType?: string;
  body?: string | Uint8Array;
  headers?: Readonly<Record<string, string>>;
}

/** Records the answer (`from` → target) and builds the fetch Response msw returns. */
export function answer(
  recorder: TraceRecorder,
  reply: Answer,
  arrow: { from: string; label: string; url: string },
): { response: Response; sent: SentResponse } {
  const headers = new Headers(reply.headers);
  if (reply.contentType !== undefined) headers.set('content-type', reply.contentType);
  const bytes = typeof reply.body === 'string' ? new TextEncoder().encode(reply.body) : (reply.body ?? new Uint8Array(0));
  const message = recorder.httpResponse({
    from: arrow.from,
    to: 'target',
    label: arrow.label,
    status: reply.status,
    url: arrow.url,
    headers,
    body: { bytes, ...(reply.contentType === undefined ? {} : { mediaType: reply.contentType }) },
  });
  const text = new TextDecoder().decode(bytes);
  const noBody = reply.status === 204 || reply.status === 304;
  return {
    response: new Response(noBody ? null : Uint8Array.from(bytes), { status: reply.status, headers }),
    sent: {
      status: reply.status,
      ...(reply.contentType === undefined ? {} : { contentType: reply.contentType }),
      text,
      responseSeq: message.seq,
    },
  };
}
