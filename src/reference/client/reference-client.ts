import { UnkeptExchanges } from '../../transport/exchange-recorder.js';
import { NotificationDeduplicator } from '../../protocol/notification/deduplicator.js';
import { toHex } from '../../protocol/notification/encodings.js';
import { ALERT_TYPES, buildSessionAlert } from '../../protocol/packages/generic-alert.js';
import { parseMoData } from '../../protocol/packages/mo-data.js';
import type { GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import { setLeafLocally } from '../../protocol/tree/local-update.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { resolveClientUriText } from '../../protocol/tree/resolve.js';
import { storeWithoutClientUri } from '../../protocol/tree/store.js';
import { MEDIA_TYPES, parseMediaType } from '../../protocol/http/media-types.js';
import { selectFaults } from '../faults/index.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';
import type { FaultSet } from '../faults/types.js';
import { AlertQueue } from './alert-queue.js';
import { ClientHttp, describeOutcome, isSuccess } from './client-http.js';
import { ClientAuthenticator } from './client-auth.js';
import { clientTls, requiresTls } from './client-tls.js';
import type { HttpCredentials } from '../../transport/http-auth.js';
import type { TlsSettings } from '../../transport/tls-settings.js';
import { ClientStateStore } from './client-state-store.js';
import { CBT_OF_BEARER, DEFAULT_CONNECTIVITY, type Bearer, type Connectivity } from './connection.js';
import { crashMarker, type CrashMarker } from './crash-marker.js';
import { DefaultSources } from './default-sources.js';
import { DEFAULT_DEV_INFO, DEFAULT_PERMITTED_MOIDS, MIIDS, MOIDS, buildDeviceTree } from './device-tree.js';
import { readAccounts, type DmAccount } from './dm-account.js';
import { judgeNotification } from './notification-gate.js';
import { unwrapWapPush } from './wap-push-gate.js';
import type { ClientState, NotificationRecord, SessionRecord } from './schemas/client-state.schema.js';
import { HGET_ACCEPT } from './commands/fetched-data.js';
import { isHttpUrl, prepareServerUri, serverUriValues, type DeviceUriValues } from './server-uris.js';
import { runSession, type SessionPlan } from './session.js';
import { SessionQueue } from './session-queue.js';
import type { ClientServices, ClientTimings } from './services.js';
import { Subscriptions } from './subscriptions.js';
import { deliverSubscription } from './sub-delivery.js';

/** SERVER-ID (DMAcc SrvID) of the account the reference client is provisioned with by default. */
export const DEFAULT_CLIENT_SERVER_ID = 'dmct-reference-server';

/** Timings of the reference client unless told otherwise. */
export const DEFAULT_TIMINGS: ClientTimings = {
  httpTimeoutMs: 10_000,
  showTimeoutMs: 5_000,
  asyncExecDelayMs: 200,
  maxPackagesPerSession: 50,
};

/** How the reference client is provisioned and behaves (its factory bootstrap, section 8.2). */
export interface ReferenceClientConfig {
  /** The DM server's Package#1 endpoint: DMAcc SrvURI. */
  serverUrl: string;
  /**
   * The run's crash marker folder (crash-marker.ts) for the `crash-after-first-session` switch;
   * without it the crash lasts only as long as this client object.
   */
  crashMarkerDir?: string;
  devId?: string;
  serverId?: string;
  /** DMAcc Auth/Noti/Secret: when set, notifications carrying a digest are authenticated. */
  secret?: string;
  /** DMAcc Auth/Noti/Data. */
  authData?: string;
  /** MOIDs the server is provisioned for (DMAcc Perm); default DevInfo, SessionInfo and dmct's sample MOs. */
  permittedMoids?: readonly string[];
  faults?: readonly string[];
  /** The device's values for the ServerURI placeholders besides [DevID] (section 6.2); unset ones are -1. */
  serverUriValues?: DeviceUriValues;
  connectivity?: Connectivity;
  timings?: Partial<ClientTimings>;
  /** Receiver clock (tests pass a fixed one). */
  clock?: () => Date;
  /** The TLS it offers and trusts for https: URLs (§9.2.2; e.g. the CA of dmct's run); default the system's trust. */
  tls?: TlsSettings;
  /** Its HTTP credentials at the DM server (§9.2.1), sent in answer to a Basic or Digest challenge. */
  httpAuth?: HttpCredentials;
}

/** The result of a local need for an MO (admin POST /need-moid, section 5.3.10). */
export interface NeedMoidResult {
  moid: string;
  fetched: boolean;
  uris?: string[];
  reason?: string;
}

/** A session asked for: its id at once, its record when it is over. */
export interface SessionTicket {
  id: number;
  done: Promise<SessionRecord | undefined>;
}

const NOTIFICATION_HEX_CAP = 1024;

/**
 * The reference DM client, transport-free: its management tree and DM account, the notification
 * gate, the session queue and everything a session does. `startReferenceClient` puts it on ports.
 */
export class ReferenceClient {
  readonly tree: ManagementTree;
  readonly devId: string;
  readonly faults: FaultSet<ReferenceClientFaultName>;
  readonly state: ClientStateStore;
  private readonly exchanges = new UnkeptExchanges();
  readonly services: ClientServices;
  private readonly queue = new SessionQueue();
  private readonly deduplicator = new NotificationDeduplicator();
  private readonly connectivity: Connectivity;
  private readonly clock: () => Date;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly judgedListeners = new Set<(record: NotificationRecord) => void>();
  private readonly crashListeners = new Set<() => void>();
  /** Told whenever work ends or a notification is judged (see {@link whenIdle}). */
  private readonly workListeners = new Set<() => void>();
  /** Notifications judged so far (accepted or dropped), over every transport. */
  private notificationsJudged = 0;
  private readonly crashMarker: CrashMarker | undefined;
  private stopped = false;
  private crashedFlag = false;

  /** Throws UnknownFaultError for a name that is not a client fault switch. */
  constructor(config: ReferenceClientConfig) {
    this.faults = selectFaults<ReferenceClientFaultName>(config.faults ?? [], 'client');
    this.devId = config.devId ?? DEFAULT_DEV_INFO.devId;
    if (this.faults.has('crash-after-first-session') && config.crashMarkerDir !== undefined) {
      this.crashMarker = crashMarker(config.crashMarkerDir);
      // A client of this run crashed already: this one "is" that exited device.
      if (this.crashMarker.crashed()) this.stopped = this.crashedFlag = true;
    }
    this.connectivity = config.connectivity ?? DEFAULT_CONNECTIVITY;
    this.clock = config.clock ?? (() => new Date());
    const account = {
      serverId: config.serverId ?? DEFAULT_CLIENT_SERVER_ID,
      serverUri: config.serverUrl,
      permittedMoids: [...(config.permittedMoids ?? DEFAULT_PERMITTED_MOIDS)],
      ...(config.secret === undefined ? {} : { secret: config.secret, authData: config.authData ?? '' }),
    };
    this.tree = buildDeviceTree({ ...DEFAULT_DEV_INFO, devId: this.devId }, [account], this.faults);
    this.state = new ClientStateStore(this.devId, this.faults.names);
    const timings = { ...DEFAULT_TIMINGS, ...config.timings };
    const http = new ClientHttp(this.exchanges, { timeoutMs: timings.httpTimeoutMs, maxResponseBytes: 1024 * 1024 }, this.state, {
      ...(config.tls === undefined ? {} : { tls: clientTls(config.tls, this.faults), requireTls: requiresTls(config.tls, this.faults) }),
      ...(config.httpAuth === undefined ? {} : { auth: new ClientAuthenticator(config.httpAuth, this.faults) }),
    });
    this.services = {
      tree: this.tree,
      devId: this.devId,
      faults: this.faults,
      http,
      state: this.state,
      alerts: new AlertQueue(),
      subscriptions: new Subscriptions(this.tree),
      defaults: new DefaultSources(),
      uriValues: serverUriValues(this.devId, config.serverUriValues, this.faults),
      timings,
      later: (delayMs, work) => this.later(delayMs, work),
      track: (task) => this.track(task),
      reportAsync: (reportAccount, url, alert) => {
        void this.openSession('async-result', { account: reportAccount, url, clientAlerts: [alert] });
      },
    };
  }

  /** The client's DM accounts (DMAcc, section 12.2). */
  accounts(): DmAccount[] {
    return readAccounts(this.tree);
  }

  /**
   * A Package#0 arrived (section 5.2.1): over UDP as a WAP Push datagram (App E.1), or over HTTP as
   * the raw notification. Judged by the gate; a valid one opens a session with ServerInitiatedMgmt.
   * Every notification is recorded with what became of it. Never throws.
   */
  receiveNotification(transport: 'udp' | 'http', bytes: Uint8Array, from?: string): NotificationRecord {
    const base = {
      at: this.clock().toISOString(),
      transport,
      hex: toHex(bytes.subarray(0, NOTIFICATION_HEX_CAP)),
      ...(from === undefined ? {} : { from }),
    };
    if (this.stopped) return this.judged({ ...base, accepted: false, reason: 'stopped' });
    let notificationBytes = bytes;
    if (transport === 'udp') {
      const push = unwrapWapPush(bytes, this.faults);
      if (!push.ok) return this.judged({ ...base, accepted: false, reason: 'wap-push-framing', detail: push.detail });
      notificationBytes = push.notification;
    }
    const decision = judgeNotification(
      notificationBytes,
      {
        accounts: this.accounts(),
        deduplicator: this.deduplicator,
        connectivity: this.connectivity,
        faults: this.faults,
        now: Math.floor(this.clock().getTime() / 1000),
      },
      from,
    );
    if (!decision.accept) {
      const { accept: _accept, ...rest } = decision;
      return this.judged({ ...base, accepted: false, ...rest });
    }
    const { account, notification, bearer } = decision;
    this.useBearer(bearer);
    const notificationId = notification.options.notificationId;
    const sessionAlert = this.faults.has('wrong-session-alert')
      ? buildSessionAlert(ALERT_TYPES.clientInitiatedMgmt)
      : buildSessionAlert(ALERT_TYPES.serverInitiatedMgmt, notificationId === undefined ? {} : { notificationId });
    const ticket = this.openSession('notification', { account, sessionAlert, includeMos: notification.options.reqMos });
    return this.judged({
      ...base,
      accepted: true,
      serverId: account.serverId,
      ...(notificationId === undefined ? {} : { notificationId }),
      connection: bearer,
      sessionId: ticket.id,
      ...(decision.overriddenBy.length > 0 ? { reason: `accepted by fault switch ${decision.overriddenBy.join(', ')}` } : {}),
    });
  }

  /**
   * Calls `listener` with the record of every notification the client judges from now on (opened a
   * session, or dropped and why); returns the unsubscribe. The harness ends its watch for a session
   * that must not come as soon as this client says it dropped the notification — a real device
   * tells nothing, so there the whole window is watched.
   */
  onNotificationJudged(listener: (record: NotificationRecord) => void): () => void {
    this.judgedListeners.add(listener);
    return () => {
      this.judgedListeners.delete(listener);
    };
  }

  /** True once the client crashed (the `crash-after-first-session` switch): it opens no session again. */
  get crashed(): boolean {
    return this.crashedFlag;
  }

  /** Calls `listener` when the client crashes (the process exits, its ports close); returns the unsubscribe. */
  onCrash(listener: () => void): () => void {
    this.crashListeners.add(listener);
    return () => {
      this.crashListeners.delete(listener);
    };
  }

  /**
   * The `crash-after-first-session` switch: the session that just ended was the client's last; it
   * starts nothing new, and the run's marker keeps a restarted client crashed (crash-marker.ts).
   */
  private crash(): void {
    if (this.crashedFlag) return;
    this.stopped = this.crashedFlag = true;
    this.crashMarker?.markCrashed();
    for (const listener of [...this.crashListeners]) listener();
    this.workChanged();
  }

  /**
   * Resolves once the client is idle — no session queued or running, no timer (asynchronous EXEC)
   * and no page load pending — and has judged at least `notifications` notifications (a datagram
   * sent to it may still be on its way): from then on it sends nothing until told to. The
   * harness ends a wait for a request there instead of at the claimed deadline; `signal` drops
   * the watch (a wait that ended otherwise). A crashed client is idle for good: it sends nothing.
   */
  whenIdle(notifications: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (signal?.aborted !== true && !this.crashedFlag && (this.pending > 0 || this.notificationsJudged < notifications)) return;
        this.workListeners.delete(check);
        signal?.removeEventListener('abort', check);
        if (signal?.aborted !== true) resolve();
      };
      this.workListeners.add(check);
      signal?.addEventListener('abort', check, { once: true });
      check();
    });
  }

  private workChanged(): void {
    for (const listener of [...this.workListeners]) listener();
  }

  /** Resolves once every session queued so far is over (the client then sends nothing more for them). */
  sessionsDone(): Promise<void> {
    return this.queue.drained();
  }

  private judged(record: NotificationRecord): NotificationRecord {
    const kept = this.state.recordNotification(record);
    this.notificationsJudged += 1;
    for (const listener of [...this.judgedListeners]) listener(kept);
    this.workChanged();
    return kept;
  }

  /**
   * Queues a session (section 5.2). Client-initiated sessions open with ClientInitiatedMgmt
   * (section 5.2.2, App D); queued Generic Alerts ride in their Package#1.
   */
  openSession(
    trigger: SessionRecord['trigger'],
    options: { account?: DmAccount; url?: string; sessionAlert?: GenericAlert; clientAlerts?: GenericAlert[]; includeMos?: boolean } = {},
  ): SessionTicket {
    const id = this.state.reserveSessionId();
    const account = options.account ?? this.accounts()[0];
    if (!account || this.stopped) return { id, done: Promise.resolve(undefined) };
    const plan: SessionPlan = {
      id,
      trigger,
      account,
      url: options.url ?? account.serverUri,
      sessionAlert: options.sessionAlert ?? buildSessionAlert(ALERT_TYPES.clientInitiatedMgmt),
      clientAlerts: options.clientAlerts ?? [],
      includeMos: options.includeMos ?? false,
    };
    const done = this.queue.enqueue(async () => {
      try {
        return await runSession(plan, this.services);
      } finally {
        if (this.faults.has('crash-after-first-session')) this.crash();
      }
    });
    const changed = () => this.workChanged();
    done.then(changed, changed);
    return { id, done };
  }

  /** Raises a client-initiated Generic Alert (section 5.4): sent in the next package. */
  raiseAlert(alert: GenericAlert): void {
    this.services.alerts.push(alert);
  }

  /**
   * A local application needs an MO (section 5.3.10): when the tree has no instance and a DEFAULT
   * ServerURI is known, the client fetches it like an HGET without ClientURI — placeholders
   * filled, data stored where the client chooses — and sends no status to any server.
   */
  async needMoid(moid: string): Promise<NeedMoidResult> {
    if (this.tree.instancesOf(moid).length > 0) return { moid, fetched: false, reason: 'the tree already holds an instance' };
    const source = this.services.defaults.get(moid);
    if (source === undefined) return { moid, fetched: false, reason: 'no DEFAULT ServerURI for this MOID' };
    const prepared = prepareServerUri(source, this.services.uriValues);
    if (!prepared.ok || !isHttpUrl(prepared.url))
      return { moid, fetched: false, reason: `unusable DEFAULT ServerURI ${JSON.stringify(source)}` };
    const response = await this.services.http.transfer('DEFAULT', { method: 'GET', url: prepared.url, headers: { Accept: HGET_ACCEPT } });
    if (response.kind !== 'response' || !isSuccess(response))
      return { moid, fetched: false, reason: `GET ${prepared.url} failed: ${describeOutcome(response)}` };
    if (parseMediaType(response.headers.get('content-type') ?? '')?.essence !== MEDIA_TYPES.moData) {
      return { moid, fetched: false, reason: `GET ${prepared.url} did not return ${MEDIA_TYPES.moData}` };
    }
    const parsed = parseMoData(response.body);
    if (!parsed.value) return { moid, fetched: false, reason: 'the DEFAULT source returned invalid dmmo+json' };
    const stored = storeWithoutClientUri(this.tree, { kind: 'mo-data', entries: parsed.value });
    await this.flushSubscriptions();
    return stored.ok ? { moid, fetched: true, uris: stored.uris } : { moid, fetched: false, reason: stored.reason };
  }

  /** A local application changes a leaf (admin PUT /tree): renews the cv and triggers SUBs. */
  async setLeaf(location: NodeLocation, value: Parameters<typeof setLeafLocally>[2]): Promise<void> {
    setLeafLocally(this.tree, location, value);
    await this.flushSubscriptions();
  }

  /** The admin GET /state document. */
  snapshot(): ClientState {
    return this.state.snapshot({
      defaults: this.services.defaults.list(),
      subscriptions: this.services.subscriptions.list(),
      pendingAlerts: this.services.alerts.size,
    });
  }

  /** Sessions queued or running. */
  get busy(): number {
    return this.queue.size;
  }

  /** Work not yet done: sessions queued or running, timers (asynchronous EXEC) and page loads. */
  get pending(): number {
    return this.queue.size + this.timers.size + this.background.size;
  }

  /** Starts nothing new, cancels pending timers, and waits for the running session and page loads. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.queue.stop();
    await Promise.allSettled([...this.background]);
  }

  private async flushSubscriptions(): Promise<void> {
    await this.services.subscriptions.flush((subscription, locations) => deliverSubscription(this.services, subscription, locations));
  }

  /** The bearer of the call-back goes into SessionInfo/CBT (section 12.4). */
  private useBearer(bearer: Bearer): void {
    const found = resolveClientUriText(this.tree, `${MOIDS.sessionInfo}/${MIIDS.sessionInfo}/CBT`);
    const location = found.ok ? found.locations[0] : undefined;
    if (location && location.node.value !== CBT_OF_BEARER[bearer]) {
      setLeafLocally(this.tree, location, CBT_OF_BEARER[bearer]);
      this.track(this.flushSubscriptions());
    }
  }

  private later(delayMs: number, work: () => Promise<void> | void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(
        Promise.resolve()
          .then(work)
          .then(() => this.flushSubscriptions()),
      );
    }, delayMs);
    this.timers.add(timer);
  }

  private track(task: Promise<unknown>): void {
    const settled = task.catch(() => undefined);
    this.background.add(settled);
    void settled.finally(() => {
      this.background.delete(settled);
      this.workChanged();
    });
  }
}
