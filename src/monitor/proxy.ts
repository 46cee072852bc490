/**
 * `dmct monitor`: a proxy between a real DM client and a real DM server. The client is told the
 * monitor is its server; every exchange is forwarded unchanged to the one configured upstream
 * (http-forward.ts) and kept, bounded, for the passive judge, which judges both sides from the
 * traffic alone (passive-judge.ts) — live, one line per package, and as a whole at the end.
 * Package#0 can be relayed too, so the notifications are seen: WAP Push datagrams over UDP
 * (notification-relay.ts), and HTTP POSTs (the bare Package#0 or a GCM message) through a second
 * listener that forwards them like the DM exchanges, to the client's notification URL.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { MAX_BODY_BYTES, type Exchange } from './capture.js';
import { forwardExchange, upstreamPathOf, type ForwardLimits, type ForwardTarget } from './http-forward.js';
import { findingsText, lineFindingsAt, monitorLineOf, relayLineOf, type MonitorLine } from './monitor-line.js';
import { startNotificationRelay, type NotificationRelay, type NotificationRelayOptions } from './notification-relay.js';
import { monitorServerTls, type MonitorCertificate } from './monitor-tls.js';
import { judgeNotifications, type NotificationCredentials } from './notification-judge.js';
import { judgeTraffic } from './judge-traffic.js';
import type { RelayedNotification } from './notification-relay.js';
import { judgeExchanges, type PassiveJudgement } from './passive-judge.js';

export type { MonitorLine } from './monitor-line.js';
export type { NotificationRelayOptions, RelayedNotification } from './notification-relay.js';

/** TLS of the monitor: what it serves to the client, and whom it trusts upstream. */
export interface MonitorTls {
  /** Serve https with this certificate (a per-run CA's leaf the client trusts, or a vendor certificate). */
  cert?: string;
  key?: string;
  /** An RSA-keyed certificate served beside `cert` (the per-run CA's), for clients whose suites are RSA-keyed. */
  rsa?: MonitorCertificate;
  /** CA certificates (PEM) an https upstream chains to; default the system's roots. */
  upstreamCa?: readonly string[];
}

/** The bounds of a monitor (every one has a default). */
export interface MonitorLimits {
  /** Body bytes kept for judging per request and per response (default 1 MiB, as `dmct judge`). */
  maxBodyBytes?: number;
  /** Exchanges kept; later ones are forwarded but neither kept nor judged (default 10 000, as a HAR). */
  maxExchanges?: number;
  /** Time one exchange may take, request to last response byte (default 60 s). */
  exchangeTimeoutMs?: number;
  /** Simultaneous client connections (default 64). */
  maxConnections?: number;
}

/** The HTTP relay of Package#0: the server POSTs its notifications here, and each is forwarded unchanged. */
export interface HttpRelayOptions {
  /** Where each POST goes: the client's notification URL (App E.3), or the GCM send service (App E.2). */
  target: URL;
  /** Where the server POSTs (default 127.0.0.1, a free port). */
  listen?: { host?: string; port?: number };
}

/** Options of {@link startMonitor}. */
export interface MonitorOptions {
  /** The DM server: every request goes to its origin, with the path the client used. */
  upstream: URL;
  /** Where the client connects (default 127.0.0.1, a free port). */
  listen?: { host?: string; port?: number };
  tls?: MonitorTls;
  /** Relay Package#0 (WAP Push over UDP) from the server to the client, recording each. */
  notificationRelay?: NotificationRelayOptions;
  /** Relay Package#0 POSTed over HTTP from the server to the client, recording each as an exchange. */
  httpRelay?: HttpRelayOptions;
  /** The device's notification credentials (server claims): with them the relayed Package#0 digests are judged. */
  notificationCredentials?: NotificationCredentials;
  /** The device's DevInfo/DevID (client claims): with it each OMADM-DevID is judged (§5.2.2). */
  clientDevId?: string;
  /** Called once per exchange (a package, or other HTTP) and per relayed notification, as it happens. */
  onPackage?: (line: MonitorLine) => void;
  limits?: MonitorLimits;
}

/** A running monitor. */
export interface RunningMonitor {
  /** What the client is told is the server: the monitor's origin with the upstream's path. */
  url: URL;
  /** The UDP port the server sends Package#0 to, when a relay runs. */
  notificationPort?: number;
  /** Where the server POSTs Package#0, when an HTTP relay runs: its origin with the target's path. */
  httpRelayUrl?: URL;
  /** The exchanges kept so far, numbered from 1 in arrival order. */
  exchanges(): readonly Exchange[];
  /** The Package#0 datagrams relayed and kept so far (none without a relay). */
  datagrams(): readonly RelayedNotification[];
  /** Exchanges forwarded but not kept (over `maxExchanges`). */
  dropped(): number;
  /** Resolves once no exchange (DM or relayed Package#0) is being forwarded (each one ended is then in `exchanges()`). */
  settled(): Promise<void>;
  /** The passive judgement of the exchanges and relayed datagrams kept so far. */
  judgement(): PassiveJudgement;
  /** Stops listening, cuts open connections, stops the relay; safe to call twice. */
  close(): Promise<void>;
}

const DEFAULTS = { maxBodyBytes: MAX_BODY_BYTES, maxExchanges: 10_000, exchangeTimeoutMs: 60_000, maxConnections: 64 };
/**
 * The bounds of the HTTP relay: a Package#0 is a few hundred bytes and a GCM message at most 4 KiB
 * of data, so a larger body is refused; the delivery is quick or it has failed; a sender that keeps
 * POSTing is forwarded, but only its first notifications are kept.
 */
export const HTTP_RELAY_LIMITS = { maxBodyBytes: 64 * 1024, exchangeTimeoutMs: 10_000, maxKept: 256, maxConnections: 16 } as const;
/** Exchanges re-judged for a live line: enough for the sessions around the newest one, bounded. */
const LIVE_WINDOW = 256;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The URL the client addressed, for the judge (a CONT ServerURI is compared with it): the Host the
 * client sent when it is a plain host[:port], else the monitor's own origin.
 */
function addressedUrl(scheme: string, host: string | undefined, fallback: string, path: string): string {
  const authority = host !== undefined && /^[A-Za-z0-9.\-[\]:]{1,300}$/.test(host) ? host : fallback;
  return `${scheme}//${authority}${path}`;
}

/** Listens on `host:port`, keeping every connection in `sockets` (cut on close); resolves with the port. */
async function listenTracked(server: http.Server, host: string, port: number, secure: boolean, sockets: Set<Socket>): Promise<number> {
  server.on(secure ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** Starts a monitor; resolves once it listens. Throws the listen error (a port in use). */
export async function startMonitor(options: MonitorOptions): Promise<RunningMonitor> {
  const upstream = new URL(options.upstream.href);
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new Error(`upstream ${upstream.href}: only http and https`);
  const limits = { ...DEFAULTS, ...options.limits };
  const served =
    options.tls?.cert !== undefined && options.tls.key !== undefined ? { cert: options.tls.cert, key: options.tls.key } : undefined;
  const serveTls = served !== undefined;
  const agentOptions = { keepAlive: true, maxSockets: limits.maxConnections };
  const agent = upstream.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const upstreamTls = options.tls?.upstreamCa === undefined ? undefined : { ca: [...options.tls.upstreamCa] };
  const kept: Exchange[] = [];
  let arrived = 0;
  let dropped = 0;
  let cached: { count: number; datagrams: number; judgement: PassiveJudgement } | undefined;
  const sockets = new Set<Socket>();
  let relay: NotificationRelay | undefined;
  let inFlight = 0;
  const settledWaiters: (() => void)[] = [];

  const judgeOptions = options.clientDevId === undefined ? {} : { clientDevId: options.clientDevId };
  const judgeKept = (): PassiveJudgement => {
    const datagrams = relay?.relayed() ?? [];
    if (cached?.count !== kept.length || cached.datagrams !== datagrams.length) {
      const judgement = judgeTraffic(kept, datagrams, options.notificationCredentials, judgeOptions);
      cached = { count: kept.length, datagrams: datagrams.length, judgement };
    }
    return cached.judgement;
  };

  /** A relayed Package#0's line with what the judge charges to that datagram. */
  const withDatagramFindings = (line: MonitorLine): MonitorLine => {
    const relayed = relay?.relayed() ?? [];
    const datagram = relayed.find((d) => d.index === line.index);
    if (datagram === undefined) return line;
    // With the datagrams before it: a NOTIFICATION-ID reused is seen only against an earlier one.
    const upTo = relayed.filter((d) => d.index <= datagram.index);
    const findings = lineFindingsAt(judgeNotifications(upTo, options.notificationCredentials), datagram.index);
    return findings.length === 0 ? line : { ...line, text: `${line.text}  ${findingsText(findings)}`.slice(0, 2000), findings };
  };

  /** Numbers, forwards and keeps one exchange (a DM package, or a Package#0 the relay took), then tells its line. */
  const forwardAndKeep = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: (path: string) => string,
    target: ForwardTarget,
    forwardLimits: ForwardLimits,
    lineOf: (exchange: Exchange) => MonitorLine,
    keep: () => boolean,
  ) => {
    const path = upstreamPathOf(req.url ?? '');
    if (path === undefined) {
      res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' }).end('dmct monitor forwards only to its upstream\n');
      return;
    }
    const index = ++arrived;
    inFlight++;
    void forwardExchange(req, res, path, url(path), target, forwardLimits).then((forwarded) => {
      inFlight--;
      if (inFlight === 0) settledWaiters.splice(0).forEach((resolve) => resolve());
      if (index > limits.maxExchanges || !keep()) {
        dropped++;
        return;
      }
      const exchange: Exchange = { index, ...forwarded };
      // Exchanges end out of order when they overlap: keep them in arrival order.
      const at = kept.findIndex((e) => e.index > index);
      if (at === -1) kept.push(exchange);
      else kept.splice(at, 0, exchange);
      if (options.onPackage) options.onPackage(lineOf(exchange));
    });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) =>
    forwardAndKeep(
      req,
      res,
      (path) => addressedUrl(serveTls ? 'https:' : 'http:', req.headers.host, origin, path),
      { upstream, agent, ...(upstreamTls ? { tls: upstreamTls } : {}) },
      limits,
      (exchange) => monitorLineOf(exchange, judgeExchanges(kept.slice(-LIVE_WINDOW), judgeOptions)),
      () => true,
    );

  /**
   * The HTTP relay: plain http (the server is told its URL), POST only, bodies bounded; each POST is
   * forwarded to the target like a DM exchange and kept as an exchange, with a Package#0 line.
   */
  const startHttpRelay = async (relayOptions: HttpRelayOptions): Promise<{ server: http.Server; url: URL }> => {
    const target = new URL(relayOptions.target.href);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`relay target ${target.href}: only http and https`);
    let relayed = 0;
    const relayHost = relayOptions.listen?.host ?? '127.0.0.1';
    let relayOrigin = '';
    const relayServer = http.createServer((req, res) => {
      if (req.method !== 'POST') {
        res
          .writeHead(405, { allow: 'POST', 'content-type': 'text/plain', connection: 'close' })
          .end('the relay takes Package#0 POSTs only\n');
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > HTTP_RELAY_LIMITS.maxBodyBytes) {
        res
          .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
          .end(`a Package#0 POST is at most ${HTTP_RELAY_LIMITS.maxBodyBytes} bytes here\n`);
        return;
      }
      forwardAndKeep(
        req,
        res,
        (path) => addressedUrl('http:', req.headers.host, relayOrigin, path),
        { upstream: target, agent: relayAgent, ...(upstreamTls ? { tls: upstreamTls } : {}) },
        HTTP_RELAY_LIMITS,
        (exchange) => relayLineOf(exchange, options.notificationCredentials),
        () => ++relayed <= HTTP_RELAY_LIMITS.maxKept,
      );
    });
    relayServer.on('connect', (_req: http.IncomingMessage, socket: Socket) => {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    relayServer.maxConnections = HTTP_RELAY_LIMITS.maxConnections;
    relayServer.requestTimeout = HTTP_RELAY_LIMITS.exchangeTimeoutMs;
    relayServer.headersTimeout = HTTP_RELAY_LIMITS.exchangeTimeoutMs;
    const relayPort = await listenTracked(relayServer, relayHost, relayOptions.listen?.port ?? 0, false, sockets);
    relayOrigin = `${hostForUrl(relayHost)}:${relayPort}`;
    return { server: relayServer, url: new URL(`${target.pathname}${target.search}`, `http://${relayOrigin}`) };
  };

  const server = served ? https.createServer(monitorServerTls(served, options.tls?.rsa), handle) : http.createServer(handle);
  // A CONNECT would let the client choose the destination: refused (no open proxy).
  server.on('connect', (_req: http.IncomingMessage, socket: Socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.maxConnections = limits.maxConnections;
  server.requestTimeout = limits.exchangeTimeoutMs;
  server.headersTimeout = Math.min(limits.exchangeTimeoutMs, 10_000);
  const host = options.listen?.host ?? '127.0.0.1';
  const port = await listenTracked(server, host, options.listen?.port ?? 0, serveTls, sockets);
  const origin = `${hostForUrl(host)}:${port}`;
  if (upstream.host === origin || (upstream.port === String(port) && ['localhost', '127.0.0.1', '[::1]'].includes(upstream.hostname))) {
    server.close();
    throw new Error(`upstream ${upstream.href} is the monitor itself`);
  }
  let relayServer: http.Server | undefined;
  let httpRelayUrl: URL | undefined;
  const relayAgent = new http.Agent({ keepAlive: true, maxSockets: HTTP_RELAY_LIMITS.maxConnections });
  try {
    if (options.notificationRelay)
      relay = await startNotificationRelay(options.notificationRelay, (line) => options.onPackage?.(withDatagramFindings(line)));
    if (options.httpRelay) {
      const started = await startHttpRelay(options.httpRelay);
      relayServer = started.server;
      httpRelayUrl = started.url;
    }
  } catch (error) {
    server.close();
    relayServer?.close();
    await relay?.close();
    throw error;
  }
  const url = new URL(`${upstream.pathname}${upstream.search}`, `${serveTls ? 'https' : 'http'}://${origin}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    ...(relay ? { notificationPort: relay.port } : {}),
    ...(httpRelayUrl ? { httpRelayUrl } : {}),
    exchanges: () => kept,
    datagrams: () => relay?.relayed() ?? [],
    dropped: () => dropped,
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => settledWaiters.push(resolve))),
    judgement: judgeKept,
    close: () => {
      closing ??= (async () => {
        const stopped = [server, relayServer].map(
          (listening) => new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve())),
        );
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
        relayServer?.closeAllConnections();
        agent.destroy();
        relayAgent.destroy();
        await Promise.all([...stopped, relay?.close()]);
      })();
      return closing;
    },
  };
}
