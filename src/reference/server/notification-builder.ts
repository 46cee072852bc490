import type { SchemaViolation } from '../../protocol/json-schema.js';
import { checkNotificationInput, notificationToRawSpec } from '../../protocol/notification/encode.js';
import { encodeRawNotification, type RawNotificationSpec } from '../../protocol/notification/raw.js';
import type { ConnectionTypeName, NotificationInput } from '../../protocol/notification/schemas/notification-input.schema.js';
import type { FaultSet, ServerFaultName } from '../faults/index.js';
import type { NotifyRequest } from './schemas/notify-request.schema.js';
import type { DeviceState } from './server-state.js';

const CON_TYPE_NAMES: readonly ConnectionTypeName[] = ['ANY_AVAILABLE', 'CELLULAR', 'WLAN', 'WIRELINE'];

/** How stale the `notify-stale-timestamp` mutant makes TIMESTAMP. */
const STALE_TIMESTAMP_SECONDS = 24 * 60 * 60;

/** A Package#0 ready to send, with what it carries for checking the Package#1 that answers it. */
export interface BuiltNotification {
  bytes: Uint8Array;
  notificationId?: number;
  reqMos: boolean;
  /** The fault switches that changed these bytes. */
  faults: ServerFaultName[];
}

export type NotificationBuild = { ok: true; notification: BuiltNotification } | { ok: false; problems: SchemaViolation[] };

/** What the server sends when the request leaves an option to its default (§5.2.1.2). */
function conformantInput(serverId: string, device: DeviceState, request: NotifyRequest, nowSeconds: number): NotificationInput {
  const input: NotificationInput = {};
  const sid = request.serverId === undefined ? serverId : request.serverId;
  if (sid !== null) input.serverId = sid;
  if (request.conTypes !== undefined) {
    const [first, ...rest] = request.conTypes.map((code) => CON_TYPE_NAMES[code] ?? 'ANY_AVAILABLE');
    if (first !== undefined) input.preferredConTypes = [first, ...rest];
  }
  if (request.notificationId !== null) input.notificationId = request.notificationId ?? device.nextNotificationId;
  if (request.digest ?? device.secret !== undefined) input.digest = true;
  if (request.timestamp !== null)
    input.timestamp = request.timestamp === undefined || request.timestamp === 'now' ? nowSeconds : request.timestamp;
  if (request.reqMos === true) input.reqMos = true;
  return input;
}

/** The option-level fault switches (§5.2.1.2); each changes one option of the input. */
function applyOptionFaults(
  input: NotificationInput,
  faults: FaultSet<ServerFaultName>,
  device: DeviceState,
  autoId: boolean,
  applied: ServerFaultName[],
): NotificationInput {
  const out = { ...input };
  if (faults.has('notify-missing-server-id') && out.serverId !== undefined) {
    delete out.serverId;
    applied.push('notify-missing-server-id');
  }
  if (faults.has('notify-bad-con-type') && out.preferredConTypes !== undefined) {
    const others = out.preferredConTypes.filter((name) => name !== 'ANY_AVAILABLE');
    out.preferredConTypes = ['ANY_AVAILABLE', ...(others.length > 0 ? others : ['CELLULAR' as const])];
    applied.push('notify-bad-con-type');
  }
  if (faults.has('notify-repeated-id') && autoId && out.notificationId !== undefined) {
    out.notificationId = device.firstNotificationId;
    applied.push('notify-repeated-id');
  }
  if (faults.has('notify-stale-timestamp') && out.timestamp !== undefined) {
    out.timestamp = Math.max(0, out.timestamp - STALE_TIMESTAMP_SECONDS);
    applied.push('notify-stale-timestamp');
  }
  if (faults.has('notify-ignore-req-mos') && out.reqMos === true) {
    delete out.reqMos;
    applied.push('notify-ignore-req-mos');
  }
  return out;
}

/** The byte-layout fault switches (§5.2.1.1, §7.1.1, §9.1); each changes one field of the raw form. */
function applyLayoutFaults(spec: RawNotificationSpec, faults: FaultSet<ServerFaultName>, applied: ServerFaultName[]): RawNotificationSpec {
  const out: RawNotificationSpec = { ...spec, options: [...spec.options] };
  if (faults.has('notify-wrong-ver')) {
    out.version = 1;
    applied.push('notify-wrong-ver');
  }
  if (faults.has('notify-oc-mismatch')) {
    out.optionCount = out.options.length + 1;
    applied.push('notify-oc-mismatch');
  }
  if (faults.has('notify-options-out-of-order') && out.options.length > 1) {
    out.options.reverse();
    applied.push('notify-options-out-of-order');
  }
  if (faults.has('notify-bad-digest') && out.digest !== undefined) {
    out.digest = { ...out.digest, mistake: 'not-zeroed' };
    applied.push('notify-bad-digest');
  }
  return out;
}

/**
 * Builds the Package#0 a NotifyRequest asks for (§5.2.1, §7.1.1). Defaults: SERVER-ID = the
 * server's id, NOTIFICATION-ID = the device's next id (incremented per notification, §5.2.1.2:
 * duplicates must be detectable), TIMESTAMP = now, SHA256-DIGEST when the device has a secret.
 * A request that cannot make a valid notification (a digest without a secret, ANY_AVAILABLE not
 * last…) is refused with the problems; the server's fault switches then change the valid form.
 */
export function buildNotification(
  serverId: string,
  device: DeviceState,
  request: NotifyRequest,
  faults: FaultSet<ServerFaultName>,
  now: Date,
): NotificationBuild {
  const input = conformantInput(serverId, device, request, Math.floor(now.getTime() / 1000));
  const credentials = {
    ...(device.secret === undefined ? {} : { secret: device.secret }),
    ...(device.authData === undefined ? {} : { authData: device.authData }),
  };
  const problems = checkNotificationInput(input, credentials).map((p) => ({ ...p, pointer: pointerInRequest(p.pointer) }));
  if (problems.length > 0) return { ok: false, problems };

  const autoId = request.notificationId === undefined;
  const applied: ServerFaultName[] = [];
  const sent = applyOptionFaults(input, faults, device, autoId, applied);
  const spec = applyLayoutFaults(notificationToRawSpec(sent, credentials), faults, applied);
  if (autoId && !applied.includes('notify-repeated-id')) device.nextNotificationId = (device.nextNotificationId + 1) & 0xffff;
  const notification: BuiltNotification = { bytes: encodeRawNotification(spec), reqMos: sent.reqMos === true, faults: applied };
  if (sent.notificationId !== undefined) notification.notificationId = sent.notificationId;
  return { ok: true, notification };
}

/** Maps a pointer into the encoder input back to the NotifyRequest member that produced it. */
function pointerInRequest(pointer: string): string {
  return pointer.replace(/^\/preferredConTypes/, '/conTypes');
}
