import type { ServerUriValues } from '../protocol/addressing/server-uri.js';
import { HEADERS } from '../protocol/http/headers.js';
import { MEDIA_TYPES } from '../protocol/http/media-types.js';
import { buildMultipartPackage3, type MultipartDataPartInput } from '../protocol/http/multipart.js';
import { checkPackage2Response, type HttpResponseView } from '../protocol/http/package-requests.js';
import { PACKAGE_ACCEPTED_STATUS_RANGE } from './interpretations.js';
import { ALERT_TYPES, buildSessionAlert } from '../protocol/packages/generic-alert.js';
import type { CommandStatus, GenericAlert, Package1, SupportedMo } from '../protocol/packages/index.js';
import { buildPackage1 } from '../protocol/packages/package1.js';
import { buildPackage3 } from '../protocol/packages/package3.js';
import { MAX_COMMANDS, MAX_JSON_DEPTH, jsonTextExceedsDepth } from '../protocol/json-limits.js';
import type { ManagementTree } from '../protocol/tree/management-tree.js';
import type { Violation } from '../protocol/violation.js';
import {
  asyncResultAlert,
  budgetSpentBefore,
  executeCommand,
  type CommandContext,
  type CommandOutcome,
  type PendingAsyncResult,
} from './device-engine-commands.js';
import { buildDeviceTree, supportedMos } from './device-engine-tree.js';
import type { EgressPolicy } from '../transport/egress.js';
import { request, type HttpFailureOutcome, type HttpResponseOutcome } from '../transport/http-client.js';
import { basicAuthorization, digestAuthorization, parseAuthHeader, type AuthParams, type HttpCredentials } from '../transport/http-auth.js';
import type { TlsSettings } from '../transport/tls-settings.js';
import type { TimeBudget } from './time-budget.js';
import type { TraceRecorder } from './trace-recorder.js';

export { asyncResultAlert, type CommandOutcome, type PendingAsyncResult } from './device-engine-commands.js';

/** How dmct's DM client is set up for one scenario against a server target. */
export interface DeviceEngineOptions {
  recorder: TraceRecorder;
  /** The server's DM endpoint (DMAcc SrvURI), where Package#1 goes (§5.2.2). */
  serverUrl: string;
  /** DevInfo DevID, sent as OMADM-DevID (§5.2.2, §5.2.4). */
  devId: string;
  /** The device's tree; default a fresh {@link buildDeviceTree}. */
  tree?: ManagementTree;
  devInfoMoid?: string;
  /** Wait for each answer of the server (IXIT timeouts.responseMs). */
  timeoutMs?: number;
  /** Largest response body read (IXIT limits.maxBodyBytes). */
  maxBodyBytes?: number;
  /** HTTP Basic credentials (§9.2.1; from the IXIT); `httpAuth` wins when both are given. */
  basicAuth?: { username: string; password: string };
  /**
   * The device's HTTP credentials (§9.2.1): Basic is sent unasked; Digest only in answer to a
   * challenge. Either way a 401 challenge is answered once, with the scheme it offers.
   */
  httpAuth?: DeviceHttpAuth;
  /** TLS settings for `https:` URLs: trusted CA, client certificate, PSK, versions and suites (§9.2.2). */
  tls?: TlsSettings;
  serverUriValues?: ServerUriValues;
  /** EXEC without ServerURI: `sync` (default) or `async` (§5.4.1: the client's choice). */
  execReporting?: 'sync' | 'async';
  /**
   * Where the server may make the device send requests (CONT, async result and side-transfer
   * URLs); default anywhere. A refused URL is not fetched: a package gets a `no-answer` reply of
   * kind `refused`, a side transfer fails.
   */
  egress?: EgressPolicy;
  /** Told of every request the egress policy refused; a scenario fixture throws `inconclusive` here. */
  onEgressRefused?: (detail: string) => void;
  /** Bounds on the Package#2s read (claims `limits`); default {@link DEFAULT_PACKAGE_LIMITS}. */
  limits?: Partial<PackageLimits>;
  /** Aborts the side transfers in flight (a load run stopped by Ctrl-C). */
  signal?: AbortSignal;
  /**
   * The share of the scenario's time the device's requests draw from — packages (CONT follow-ups
   * included) and side transfers (HGET, HPUT, HPOST, SHOW): each waits for what is left, at most
   * `timeoutMs`; default no share, `timeoutMs` each.
   */
  timeBudget?: TimeBudget;
  /** Told when that share ran out; a scenario fixture throws `inconclusive` here. */
  onBudgetSpent?: (detail: string) => void;
}

/** One package to send exactly as described: the engine's own bodies, or deliberately odd ones. */
export interface OutgoingPackage {
  body: string | Uint8Array;
  /** Content-Type; `null` sends none. */
  contentType: string | null;
  /** OMADM-DevID; default the device's, `null` sends none (§5.2.2). */
  devId?: string | null;
  /** Accept; default the Package#2 media type, `null` sends none (§5.5). */
  accept?: string | null;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Where to POST; default the server's DM endpoint. */
  url?: string;
  /** Caption in the trace, e.g. `Package#1`. */
  label: string;
  /**
   * The credentials for this package instead of the device's: `null` sends none and leaves a
   * challenge unanswered (a scenario probing the server's challenge, §9.2.1).
   */
  httpAuth?: DeviceHttpAuth | null;
}

/** The request-target a Digest answer names (`uri`, RFC 7616 §3.4): the URL's path and query. */
function requestUri(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** HTTP credentials of the device and how it uses them (§9.2.1). */
export interface DeviceHttpAuth extends HttpCredentials {
  /** `basic`: sent unasked; `digest`: sent only in answer to a Digest challenge. */
  scheme: 'basic' | 'digest';
}

/** The server's answer to a Package#1 or Package#3, as dmct reads it. */
export type ServerReply =
  | {
      /** A 2xx response carrying a Package#2 (PACKAGE_ACCEPTED_STATUS_RANGE); entries as sent, strings or not. */
      kind: 'package2';
      http: HttpResponseOutcome;
      package2: { CMD: unknown[][] };
      /** What the strict checks of §5.2.3 / §7.2.1.2 found (status, media type, schema, commands). */
      violations: Violation[];
      seq: number;
    }
  | {
      /** An answer that is no Package#2: a 4xx/5xx, a 2xx without a Package#2 body, a body over the cap. */
      kind: 'refused';
      http: HttpResponseOutcome;
      reason: string;
      violations: Violation[];
      seq: number;
    }
  | {
      /** No usable answer: the failure says whether the request left (closed, timeout) or not (connection error). */
      kind: 'no-answer';
      failure: HttpFailureOutcome;
      seq: number;
      /** Caption of the package that got no answer, e.g. `Package#1`, `Package#3 (multipart)`. */
      sent: string;
    };

/** The statuses, GET data parts and alerts of a Package#3 (§5.2.4, App F). */
export interface Package3Plan {
  statuses: CommandStatus[];
  parts: MultipartDataPartInput[];
  alerts?: GenericAlert[];
}

/** One round of a session: the package dmct sent and what came back. */
export interface SessionRound {
  /** 0 for the Package#1, then one per Package#3. */
  index: number;
  packageNumber: 1 | 3;
  sentTo: string;
  requestSeq?: number;
  reply: ServerReply;
  /** What dmct did with each command of the reply's Package#2, in order. */
  outcomes?: CommandOutcome[];
  /** The Package#3 that answered this round's Package#2 (set on the next round's send). */
  answered?: Package3Plan;
}

/** How a session ended. */
export type SessionEnd =
  | 'end' /** a Package#2 carried END (§5.3.9) */
  | 'stopped' /** the scenario had seen enough */
  | 'refused' /** the server answered with no Package#2 */
  | 'no-answer' /** the server did not answer in time */
  | 'max-package2s'; /** the session went on past the scenario's limit */

/** Everything one session exchanged (§5.2). */
export interface SessionTranscript {
  rounds: SessionRound[];
  end: SessionEnd;
  /** Where the last Package#3 went (the CONT URI after a CONT, §5.3.8). */
  package3Url: string;
}

/** What a scenario may change in a session. */
export interface SessionOptions {
  /** Package#1 `Alert`; default one ClientInitiatedMgmt session alert (§5.2.2). */
  alerts?: GenericAlert[];
  /** Package#1 `MOS`; default the tree's MOs; `omit` leaves the member out (§5.2.2). */
  mos?: SupportedMo[] | 'omit';
  /** Where Package#1 goes; default the server's DM endpoint. */
  url?: string;
  /** Most Package#2s to answer before giving up (default 8). */
  maxPackage2s?: number;
  /** Looks at each Package#2 before it is executed; `stop` ends the session there, unanswered. */
  onPackage2?: (round: SessionRound) => 'stop' | 'continue';
  /** Replaces what dmct computed for a Package#3 (chosen statuses, extra alerts, other parts). */
  answer?: (round: SessionRound, computed: Package3Plan) => Package3Plan;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bounds on a Package#2 dmct reads (claims `limits`): deeper or longer ones are refused unexecuted. */
export interface PackageLimits {
  /** Deepest JSON nesting parsed (`limits.maxJsonDepth`). */
  maxJsonDepth: number;
  /** Most commands executed from one Package#2 (`limits.maxCommands`). */
  maxCommands: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = { maxJsonDepth: MAX_JSON_DEPTH, maxCommands: MAX_COMMANDS };

/** The Package#2 in a body, read leniently (entries may hold non-strings), or undefined (§7.2.1.2); never parses past `maxJsonDepth`. */
export function package2View(body: Uint8Array, maxJsonDepth: number = MAX_JSON_DEPTH): { CMD: unknown[][] } | undefined {
  let value: unknown;
  try {
    const text = decoder.decode(body);
    if (jsonTextExceedsDepth(text, maxJsonDepth)) return undefined;
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const cmd = (value as Record<string, unknown>)['CMD'];
  if (!Array.isArray(cmd) || !cmd.every((entry) => Array.isArray(entry))) return undefined;
  return { CMD: cmd as unknown[][] };
}

/** How dmct reads a server's answer to a Package#1 or #3: a Package#2 or a refusal, with what the checks found. */
export type Package2Answer =
  | { kind: 'package2'; package2: { CMD: unknown[][] }; violations: Violation[] }
  | { kind: 'refused'; reason: string; violations: Violation[]; view: { CMD: unknown[][] } | undefined };

/**
 * Reads an answer (§5.2.3, §7.2.1.2): every answer goes through the strict Package#2 checks
 * (status, media type, schema, commands); a 2xx whose body reads as a Package#2 is one, whatever
 * the checks found; anything else is a refusal with its reason. A body over the cap (`truncated`)
 * is a refusal too: the server answered, with more than the IXIT says its packages can be (claims
 * limits.maxBodyBytes), so it fails the exchange's item rather than counting as silence.
 */
export function readPackage2Answer(
  http: HttpResponseView & { body: Uint8Array; truncated: boolean },
  maxBodyBytes: number,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): Package2Answer {
  if (http.truncated) {
    return {
      kind: 'refused',
      reason: `HTTP ${http.status} with a body over the ${maxBodyBytes}-byte cap (claims limits.maxBodyBytes); reading stopped there`,
      violations: [],
      view: undefined,
    };
  }
  const view = package2View(http.body, limits.maxJsonDepth);
  if (view !== undefined && view.CMD.length > limits.maxCommands) {
    const message = `the Package#2 has ${view.CMD.length} commands, over the ${limits.maxCommands} dmct reads (claims limits.maxCommands); none executed`;
    return {
      kind: 'refused',
      reason: `HTTP ${http.status} with ${message}`,
      violations: [{ rule: 'too-many-commands', section: '7.2.1.2', severity: 'error', message, pointer: '/CMD' }],
      view: undefined,
    };
  }
  const checked = checkPackage2Response({ status: http.status, headers: http.headers, body: http.body });
  const tooDeep = checked.violations.find((violation) => violation.rule === 'json-too-deep');
  if (tooDeep !== undefined)
    return { kind: 'refused', reason: `HTTP ${http.status}: ${tooDeep.message}`, violations: checked.violations, view: undefined };
  const accepted = http.status >= PACKAGE_ACCEPTED_STATUS_RANGE.min && http.status <= PACKAGE_ACCEPTED_STATUS_RANGE.max;
  if (accepted && view !== undefined) return { kind: 'package2', package2: view, violations: checked.violations };
  const reason = !accepted
    ? `HTTP ${http.status}`
    : http.body.length === 0
      ? `HTTP ${http.status} with an empty body`
      : `HTTP ${http.status} whose body is not a Package#2`;
  return { kind: 'refused', reason, violations: checked.violations, view };
}

/**
 * dmct's own DM client: it opens sessions with a server target, executes
 * the server's commands against its management tree with the side HTTP transfers they ask for,
 * answers with Package#3s, keeps asynchronous EXEC results for a later session, and records every
 * exchange. Unlike the reference client it sends whatever a scenario asks — chosen statuses, no
 * OMADM-DevID, a wrong content type, bare-number statuses, unknown alerts — and it never throws
 * for what the server does: every answer comes back as a {@link ServerReply}.
 */
export class DeviceEngine {
  readonly tree: ManagementTree;
  readonly recorder: TraceRecorder;
  readonly serverUrl: string;
  readonly devId: string;
  /** EXECs answered 202 whose results are still to be delivered (§5.4.1). */
  readonly pendingAsync: PendingAsyncResult[] = [];
  readonly #context: CommandContext;
  readonly #timeoutMs: number;
  readonly #maxBodyBytes: number;
  readonly #limits: PackageLimits;
  readonly #httpAuth?: DeviceHttpAuth;
  readonly #tls?: TlsSettings;
  /** The last Digest challenge answered, reused with the next nonce count (RFC 7616 §3.4). */
  #digest?: { challenge: AuthParams; nc: number };

  constructor(options: DeviceEngineOptions) {
    this.recorder = options.recorder;
    this.serverUrl = options.serverUrl;
    this.devId = options.devId;
    this.tree =
      options.tree ??
      buildDeviceTree({ devId: options.devId, ...(options.devInfoMoid === undefined ? {} : { devInfoMoid: options.devInfoMoid }) });
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.#limits = { ...DEFAULT_PACKAGE_LIMITS, ...options.limits };
    const httpAuth = options.httpAuth ?? (options.basicAuth === undefined ? undefined : { ...options.basicAuth, scheme: 'basic' as const });
    if (httpAuth !== undefined) this.#httpAuth = httpAuth;
    if (options.tls !== undefined) this.#tls = options.tls;
    this.#context = {
      tree: this.tree,
      recorder: this.recorder,
      devId: this.devId,
      serverUriValues: { DevID: this.devId, ...options.serverUriValues },
      timeoutMs: this.#timeoutMs,
      maxBodyBytes: this.#maxBodyBytes,
      execReporting: options.execReporting ?? 'sync',
      defaults: new Map(),
      subscriptions: new Map(),
      ...(options.egress === undefined ? {} : { egress: options.egress }),
      ...(options.onEgressRefused === undefined ? {} : { onEgressRefused: options.onEgressRefused }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeBudget === undefined ? {} : { budget: options.timeBudget }),
      ...(options.onBudgetSpent === undefined ? {} : { onBudgetSpent: options.onBudgetSpent }),
      ...(options.tls === undefined ? {} : { tls: options.tls }),
    };
  }

  /** The bounds on the Package#2s this device reads. */
  get limits(): PackageLimits {
    return this.#limits;
  }

  /** Why the egress policy forbids sending to `url`, or undefined (load mode checks its own requests with it). */
  egressRefusal(url: string): string | undefined {
    return this.#context.egress?.refusal(url);
  }

  /** DEFAULT ServerURIs the server set, per MOID (§5.3.10). */
  get defaults(): ReadonlyMap<string, string> {
    return this.#context.defaults;
  }

  /** The device's MOS array (§5.2.2). */
  mos(): SupportedMo[] {
    return supportedMos(this.tree);
  }

  /** A Package#1 body (§5.2.2, §7.2.1.1) with the given alerts and MOS. */
  package1(options: Pick<SessionOptions, 'alerts' | 'mos'> = {}): OutgoingPackage {
    const pkg: Package1 = { Alert: options.alerts ?? [buildSessionAlert(ALERT_TYPES.clientInitiatedMgmt)] };
    if (options.mos !== 'omit') pkg.MOS = options.mos ?? this.mos();
    return { body: buildPackage1(pkg), contentType: MEDIA_TYPES.package1, label: 'Package#1' };
  }

  /** A Package#3 body (§5.2.4, §7.2.1.3): plain JSON, or multipart when GET data is attached (App F). */
  package3(plan: Package3Plan): OutgoingPackage {
    const pkg = { Status: plan.statuses, ...(plan.alerts === undefined || plan.alerts.length === 0 ? {} : { Alert: plan.alerts }) };
    if (plan.parts.length === 0) return { body: buildPackage3(pkg), contentType: MEDIA_TYPES.package3, label: 'Package#3' };
    const multipart = buildMultipartPackage3(pkg, plan.parts);
    return { body: multipart.body, contentType: multipart.contentType, label: 'Package#3 (multipart)' };
  }

  /** POSTs one package exactly as described and reads the server's answer (§5.2, §5.5). */
  async send(outgoing: OutgoingPackage): Promise<{ requestSeq?: number; reply: ServerReply }> {
    const headers: Record<string, string> = { ...outgoing.headers };
    if (outgoing.contentType !== null) headers['content-type'] = outgoing.contentType;
    const devId = outgoing.devId === undefined ? this.devId : outgoing.devId;
    if (devId !== null) headers[HEADERS.devId] = devId;
    const accept = outgoing.accept === undefined ? MEDIA_TYPES.package2 : outgoing.accept;
    if (accept !== null) headers['accept'] = accept;
    const url = outgoing.url ?? this.serverUrl;
    const auth = outgoing.httpAuth === undefined ? this.#httpAuth : (outgoing.httpAuth ?? undefined);
    const unasked = auth === undefined ? undefined : this.#unaskedAuthorization(auth, url);
    if (unasked !== undefined) headers['authorization'] ??= unasked;
    const first = await this.#post(outgoing, url, headers);
    if (auth === undefined || first.reply.kind === 'no-answer' || first.reply.http.status !== 401) return first;
    const answer = this.#answerChallenge(auth, url, first.reply.http.headers.get('www-authenticate'));
    if (!answer.ok) {
      this.recorder.note({ from: 'dmct', to: 'target', label: `${outgoing.label}: challenge not answered (${answer.reason})` });
      return first;
    }
    return this.#post({ ...outgoing, label: `${outgoing.label} (answering the ${answer.scheme} challenge)` }, url, {
      ...headers,
      authorization: answer.header,
    });
  }

  /** The credentials sent before any challenge: Basic, or Digest on a challenge answered before. */
  #unaskedAuthorization(auth: DeviceHttpAuth, url: string): string | undefined {
    if (auth.scheme === 'basic') return basicAuthorization(auth);
    if (this.#digest === undefined) return undefined;
    this.#digest.nc += 1;
    const answer = digestAuthorization(this.#digest.challenge, auth, { method: 'POST', uri: requestUri(url), nc: this.#digest.nc });
    return answer.ok ? answer.header : undefined;
  }

  /** The `Authorization` answering a 401 (§9.2.1): Digest when offered and wanted or Basic is not offered, else Basic. */
  #answerChallenge(
    auth: DeviceHttpAuth,
    url: string,
    header: string | null,
  ): { ok: true; header: string; scheme: string } | { ok: false; reason: string } {
    const challenges = parseAuthHeader(header ?? '');
    const digest = challenges.find((challenge) => challenge.scheme === 'digest');
    const basic = challenges.find((challenge) => challenge.scheme === 'basic');
    if (digest !== undefined && (auth.scheme === 'digest' || basic === undefined)) {
      this.#digest = { challenge: digest, nc: 1 };
      const answer = digestAuthorization(digest, auth, { method: 'POST', uri: requestUri(url), nc: 1 });
      return answer.ok ? { ...answer, scheme: 'Digest' } : answer;
    }
    if (basic !== undefined) return { ok: true, header: basicAuthorization(auth), scheme: 'Basic' };
    return { ok: false, reason: header === null ? 'the 401 carries no WWW-Authenticate' : 'the 401 offers neither Basic nor Digest' };
  }

  async #post(
    outgoing: OutgoingPackage,
    url: string,
    headers: Record<string, string>,
  ): Promise<{ requestSeq?: number; reply: ServerReply }> {
    const wait = this.#context.budget?.wait(this.#timeoutMs) ?? { ms: this.#timeoutMs, cut: false };
    if (wait.ms <= 0) {
      const failure = budgetSpentBefore(this.#context, outgoing.label, `POST ${url}`, 'target');
      return { reply: { kind: 'no-answer', failure, seq: failure.seq, sent: outgoing.label } };
    }
    const outcome = await request(this.recorder, {
      method: 'POST',
      url,
      headers,
      body: outgoing.body,
      label: outgoing.label,
      timeoutMs: wait.ms,
      maxResponseBytes: this.#maxBodyBytes,
      // A body over the cap is still an answer (a refused one, see #read), not a silence.
      overflow: 'truncate',
      ...(this.#context.egress === undefined ? {} : { egress: this.#context.egress }),
      ...(this.#tls === undefined ? {} : { tls: this.#tls }),
    });
    if (outcome.kind === 'refused') this.#context.onEgressRefused?.(`${outgoing.label}: ${outcome.detail}`);
    // Cut short by the share, silence says nothing about the target (it had less than its response time).
    if (outcome.kind === 'timeout' && wait.cut)
      this.#context.onBudgetSpent?.(this.#context.budget?.spent(outgoing.label, outcome.detail) ?? outcome.detail);
    if (outcome.kind !== 'response') return { reply: { kind: 'no-answer', failure: outcome, seq: outcome.seq, sent: outgoing.label } };
    return { requestSeq: outcome.requestSeq, reply: this.#read(outcome) };
  }

  #read(http: HttpResponseOutcome): ServerReply {
    const reading = readPackage2Answer(http, this.#maxBodyBytes, this.#limits);
    const seq = http.responseSeq;
    const view = reading.kind === 'package2' ? reading.package2 : reading.view;
    if (!http.truncated)
      this.recorder.annotate(seq, { ...(view === undefined ? {} : { decoded: { package2: view } }), violations: reading.violations });
    return reading.kind === 'package2'
      ? { kind: 'package2', http, package2: reading.package2, violations: reading.violations, seq }
      : { kind: 'refused', http, reason: reading.reason, violations: reading.violations, seq };
  }

  /** Runs one Package#2's commands in order (§5.2.3); every command runs, also those after END. */
  async execute(package2: { CMD: readonly unknown[][] }): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = [];
    for (const entry of package2.CMD) outcomes.push(await executeCommand(entry, this.#context));
    return outcomes;
  }

  /** The Package#3 that reports these outcomes: a status per command but END, GET parts by index (App F). */
  static plan(outcomes: readonly CommandOutcome[]): Package3Plan {
    const statuses: CommandStatus[] = [];
    const parts: MultipartDataPartInput[] = [];
    outcomes.forEach((outcome, index) => {
      if (outcome.status === undefined) return;
      statuses.push(outcome.status);
      if (outcome.part !== undefined && outcome.status.sc === 200) parts.push({ index, ...outcome.part });
    });
    return { statuses, parts };
  }

  /**
   * One DM session (§5.2): Package#1, then for each Package#2 its commands and a Package#3 — to
   * the CONT URI once one was given, already for the Package#2 carrying CONT (§5.3.8,
   * CONT_APPLIES_TO_CURRENT_RESPONSE) — until a Package#2 carries END (no Package#3 then,
   * §5.2.4), the server answers with no Package#2, or the scenario stops it.
   */
  async session(options: SessionOptions = {}): Promise<SessionTranscript> {
    const rounds: SessionRound[] = [];
    const maxPackage2s = options.maxPackage2s ?? 8;
    let package3Url = options.url ?? this.serverUrl;
    let sent = await this.send({ ...this.package1(options), url: package3Url });
    let round: SessionRound = {
      index: 0,
      packageNumber: 1,
      sentTo: package3Url,
      reply: sent.reply,
      ...(sent.requestSeq === undefined ? {} : { requestSeq: sent.requestSeq }),
    };
    for (;;) {
      rounds.push(round);
      const reply = round.reply;
      if (reply.kind !== 'package2') return { rounds, end: reply.kind, package3Url };
      if (options.onPackage2?.(round) === 'stop') return { rounds, end: 'stopped', package3Url };
      const outcomes = await this.execute(reply.package2);
      round.outcomes = outcomes;
      for (const outcome of outcomes) {
        if (outcome.contUri !== undefined) package3Url = outcome.contUri;
        if (outcome.asyncResult !== undefined) this.pendingAsync.push(outcome.asyncResult);
      }
      if (outcomes.some((outcome) => outcome.end === true)) return { rounds, end: 'end', package3Url };
      if (rounds.length >= maxPackage2s) return { rounds, end: 'max-package2s', package3Url };
      const computed = DeviceEngine.plan(outcomes);
      const plan = options.answer?.(round, computed) ?? computed;
      round.answered = plan;
      sent = await this.send({ ...this.package3(plan), url: package3Url });
      round = {
        index: rounds.length,
        packageNumber: 3,
        sentTo: package3Url,
        reply: sent.reply,
        ...(sent.requestSeq === undefined ? {} : { requestSeq: sent.requestSeq }),
      };
    }
  }

  /**
   * Delivers the pending asynchronous EXEC results (§5.4.1): one new session per destination
   * (the EXEC's ServerURI, else the DM endpoint) whose Package#1 carries a ClientInitiatedMgmt
   * session alert and one Generic Alert per result (ASYNC_RESULT_ALERT). `results` delivers
   * those instead of (and without touching) the pending ones.
   */
  async deliverAsyncResults(
    options: Omit<SessionOptions, 'alerts' | 'url'> & { results?: readonly PendingAsyncResult[] } = {},
  ): Promise<SessionTranscript[]> {
    const { results: chosen, ...sessionOptions } = options;
    const byDestination = new Map<string, PendingAsyncResult[]>();
    for (const pending of chosen ?? this.pendingAsync.splice(0)) {
      const destination = pending.serverUri ?? this.serverUrl;
      byDestination.set(destination, [...(byDestination.get(destination) ?? []), pending]);
    }
    const transcripts: SessionTranscript[] = [];
    for (const [url, results] of byDestination) {
      const alerts = [buildSessionAlert(ALERT_TYPES.clientInitiatedMgmt), ...results.map(asyncResultAlert)];
      transcripts.push(await this.session({ ...sessionOptions, url, alerts }));
    }
    return transcripts;
  }
}
