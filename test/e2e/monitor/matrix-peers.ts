/**
 * The peers of the matrix tests: the reference DM server and client, each clean and with two
 * faults whose rules the passive judge checks, running in this process, and a claims file for
 * each (the 2016 reference claims with the peer's admin URL, token and DM endpoint; the server's
 * notify trigger sends to the UDP relay it is given, the client claims its own WAP Push port), so
 * each pair runs a client-initiated and a server-initiated session.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReferenceClient, type RunningReferenceClient } from '../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';

const CLAIMS = fileURLToPath(new URL('../../../fixtures/claims/dm20-2016/', import.meta.url));

/** The server variants, by claims file name: clean, then a 5.2.3/package2 fault and a 5.2.2/package1 fault the passive judge sees. */
export const SERVER_VARIANTS = {
  'reference-server': [],
  'server-package2-wrong-content-type': ['package2-wrong-content-type'],
  'server-package1-rejected-without-mos': ['package1-rejected-without-mos'],
} as const;

/** The client variants: clean, a Package#1 fault (5.2.2/package1) and a Package#3 after END (5.3.9/end). */
export const CLIENT_VARIANTS = {
  'reference-client': [],
  'client-package1-wrong-content-type': ['package1-wrong-content-type'],
  'client-package3-after-end': ['package3-after-end'],
} as const;

export interface MatrixPeers {
  /** Claims files, in the order of the variants above. */
  clients: string[];
  servers: string[];
  stop(): Promise<void>;
}

async function claimsTemplate(role: 'client' | 'server'): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(CLAIMS, `${role}.json`), 'utf8')) as Record<string, unknown>;
}

/**
 * Starts the three servers and three clients and writes their claims files into `dir`. The
 * clients' DM account names the monitor at `monitorPort` (dmct matrix --monitor-listen), so the
 * sessions a Package#0 starts go through each pair's monitor (without it, the first server).
 */
export async function startMatrixPeers(dir: string, monitorPort?: number): Promise<MatrixPeers> {
  const servers: RunningReferenceServer[] = [];
  const clients: RunningReferenceClient[] = [];
  const stop = async () => {
    await Promise.all([...clients.map((c) => c.stop()), ...servers.map((s) => s.stop())]);
  };
  try {
    const serverFiles: string[] = [];
    for (const [name, faults] of Object.entries(SERVER_VARIANTS)) {
      const server = await startReferenceServer({ faults, unknownDevices: 'register' });
      servers.push(server);
      const claims = await claimsTemplate('server');
      claims['adminUrl'] = server.adminUrl;
      claims['adminToken'] = server.adminToken;
      const serverIxit = claims['server'] as { url: string; triggers: { notify: { body: string } } };
      serverIxit.url = server.dmUrl;
      // The device registered itself in its first session; its Package#0 goes where dmct says (the pair's relay).
      serverIxit.triggers.notify.body =
        '{"transport": {"transport": "udp", "host": {{dmct.notificationSink.udpHost}}, "port": {{dmct.notificationSink.udpPort}}}}';
      const file = join(dir, `${name}.json`);
      await writeFile(file, JSON.stringify(claims, null, 2));
      serverFiles.push(file);
    }
    const clientFiles: string[] = [];
    for (const [i, [name, faults]] of Object.entries(CLIENT_VARIANTS).entries()) {
      // Each client its own device, so that no server mixes the sessions of two of them.
      const devId = `IMEI:35123456789012${i}`;
      const client = await startReferenceClient({
        serverUrl: monitorPort === undefined ? (servers[0]?.dmUrl ?? '') : `http://127.0.0.1:${monitorPort}/dm`,
        faults,
        devId,
      });
      clients.push(client);
      const claims = await claimsTemplate('client');
      claims['adminUrl'] = client.adminUrl;
      claims['adminToken'] = client.adminToken;
      const clientIxit = claims['client'] as { devId: string; notification: { udp: { port: number } } };
      clientIxit.devId = devId;
      clientIxit.notification.udp.port = client.udpPort;
      const file = join(dir, `${name}.json`);
      await writeFile(file, JSON.stringify(claims, null, 2));
      clientFiles.push(file);
    }
    return { clients: clientFiles, servers: serverFiles, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
