import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { ExchangeRecorder } from './exchange-recorder.js';

/** One datagram as received, numbered from 1 in arrival order. */
export interface ReceivedDatagram {
  index: number;
  /** The datagram, or its first `maxDatagramBytes` bytes. */
  bytes: Uint8Array;
  /** Full size on the wire. */
  size: number;
  truncated: boolean;
  from: { address: string; port: number };
  receivedAt: Date;
  /** `seq` of its trace message, when recorded. */
  seq?: number;
}

export interface UdpListenOptions {
  /** Default loopback only. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Bytes kept per datagram (default 2048); the rest is counted, not stored. */
  maxDatagramBytes?: number;
  /** Datagrams kept (default 256); the oldest are dropped first. */
  maxQueue?: number;
  onDatagram?: (datagram: ReceivedDatagram) => void;
  recorder?: ExchangeRecorder;
  /** Lifeline name in the trace (default `udp`), and the sender's (default `target`). */
  name?: string;
  peerName?: string;
}

export type DatagramWait = { kind: 'datagram'; datagram: ReceivedDatagram } | { kind: 'timeout'; waitedMs: number } | { kind: 'closed' };

export interface UdpListener {
  port: number;
  /** Datagrams kept so far (bounded by `maxQueue`). */
  readonly datagrams: readonly ReceivedDatagram[];
  /** How many datagrams fell out of the bounded queue. */
  readonly dropped: number;
  /**
   * The first kept datagram with `index > after` matching `predicate`, already received or
   * arriving within `timeoutMs`; otherwise a `timeout` outcome (`closed` when the listener closes
   * first). Never rejects.
   */
  waitForDatagram(predicate?: (datagram: ReceivedDatagram) => boolean, timeoutMs?: number, after?: number): Promise<DatagramWait>;
  /** Stops listening; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Listens for UDP datagrams (the WAP-Push notification transport uses UDP port 2948, App E.1), keeping
 * a bounded queue of bounded datagrams, recording each one.
 */
export async function listenUdp(options: UdpListenOptions = {}): Promise<UdpListener> {
  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxDatagramBytes ?? 2048;
  const maxQueue = options.maxQueue ?? 256;
  const name = options.name ?? 'udp';
  const socket = dgram.createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  const queue: ReceivedDatagram[] = [];
  const waiters = new Set<{ offer: (datagram: ReceivedDatagram) => void; cancel: () => void }>();
  let received = 0;
  let dropped = 0;

  socket.on('message', (message, remote) => {
    const datagram: ReceivedDatagram = {
      index: ++received,
      bytes: Uint8Array.from(message.subarray(0, maxBytes)),
      size: message.length,
      truncated: message.length > maxBytes,
      from: { address: remote.address, port: remote.port },
      receivedAt: new Date(),
    };
    if (options.recorder !== undefined) {
      datagram.seq = options.recorder.datagram({
        from: options.peerName ?? 'target',
        to: name,
        label: `datagram from ${remote.address}:${remote.port}`,
        bytes: { bytes: datagram.bytes, size: datagram.size },
      }).seq;
    }
    queue.push(datagram);
    if (queue.length > maxQueue) {
      queue.shift();
      dropped++;
    }
    options.onDatagram?.(datagram);
    for (const waiter of waiters) waiter.offer(datagram);
  });
  // A datagram socket reports ICMP errors and the like here; none of them concerns a listener.
  socket.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: socket.address().port,
    datagrams: queue,
    get dropped() {
      return dropped;
    },
    waitForDatagram(predicate = () => true, timeoutMs = 5000, after = 0) {
      const matches = (d: ReceivedDatagram) => d.index > after && predicate(d);
      const already = queue.find(matches);
      if (already !== undefined) return Promise.resolve({ kind: 'datagram', datagram: already });
      if (closing !== undefined) return Promise.resolve({ kind: 'closed' });
      return new Promise<DatagramWait>((resolve) => {
        const waiter = {
          offer: (datagram: ReceivedDatagram) => {
            if (matches(datagram)) finish({ kind: 'datagram', datagram });
          },
          cancel: () => finish({ kind: 'closed' }),
        };
        const timer = setTimeout(() => finish({ kind: 'timeout', waitedMs: timeoutMs }), timeoutMs);
        const finish = (outcome: DatagramWait) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(outcome);
        };
        waiters.add(waiter);
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => socket.close(() => resolve()));
      for (const waiter of [...waiters]) waiter.cancel();
      return closing;
    },
  };
}

/** Sends one datagram from an ephemeral socket; rejects when the host or port is unusable. */
export async function sendUdp(host: string, port: number, bytes: Uint8Array): Promise<void> {
  const socket = dgram.createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.send(bytes, port, host, (error) => (error ? reject(error) : resolve()));
    });
  } finally {
    socket.close();
  }
}
