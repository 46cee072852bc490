/** What identifies a notification for duplicate detection (§5.2.1.2 NOTIFICATION-ID). */
export interface DeduplicationKey {
  notificationId?: number;
  /** SERVER-ID of the notification, when it carries one. */
  serverId?: string;
}

/** Outcome of `NotificationDeduplicator.observe` (§5.2.1.2 duplicate detection). */
export type DeduplicationOutcome = 'new' | 'duplicate' | 'unidentified';

/** Default number of (sender, NOTIFICATION-ID) pairs remembered (§5.2.1.2 sets no bound). */
export const DEFAULT_DEDUPLICATION_CAPACITY = 1024;

/**
 * Remembers recent notifications to drop duplicates (§5.2.1.2: a duplicate has the same
 * NOTIFICATION-ID and the same sending server; the client MUST drop it). The sender is the
 * SERVER-ID when present, else a transport-level key (e.g. the datagram's source address), else one
 * anonymous sender. A notification without NOTIFICATION-ID cannot be recognised and is
 * `unidentified`. Memory is bounded: beyond `capacity` the oldest pair is forgotten.
 */
export class NotificationDeduplicator {
  private readonly seen = new Map<string, true>();

  constructor(readonly capacity: number = DEFAULT_DEDUPLICATION_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  /** Records the notification and says whether it was seen before. */
  observe(key: DeduplicationKey, transportSender?: string): DeduplicationOutcome {
    if (key.notificationId === undefined) return 'unidentified';
    const sender = key.serverId !== undefined ? `server-id:${key.serverId}` : `transport:${transportSender ?? ''}`;
    const id = `${sender}\u0000${key.notificationId}`;
    if (this.seen.has(id)) {
      this.seen.delete(id);
      this.seen.set(id, true);
      return 'duplicate';
    }
    this.seen.set(id, true);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return 'new';
  }

  /** Number of pairs currently remembered. */
  get size(): number {
    return this.seen.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.seen.clear();
  }
}
