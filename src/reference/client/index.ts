import { checkAdminRequest, newAdminToken } from '../../transport/admin-guard.js';
import { serveHandlers, type ServedEndpoint } from '../../transport/endpoint-server.js';
import { listenUdp, type UdpListener } from '../../transport/udp.js';
import { adminHandlers, notifyHandlers, ADMIN_MAX_BODY_BYTES } from './admin-api.js';
import { ddfHandlers, publishDdfs } from './ddf-api.js';
import { ReferenceClient, type ReferenceClientConfig } from './reference-client.js';
import type { ClientState } from './schemas/client-state.schema.js';

export { CRASH_MARKER_DIR_ENV, crashMarker, type CrashMarker } from './crash-marker.js';
export {
  ReferenceClient,
  DEFAULT_CLIENT_SERVER_ID,
  DEFAULT_TIMINGS,
  type ReferenceClientConfig,
  type NeedMoidResult,
  type SessionTicket,
} from './reference-client.js';
export { adminHandlers, notifyHandlers } from './admin-api.js';
export { DDF_FILES, DDF_URLS, DEFAULT_DEV_INFO, DEFAULT_PERMITTED_MOIDS, MIIDS, MOIDS } from './device-tree.js';
export { SAMPLE_RESULT_ALERT_TYPE } from './executables.js';
export { NOTIFICATION_DROP_REASONS, type NotificationDropReason } from './notification-gate.js';
export { DEFAULT_CONNECTIVITY, type Bearer, type Connectivity } from './connection.js';
export type {
  ClientState,
  NotificationRecord,
  SessionRecord,
  PackageExchange,
  CommandRecord,
  TransferRecord,
} from './schemas/client-state.schema.js';

/** Origin the admin handlers are written against in-process. */
export const REFERENCE_CLIENT_ADMIN_ORIGIN = 'http://admin.dm-client.test';
/** Origin the HTTP notification handler is written against in-process. */
export const REFERENCE_CLIENT_NOTIFY_ORIGIN = 'http://notify.dm-client.test';

/** Options of {@link startReferenceClient}: the client's provisioning plus where it listens. */
export interface ReferenceClientOptions extends Omit<ReferenceClientConfig, 'serverUrl'> {
  /** The DM server's Package#1 endpoint (DMAcc SrvURI). */
  serverUrl: string;
  /** Interface of the notification listeners (default 127.0.0.1). The admin API is always loopback. */
  host?: string;
  /** UDP port of the WAP Push listener (App E.1; default 0 = a free port, 2948 is the IANA port). */
  udpPort?: number;
  /** Port of the HTTP notification endpoint (default 0). */
  httpNotifyPort?: number;
  /** Port of the admin API (default 0). */
  adminPort?: number;
  /** Token every admin call must carry as `Authorization: Bearer` (default: a fresh random one). */
  adminToken?: string;
}

/** A running reference client. */
export interface RunningReferenceClient {
  devId: string;
  serverId: string;
  udpPort: number;
  /** `POST` a raw Package#0 here (HTTP notification transport). */
  notifyUrl: string;
  adminUrl: string;
  /** The token the admin API requires (`Authorization: Bearer <adminToken>`). */
  adminToken: string;
  /** The in-memory client: tree, trace, sessions. */
  client: ReferenceClient;
  /** The admin GET /state document, read afresh on every access. */
  readonly state: ClientState;
  /** Stops listening, starts no new session, waits for the running one; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the reference DM client (section 5): the WAP Push listener on UDP, the HTTP notification
 * endpoint (which also serves the client's DDFs, section 6.4) and the admin API, each on its own port (0 = a free one); the admin API admits only
 * calls carrying `adminToken` from a loopback Host and origin (admin-guard.ts). Throws UnknownFaultError for
 * an unknown fault switch name, and the listen error for a port in use.
 */
export async function startReferenceClient(options: ReferenceClientOptions): Promise<RunningReferenceClient> {
  const client = new ReferenceClient(options);
  const host = options.host ?? '127.0.0.1';
  const adminToken = options.adminToken ?? newAdminToken();
  const opened: { close(): Promise<void> }[] = [];
  try {
    const udp: UdpListener = await listenUdp({
      host,
      port: options.udpPort ?? 0,
      maxQueue: 16,
      onDatagram: (datagram) => {
        client.receiveNotification('udp', datagram.bytes, `${datagram.from.address}:${datagram.from.port}`);
      },
    });
    opened.push(udp);
    // The HTTP notification endpoint also serves the client's DDFs (section 6.4), the MOS DDF links.
    const notify: ServedEndpoint = await serveHandlers(
      [...notifyHandlers(client, REFERENCE_CLIENT_NOTIFY_ORIGIN), ...ddfHandlers(client, REFERENCE_CLIENT_NOTIFY_ORIGIN)],
      {
        host,
        port: options.httpNotifyPort ?? 0,
        origin: REFERENCE_CLIENT_NOTIFY_ORIGIN,
        maxBodyBytes: 4096,
        requestTimeoutMs: 5_000,
        name: 'client-notify',
      },
    );
    opened.push(notify);
    publishDdfs(client, `${notify.url}/ddf/`);
    const admin: ServedEndpoint = await serveHandlers(adminHandlers(client, REFERENCE_CLIENT_ADMIN_ORIGIN), {
      host: '127.0.0.1',
      port: options.adminPort ?? 0,
      origin: REFERENCE_CLIENT_ADMIN_ORIGIN,
      maxBodyBytes: ADMIN_MAX_BODY_BYTES,
      requestTimeoutMs: 10_000,
      name: 'client-admin',
      admit: (method, headers, port) => checkAdminRequest(method, headers, port, adminToken),
    });
    opened.push(admin);
    let stopping: Promise<void> | undefined;
    const running: RunningReferenceClient = {
      devId: client.devId,
      serverId: client.accounts()[0]?.serverId ?? '',
      udpPort: udp.port,
      notifyUrl: `${notify.url}/notify`,
      adminUrl: admin.url,
      adminToken,
      client,
      get state() {
        return client.snapshot();
      },
      stop: () => {
        stopping ??= (async () => {
          await Promise.all(opened.map((endpoint) => endpoint.close()));
          await client.stop();
        })();
        return stopping;
      },
    };
    // A crashed client acts like an exited process: its listeners and admin API refuse connections.
    if (client.crashed) await running.stop();
    else client.onCrash(() => void running.stop());
    return running;
  } catch (error) {
    await Promise.allSettled(opened.map((endpoint) => endpoint.close()));
    await client.stop();
    throw error;
  }
}
