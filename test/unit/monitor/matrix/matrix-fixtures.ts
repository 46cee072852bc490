/** Helpers of the matrix unit tests: peers from the reference claims, and a monitor that replays a capture. */
import { judgeExchanges, readCapture, type Exchange } from '../../../../src/monitor/index.js';
import { loadPeers, type ClaimedPeer, type PairMonitor, type PullTrigger } from '../../../../src/monitor/matrix/index.js';
import { capturePath } from '../judge-fixtures.js';

const [clientPeer] = loadPeers(['fixtures/claims/dm20-2016/client.json'], 'client');
const [serverPeer] = loadPeers(['fixtures/claims/dm20-2016/server.json'], 'server');

/** A peer of the reference claims under another name (and digest, so that the two stay apart). */
export function peer(role: 'client' | 'server', name: string): ClaimedPeer {
  const base = role === 'client' ? clientPeer : serverPeer;
  if (!base) throw new Error('the reference claims did not load');
  return { ...base, name, sha256: (name.length.toString(16) + base.sha256).slice(0, 64) };
}

/** A fake monitor replaying the exchanges of a capture under test/unit/monitor/data/; records what it was asked. */
export class ReplayMonitor implements PairMonitor {
  readonly url = new URL('http://127.0.0.1:9/dm');
  closed = false;
  constructor(private readonly replay: readonly Exchange[]) {}
  exchanges(): readonly Exchange[] {
    return this.replay;
  }
  judgement() {
    return judgeExchanges(this.replay);
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** The exchanges of a capture of test/unit/monitor/data/. */
export function captured(name: string): Promise<Exchange[]> {
  return readCapture(capturePath(name));
}

/** A trigger that answers at once, saying the session is over; records the values it got. */
export function sessionDoneTrigger(calls: Record<string, unknown>[] = []): PullTrigger {
  return (_trigger, values) => {
    calls.push({ ...values });
    return Promise.resolve({ ok: true, detail: 'fake', sessionDone: true });
  };
}
