import { startReferenceServer, type RunningReferenceServer } from '../reference/server/index.js';
import { loadDevIds } from './load-run.js';
import { queueWorkload } from './workload.js';

/** The embedded reference server a load run talks to when no target is given. */
export interface EmbeddedLoadTarget {
  /** The running server. */
  server: RunningReferenceServer;
  /** Queues the workload before each session (see EMBEDDED_WORKLOAD). */
  beforeSession: (devId: string) => Promise<string | undefined>;
}

/**
 * Starts the reference DM server on loopback with the run's devices registered and the given
 * fault switches on (UnknownFaultError for an unknown name).
 */
export async function startEmbeddedLoadTarget(options: {
  devices: number;
  devIdPrefix: string;
  faults?: readonly string[];
}): Promise<EmbeddedLoadTarget> {
  const server = await startReferenceServer({
    faults: options.faults ?? [],
    devices: loadDevIds(options.devIdPrefix, options.devices).map((devId) => ({ devId })),
    print: () => undefined,
  });
  return { server, beforeSession: (devId) => Promise.resolve(queueWorkload(server.state, devId)) };
}
