import type {
  ClientState,
  CommandRecord,
  DefaultSource,
  NotificationRecord,
  PackageExchange,
  SessionRecord,
  Subscription,
  TransferRecord,
} from './schemas/client-state.schema.js';

/** How many entries each list of the state keeps (the oldest go first). */
export const STATE_LIST_LIMIT = 200;

function pushBounded<T>(list: T[], item: T): T {
  list.push(item);
  if (list.length > STATE_LIST_LIMIT) list.splice(0, list.length - STATE_LIST_LIMIT);
  return item;
}

/**
 * The reference client's memory of what happened (admin GET /state): bounded lists of
 * notifications, sessions (with their packages and command statuses) and side transfers.
 * DEFAULT sources, subscriptions and pending alerts are read live from their owners.
 */
export class ClientStateStore {
  readonly notifications: NotificationRecord[] = [];
  readonly sessions: SessionRecord[] = [];
  readonly transfers: TransferRecord[] = [];
  private nextSessionId = 1;

  constructor(
    private readonly devId: string,
    private readonly faults: readonly string[],
  ) {}

  /** Reserves the id of a session before it starts (admin answers carry it at once). */
  reserveSessionId(): number {
    return this.nextSessionId++;
  }

  recordNotification(record: NotificationRecord): NotificationRecord {
    return pushBounded(this.notifications, record);
  }

  startSession(id: number, trigger: SessionRecord['trigger'], serverId: string): SessionRecord {
    return pushBounded(this.sessions, {
      id,
      trigger,
      serverId,
      startedAt: new Date().toISOString(),
      outcome: 'running',
      packages: [],
      commands: [],
    });
  }

  finishSession(session: SessionRecord, outcome: 'ended' | 'aborted', reason?: string): void {
    session.outcome = outcome;
    session.endedAt = new Date().toISOString();
    if (reason !== undefined) session.reason = reason;
  }

  recordPackage(session: SessionRecord, exchange: PackageExchange): PackageExchange {
    return pushBounded(session.packages, exchange);
  }

  recordCommand(session: SessionRecord, command: CommandRecord): CommandRecord {
    return pushBounded(session.commands, command);
  }

  recordTransfer(record: Omit<TransferRecord, 'at'>): TransferRecord {
    return pushBounded(this.transfers, { at: new Date().toISOString(), ...record });
  }

  session(id: number): SessionRecord | undefined {
    return this.sessions.find((session) => session.id === id);
  }

  /** The state document, with the live parts supplied by their owners. */
  snapshot(live: { defaults: DefaultSource[]; subscriptions: Subscription[]; pendingAlerts: number }): ClientState {
    return {
      devId: this.devId,
      faults: [...this.faults],
      notifications: [...this.notifications],
      sessions: [...this.sessions],
      defaults: live.defaults,
      subscriptions: live.subscriptions,
      transfers: [...this.transfers],
      pendingAlerts: live.pendingAlerts,
    };
  }
}
