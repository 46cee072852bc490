import { HttpResponse, type RequestHandler } from 'msw';
import { capText } from './cap-text.js';
import type { ExchangeRecorder } from './exchange-recorder.js';

/**
 * A fault of dmct itself inside a mock endpoint: a resolver threw. The scenario must end as
 * `error`, never as a verdict about the target.
 */
export interface HandlerErrorEvent {
  /** The endpoint's lifeline name, e.g. `repository`. */
  endpoint: string;
  method: string;
  url: string;
  message: string;
  stack?: string;
  /** `seq` of the note that records the fault, when a recorder was given. */
  seq?: number;
}

export interface GuardOptions {
  /** Lifeline name of the endpoint in the trace (default `endpoint`). */
  endpoint?: string;
  recorder?: ExchangeRecorder;
  /** Called once per fault; a scenario fixture turns it into the `error` outcome. */
  onError?: (event: HandlerErrorEvent) => void;
}

/** The header that marks a response as dmct's own fault rather than a protocol answer. */
export const DMCT_ERROR_HEADER = 'x-dmct-error';

/** Header values must be visible ASCII; a message with anything else is reduced to it. */
function headerSafe(text: string): string {
  return capText(text.replace(/[^\x20-\x7e]+/g, ' ').trim(), 200);
}

/** Records the fault, reports it, and builds the 500 the target gets instead of a protocol answer. */
export function reportHandlerError(error: unknown, request: { method: string; url: string }, options: GuardOptions): Response {
  const endpoint = options.endpoint ?? 'endpoint';
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `non-error thrown: ${String(error)}`;
  const event: HandlerErrorEvent = { endpoint, method: request.method, url: request.url, message };
  if (error instanceof Error && error.stack !== undefined) event.stack = error.stack;
  if (options.recorder !== undefined) {
    event.seq = options.recorder.note({
      from: endpoint,
      to: endpoint,
      label: `dmct error in the ${endpoint} handler for ${request.method} ${request.url}: ${message}`,
      decoded: { error: message, ...(event.stack === undefined ? {} : { stack: event.stack }) },
    }).seq;
  }
  options.onError?.(event);
  const text = `dmct harness error in the ${endpoint} handler: ${message}`;
  return new HttpResponse(text, {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8', [DMCT_ERROR_HEADER]: headerSafe(text) },
  });
}

/**
 * Wraps one msw resolver so that an exception becomes a reported harness fault plus a 500 marked
 * with `x-dmct-error`. A thrown `Response` keeps msw's meaning (it is the answer). Exceptions
 * raised later by a generator resolver are caught by `guardHandlers` instead.
 */
export function guardResolver<R extends (info: { request: Request }) => unknown>(resolver: R, options: GuardOptions): R {
  const guarded = async (info: { request: Request }) => {
    try {
      return await resolver(info);
    } catch (error) {
      if (error instanceof Response) return error;
      return reportHandlerError(error, info.request, options);
    }
  };
  // Same parameters, and msw accepts any Response from any resolver.
  return guarded as unknown as R;
}

type RunArgs = Parameters<RequestHandler['run']>[0];
type RunResult = Awaited<ReturnType<RequestHandler['run']>>;

/**
 * A guard for whole handler lists. Each handler is wrapped once (the same wrapper is returned on
 * later calls), so per-handler state such as `{ once: true }` is kept across requests.
 */
export function createHandlerGuard(options: GuardOptions): (handlers: readonly RequestHandler[]) => RequestHandler[] {
  const wrapped = new WeakMap<RequestHandler, RequestHandler>();
  const wrap = (handler: RequestHandler): RequestHandler => {
    const run = async (args: RunArgs): Promise<RunResult> => {
      try {
        return await handler.run(args);
      } catch (error) {
        const response = reportHandlerError(error, args.request, options);
        return { handler, request: args.request, requestId: args.requestId, response };
      }
    };
    // Only `run` is replaced; reads and writes of everything else reach the handler itself.
    return new Proxy(handler, { get: (target, key) => (key === 'run' ? run : Reflect.get(target, key, target)) });
  };
  return (handlers) =>
    handlers.map((handler) => {
      let guarded = wrapped.get(handler);
      if (guarded === undefined) {
        guarded = wrap(handler);
        wrapped.set(handler, guarded);
      }
      return guarded;
    });
}

/**
 * Guards every handler of a list (for `setupServer` in-process wiring; `serveHandlers` guards its
 * handlers itself): a throwing resolver becomes an error event, a note, and a 500 `x-dmct-error`.
 */
export function guardHandlers(handlers: readonly RequestHandler[], options: GuardOptions): RequestHandler[] {
  return createHandlerGuard(options)(handlers);
}
