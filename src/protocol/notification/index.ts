/**
 * Package#0, the DM Notification (OMA DM 2.0 §5.2.1, §7.1.1, §9.1), and its transports as bytes
 * (App E.1 WAP Push, App E.2 GCM). Pure functions: no I/O.
 */
export * from './options.js';
export * from './rules.js';
export * from './encodings.js';
export * from './digest.js';
export * from './wire.js';
export * from './raw.js';
export * from './encode.js';
export * from './decode.js';
export * from './deduplicator.js';
export * from './wap-push.js';
export * from './gcm.js';
export * from './json-view.js';
export * from './fixture.js';
export { notificationInputSchema, type NotificationInput, type ConnectionTypeName } from './schemas/notification-input.schema.js';
export { notificationFixtureSchema, type NotificationFixture } from './schemas/notification-fixture.schema.js';
export {
  decodedNotificationSchema,
  type DecodedNotification,
  type NotificationViolationJson,
  type WapPushFramingJson,
} from './schemas/decoded-notification.schema.js';
export { gcmMessageSchema, type GcmMessage } from './schemas/gcm-message.schema.js';
