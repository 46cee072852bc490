import { adminAuthorization } from '../harness/admin-guard.js';
import { DEFAULT_DEV_INFO_MOID } from '../harness/device-engine-tree.js';
import type { LoadHttpClient } from './load-http.js';

/**
 * The commands queued on the embedded reference server before each session, so a session is
 * Package#1 → Package#2 (GET DevInfo DevID, §5.3.6) → Package#3 with its data part (App F) →
 * Package#2 (END, §5.3.9): every package kind and the multipart form are exercised.
 */
export const EMBEDDED_WORKLOAD: readonly (readonly string[])[] = [['GET', `${DEFAULT_DEV_INFO_MOID}//DevID`]];

/** Queues the workload for one device through the reference server's admin API, over the run's keep-alive client; the failure text, or undefined. */
export async function queueWorkload(admin: { adminUrl: string; adminToken: string }, devId: string, client: LoadHttpClient): Promise<string | undefined> {
  const { adminUrl, adminToken } = admin;
  const url = `${adminUrl.replace(/\/+$/, '')}/devices/${encodeURIComponent(devId)}/commands`;
  for (const command of EMBEDDED_WORKLOAD) {
    const outcome = await client.post(url, { 'content-type': 'application/json', ...adminAuthorization(adminToken) }, Buffer.from(JSON.stringify({ command }), 'utf8'));
    if (outcome.kind !== 'response') return `admin API: ${outcome.kind} (${outcome.detail})`;
    if (outcome.status !== 201) return `admin API answered HTTP ${outcome.status} to queueing ${command[0] ?? ''}`;
  }
  return undefined;
}
