import type { ServerUriValues } from '../../protocol/addressing/server-uri.js';
import type { GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import type { FaultSet } from '../faults/types.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';
import type { AlertQueue } from './alert-queue.js';
import type { ClientHttp } from './client-http.js';
import type { ClientStateStore } from './client-state-store.js';
import type { DefaultSources } from './default-sources.js';
import type { DmAccount } from './dm-account.js';
import type { Subscriptions } from './subscriptions.js';

/** Timings and bounds of the reference client. */
export interface ClientTimings {
  /** Every HTTP exchange (package POSTs, transfers). */
  httpTimeoutMs: number;
  /** A SHOW page load, which nobody waits for. */
  showTimeoutMs: number;
  /** How long the `later` executables take before their result is reported. */
  asyncExecDelayMs: number;
  /** Package#2s one session may carry before the client gives up on a server that never ENDs. */
  maxPackagesPerSession: number;
}

/** Everything the session and command code of the reference client uses. */
export interface ClientServices {
  tree: ManagementTree;
  devId: string;
  faults: FaultSet<ReferenceClientFaultName>;
  http: ClientHttp;
  state: ClientStateStore;
  alerts: AlertQueue;
  subscriptions: Subscriptions;
  defaults: DefaultSources;
  uriValues: ServerUriValues;
  timings: ClientTimings;
  /** Runs `work` after `delayMs` unless the client stops first. */
  later(delayMs: number, work: () => Promise<void> | void): void;
  /** Remembers a background task (SHOW) so that stopping waits for it. */
  track(task: Promise<unknown>): void;
  /** Opens a new session to `url` whose Package#1 carries `alert` (asynchronous EXEC result, section 5.4.1). */
  reportAsync(account: DmAccount, url: string, alert: GenericAlert): void;
}

/** The session a Package#2 belongs to, as its commands see it. */
export interface SessionContext {
  id: number;
  account: DmAccount;
  /** Where Package#3s go: the Package#1 URI until a CONT takes effect (section 5.3.8). */
  package3Url: string;
  /** The ServerURI of a CONT in the Package#2 being run, until it takes effect. */
  contUrl?: string;
  /** OMADM-Accept of the response that carried the current Package#2 (section 5.5). */
  omadmAccept?: string;
}
