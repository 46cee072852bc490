import { compileSchema } from '../json-schema.js';
import { notificationFixtureSchema, type NotificationFixture } from './schemas/notification-fixture.schema.js';

/**
 * Validates a self-describing Package#0 test vector (fixtures/notifications/, §5.2.1, §7.1.1)
 * against the NotificationFixture schema.
 */
export const validateNotificationFixture = compileSchema<NotificationFixture>(notificationFixtureSchema);
