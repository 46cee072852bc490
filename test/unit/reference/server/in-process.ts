import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { guardHandlers, type HandlerErrorEvent } from '../../../../src/transport/resolver-guard.js';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import {
  createReferenceServer,
  type DeviceLog,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../../../../src/reference/server/index.js';

/** One msw interceptor per test file; each test installs the handlers of its own reference server. */
export const interceptor = setupServer();

/** Handler faults (exceptions) seen since the last `useReferenceServer`. */
export const handlerErrors: HandlerErrorEvent[] = [];

export const DEV_ID = 'IMEI:351234567890123';
export const SECRET = 's3cr3t';
export const AUTH_DATA = 'nonce';

export const CLIENT_INITIATED = { AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' } as const;

/** A reference server wired into the interceptor, with small helpers for DM and admin requests. */
export interface InProcessServer {
  server: ReferenceServer;
  /** `POST <origin><path>` with a package body. */
  dm(body: unknown, options?: DmRequestOptions): Promise<Response>;
  /** A JSON admin request; returns status and parsed JSON (undefined when no body). */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /** The device's log from the admin API. */
  received(devId?: string): Promise<DeviceLog>;
  /** Queues one command and returns its id. */
  queue(command: string[], devId?: string): Promise<string>;
  /** Extra handlers next to the server's (e.g. a GCM mock). */
  extra(...handlers: RequestHandler[]): void;
}

export interface DmRequestOptions {
  path?: string;
  devId?: string | null;
  contentType?: string;
  accept?: string | null;
  /** Raw body instead of JSON of `body`. */
  raw?: string | Uint8Array;
}

/** Creates a reference server (one registered device by default) and installs its handlers. */
export function useReferenceServer(options: ReferenceServerOptions = {}): InProcessServer {
  const server = createReferenceServer({
    devices: [{ devId: DEV_ID, secret: SECRET, authData: AUTH_DATA }],
    print: () => undefined,
    ...options,
  });
  handlerErrors.length = 0;
  const guard = (handlers: RequestHandler[]) =>
    guardHandlers(handlers, { endpoint: 'reference-server', onError: (e) => handlerErrors.push(e) });
  let extra: RequestHandler[] = [];
  const install = () => interceptor.resetHandlers(...guard(server.publicHandlers), ...guard(server.adminHandlers), ...extra);
  install();
  const self: InProcessServer = {
    server,
    async dm(body, options = {}) {
      const headers: Record<string, string> = { 'content-type': options.contentType ?? MEDIA_TYPES.package1 };
      if (options.devId !== null) headers['omadm-devid'] = options.devId ?? DEV_ID;
      if (options.accept !== null) headers['accept'] = options.accept ?? MEDIA_TYPES.package2;
      return fetch(`${server.origin}${options.path ?? '/dm'}`, {
        method: 'POST',
        headers,
        body: options.raw === undefined ? JSON.stringify(body) : typeof options.raw === 'string' ? options.raw : Buffer.from(options.raw),
      });
    },
    async admin(method, path, body) {
      const response = await fetch(`${server.adminOrigin}${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    async received(devId = DEV_ID) {
      return (await self.admin('GET', `/devices/${encodeURIComponent(devId)}/received`)).json as DeviceLog;
    },
    async queue(command, devId = DEV_ID) {
      const result = await self.admin('POST', `/devices/${encodeURIComponent(devId)}/commands`, { command });
      if (result.status !== 201) throw new Error(`queueing ${JSON.stringify(command)} failed: ${JSON.stringify(result.json)}`);
      return (result.json as { id: string }).id;
    },
    extra(...handlers) {
      extra = handlers;
      install();
    },
  };
  return self;
}

/** Sends a Package#3 with these statuses (to `path`, default /dm). */
export function package3(statuses: number[], options: DmRequestOptions & { alerts?: object[] } = {}): [unknown, DmRequestOptions] {
  const body: Record<string, unknown> = { Status: statuses.map((sc) => ({ sc })) };
  if (options.alerts !== undefined) body['Alert'] = options.alerts;
  return [body, { ...options, contentType: options.contentType ?? MEDIA_TYPES.package3 }];
}

/** The JSON of a response, typed loosely for assertions. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
