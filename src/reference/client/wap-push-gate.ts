import { decodeWapPushDatagram } from '../../protocol/notification/wap-push.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';
import type { FaultSet } from '../faults/types.js';

/** The notification a WAP Push datagram carries for the DM client, or why it is not for it. */
export type WapPushUnwrapped = { ok: true; notification: Uint8Array } | { ok: false; detail: string };

/**
 * Unwraps a connectionless WAP Push datagram (App E.1): the client takes only a push addressed to
 * the DM client (X-Wap-Application-Id 0x07) with the DM notification content type; anything else
 * is not routed to it. The `wap-push-app-id-unchecked` switch takes a push whatever application
 * it is addressed to (E.1.1).
 */
export function unwrapWapPush(bytes: Uint8Array, faults: FaultSet<ReferenceClientFaultName>): WapPushUnwrapped {
  const push = decodeWapPushDatagram(bytes);
  const ignored = faults.has('wap-push-app-id-unchecked') ? new Set(['wap-push-app-id', 'wap-push-app-id-missing']) : new Set<string>();
  const errors = push.violations.filter((v) => v.severity === 'error' && !ignored.has(v.rule));
  if (errors.length > 0 || push.notification === undefined) {
    return { ok: false, detail: errors.map((v) => v.message).join('; ') || 'no notification in the push' };
  }
  return { ok: true, notification: push.notification };
}
