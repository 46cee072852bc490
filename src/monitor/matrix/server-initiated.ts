/**
 * The server-initiated session of a matrix pair: the server's notify trigger makes it send a
 * Package#0 to the relay of the pair's monitor (`{{dmct.notificationSink.…}}`), the monitor relays
 * it to the client's notification address from the client claims, and the session the client
 * opens in answer goes through the monitor. This module decides whether a pair can try it, what
 * the trigger is given, and when the session it caused is over.
 */
import type { TemplateValues } from '../../harness/template.js';
import { decodeJsonBody } from '../../protocol/packages/json-body.js';
import type { Exchange } from '../capture.js';
import { packageOf } from '../passive-judge.js';
import type { ClaimedPeer } from './peers.js';

/** The IANA port of WAP Push over UDP (App E.1), the claims' default. */
const WAP_PUSH_PORT = 2948;
/** The monitor's relays listen on loopback: the server is told this host. */
const RELAY_HOST = '127.0.0.1';

/** Where the monitor relays the server's Package#0: the client's WAP Push port, or its notification URL. */
export type PairRelay = { udp: { host: string; port: number } } | { http: URL };

/** The relay a server-initiated session needs, from the client claims' notification address (udp or http), else undefined. */
export function relayFor(client: Pick<ClaimedPeer, 'claims'>): PairRelay | undefined {
  const notification = client.claims.client?.notification;
  if (notification?.transport === 'udp')
    return { udp: { host: notification.udp?.host ?? RELAY_HOST, port: notification.udp?.port ?? WAP_PUSH_PORT } };
  if (notification?.transport === 'http' && notification.http !== undefined) return { http: new URL(notification.http.url) };
  return undefined;
}

/** Why the pair cannot try a server-initiated session; undefined when it can. */
export function serverInitiationBlocked(client: ClaimedPeer, server: ClaimedPeer): string | undefined {
  if (server.claims.server?.triggers?.notify === undefined) return 'the server claims have no notify trigger (server.triggers.notify)';
  if (relayFor(client) === undefined)
    return 'the client claims no notification address the monitor can relay to (client.notification over udp or http)';
  return undefined;
}

/** Where the server is told to send: the relay of the pair's monitor. */
export interface RelayAddress {
  notificationPort?: number;
  httpRelayUrl?: URL;
}

/**
 * The notify trigger's input: the client's device (its DevID, else the server claims' device), the
 * server's admin values, no option asked for (the server sends the Package#0 it likes), and the
 * relay as `{{dmct.notificationSink.…}}`, where the server is to send it.
 */
export function notifyValues(client: ClaimedPeer, server: ClaimedPeer, relay: RelayAddress): TemplateValues {
  const device = server.claims.server?.device;
  const devId = client.claims.client?.devId ?? device?.devId;
  const serverId = device?.serverId ?? client.claims.client?.serverId;
  const sink = {
    ...(relay.notificationPort === undefined ? {} : { udpHost: RELAY_HOST, udpPort: relay.notificationPort }),
    ...(relay.httpRelayUrl === undefined ? {} : { httpUrl: relay.httpRelayUrl.href }),
  };
  return {
    ...(devId === undefined ? {} : { devId }),
    ...(serverId === undefined ? {} : { serverId }),
    ...(server.claims.adminUrl === undefined ? {} : { adminUrl: server.claims.adminUrl.replace(/\/+$/, '') }),
    ...(server.claims.adminToken === undefined ? {} : { adminToken: server.claims.adminToken }),
    options: {},
    dmct: { role: 'server', host: RELAY_HOST, notificationSink: sink },
  };
}

/** Whether the response of a Package#1 or #3 ends its session: not a 200, or a Package#2 carrying END (§5.3.9). */
function endsSession(exchange: Exchange): boolean {
  if (exchange.status !== 200) return true;
  if (exchange.responseBody === undefined) return true;
  const decoded = decodeJsonBody(exchange.responseBody, '5.2.3');
  if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return true;
  const commands = (decoded.value as { CMD?: unknown }).CMD;
  return Array.isArray(commands) && commands.some((entry) => Array.isArray(entry) && entry[0] === 'END');
}

/** How far the session the Package#0 caused has come: none seen yet, opened (a Package#1 after `after`), or over. */
export function sessionSince(exchanges: readonly Exchange[], after: number): 'none' | 'opened' | 'over' {
  const later = exchanges.filter((e) => e.index > after && e.problems.length === 0);
  const start = later.findIndex((e) => packageOf(e) === 1);
  if (start === -1) return 'none';
  return later.slice(start).some((e) => packageOf(e) !== undefined && endsSession(e)) ? 'over' : 'opened';
}
