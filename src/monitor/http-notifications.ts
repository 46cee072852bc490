/**
 * Package#0 carried over HTTP, as the monitor's HTTP relay forwards it and a capture holds it: the
 * bare notification POSTed with its media type (App E.3, an "other" transport), or a GCM message
 * (App E.2) whose data key SMS holds the notification in base64. The exchange is recognised by its
 * content alone, so that `dmct judge` on the monitor's capture.har finds the same ones.
 */
import { HEADERS, getHeader } from '../protocol/http/headers.js';
import { parseMediaType } from '../protocol/http/media-types.js';
import { WAP_PUSH } from '../protocol/interpretations/notification.js';
import { decodeGcmMessage } from '../protocol/notification/gcm.js';
import { jsonTextExceedsDepth } from '../protocol/json-limits.js';
import type { Violation } from '../protocol/violation.js';
import type { Exchange } from './capture.js';

/** How an HTTP request carried a Package#0: `http` the bare bytes (App E.3), `gcm` a GCM message (App E.2). */
export type HttpNotificationForm = 'http' | 'gcm';

/** One Package#0 found in an HTTP exchange. */
export interface HttpNotification {
  /** The exchange's index (the evidence a finding names). */
  exchange: number;
  time: string;
  form: HttpNotificationForm;
  /** The Package#0 bytes; absent when a GCM message carries none that decodes. */
  notification?: Uint8Array;
  /** Violations of the carrier: the GCM message's form and its base64 (App E.2). */
  framing: Violation[];
}

/** The media type of a GCM send request (App E.2: a JSON message). */
const JSON_MEDIA_TYPE = 'application/json';
/** A GCM message is a flat object (data holds strings): deeper JSON is not one. */
const MAX_GCM_DEPTH = 8;

/**
 * The Package#0 an exchange carries, when it is a POST of the notification media type (the bare
 * bytes) or a JSON object with a `data` member (a GCM message); else undefined. An exchange whose
 * body was not kept whole is not read.
 */
export function httpNotificationOf(exchange: Exchange): HttpNotification | undefined {
  if (exchange.method !== 'POST' || exchange.problems.length > 0 || exchange.requestBody === undefined) return undefined;
  const contentType = getHeader(exchange.requestHeaders, HEADERS.contentType);
  const essence = contentType === undefined ? undefined : parseMediaType(contentType)?.essence;
  const base = { exchange: exchange.index, time: exchange.time };
  if (essence === WAP_PUSH.contentTypeText) return { ...base, form: 'http', notification: exchange.requestBody, framing: [] };
  if (essence !== JSON_MEDIA_TYPE) return undefined;
  const text = Buffer.from(exchange.requestBody).toString('utf8');
  if (jsonTextExceedsDepth(text, MAX_GCM_DEPTH)) return undefined;
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message) || !('data' in message)) return undefined;
  const decoded = decodeGcmMessage(message);
  return { ...base, form: 'gcm', ...(decoded.notification ? { notification: decoded.notification } : {}), framing: decoded.violations };
}
