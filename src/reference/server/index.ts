import type { RequestHandler } from 'msw';
import { serveHandlers, type ServedEndpoint } from '../../transport/endpoint-server.js';
import { selectFaults, type ServerFaultName } from '../faults/index.js';
import { checkAdminRequest, newAdminToken } from '../../transport/admin-guard.js';
import { SHELL_NOTIFY_DISABLED, adminHandlers, checkDeviceRegistration } from './admin-api.js';
import { directDmEndpoint, dmEndpointHandlers } from './dm-endpoint.js';
import { gcmRegistrationHandlers } from './gcm-registration.js';
import { httpAuthGate, type ReferenceHttpAuth } from './http-auth-gate.js';
import { malformedPathHandler } from './malformed-path.js';
import { repositoryHandlers } from './repository.js';
import { DEFAULT_MAX_BODY_BYTES } from './request-input.js';
import { ReferenceServerState, type ServerUrls } from './server-state.js';
import { referenceTls, type ReferenceTlsSettings } from './reference-tls.js';

export { ReferenceServerState, type ServerUrls } from './server-state.js';
export type {
  DeviceLog,
  CommandRecord,
  ReceivedPackage,
  ReceivedAlert,
  RepoHit,
  SessionRecord,
  SentNotification,
} from './schemas/device-log.schema.js';
export type { DeviceRegistration } from './schemas/device-registration.schema.js';
export type { NotifyRequest } from './schemas/notify-request.schema.js';
export type { NotifyTarget } from './schemas/notify-target.schema.js';
export type { QueueCommandRequest } from './schemas/queue-command.schema.js';
export type { RepoContent } from './schemas/repo-content.schema.js';
export { COMMAND_TEMPLATES } from './command-templates.js';
export { queueDeviceCommand } from './admin-api.js';

/** Origin the public handlers (DM endpoint, repository, web) are written against in-process. */
export const REFERENCE_SERVER_ORIGIN = 'http://dm-server.test';
/** Origin the admin handlers are written against in-process. */
export const REFERENCE_ADMIN_ORIGIN = 'http://admin.dm-server.test';
/** SERVER-ID (DMAcc SrvID) the reference server uses unless told otherwise. */
export const DEFAULT_SERVER_ID = 'dmct-reference-server';

export interface ReferenceServerOptions {
  /** Interface of the DM, repository and web port (default 127.0.0.1). The admin port is always loopback. */
  host?: string;
  /** DM/repository/web port (default 0: a free port). */
  port?: number;
  /** Admin API port (default 0: a free port). */
  adminPort?: number;
  /** Token every admin call must carry as `Authorization: Bearer` (default: a fresh random one). */
  adminToken?: string;
  /** Allow the `shell` notification transport, which runs a command on this machine (default off). */
  allowShellNotify?: boolean;
  /** Base URL the server advertises in CONT and async URIs (default `http://<host>:<port>`). */
  publicUrl?: string;
  /** Server fault switches to turn on (names from `serverFaults`). */
  faults?: readonly string[];
  /** Devices registered at start, in the admin API's POST /devices form. */
  devices?: readonly unknown[];
  /** Where GCM messages are POSTed (App E.2); a test points it at a mock of the GCM service. */
  gcmSendUrl?: string;
  /** SERVER-ID sent in notifications (default `dmct-reference-server`). */
  serverId?: string;
  /** A Package#1 from an unregistered DevID: 403 (`reject`, default) or registered on the fly. */
  unknownDevices?: 'reject' | 'register';
  /** Largest request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Time a request may take to arrive (default 10 s). */
  requestTimeoutMs?: number;
  /** Where the `print` notification transport writes (default stdout). */
  print?: (line: string) => void;
  /** Clock (tests pass a fixed one). */
  clock?: () => Date;
  /**
   * Serve the DM, repository and web port over TLS (§9.2.2) with this certificate (and `rsa`, an
   * RSA one, for the RSA-keyed suites), the versions (default TLS 1.0–1.2) and PSK given; the
   * admin port stays plain loopback HTTP.
   */
  tls?: ReferenceTlsSettings;
  /** Demand these device credentials on the DM endpoint, Basic or Digest (§9.2.1). */
  httpAuth?: ReferenceHttpAuth;
}

/** A reference server's state and handlers, before (or without) serving them on ports. */
export interface ReferenceServer {
  state: ReferenceServerState;
  /** DM endpoint, repository, web server and GCM registration handlers on `origin`. */
  publicHandlers: RequestHandler[];
  /** Admin API handlers on `adminOrigin`. */
  adminHandlers: RequestHandler[];
  origin: string;
  adminOrigin: string;
}

/** The options of startReferenceServer are wrong (an unknown fault, an invalid device). */
export class ReferenceServerConfigError extends Error {
  override readonly name = 'ReferenceServerConfigError';
}

/**
 * Builds a reference DM server in memory: its state and its msw handlers, for in-process use
 * (`setupServer(...server.publicHandlers, ...server.adminHandlers)`). `urls` says where the
 * server tells clients to go; by default the handler origins. Throws ReferenceServerConfigError
 * (or UnknownFaultError) on invalid options.
 */
export function createReferenceServer(options: ReferenceServerOptions = {}, urls?: () => ServerUrls): ReferenceServer {
  const origin = REFERENCE_SERVER_ORIGIN;
  const adminOrigin = REFERENCE_ADMIN_ORIGIN;
  const faults = selectFaults<ServerFaultName>(options.faults ?? [], 'server');
  const state = new ReferenceServerState({
    serverId: options.serverId ?? DEFAULT_SERVER_ID,
    faults,
    unknownDevices: options.unknownDevices ?? 'reject',
    clock: options.clock ?? (() => new Date()),
    urls: urls ?? (() => ({ dm: `${origin}/dm`, repo: `${origin}/repo`, web: `${origin}/web`, admin: adminOrigin })),
  });
  (options.devices ?? []).forEach((device, index) => {
    const checked = checkDeviceRegistration(device, `devices[${index}]`);
    if (!checked.ok) throw new ReferenceServerConfigError(checked.error);
    if (checked.config.notify?.transport === 'shell' && options.allowShellNotify !== true)
      throw new ReferenceServerConfigError(`devices[${index}]: ${SHELL_NOTIFY_DISABLED}`);
    state.register(checked.config);
  });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  return {
    state,
    origin,
    adminOrigin,
    publicHandlers: [
      malformedPathHandler(origin),
      ...dmEndpointHandlers(state, origin, maxBodyBytes),
      ...repositoryHandlers(state, origin, maxBodyBytes),
      ...gcmRegistrationHandlers(state, origin, maxBodyBytes),
    ],
    adminHandlers: [
      malformedPathHandler(adminOrigin),
      ...adminHandlers(state, adminOrigin, {
        print,
        allowShellNotify: options.allowShellNotify === true,
        ...(options.gcmSendUrl === undefined ? {} : { gcmSendUrl: options.gcmSendUrl }),
      }),
    ],
  };
}

/** A reference DM server listening on its ports. */
export interface RunningReferenceServer {
  /** Where clients post Package#1 (`<base>/dm`). */
  dmUrl: string;
  /** The admin API. */
  adminUrl: string;
  /** The token the admin API requires (`Authorization: Bearer <adminToken>`). */
  adminToken: string;
  /** Base of the data repository (`<base>/repo`). */
  repoUrl: string;
  /** Base of the web pages (`<base>/web`). */
  webUrl: string;
  state: ReferenceServerState;
  /**
   * Advertises `publicUrl` from now on instead (the base of the URLs above, and of CONT and async
   * URIs): for a relay in front of the server that can only listen once the server's port is known.
   */
  advertise(publicUrl: string): void;
  /** Closes both ports; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts the reference DM server: the DM endpoint, data repository and web server on one port
 * (`host`, default loopback), the admin API on a second, loopback-only port that admits only
 * calls carrying `adminToken` from a loopback Host and origin (admin-guard.ts). Port 0 picks
 * free ports; the URLs say which.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningReferenceServer> {
  const bound: { urls?: ServerUrls } = {};
  const urls = (): ServerUrls => {
    if (bound.urls === undefined) throw new Error('reference server URLs are not known before its ports are bound');
    return bound.urls;
  };
  const server = createReferenceServer(options, urls);
  const adminToken = options.adminToken ?? newAdminToken();
  const faults = selectFaults<ServerFaultName>(options.faults ?? [], 'server');
  const common = { requestTimeoutMs: options.requestTimeoutMs ?? 10_000, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
  const served: ServedEndpoint[] = [];
  try {
    served.push(
      await serveHandlers(server.publicHandlers, {
        ...common,
        host: options.host ?? '127.0.0.1',
        port: options.port ?? 0,
        origin: server.origin,
        name: 'reference-server',
        // The DM endpoint is served by a plain node:http handler (same engine as its msw handler), the rest by msw.
        direct: directDmEndpoint(server.state, server.origin),
        ...(options.tls === undefined ? {} : { tls: referenceTls(options.tls, faults) }),
        ...(options.httpAuth === undefined ? {} : { admit: httpAuthGate(options.httpAuth, faults) }),
      }),
    );
    served.push(
      await serveHandlers(server.adminHandlers, {
        ...common,
        host: '127.0.0.1',
        port: options.adminPort ?? 0,
        origin: server.adminOrigin,
        name: 'reference-admin',
        admit: (method, headers, port) => checkAdminRequest(method, headers, port, adminToken),
      }),
    );
  } catch (error) {
    await Promise.all(served.map((endpoint) => endpoint.close()));
    throw error;
  }
  const [publicEndpoint, adminEndpoint] = served as [ServedEndpoint, ServedEndpoint];
  const advertise = (publicUrl: string) => {
    const base = publicUrl.replace(/\/+$/, '');
    bound.urls = { dm: `${base}/dm`, repo: `${base}/repo`, web: `${base}/web`, admin: adminEndpoint.url };
  };
  advertise(options.publicUrl ?? publicEndpoint.url);
  return {
    get dmUrl() {
      return urls().dm;
    },
    adminUrl: adminEndpoint.url,
    adminToken,
    get repoUrl() {
      return urls().repo;
    },
    get webUrl() {
      return urls().web;
    },
    state: server.state,
    advertise,
    stop: async () => {
      await Promise.all(served.map((endpoint) => endpoint.close()));
    },
  };
}
