import { startReferenceServer, type RunningReferenceServer } from '../reference/server/index.js';
import { LoadHttpClient } from './load-http.js';
import { loadDevIds } from './load-run.js';
import { queueWorkload } from './workload.js';

/** Admin connections kept open for queueing; more sessions in flight than this wait for one. */
const ADMIN_SOCKETS = 64;

/** The embedded reference server a load run talks to when no target is given. */
export interface EmbeddedLoadTarget {
  /** The running server; its `stop()` also closes the admin connections. */
  server: RunningReferenceServer;
  /** Queues the workload before each session (see EMBEDDED_WORKLOAD). */
  beforeSession: (devId: string) => Promise<string | undefined>;
}

/**
 * Starts the reference DM server on loopback with the run's devices registered and the given
 * fault switches on (UnknownFaultError for an unknown name).
 */
export async function startEmbeddedLoadTarget(options: { devices: number; devIdPrefix: string; faults?: readonly string[]; timeoutMs: number }): Promise<EmbeddedLoadTarget> {
  const server = await startReferenceServer({
    faults: options.faults ?? [],
    devices: loadDevIds(options.devIdPrefix, options.devices).map((devId) => ({ devId })),
    print: () => undefined,
  });
  const admin = new LoadHttpClient({ maxSockets: ADMIN_SOCKETS, timeoutMs: options.timeoutMs, maxBodyBytes: 64 * 1024 });
  const stop = async (): Promise<void> => {
    admin.close();
    await server.stop();
  };
  return { server: { ...server, stop }, beforeSession: (devId) => queueWorkload(server, devId, admin) };
}
