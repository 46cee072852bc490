/**
 * Runs DM sessions between the reference client and the reference server through `dmct monitor`:
 * the server advertises the monitor as its public URL (CONT and async URIs), the client is told the
 * monitor is its server, and the server's Package#0 goes through the monitor's UDP relay.
 */
import { startMonitor, type MonitorLine, type RunningMonitor } from '../../../src/monitor/index.js';
import { DEFAULT_DEV_INFO, MOIDS, startReferenceClient, type RunningReferenceClient } from '../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';

const SECRET = 's3cr3t';
const AUTH_DATA = 'nonce';
const SAMPLE = `${MOIDS.sample}/s1`;
/** The reference client's DevInfo/DevID, as its claims give it: the monitor holds each OMADM-DevID to it (§5.2.2). */
export const CLIENT_DEVID = DEFAULT_DEV_INFO.devId;

/**
 * The Package#2s of the notification session, each queued whole: a read (synchronous reporting),
 * an EXEC with a ServerURI (asynchronous reporting, then a Generic Alert in a later session) and a
 * CONT (the next Package#3s move); then an EXEC of an immediate node (its final status in the
 * Package#3, apart from any 202, so a refusal of either shows under its own rule); then END from
 * the server when the queue is empty.
 */
export const MONITORED_PACKAGES: string[][][] = [
  [['GET', `${MOIDS.devInfo}//DevID`], ['EXEC', `${SAMPLE}/Update`, '{{async}}'], ['GET', `${SAMPLE}/Notes`], ['CONT']],
  [
    ['EXEC', `${SAMPLE}/Reboot`],
    ['GET', `${SAMPLE}/BootCount`],
  ],
];

/**
 * One Package#2 per remaining command of §5.3, queued after MONITORED_PACKAGES on demand: what a
 * server breaks in sending one of them is in the Package#2 alone, so a fault of that command is
 * run with its command in the session.
 */
export const COMMAND_PACKAGES: Readonly<Record<string, string[][]>> = {
  HGET: [['HGET', '{{repo}}/monitored']],
  // HGET of text (the repository's `monitored` content) into a leaf: fetched, stored, reported 200.
  HGET_INTO_LEAF: [['HGET', '{{repo}}/monitored', `${SAMPLE}/Notes`]],
  HPUT: [['HPUT', '{{repo}}/monitored-hput', `${SAMPLE}/Notes`]],
  HPOST: [['HPOST', '{{repo}}/monitored-hpost', `${SAMPLE}/Notes`]],
  DELETE: [['DELETE', `${SAMPLE}/Notes`]],
  SHOW: [['SHOW', '{{web}}/welcome']],
  DEFAULT: [['DEFAULT', '{{repo}}/installable', MOIDS.sample]],
  SUB: [['SUB', '{{repo}}/monitored-sub', `${SAMPLE}/Notes`]],
  UNSUB: [['UNSUB', `${SAMPLE}/Notes`]],
};

/** Package#2s a client takes in one session before it gives up on a server that never sends END. */
const MAX_PACKAGES = 8;

export interface MonitoredRun {
  monitor: RunningMonitor;
  lines: MonitorLine[];
  client: RunningReferenceClient;
  server: RunningReferenceServer;
  /** Stops the peers and the monitor. */
  stop(): Promise<void>;
}

async function admin(server: RunningReferenceServer, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Starts both peers (with `faults` on the side they belong to) and the monitor between them, runs a
 * notification session with MONITORED_PACKAGES (and the async-result session it leads to), a second
 * notification (its session ends at once), then one more client-initiated session, so a Generic
 * Alert still missing is a fail, not "not observed".
 */
export async function runMonitoredSessions(
  faults: { client?: string[]; server?: string[] } = {},
  /** Whole Package#2s queued after MONITORED_PACKAGES (e.g. from COMMAND_PACKAGES). */
  extraPackages: readonly string[][][] = [],
): Promise<MonitoredRun> {
  // The server listens first; the monitor, in front of it, next; then the server advertises the
  // monitor's origin (CONT and async URIs): every port is bound by its owner, none reserved ahead.
  const server = await startReferenceServer({ faults: faults.server ?? [] });
  const lines: MonitorLine[] = [];
  let client: RunningReferenceClient | undefined;
  let monitor: RunningMonitor | undefined;
  const stop = async () => {
    await client?.stop();
    await monitor?.close();
    await server.stop();
  };
  try {
    // The relay forwards to the client's WAP Push port, known once the client listens (below).
    const notificationTarget = { port: 0 };
    monitor = await startMonitor({
      upstream: new URL(server.dmUrl),
      notificationRelay: { target: notificationTarget },
      notificationCredentials: { secret: new TextEncoder().encode(SECRET), authData: new TextEncoder().encode(AUTH_DATA) },
      clientDevId: CLIENT_DEVID,
      onPackage: (line) => lines.push(line),
    });
    server.advertise(monitor.url.origin);
    client = await startReferenceClient({
      serverUrl: monitor.url.href,
      secret: SECRET,
      authData: AUTH_DATA,
      faults: faults.client ?? [],
      timings: { asyncExecDelayMs: 20, maxPackagesPerSession: MAX_PACKAGES, showTimeoutMs: 200 },
    });
    notificationTarget.port = client.udpPort;
    const device = `/devices/${encodeURIComponent(client.devId)}`;
    await admin(server, 'POST', '/devices', {
      devId: client.devId,
      secret: SECRET,
      authData: AUTH_DATA,
      notify: { transport: 'udp', port: monitor.notificationPort },
    });
    await admin(server, 'PUT', '/repo/monitored', { mediaType: 'text/plain', body: 'monitored' });
    for (const CMD of [...MONITORED_PACKAGES, ...extraPackages]) await admin(server, 'POST', `${device}/package2`, { CMD });
    await admin(server, 'POST', `${device}/notify`, {
      serverId: 'dmct-reference-server',
      timestamp: 'now',
      digest: true,
      // WLAN, then ANY_AVAILABLE (last, §5.2.1.2), and REQ-MOS: every option of the Package#0 is shown.
      conTypes: [2, 0],
      reqMos: true,
    });
    await client.client.whenIdle(1);
    // A second, different Package#0 (a new NOTIFICATION-ID; a reused one is a duplicate the device drops).
    await admin(server, 'POST', `${device}/notify`, { serverId: 'dmct-reference-server', timestamp: 'now', digest: true });
    await client.client.whenIdle(2);
    await client.client.openSession('client').done;
    await client.client.whenIdle(2);
    await monitor.settled();
    return { monitor, lines, client, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
