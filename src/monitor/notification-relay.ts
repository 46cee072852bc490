/**
 * The Package#0 relay of `dmct monitor`: the DM server is told to send its WAP Push datagrams
 * (App E.1) to the relay, which forwards each one unchanged to the client's UDP port and records
 * it, decoded, so the notifications of the monitored sessions are seen too.
 */
import { decodeWapPushDatagram } from '../protocol/notification/wap-push.js';
import { listenUdp, sendUdp, type UdpListener } from '../transport/udp.js';
import { describePackage0, type MonitorLine } from './monitor-line.js';

/** Where the relay listens and where it forwards. */
export interface NotificationRelayOptions {
  /**
   * The client's WAP Push port, read at each datagram: a caller that starts the client after the
   * monitor (the client must be told the monitor's URL) fills the port in once the client listens.
   */
  target: { host?: string; port: number };
  /** Where the server sends (default 127.0.0.1, a free port). */
  listen?: { host?: string; port?: number };
  /** Datagrams kept (default 256). */
  maxKept?: number;
}

/** One relayed datagram. */
export interface RelayedNotification {
  index: number;
  time: string;
  bytes: Uint8Array;
  size: number;
  /** The forwarding failed (the client's port refused it): the datagram was not delivered. */
  notDelivered?: string;
}

/** A running relay. */
export interface NotificationRelay {
  port: number;
  relayed(): readonly RelayedNotification[];
  close(): Promise<void>;
}

/** WAP Push datagrams are at most a UDP payload; the relay keeps them whole to forward them unchanged. */
const MAX_DATAGRAM_BYTES = 65_535;

/** What one datagram says, in a few words (no credentials: the digest is not verified here). */
function describe(bytes: Uint8Array): string {
  const push = decodeWapPushDatagram(bytes);
  if (push.notification === undefined) return 'not a WAP Push datagram';
  return describePackage0(push.notification).replace('a Package#0 that', 'a WAP Push whose Package#0');
}

/** Starts the relay; `onLine` gets one line per datagram. */
export async function startNotificationRelay(
  options: NotificationRelayOptions,
  onLine: (line: MonitorLine) => void,
): Promise<NotificationRelay> {
  const kept: RelayedNotification[] = [];
  const maxKept = options.maxKept ?? 256;
  const udp: UdpListener = await listenUdp({
    host: options.listen?.host ?? '127.0.0.1',
    port: options.listen?.port ?? 0,
    maxDatagramBytes: MAX_DATAGRAM_BYTES,
    maxQueue: 16,
    onDatagram: (datagram) => {
      const relayed: RelayedNotification = {
        index: datagram.index,
        time: datagram.receivedAt.toISOString(),
        bytes: datagram.bytes,
        size: datagram.size,
      };
      if (kept.length < maxKept) kept.push(relayed);
      sendUdp(options.target.host ?? '127.0.0.1', options.target.port, datagram.bytes).then(
        () =>
          onLine({
            kind: 'package0',
            index: datagram.index,
            text: `Package#0 #${datagram.index} relayed: ${describe(datagram.bytes)}`,
            findings: [],
          }),
        (error: unknown) => {
          relayed.notDelivered = error instanceof Error ? error.message : String(error);
          onLine({
            kind: 'package0',
            index: datagram.index,
            text: `Package#0 #${datagram.index} NOT relayed: ${relayed.notDelivered}`,
            findings: [],
          });
        },
      );
    },
  });
  return { port: udp.port, relayed: () => kept, close: () => udp.close() };
}
