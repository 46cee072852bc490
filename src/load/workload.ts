import { DEFAULT_DEV_INFO_MOID } from '../harness/device-engine-tree.js';
import { describeViolations } from '../reference/server/problem.js';
import { queueDeviceCommand, type ReferenceServerState } from '../reference/server/index.js';

/**
 * The commands queued on the embedded reference server before each session, so a session is
 * Package#1 → Package#2 (GET DevInfo DevID, §5.3.6) → Package#3 with its data part (App F) →
 * Package#2 (END, §5.3.9): every package kind and the multipart form are exercised.
 */
export const EMBEDDED_WORKLOAD: readonly (readonly string[])[] = [['GET', `${DEFAULT_DEV_INFO_MOID}//DevID`]];

/**
 * Queues the workload for one device on the embedded reference server, in-process, as its admin
 * API's `POST /devices/:devId/commands` would (same expansion and checks); the failure text, or
 * undefined. Not over HTTP: the server runs in this process, and a load figure measures DM
 * sessions, not the admin API's msw wiring (`npm run bench` times that call on its own).
 */
export function queueWorkload(state: ReferenceServerState, devId: string): string | undefined {
  const device = state.devices.get(devId);
  if (device === undefined) return `no device ${devId} on the embedded server`;
  for (const command of EMBEDDED_WORKLOAD) {
    const queued = queueDeviceCommand(state, device, command);
    if (!queued.ok) return `queueing ${command[0] ?? ''} refused: ${describeViolations(queued.violations)}`;
  }
  return undefined;
}
