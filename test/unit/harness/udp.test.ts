import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { type ReceivedDatagram, listenUdp, sendUdp } from '../../../src/transport/udp.js';

describe('UDP', () => {
  it('round-trips a datagram on loopback and records it', async () => {
    const recorder = new TraceRecorder();
    const seen: ReceivedDatagram[] = [];
    const listener = await listenUdp({ recorder, name: 'dmct', onDatagram: (d) => seen.push(d) });
    try {
      const waiting = listener.waitForDatagram(() => true, 2000);
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(0x22, 0x00, 0x10, 0x04));
      const outcome = await waiting;
      assert.ok(outcome.kind === 'datagram');
      assert.deepEqual([...outcome.datagram.bytes], [0x22, 0x00, 0x10, 0x04]);
      assert.equal(outcome.datagram.index, 1);
      assert.equal(outcome.datagram.from.address, '127.0.0.1');
      assert.equal(seen.length, 1);
      const message = recorder.messages[0];
      assert.equal(message?.kind, 'datagram');
      assert.equal(message?.seq, outcome.datagram.seq);
      assert.deepEqual(message?.body, {
        size: 4,
        hex: '22001004',
        sha256: createHash('sha256')
          .update(Uint8Array.of(0x22, 0x00, 0x10, 0x04))
          .digest('hex'),
      });
    } finally {
      await listener.close();
    }
  });

  it('finds a datagram that arrived before the wait, and waits past earlier ones', async () => {
    const listener = await listenUdp();
    try {
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(1));
      const first = await listener.waitForDatagram(() => true, 2000);
      assert.ok(first.kind === 'datagram');
      const later = listener.waitForDatagram((d) => d.bytes[0] === 2, 2000, first.datagram.index);
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(3));
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(2));
      const second = await later;
      assert.ok(second.kind === 'datagram');
      assert.equal(second.datagram.index, 3);
    } finally {
      await listener.close();
    }
  });

  it('times out when nothing matching arrives', async () => {
    const listener = await listenUdp();
    try {
      assert.deepEqual(await listener.waitForDatagram(() => true, 100), { kind: 'timeout', waitedMs: 100 });
    } finally {
      await listener.close();
    }
  });

  it('ends pending waits when closed, and closes once', async () => {
    const listener = await listenUdp();
    const waiting = listener.waitForDatagram(() => true, 60_000);
    await Promise.all([listener.close(), listener.close()]);
    assert.deepEqual(await waiting, { kind: 'closed' });
    assert.deepEqual(await listener.waitForDatagram(), { kind: 'closed' });
  });

  it('bounds each datagram and the queue', async () => {
    const recorder = new TraceRecorder();
    const listener = await listenUdp({ maxDatagramBytes: 8, maxQueue: 2, recorder });
    try {
      await sendUdp('127.0.0.1', listener.port, new Uint8Array(1000).fill(7));
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(1));
      await sendUdp('127.0.0.1', listener.port, Uint8Array.of(2));
      const last = await listener.waitForDatagram((d) => d.index === 3, 2000);
      assert.equal(last.kind, 'datagram');
      assert.deepEqual(
        listener.datagrams.map((d) => d.index),
        [2, 3],
      );
      assert.equal(listener.dropped, 1);
      const big = recorder.messages[0];
      assert.deepEqual(big?.body, { size: 1000, hex: '0707070707070707', truncated: true });
    } finally {
      await listener.close();
    }
  });

  it('rejects an unusable destination instead of sending', async () => {
    await assert.rejects(sendUdp('127.0.0.1', 70000, Uint8Array.of(1)));
  });
});
