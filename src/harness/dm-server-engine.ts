/**
 * dmct's own DM server engine, for client targets: msw handlers that take a
 * client's Package#1 and Package#3 (section 5.2.2, 5.2.4), answer each with the next SCRIPTED
 * Package#2 as the HTTP response (section 5.2.3), hand out CONT URIs (section 5.3.8) and
 * asynchronous-report URIs (section 5.4.1), and record everything: every request is decoded and
 * checked with src/protocol and logged, together with the side transfers to the mock data
 * repository and web pages it also serves. Waits return typed outcomes; the engine never judges.
 *
 * The same handlers run in-process (msw `setupServer`, for the project's own tests) and over a
 * loopback port (`serveHandlers`, for a client target): call `setPublicUrl` with the served URL so
 * the URLs the engine hands out point where the target can reach them.
 */
import type { RequestHandler } from 'msw';
import { http } from 'msw';
import { HEADERS, getHeader } from '../protocol/http/headers.js';
import { MEDIA_TYPES, parseMediaType } from '../protocol/http/media-types.js';
import { checkPackageRequest } from '../protocol/http/package-requests.js';
import { SessionSequencer, sessionKey } from '../protocol/http/session-sequencer.js';
import { buildPackage2, parsePackage2 } from '../protocol/packages/package2.js';
import { END_PACKAGE2 } from './end-package2.js';
import type { Package1 } from '../protocol/schemas/package1.schema.js';
import type { Package2 } from '../protocol/schemas/package2.schema.js';
import type { Package3 } from '../protocol/schemas/package3.schema.js';
import { summariseViolations, type Violation } from '../protocol/violation.js';
import type { DmEndpointKind, EndpointEvent, EngineEvent, PackageEvent, ReceivedRequest } from './dm-server-engine-events.js';
import { answer, readRequest, recordReceived, type EndpointAddress } from './dm-server-engine-http.js';
import { EventLog, type EventWait, type QuietWatch, type WaitBudget } from './dm-server-engine-log.js';
import { CredentialGate, type Challenged, type CredentialDemand } from './dm-server-engine-auth.js';
import { DataRepository } from './dm-server-engine-repository.js';
import { WebPages } from './dm-server-engine-web.js';
import { DEFAULT_HANDLER_ORIGIN, type TlsConnectionEvent } from '../transport/endpoint-server.js';
import type { TraceRecorder } from './trace-recorder.js';
import { jsonTextExceedsDepth } from '../protocol/json-limits.js';
import { capText } from '../transport/cap-text.js';
import { describeTls } from '../transport/tls-settings.js';

export type { DmEndpointKind, EndpointEvent, EngineEvent, PackageEvent } from './dm-server-engine-events.js';
export type { EventWait, QuietWatch } from './dm-server-engine-log.js';
export type { Challenged, CredentialDemand } from './dm-server-engine-auth.js';

/** A TLS connection to the served endpoints and the log mark when it came (see {@link DmServerEngine.tlsConnection}). */
export type TlsConnection = TlsConnectionEvent & { order: number };

/**
 * One scripted answer: a Package#2 (built with the protocol layer, so it must be one the text
 * allows) or a deliberately odd body sent as given. Status default 200 (§5.2.3).
 */
export type Package2Reply =
  | { package2: Package2; status?: number; headers?: Readonly<Record<string, string>> }
  | { raw: string; contentType?: string; status?: number; headers?: Readonly<Record<string, string>> };

/**
 * A scripted answer, or a function that makes it from the package it answers (for a Package#2
 * that depends on what the client reported, e.g. the URI where an HGET stored its data).
 */
export type ScriptedReply = Package2Reply | ((answering: AnsweredPackage) => Package2Reply);

/** What a reply function sees of the package it answers (already checked by src/protocol). */
export interface AnsweredPackage {
  package: 1 | 3;
  package1?: Package1;
  package3?: Package3;
  violations: readonly Violation[];
}

export { END_PACKAGE2 };

export interface DmServerEngineOptions {
  recorder: TraceRecorder;
  /** The target's DevInfo DevID: packages are checked against it (OMADM-DevID, section 5.2.2). */
  devId?: string;
  /** Path of the DM endpoint, the client's DMAcc SrvURI path (default `/dm`). */
  path?: string;
  /** Origin of the handlers (default `http://dm.test`). */
  origin?: string;
  /** Base URL the target reaches the engine at (default: the origin). */
  publicUrl?: string;
  /** Accept the errata forms of the text's examples as warnings (App F and App I examples). */
  lenient?: boolean;
  /** The share of the scenario's time the waits draw from (see {@link EventLog}); default none. */
  waitBudget?: WaitBudget;
  /**
   * The target's own word that it is idle and sends nothing more until dmct asks again (the
   * embedded reference client can give it, a real device cannot): resolves with the reason, and
   * a wait for a request that begins after dmct's stimulus ends there, as a time-out, instead of
   * at the claimed deadline. `signal` aborts when the wait ended otherwise.
   */
  idle?: (signal: AbortSignal) => Promise<string>;
}

/** Options of the package waits. */
export interface PackageWaitOptions {
  /** Only packages logged after this mark count (default 0). */
  after?: number;
  timeoutMs: number;
  /** Which endpoint: `dm` and `cont` by default; `async` for reports to an asynchronous-report URI; `any`. */
  endpoint?: DmEndpointKind | 'session' | 'any';
}

interface Session {
  id: number;
  sequencer: SessionSequencer;
  lastPackage2?: Package2;
}

/** Characters kept of a violation's message (messages quote the offending value, which can be 1 MB). */
const MAX_VIOLATION_CHARS = 8192;

/** TLS connections and refused requests kept per scenario; older ones are forgotten (a client can open any number). */
const MAX_KEPT_CONNECTIONS = 1024;

/** Appends to a list kept at most {@link MAX_KEPT_CONNECTIONS} long. */
function keep<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_KEPT_CONNECTIONS) list.shift();
}

const ENDPOINT_LABEL: Record<DmEndpointKind, string> = { dm: '', cont: ' (CONT URI)', async: ' (async report URI)' };

/**
 * Package#1 or Package#3: by media type (any multipart type is a Package#3 with data parts, App F,
 * even in a form the text does not name), else by the body (a `Status` member makes a Package#3).
 */
export function classify(mediaType: string | undefined, body: Uint8Array): 1 | 3 {
  const essence = mediaType === undefined ? undefined : parseMediaType(mediaType)?.essence;
  if (essence === MEDIA_TYPES.package1) return 1;
  if (essence === MEDIA_TYPES.package3 || essence?.startsWith('multipart/') === true) return 3;
  const text = new TextDecoder().decode(body);
  if (jsonTextExceedsDepth(text)) return 1;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'Status' in value ? 3 : 1;
  } catch {
    return 1;
  }
}

function endpointMatches(wanted: PackageWaitOptions['endpoint'], actual: DmEndpointKind): boolean {
  if (wanted === 'any') return true;
  if (wanted === undefined || wanted === 'session') return actual !== 'async';
  return wanted === actual;
}

/** The scripted DM server of one scenario, with its data repository and web pages. */
export class DmServerEngine {
  readonly log: EventLog<EngineEvent>;
  readonly repository: DataRepository;
  readonly web: WebPages;
  readonly #recorder: TraceRecorder;
  readonly #devId: string | undefined;
  readonly #path: string;
  readonly #origin: string;
  readonly #lenient: boolean;
  readonly #idle: ((signal: AbortSignal) => Promise<string>) | undefined;
  readonly #queue: ScriptedReply[] = [];
  readonly #sessions = new Map<string, Session>();
  #publicUrl: string;
  #handlers: RequestHandler[] | undefined;
  #nextSession = 1;
  #nextToken = 1;
  #reqMosAsked = false;
  #gate: CredentialGate | undefined;
  readonly #challenged: Challenged[] = [];
  readonly #tlsConnections: TlsConnection[] = [];

  constructor(options: DmServerEngineOptions) {
    this.log = new EventLog<EngineEvent>(options.waitBudget, (event) => event.body.length);
    this.#recorder = options.recorder;
    this.#idle = options.idle;
    this.#devId = options.devId;
    this.#path = options.path ?? '/dm';
    this.#origin = new URL(options.origin ?? DEFAULT_HANDLER_ORIGIN).origin;
    this.#publicUrl = (options.publicUrl ?? this.#origin).replace(/\/$/, '');
    this.#lenient = options.lenient ?? false;
    const address: EndpointAddress = { origin: this.#origin, publicUrl: () => this.#publicUrl };
    this.repository = new DataRepository(this.log, this.#recorder, address);
    this.web = new WebPages(this.log, this.#recorder, address);
  }

  /**
   * Tells the engine what the last notification sent to the client asked (§5.2.1.2): with REQ-MOS,
   * the Package#1 answering it must give every MOS entry its DDF link (§5.2.2).
   */
  notificationSent(fields: { reqMos: boolean }): void {
    this.#reqMosAsked = fields.reqMos;
  }

  /**
   * From now on the DM endpoint and its CONT and async-report URIs demand these credentials in this
   * scheme (§9.2.1): a request without them is answered 401 with a challenge; undefined stops it.
   */
  demandCredentials(demand: CredentialDemand | undefined): void {
    this.#gate = demand === undefined ? undefined : new CredentialGate(demand);
  }

  /** Requests refused for want of valid credentials at or after the log mark `after`. */
  challenged(after = 0): Challenged[] {
    return this.#challenged.filter((entry) => entry.order >= after);
  }

  /** Records how a TLS connection to the served endpoints went (the serving layer tells it, §9.2.2). */
  tlsConnection(event: TlsConnectionEvent): void {
    keep(this.#tlsConnections, { ...event, order: this.log.mark() });
    this.#recorder.note({
      from: 'target',
      to: 'dmct',
      label: event.ok ? describeTls(event.tls) : `TLS handshake failed (${event.detail}): connection closed`,
    });
  }

  /** TLS connections at or after the log mark `after`. */
  tlsConnections(after = 0): TlsConnection[] {
    return this.#tlsConnections.filter((entry) => entry.order >= after);
  }

  /** Points the URLs the engine hands out at where it is served (e.g. `http://127.0.0.1:40123`). */
  setPublicUrl(url: string): void {
    this.#publicUrl = url.replace(/\/$/, '');
  }

  /** The DM endpoint's public URL: the SrvURI a client's DM account must hold. */
  get dmUrl(): string {
    return `${this.#publicUrl}${this.#path}`;
  }

  /** Appends Package#2 answers; each Package#1 or Package#3 takes the next one (END when none is left). */
  script(...replies: ScriptedReply[]): void {
    for (const reply of replies) if (typeof reply !== 'function' && 'package2' in reply) buildPackage2(reply.package2);
    this.#queue.push(...replies);
  }

  /** Scripted answers not yet sent. */
  get pending(): number {
    return this.#queue.length;
  }

  /** A fresh URI for a CONT command (section 5.3.8); Package#3s posted there belong to the same session. */
  contUrl(): string {
    return `${this.#publicUrl}${this.#path}/cont/c${this.#nextToken++}`;
  }

  /** A fresh ServerURI for an asynchronous EXEC (section 5.4.1): takes the new session's packages, answers END. */
  asyncReportUrl(): string {
    return `${this.#publicUrl}${this.#path}/async/a${this.#nextToken++}`;
  }

  /** The order of the last logged event: pass it as `after` to wait only for what comes next. */
  mark(): number {
    return this.log.mark();
  }

  /** Packages logged after `after`. */
  packages(after = 0): PackageEvent[] {
    return this.log.list().filter((e): e is PackageEvent => e.type === 'package' && e.order > after);
  }

  /** The first Package#1 after `after` (section 5.2.2). */
  awaitPackage1(options: PackageWaitOptions): Promise<EventWait<PackageEvent>> {
    return this.awaitPackage((p) => p.package === 1, options, 'Package#1');
  }

  /** The first Package#3 after `after` (section 5.2.4). */
  awaitPackage3(options: PackageWaitOptions): Promise<EventWait<PackageEvent>> {
    return this.awaitPackage((p) => p.package === 3, options, 'Package#3');
  }

  /** The first package after `after` that `predicate` accepts. */
  async awaitPackage(
    predicate: (event: PackageEvent) => boolean,
    options: PackageWaitOptions,
    what = 'package',
  ): Promise<EventWait<PackageEvent>> {
    const outcome = await this.#waitUnlessIdle(
      (e) => e.type === 'package' && endpointMatches(options.endpoint, e.endpoint) && predicate(e),
      {
        ...(options.after === undefined ? {} : { after: options.after }),
        timeoutMs: options.timeoutMs,
        what,
      },
    );
    if (outcome.kind === 'timeout') this.#recorder.note({ label: `waited ${outcome.waitedMs} ms for a ${what}: none came` });
    return outcome as EventWait<PackageEvent>;
  }

  /** The first side transfer (repository or web) after `after` that `predicate` accepts. */
  async awaitEndpoint(
    predicate: (event: EndpointEvent) => boolean,
    options: { after?: number; timeoutMs: number; what: string },
  ): Promise<EventWait<EndpointEvent>> {
    const outcome = await this.#waitUnlessIdle((e) => e.type === 'endpoint' && predicate(e), options);
    if (outcome.kind === 'timeout') this.#recorder.note({ label: `waited ${outcome.waitedMs} ms for ${options.what}: none came` });
    return outcome as EventWait<EndpointEvent>;
  }

  /** A wait of the log that also ends (as a time-out naming why) when the target says it is idle. */
  async #waitUnlessIdle(
    predicate: (event: EngineEvent) => boolean,
    options: { after?: number; timeoutMs: number; what: string },
  ): Promise<EventWait<EngineEvent>> {
    if (this.#idle === undefined || options.timeoutMs <= 0) return this.log.waitFor(predicate, options);
    const idle = new AbortController();
    const over = new AbortController();
    void this.#idle(over.signal).then((reason) => idle.abort(`ended early: ${reason}`));
    try {
      return await this.log.waitFor(predicate, { ...options, signal: idle.signal });
    } finally {
      over.abort();
    }
  }

  /**
   * Watches `windowMs` for an event `predicate` accepts (by default any package): `quiet` when none
   * came. The wait is recorded as a note and an evidence remark either way, since "nothing came"
   * is only as strong as the time watched. `settled` (the embedded reference peer's own word that
   * nothing will come) ends the watch early; the remark then names it.
   */
  async expectNoRequest(
    windowMs: number,
    options: { after?: number; what: string; predicate?: (event: EngineEvent) => boolean; settled?: Promise<string> },
  ): Promise<QuietWatch<EngineEvent>> {
    const predicate = options.predicate ?? ((e: EngineEvent) => e.type === 'package');
    const over = new AbortController();
    const settled = [options.settled, this.#idle?.(over.signal)].filter((word) => word !== undefined);
    const outcome = await this.log
      .watchQuiet(predicate, {
        ...(options.after === undefined ? {} : { after: options.after }),
        windowMs,
        ...(settled.length === 0 ? {} : { settled: Promise.race(settled) }),
      })
      .finally(() => over.abort());
    const text =
      outcome.kind === 'quiet'
        ? `watched ${outcome.waitedMs} ms (window ${windowMs} ms) for ${options.what}: none came${outcome.settledBy === undefined ? '' : `; ${outcome.settledBy}`}`
        : `watched for ${options.what} (window ${windowMs} ms): one came (exchange #${outcome.value.requestSeq})`;
    this.#recorder.note({ label: text });
    this.#recorder.remark(text);
    return outcome;
  }

  /** The msw handlers of the DM endpoint, its CONT and async-report URIs, the repository and the web pages. */
  handlers(): RequestHandler[] {
    this.#handlers ??= this.#buildHandlers();
    return this.#handlers;
  }

  #buildHandlers(): RequestHandler[] {
    const base = `${this.#origin}${this.#path}`;
    return [
      http.all(`${base}/cont/:token`, async ({ request }) => this.#handle(request, 'cont')),
      http.all(`${base}/async/:token`, async ({ request }) => this.#handle(request, 'async')),
      http.all(base, async ({ request }) => this.#handle(request, 'dm')),
      ...this.repository.handlers(),
      ...this.web.handlers(),
    ];
  }

  #session(key: string, fresh: boolean): { session: Session; byElimination: boolean } {
    const existing = this.#sessions.get(key);
    if (fresh || existing === undefined || existing.sequencer.state.phase !== 'awaiting-package3') {
      // A Package#3 whose OMADM-DevID opened no session (it differs from its Package#1's, or the
      // Package#1 had none) joins the one session of its kind that awaits a Package#3, if exactly one does.
      const group = key.slice(0, key.indexOf(':') + 1);
      const waiting = fresh
        ? []
        : [...this.#sessions].filter(([k, s]) => k !== key && k.startsWith(group) && s.sequencer.state.phase === 'awaiting-package3');
      const [only] = waiting;
      if (waiting.length === 1 && only !== undefined) return { session: only[1], byElimination: true };
    }
    if (existing !== undefined && !fresh) return { session: existing, byElimination: false };
    const session: Session = { id: this.#nextSession++, sequencer: new SessionSequencer() };
    this.#sessions.set(key, session);
    return { session, byElimination: false };
  }

  #nextReply(endpoint: DmEndpointKind, expected: boolean, answering: AnsweredPackage): Package2Reply {
    // Reports to an async URI and packages no session awaits (a Package#3 after END, or for no
    // session) do not use up the script: a stray package must not steal a scenario's next answer.
    if (endpoint === 'async' || !expected) return { package2: END_PACKAGE2 };
    const next = this.#queue.shift() ?? { package2: END_PACKAGE2 };
    return typeof next === 'function' ? next(answering) : next;
  }

  async #handle(request: Request, endpoint: DmEndpointKind): Promise<Response> {
    const read = await readRequest(request, { origin: this.#origin, publicUrl: () => this.#publicUrl });
    const refusal = this.#gate?.check(read.method, read.headers['authorization']);
    if (refusal !== undefined) {
      const received = recordReceived(this.#recorder, read, {
        to: 'dmct',
        label: `request${ENDPOINT_LABEL[endpoint]} (${refusal.reason})`,
      });
      keep(this.#challenged, { order: this.log.mark(), requestSeq: received.requestSeq, sent: refusal.sent, reason: refusal.reason });
      return answer(
        this.#recorder,
        { status: 401, headers: { 'www-authenticate': refusal.challenge } },
        { from: 'dmct', label: `401 challenge (${this.#gate?.scheme ?? ''})`, url: received.url },
      ).response;
    }
    const kind = classify(read.mediaType, read.body);
    const received = recordReceived(this.#recorder, read, { to: 'dmct', label: `Package#${kind}${ENDPOINT_LABEL[endpoint]}` });
    const devId = sessionKey(received.headers);
    const key = `${endpoint === 'async' ? 'async' : 'dm'}:${devId ?? ''}`;
    const { session, byElimination } = this.#session(key, kind === 1);
    const afterEnd = kind === 3 && session.sequencer.state.phase === 'ended';
    const expected = kind === 1 || session.sequencer.state.phase === 'awaiting-package3';
    const answers = kind === 3 ? session.lastPackage2 : undefined;
    const sequence = session.sequencer.accept(kind === 1 ? { package: 1, uri: received.url } : { package: 3, uri: received.url });
    const check = checkPackageRequest({ method: received.method, headers: received.headers, body: received.body }, kind, {
      ...(this.#devId === undefined ? {} : { devId: this.#devId }),
      ...(answers === undefined ? {} : { package2: answers }),
      lenient: this.#lenient,
      reqMosAsked: this.#reqMosAsked,
    });
    // A hostile package can break one rule once per entry; its repeats are summarised here, before the log and the trace keep them.
    const violations: Violation[] = summariseViolations([...check.violations, ...sequence]).map((v) => ({
      ...v,
      message: capText(v.message, MAX_VIOLATION_CHARS),
    }));
    if (byElimination) {
      violations.push({
        rule: 'session-correlated-by-elimination',
        section: '5.2.4',
        severity: 'info',
        message: `no session is open for OMADM-DevID ${JSON.stringify(devId ?? null)}; the Package#3 was tied to session ${session.id}, the only one awaiting a Package#3`,
      });
    }
    this.#recorder.annotate(received.requestSeq, {
      decoded: {
        package: kind,
        sessionId: session.id,
        ...(devId === undefined ? {} : { devId }),
        ...(check.package1 ? { package1: check.package1 } : {}),
        ...(check.package3 ? { package3: check.package3 } : {}),
        ...(check.parts
          ? { parts: [...check.parts.values()].map((p) => ({ index: p.index, mediaType: p.mediaType, size: p.body.length })) }
          : {}),
      },
      violations,
    });

    const reply = this.#nextReply(endpoint, expected, {
      package: kind,
      ...(check.package1 ? { package1: check.package1 } : {}),
      ...(check.package3 ? { package3: check.package3 } : {}),
      violations,
    });
    const { response, sent, package2 } = this.#send(reply, received);
    if (package2 !== undefined) {
      session.lastPackage2 = package2;
      session.sequencer.accept({ package: 2, body: package2 });
    } else delete session.lastPackage2;

    this.log.append((order, at) => ({
      type: 'package',
      order,
      at,
      ...received,
      package: kind,
      endpoint,
      ...(devId === undefined ? {} : { devId }),
      sessionId: session.id,
      violations,
      ...(check.package1 ? { package1: check.package1 } : {}),
      ...(check.package3 ? { package3: check.package3 } : {}),
      ...(check.parts ? { parts: check.parts } : {}),
      ...(answers === undefined ? {} : { answers }),
      afterEnd,
      reply: sent,
    }));
    return response;
  }

  #send(reply: Package2Reply, received: ReceivedRequest): { response: Response; sent: PackageEvent['reply']; package2?: Package2 } {
    const status = reply.status ?? 200;
    const headers = reply.headers ?? {};
    if ('package2' in reply) {
      const { response, sent } = answer(
        this.#recorder,
        { status, contentType: MEDIA_TYPES.package2, body: buildPackage2(reply.package2), headers },
        { from: 'dmct', label: 'Package#2', url: received.url },
      );
      return { response, sent, package2: reply.package2 };
    }
    const contentType = reply.contentType ?? MEDIA_TYPES.package2;
    const { response, sent } = answer(
      this.#recorder,
      { status, contentType, body: reply.raw, headers },
      { from: 'dmct', label: 'Package#2 (as scripted, unchecked)', url: received.url },
    );
    const parsed = parsePackage2(reply.raw);
    return parsed.value === undefined ? { response, sent } : { response, sent, package2: parsed.value };
  }
}

/** The OMADM-DevID of a logged request, trimmed (section 5.2.2). */
export function devIdOf(event: { headers: Readonly<Record<string, string>> }): string | undefined {
  return getHeader(event.headers, HEADERS.devId)?.trim();
}
