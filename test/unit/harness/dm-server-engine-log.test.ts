import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EventLog, type LoggedEvent } from '../../../src/harness/dm-server-engine-log.js';

interface Hit extends LoggedEvent {
  name: string;
}

const hit = (log: EventLog<Hit>, name: string) => log.append((order, at) => ({ order, at, name }));

describe('EventLog waits (fake timers)', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('watchQuiet is quiet after the whole window when nothing comes and nobody settles it', async () => {
    const log = new EventLog<Hit>();
    const watching = log.watchQuiet(() => true, { windowMs: 600 });
    mock.timers.tick(599);
    hit(log, 'a late one');
    assert.deepEqual(await watching, { kind: 'event', value: { order: 1, at: 1_000_599, name: 'a late one' } });
    const quiet = log.watchQuiet(() => true, { after: log.mark(), windowMs: 600 });
    mock.timers.tick(600);
    assert.deepEqual(await quiet, { kind: 'quiet', waitedMs: 600 });
  });

  it('watchQuiet ends quiet as soon as the target settles it, naming why', async () => {
    const log = new EventLog<Hit>();
    let settle: (reason: string) => void = () => undefined;
    const settled = new Promise<string>((resolve) => (settle = resolve));
    const watching = log.watchQuiet(() => true, { windowMs: 600, settled });
    mock.timers.tick(5);
    settle('dropped it');
    assert.deepEqual(await watching, { kind: 'quiet', waitedMs: 5, settledBy: 'dropped it' });
  });

  it('an event before the settling word still counts: the watch reports it', async () => {
    const log = new EventLog<Hit>();
    const watching = log.watchQuiet((event) => event.name === 'package', { windowMs: 600, settled: new Promise(() => undefined) });
    mock.timers.tick(10);
    hit(log, 'other');
    hit(log, 'package');
    const outcome = await watching;
    assert.equal(outcome.kind, 'event');
  });

  it('a settling word that never comes leaves the window as the deadline', async () => {
    const log = new EventLog<Hit>();
    const watching = log.watchQuiet(() => true, { windowMs: 600, settled: new Promise(() => undefined) });
    mock.timers.tick(600);
    assert.deepEqual(await watching, { kind: 'quiet', waitedMs: 600 });
  });

  it('waitFor times out after its time-out, and ends early on its signal', async () => {
    const log = new EventLog<Hit>();
    const waiting = log.waitFor(() => true, { timeoutMs: 1000, what: 'a hit' });
    mock.timers.tick(1000);
    assert.deepEqual(await waiting, { kind: 'timeout', waitedMs: 1000, detail: 'no a hit came within 1000 ms' });
    const abort = new AbortController();
    const ended = log.waitFor(() => true, { timeoutMs: 1000, what: 'a hit', signal: abort.signal });
    mock.timers.tick(30);
    abort.abort();
    assert.deepEqual(await ended, { kind: 'timeout', waitedMs: 30, detail: 'no a hit came within 30 ms (ended early)' });
  });
});
