import type { NotificationDecoding } from './decode.js';
import { toHex } from './encodings.js';
import { connectionTypeName } from './options.js';
import type { DecodedNotification, WapPushFramingJson } from './schemas/decoded-notification.schema.js';
import type { WapPushDecoding } from './wap-push.js';

/**
 * The JSON view of a decoding (schema DecodedNotification): header, every option with its offset
 * and value in hex, the standard fields decoded (§5.2.1.2), the digest check and the violations.
 * What `dmct notify decode --json` prints and what evidence records attach.
 */
export function decodedNotificationToJson(bytes: Uint8Array, decoding: NotificationDecoding): DecodedNotification {
  const json: DecodedNotification = {
    size: bytes.length,
    hex: toHex(bytes),
    valid: decoding.valid,
    options: [],
    fields: { reqMos: false },
    violations: decoding.violations.map((v) => ({ ...v })),
  };
  const notification = decoding.notification;
  if (decoding.digest) json.digest = { ...decoding.digest };
  if (notification === undefined) return json;
  json.header = { version: notification.version, optionCount: notification.optionCount, reserved: notification.reserved };
  json.options = notification.rawOptions.map((o) => ({
    number: o.number,
    ...(o.name === undefined ? {} : { name: o.name }),
    offset: o.offset,
    delta: o.delta,
    length: o.length,
    valueHex: toHex(o.value),
  }));
  const f = notification.options;
  json.fields = { reqMos: f.reqMos };
  if (f.serverId !== undefined) json.fields.serverId = f.serverId;
  if (f.preferredConTypes !== undefined) {
    json.fields.preferredConTypes = f.preferredConTypes.map((code) => {
      const name = connectionTypeName(code);
      return name === undefined ? { code } : { code, name };
    });
  }
  if (f.notificationId !== undefined) json.fields.notificationId = f.notificationId;
  if (f.digest !== undefined) json.fields.digestHex = toHex(f.digest);
  if (f.timestamp !== undefined) {
    json.fields.timestamp = f.timestamp;
    const date = new Date(f.timestamp * 1000);
    if (!Number.isNaN(date.getTime())) json.fields.timestampIso = date.toISOString();
  }
  return json;
}

/** The JSON view of a WAP Push datagram's framing (App E.1), for DecodedNotification.transport. */
export function wapPushFramingToJson(datagram: Uint8Array, decoding: WapPushDecoding): WapPushFramingJson {
  const json: WapPushFramingJson = {
    kind: 'wap-push',
    size: datagram.length,
    valid: decoding.valid,
    violations: decoding.violations.map((v) => ({ ...v })),
  };
  if (decoding.tid !== undefined) json.tid = decoding.tid;
  if (decoding.pduType !== undefined) json.pduType = decoding.pduType;
  if (decoding.contentType !== undefined) json.contentType = decoding.contentType;
  if (decoding.applicationId !== undefined) json.applicationId = decoding.applicationId;
  if (decoding.headerLength !== undefined) json.headerLength = decoding.headerLength;
  if (decoding.bodyOffset !== undefined) json.bodyOffset = decoding.bodyOffset;
  return json;
}
