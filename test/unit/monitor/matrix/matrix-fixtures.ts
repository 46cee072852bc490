/** Helpers of the matrix unit tests: peers from the reference claims, and a monitor that replays a capture. */
import { judgeExchanges, readCapture, type Exchange, type RelayedNotification } from '../../../../src/monitor/index.js';
import { loadPeers, type ClaimedPeer, type PairMonitor, type PairResult, type PullTrigger } from '../../../../src/monitor/matrix/index.js';
import { capturePath } from '../judge-fixtures.js';

const [clientPeer] = loadPeers(['fixtures/claims/dm20-2016/client.json'], 'client');
const [serverPeer] = loadPeers(['fixtures/claims/dm20-2016/server.json'], 'server');

/**
 * A peer of the reference claims under another name (and digest, so that the two stay apart).
 * `without` drops a way to start a session: the server's notify trigger, the client's sessionWith
 * trigger or its notification address.
 */
export function peer(role: 'client' | 'server', name: string, without: ('notify' | 'sessionWith' | 'notification')[] = []): ClaimedPeer {
  const base = role === 'client' ? clientPeer : serverPeer;
  if (!base) throw new Error('the reference claims did not load');
  const claims = structuredClone(base.claims);
  if (without.includes('notify')) delete claims.server?.triggers?.notify;
  if (without.includes('sessionWith')) delete claims.client?.sessionWith;
  if (without.includes('notification')) delete claims.client?.notification;
  return { ...base, claims, name, sha256: (name.length.toString(16) + base.sha256).slice(0, 64) };
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

/**
 * A fake monitor that sees nothing until `arrive` plays a capture into it (as a notified client's
 * session would come), telling the pair's traffic listener; `datagram` adds a relayed Package#0.
 */
export class ScriptedMonitor extends ReplayMonitor {
  readonly notificationPort = 40000;
  private readonly seen: Exchange[];
  private readonly relayed: RelayedNotification[] = [];
  constructor(private readonly onTraffic: (() => void) | undefined) {
    const seen: Exchange[] = [];
    super(seen);
    this.seen = seen;
  }
  arrive(exchanges: readonly Exchange[]): void {
    this.relayed.push({ index: this.relayed.length + 1, time: new Date().toISOString(), bytes: new Uint8Array(1), size: 1 });
    const offset = this.seen.length;
    this.seen.push(...exchanges.map((e) => ({ ...e, index: e.index + offset })));
    this.onTraffic?.();
  }
  datagrams(): readonly RelayedNotification[] {
    return this.relayed;
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

type SideVerdictName = PairResult['verdicts']['client']['verdict'];

/** A pair result with these side verdicts (2 passed; a non-conformant side 1 failed, an incomplete one 5 open). */
export function pairResult(client: string, server: string, verdicts: [SideVerdictName, SideVerdictName], problem?: string): PairResult {
  const side = (verdict: SideVerdictName) => ({
    verdict,
    passed: 2,
    failed: verdict === 'non-conformant' ? 1 : 0,
    open: verdict === 'incomplete' ? 5 : 0,
    reason: `${verdict} because`,
  });
  return {
    client,
    server,
    clientSha256: '0'.repeat(64),
    serverSha256: '0'.repeat(64),
    folder: `pairs/${client}__${server}`,
    startTime: '2026-12-08T00:00:00.000Z',
    durationMs: 10,
    exchanges: 2,
    sessions: 1,
    initiations: [{ by: 'client', started: true }],
    ...(problem === undefined ? {} : { problem }),
    verdicts: { client: side(verdicts[0]), server: side(verdicts[1]) },
  };
}
