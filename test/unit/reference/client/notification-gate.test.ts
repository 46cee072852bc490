import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NotificationDeduplicator } from '../../../../src/protocol/notification/deduplicator.js';
import { encodeNotification } from '../../../../src/protocol/notification/encode.js';
import { encodeRawNotification, type RawNotificationSpec } from '../../../../src/protocol/notification/raw.js';
import type { NotificationInput } from '../../../../src/protocol/notification/schemas/notification-input.schema.js';
import { selectFaults } from '../../../../src/reference/faults/index.js';
import type { ClientFaultName } from '../../../../src/reference/faults/client-faults.js';
import { DEFAULT_CONNECTIVITY, type Connectivity } from '../../../../src/reference/client/connection.js';
import type { DmAccount } from '../../../../src/reference/client/dm-account.js';
import { NOTIFICATION_DROP_REASONS, judgeNotification, type GateDecision } from '../../../../src/reference/client/notification-gate.js';

const NOW = 1_800_000_000;
const SERVER = 'dms1';
const SECRET = 's3cr3t';
const AUTH_DATA = 'nonce';
const ACCOUNT: DmAccount = {
  miid: 'dms1',
  serverId: SERVER,
  serverUri: 'http://dm.test/dm',
  permittedMoids: ['*'],
  notification: { secret: SECRET, authData: AUTH_DATA },
};

interface Judge {
  faults?: ClientFaultName[];
  accounts?: DmAccount[];
  connectivity?: Connectivity;
  deduplicator?: NotificationDeduplicator;
}

function judge(bytes: Uint8Array, options: Judge = {}): GateDecision {
  return judgeNotification(bytes, {
    accounts: options.accounts ?? [ACCOUNT],
    deduplicator: options.deduplicator ?? new NotificationDeduplicator(),
    connectivity: options.connectivity ?? DEFAULT_CONNECTIVITY,
    faults: selectFaults<ClientFaultName>(options.faults ?? [], 'client'),
    now: NOW,
  });
}

function signed(input: NotificationInput): Uint8Array {
  return encodeNotification({ serverId: SERVER, digest: true, timestamp: NOW, ...input }, { secret: SECRET, authData: AUTH_DATA });
}

const enc = new TextEncoder();
const u16 = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
const u32 = (n: number) => new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** A notification built field by field: SERVER-ID, NOTIFICATION-ID 5, TIMESTAMP now, REQ-MOS; then the overrides. */
function raw(overrides: Partial<RawNotificationSpec> = {}): Uint8Array {
  return encodeRawNotification({
    options: [{ number: 1, value: enc.encode(SERVER) }, { number: 3, value: u16(5) }, { number: 5, value: u32(NOW) }, { number: 6 }],
    ...overrides,
  });
}

function reasonOf(decision: GateDecision): string {
  return decision.accept ? 'accepted' : decision.reason;
}

describe('notification gate: valid notifications open a session (5.2.1)', () => {
  it('all six options, digest signed: accepted with the account, REQ-MOS and the preferred bearer', () => {
    const decision = judge(signed({ notificationId: 42, reqMos: true, preferredConTypes: ['WIRELINE', 'ANY_AVAILABLE'] }));
    assert.ok(decision.accept, reasonOf(decision));
    assert.equal(decision.account.serverId, SERVER);
    assert.equal(decision.notification.options.reqMos, true);
    assert.equal(decision.notification.options.notificationId, 42);
    assert.equal(decision.bearer, 'WIRELINE');
    assert.deepEqual(decision.overriddenBy, []);
  });
  it('no SERVER-ID is fine when the client has a single account', () => {
    assert.equal(reasonOf(judge(encodeNotification({ notificationId: 1 }))), 'accepted');
  });
  it('no digest while credentials are provisioned: accepted (§5.2.1.2 reading)', () => {
    assert.equal(reasonOf(judge(encodeNotification({ serverId: SERVER }))), 'accepted');
  });
  it("PREFERRED-CON-TYPE: the first available bearer; ANY_AVAILABLE = the device's own; none available → dropped", () => {
    const noWlan: Connectivity = { available: ['CELLULAR'], defaultBearer: 'CELLULAR' };
    const wlanThenAny = judge(signed({ preferredConTypes: ['WLAN', 'ANY_AVAILABLE'] }), { connectivity: noWlan });
    assert.ok(wlanThenAny.accept && wlanThenAny.bearer === 'CELLULAR');
    assert.equal(reasonOf(judge(signed({ preferredConTypes: ['WLAN'] }), { connectivity: noWlan })), 'no-preferred-connection');
    const noOption = judge(signed({}));
    assert.ok(noOption.accept && noOption.bearer === DEFAULT_CONNECTIVITY.defaultBearer);
  });
});

describe('notification gate: broken notifications are dropped with their reason (5.2.1.1, 5.2.1.2, 7.1.1, 9.1)', () => {
  const cases: [string, Uint8Array, string, ClientFaultName | undefined][] = [
    ['VER 1', raw({ version: 1 }), 'version', 'accept-wrong-ver'],
    ['OC one too many', raw({ optionCount: 5 }), 'option-count', 'accept-oc-mismatch'],
    ['OC one too few', raw({ optionCount: 3 }), 'option-count', 'accept-oc-mismatch'],
    ['unknown SERVER-ID', signed({ serverId: 'someone-else' }), 'unknown-server-id', 'ignore-server-id'],
    [
      'digest over the wrong bytes',
      encodeRawNotification({
        options: [
          { number: 1, value: enc.encode(SERVER) },
          { number: 4, digest: true },
        ],
        digest: { secret: SECRET, authData: AUTH_DATA, mistake: 'without-auth-data' },
      }),
      'digest-mismatch',
      'accept-bad-digest',
    ],
    ['TIMESTAMP a day old', signed({ timestamp: NOW - 86_400 }), 'stale-timestamp', 'accept-stale-timestamp'],
    ['TIMESTAMP an hour ahead', signed({ timestamp: NOW + 3_600 }), 'stale-timestamp', 'accept-stale-timestamp'],
    [
      'options out of order',
      raw({
        options: [
          { number: 3, value: u16(5) },
          { number: 1, value: enc.encode(SERVER) },
        ],
      }),
      'malformed',
      undefined,
    ],
    ['truncated', raw().subarray(0, 7), 'malformed', undefined],
    ['one byte', new Uint8Array([0x20]), 'malformed', undefined],
  ];
  for (const [what, bytes, reason, fault] of cases) {
    it(`${what}: dropped (${reason})${fault ? `, accepted by ${fault} only` : ''}`, () => {
      assert.equal(reasonOf(judge(bytes)), reason);
      if (!fault) return;
      const overridden = judge(bytes, { faults: [fault] });
      assert.ok(overridden.accept, `${fault} lets it through`);
      assert.deepEqual(overridden.overriddenBy, [fault]);
      const otherFaults = (
        ['accept-wrong-ver', 'accept-oc-mismatch', 'ignore-server-id', 'accept-bad-digest', 'accept-stale-timestamp'] as const
      ).filter((f) => f !== fault);
      assert.equal(reasonOf(judge(bytes, { faults: [...otherFaults] })), reason, 'no other switch lets it through');
    });
  }

  it('a digest the client cannot check (no secret provisioned) is ignored', () => {
    const { notification: _dropped, ...bare } = ACCOUNT;
    assert.equal(reasonOf(judge(signed({}), { accounts: [bare] })), 'digest-without-secret');
  });

  it('no SERVER-ID with two accounts: the sender is unknown', () => {
    assert.equal(
      reasonOf(judge(encodeNotification({}), { accounts: [ACCOUNT, { ...ACCOUNT, miid: 'b', serverId: 'other' }] })),
      'no-server-id',
    );
  });

  it('duplicates (same NOTIFICATION-ID, same server) are dropped; the same id from another server is not a duplicate', () => {
    const deduplicator = new NotificationDeduplicator();
    const other: DmAccount = { miid: 'o', serverId: 'other', serverUri: 'http://dm.test/dm', permittedMoids: ['*'] };
    const accounts = [ACCOUNT, other];
    assert.equal(reasonOf(judge(signed({ notificationId: 9 }), { deduplicator, accounts })), 'accepted');
    assert.equal(reasonOf(judge(signed({ notificationId: 9 }), { deduplicator, accounts })), 'duplicate');
    assert.equal(reasonOf(judge(encodeNotification({ serverId: 'other', notificationId: 9 }), { deduplicator, accounts })), 'accepted');
    assert.equal(reasonOf(judge(signed({ notificationId: 10 }), { deduplicator, accounts })), 'accepted');
  });

  it('accept-duplicate lets the repeat through', () => {
    const deduplicator = new NotificationDeduplicator();
    const faults: ClientFaultName[] = ['accept-duplicate'];
    assert.equal(reasonOf(judge(signed({ notificationId: 9 }), { deduplicator, faults })), 'accepted');
    const again = judge(signed({ notificationId: 9 }), { deduplicator, faults });
    assert.ok(again.accept);
    assert.deepEqual(again.overriddenBy, ['accept-duplicate']);
  });

  it('ignore-con-type always calls back over the default bearer', () => {
    const decision = judge(signed({ preferredConTypes: ['WIRELINE'] }), { faults: ['ignore-con-type'] });
    assert.ok(decision.accept && decision.bearer === 'CELLULAR');
  });
});

describe('notification gate never throws on hostile bytes', () => {
  it('random bytes give a decision with a known reason (fast-check, seeded)', () => {
    const seed = 20261125;
    const known = new Set<string>([...NOTIFICATION_DROP_REASONS, 'accepted']);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decision = judge(bytes);
        return known.has(reasonOf(decision));
      }),
      {
        seed,
        numRuns: 500,
        verbose: true,
        reporter: (details) => {
          if (details.failed)
            throw new Error(
              `fast-check failed with seed ${seed}: ${details.counterexample ? JSON.stringify(details.counterexample) : details.errorInstance}`,
            );
        },
      },
    );
  });
});
