import { request } from '../harness/http-client.js';
import { DEFAULT_DEV_INFO_MOID } from '../harness/device-engine-tree.js';
import { TraceRecorder } from '../harness/trace-recorder.js';

/**
 * The commands queued on the embedded reference server before each session, so a session is
 * Package#1 → Package#2 (GET DevInfo DevID, §5.3.6) → Package#3 with its data part (App F) →
 * Package#2 (END, §5.3.9): every package kind and the multipart form are exercised.
 */
export const EMBEDDED_WORKLOAD: readonly (readonly string[])[] = [['GET', `${DEFAULT_DEV_INFO_MOID}//DevID`]];

/** Queues the workload for one device through the reference server's admin API; the failure text, or undefined. */
export async function queueWorkload(adminUrl: string, devId: string, timeoutMs: number): Promise<string | undefined> {
  const recorder = new TraceRecorder({ maxMessages: 0 });
  for (const command of EMBEDDED_WORKLOAD) {
    const outcome = await request(recorder, {
      method: 'POST',
      url: `${adminUrl.replace(/\/+$/, '')}/devices/${encodeURIComponent(devId)}/commands`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command }),
      timeoutMs,
      label: 'queue',
    });
    if (outcome.kind !== 'response') return `admin API: ${outcome.kind} (${outcome.detail})`;
    if (outcome.status !== 201) return `admin API answered HTTP ${outcome.status} to queueing ${command[0] ?? ''}`;
  }
  return undefined;
}
