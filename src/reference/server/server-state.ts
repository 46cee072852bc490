import { randomBytes, randomInt } from 'node:crypto';
import type { FaultSet, ServerFaultName } from '../faults/index.js';
import type { CommandRecord, DeviceLog, RepoHit, SessionRecord } from './schemas/device-log.schema.js';
import type { NotifyTarget } from './schemas/notify-target.schema.js';

/** Where the reference server can be reached; known once its ports are bound. */
export interface ServerUrls {
  /** The DM endpoint Package#1 is posted to, e.g. `http://127.0.0.1:4321/dm`. */
  dm: string;
  /** Base of the data repository (`<repo>/<name>`). */
  repo: string;
  /** Base of the web pages SHOW opens (`<web>/<page>`). */
  web: string;
  /** The admin API (empty when only served in-process). */
  admin: string;
}

/** A device as registered: its DevID, notification credentials (DMAcc Auth/Noti) and transport. */
export interface DeviceConfig {
  devId: string;
  secret?: Uint8Array;
  authData?: Uint8Array;
  notify?: NotifyTarget;
}

/** One entry of a device's FIFO of management operations. */
export interface QueueItem {
  /** `command`: one queued command; `package`: a whole Package#2 sent as queued. */
  kind: 'command' | 'package';
  id: string;
  commandIds: string[];
}

/** A Package#2 as it went out, with the command record behind each entry (none for injected ones). */
export interface SentPackage2 {
  entries: unknown[][];
  commandIds: (string | undefined)[];
  hasEnd: boolean;
}

/** A session in progress (or just ended) for one device. */
export interface LiveSession {
  record: SessionRecord;
  /** Path where the next Package#3 must arrive: the Package#1 path (PACKAGE3_DEFAULT_TARGET), or the CONT URI's (§5.3.8). */
  package3Path: string;
  /** A CONT URI path that takes effect after the next Package#3 (only when CONT_APPLIES_TO_CURRENT_RESPONSE is false). */
  pendingPackage3Path?: string;
  lastSent?: SentPackage2;
  /** Generic Alerts received since the last Package#2 (only the `status-for-generic-alert` fault reads it). */
  alertsSinceLastPackage2: number;
  /** Set by the `expects-package3-after-end` fault: END was sent, yet the session waits for a Package#3. */
  awaitsPackage3AfterEnd?: boolean;
}

/** What the last Package#0 to a device carried (to check the Package#1 that answers it, §5.2.2). */
export interface LastNotification {
  notificationId?: number;
  reqMos: boolean;
}

/** Entries kept per log list; older ones are dropped first so a chatty peer cannot exhaust memory. */
export const MAX_LOG_ENTRIES = 5000;

/** Command states that need nothing more from the device. */
const FINISHED_COMMAND_STATES: ReadonlySet<CommandRecord['state']> = new Set(['reported', 'completed', 'unanswered']);

/** Appends to a bounded log. */
export function appendBounded<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_LOG_ENTRIES) list.splice(0, list.length - MAX_LOG_ENTRIES);
}

/** Everything the reference server keeps about one registered device. */
export class DeviceState {
  readonly devId: string;
  secret?: Uint8Array;
  authData?: Uint8Array;
  notify?: NotifyTarget;
  /** GCM registration id the device posted to the registration URI (App E.2.4). */
  gcmRegId?: string;
  /** NOTIFICATION-ID of the next Package#0 (16 bits, wraps). */
  nextNotificationId: number;
  /** NOTIFICATION-ID of the first Package#0 (the one `notify-repeated-id` keeps sending). */
  readonly firstNotificationId: number;
  lastNotification?: LastNotification;
  readonly queue: QueueItem[] = [];
  readonly commands = new Map<string, CommandRecord>();
  session?: LiveSession;
  readonly log: Omit<DeviceLog, 'commands'>;
  private seq = 0;

  constructor(config: DeviceConfig, firstNotificationId: number) {
    this.devId = config.devId;
    this.nextNotificationId = firstNotificationId;
    this.firstNotificationId = firstNotificationId;
    this.log = { devId: config.devId, sessions: [], packages: [], alerts: [], uploads: [], webHits: [], notifications: [] };
    this.configure(config);
  }

  /** Replaces the credentials and the transport; queue, logs and counters stay. */
  configure(config: DeviceConfig): void {
    if (config.secret !== undefined) this.secret = config.secret;
    else delete this.secret;
    if (config.authData !== undefined) this.authData = config.authData;
    else delete this.authData;
    if (config.notify !== undefined) this.notify = config.notify;
    else delete this.notify;
  }

  /** Next position among the packages received from this device. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /**
   * Records a queued command. Like the other logs, the record list is bounded: past
   * MAX_LOG_ENTRIES the oldest finished commands are forgotten; queued, sent and accepted ones
   * (still awaiting a status or a Generic Alert) are always kept.
   */
  addCommand(record: CommandRecord): void {
    this.commands.set(record.id, record);
    for (const [id, old] of this.commands) {
      if (this.commands.size <= MAX_LOG_ENTRIES) break;
      if (FINISHED_COMMAND_STATES.has(old.state)) this.commands.delete(id);
    }
  }

  /** The device's log as the admin API returns it. */
  snapshot(): DeviceLog {
    return structuredClone({ ...this.log, commands: [...this.commands.values()] });
  }
}

export interface ServerStateOptions {
  /** SERVER-ID the server puts in its notifications (its DMAcc SrvID, §5.2.1.2). */
  serverId: string;
  faults: FaultSet<ServerFaultName>;
  /** A Package#1 from an unregistered DevID: refused with 403 (default) or registered on the fly. */
  unknownDevices: 'reject' | 'register';
  clock: () => Date;
  urls: () => ServerUrls;
}

/** A request the server refused because it named no registered device. */
export interface RefusedRequest {
  time: string;
  method: string;
  url: string;
  devId?: string;
  status: number;
}

/** The whole in-memory state of one reference server. */
export class ReferenceServerState {
  readonly serverId: string;
  readonly faults: FaultSet<ServerFaultName>;
  readonly unknownDevices: 'reject' | 'register';
  readonly devices = new Map<string, DeviceState>();
  /** CONT URI token → DevID. */
  readonly contTokens = new Map<string, string>();
  /** Repository content by name. */
  readonly repo = new Map<string, { mediaType: string; bytes: Uint8Array }>();
  readonly repoLog: RepoHit[] = [];
  readonly refused: RefusedRequest[] = [];
  private readonly clock: () => Date;
  private readonly urlsOf: () => ServerUrls;
  private counter = 0;
  private repoSeq = 0;

  constructor(options: ServerStateOptions) {
    this.serverId = options.serverId;
    this.faults = options.faults;
    this.unknownDevices = options.unknownDevices;
    this.clock = options.clock;
    this.urlsOf = options.urls;
  }

  get urls(): ServerUrls {
    return this.urlsOf();
  }

  now(): Date {
    return this.clock();
  }

  /** ISO time of now. */
  timestamp(): string {
    return this.clock().toISOString();
  }

  /** Registers a device or updates its credentials and transport; true when it was new. */
  register(config: DeviceConfig): boolean {
    const existing = this.devices.get(config.devId);
    if (existing !== undefined) {
      existing.configure(config);
      return false;
    }
    // A random first NOTIFICATION-ID keeps ids of a restarted server from repeating old ones (§5.2.1.2).
    this.devices.set(config.devId, new DeviceState(config, randomInt(0, 0x10000)));
    return true;
  }

  /** Forgets a device: its queue, sessions, logs and CONT URIs. */
  remove(devId: string): boolean {
    for (const [token, owner] of this.contTokens) if (owner === devId) this.contTokens.delete(token);
    return this.devices.delete(devId);
  }

  /** A fresh id with a kind prefix, e.g. `c7` for a command, `p8` for a queued package. */
  newId(prefix: 'c' | 'p' | 's'): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** A CONT URI of this server bound to the device (§5.3.8). */
  newContUri(devId: string): string {
    const token = randomBytes(12).toString('base64url');
    this.contTokens.set(token, devId);
    // Bounded like the logs: the oldest CONT URIs stop working first.
    for (const old of this.contTokens.keys()) {
      if (this.contTokens.size <= MAX_LOG_ENTRIES) break;
      this.contTokens.delete(old);
    }
    return `${this.urls.dm}/cont/${token}`;
  }

  /** Records a repository or web hit. */
  logRepo(hit: Omit<RepoHit, 'seq' | 'time'>): RepoHit {
    this.repoSeq += 1;
    const entry: RepoHit = { seq: this.repoSeq, time: this.timestamp(), ...hit };
    appendBounded(this.repoLog, entry);
    return entry;
  }

  /** Records a refused request. */
  logRefused(entry: Omit<RefusedRequest, 'time'>): void {
    appendBounded(this.refused, { time: this.timestamp(), ...entry });
  }
}
