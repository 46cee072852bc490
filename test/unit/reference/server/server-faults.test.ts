import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { validatePackage2 } from '../../../../src/protocol/commands/validate-package2.js';
import { checkPackage2Response } from '../../../../src/protocol/http/package-requests.js';
import { compileSchema } from '../../../../src/protocol/json-schema.js';
import { decodeNotification } from '../../../../src/protocol/notification/decode.js';
import { NotificationDeduplicator } from '../../../../src/protocol/notification/deduplicator.js';
import { allFaults, faultsOfRole, selectFaults, serverFaults, UnknownFaultError } from '../../../../src/reference/faults/index.js';
import { faultSchema, type Fault } from '../../../../src/reference/faults/schemas/fault.schema.js';
import {
  AUTH_DATA,
  CLIENT_INITIATED,
  DEV_ID,
  SECRET,
  handlerErrors,
  interceptor,
  json,
  package3,
  useReferenceServer,
  type InProcessServer,
} from './in-process.js';
import { brokenItems } from '../faults/broken-items.js';
import { securityProofs } from './security-fault-proofs.js';
import { itemsHoldingRules, loadEdition } from '../../../../src/scr/index.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const NOW = new Date('2026-11-25T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const EXEC_NODE = 'urn:oma:mo:oma-dcmo:1.0/camera/Operations/Disable';

/** Sends a notification through the admin API and decodes it the way a client would. */
async function notifyAndDecode(rs: InProcessServer, request: object = {}) {
  const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'print' }, ...request });
  assert.equal(sent.status, 200, JSON.stringify(sent.json));
  const hex = (sent.json as { hex: string }).hex;
  return decodeNotification(Buffer.from(hex, 'hex'), { secret: SECRET, authData: AUTH_DATA, now: NOW_SECONDS });
}

const rulesOf = (violations: readonly { rule: string }[]) => [...new Set(violations.map((v) => v.rule))];

/** The first Package#2 after queueing `command` (with the faults on), as JSON. */
async function firstPackage2(rs: InProcessServer, command: string[]): Promise<{ CMD: unknown[][] }> {
  await rs.queue(command);
  return (await json(await rs.dm({ Alert: [CLIENT_INITIATED] }))) as { CMD: unknown[][] };
}

function server(fault: string): InProcessServer {
  return useReferenceServer({ faults: [fault], clock: () => NOW });
}

/**
 * One proof per server fault switch: the protocol's validators (or the HTTP answer, for the
 * behavioural ones) show exactly the break the switch names, while the conformant server shows none.
 */
const proofs: Record<string, () => Promise<void>> = {
  async 'flow-no-package2'() {
    const rs = server('flow-no-package2');
    for (const node of ['urn:oma:mo:x:1.0/a/b', 'urn:oma:mo:x:1.0/a/c', 'urn:oma:mo:x:1.0/a/d']) {
      await rs.admin('POST', `/devices/${DEV_ID}/package2`, { CMD: [['DELETE', node]] });
    }
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] })).status, 200);
    assert.equal((await rs.dm(...package3([404]))).status, 200);
    assert.equal((await rs.dm(...package3([404]))).status, 200);
    const third = await rs.dm(...package3([404]));
    assert.equal(third.status, 204);
    assert.equal(await third.text(), '');
  },
  async 'notify-options-out-of-order'() {
    const decoded = await notifyAndDecode(server('notify-options-out-of-order'));
    assert.deepEqual(rulesOf(decoded.violations), ['notification-option-order']);
  },
  async 'notify-wrong-ver'() {
    const decoded = await notifyAndDecode(server('notify-wrong-ver'));
    assert.deepEqual(rulesOf(decoded.violations), ['notification-version']);
  },
  async 'notify-oc-mismatch'() {
    const decoded = await notifyAndDecode(server('notify-oc-mismatch'));
    assert.deepEqual(rulesOf(decoded.violations), ['notification-option-count-high']);
  },
  async 'notify-missing-server-id'() {
    const decoded = await notifyAndDecode(server('notify-missing-server-id'), { serverId: 'dms1' });
    assert.deepEqual(decoded.violations, []);
    assert.equal(decoded.notification?.options.serverId, undefined);
  },
  async 'notify-bad-con-type'() {
    const decoded = await notifyAndDecode(server('notify-bad-con-type'), { conTypes: [2, 0] });
    assert.deepEqual(rulesOf(decoded.violations), ['notification-con-type-any-not-last']);
    assert.deepEqual(decoded.notification?.options.preferredConTypes, [0, 2]);
  },
  async 'notify-repeated-id'() {
    const rs = server('notify-repeated-id');
    const dedup = new NotificationDeduplicator();
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const decoded = await notifyAndDecode(rs);
      assert.deepEqual(decoded.violations, []);
      outcomes.push(dedup.observe(decoded.notification?.options ?? {}));
    }
    assert.deepEqual(outcomes, ['new', 'duplicate', 'duplicate']);
  },
  async 'notify-bad-digest'() {
    const decoded = await notifyAndDecode(server('notify-bad-digest'));
    assert.deepEqual(rulesOf(decoded.violations), ['notification-digest-mismatch']);
    assert.deepEqual(decoded.digest, { present: true, verified: false });
  },
  async 'notify-stale-timestamp'() {
    const decoded = await notifyAndDecode(server('notify-stale-timestamp'));
    assert.deepEqual(rulesOf(decoded.violations), ['notification-timestamp-stale']);
    assert.equal(decoded.notification?.options.timestamp, NOW_SECONDS - 86400);
  },
  async 'notify-ignore-req-mos'() {
    const decoded = await notifyAndDecode(server('notify-ignore-req-mos'), { reqMos: true });
    assert.deepEqual(decoded.violations, []);
    assert.equal(decoded.notification?.options.reqMos, false);
  },
  async 'package1-rejected-without-mos'() {
    const rs = server('package1-rejected-without-mos');
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] })).status, 400);
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED], MOS: [] })).status, 200);
  },
  async 'package2-wrong-content-type'() {
    const response = await server('package2-wrong-content-type').dm({ Alert: [CLIENT_INITIATED] });
    const body = await response.text();
    const checked = checkPackage2Response({ status: response.status, headers: response.headers, body });
    assert.deepEqual(rulesOf(checked.violations), ['http-content-type']);
  },
  async 'package2-non-string-param'() {
    const pkg = await firstPackage2(server('package2-non-string-param'), ['DELETE', 'urn:oma:mo:x:1.0/a/']);
    assert.deepEqual(pkg.CMD, [['DELETE', ['urn:oma:mo:x:1.0/a/']]]);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-not-string']);
  },
  async 'expects-package3-after-end'() {
    const rs = server('expects-package3-after-end');
    assert.deepEqual(await json(await rs.dm({ Alert: [CLIENT_INITIATED] })), { CMD: [['END']] });
    const next = await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal(next.status, 409);
    assert.match(String((await json(next))['detail']), /session still open/);
  },
  async 'hget-missing-server-uri'() {
    const rs = server('hget-missing-server-uri');
    const bare = await firstPackage2(rs, ['HGET', '{{repo}}/x']);
    assert.deepEqual(bare.CMD, [['HGET']]);
    assert.deepEqual(rulesOf(validatePackage2(bare)), ['command-param-count']);
    await rs.dm(...package3([400]));
    // With a ClientURI the ClientURI takes the ServerURI's place: the client cannot fetch a urn.
    const withClientUri = await firstPackage2(rs, ['HGET', '{{repo}}/x', 'urn:oma:mo:x:1.0/a/']);
    assert.deepEqual(withClientUri.CMD, [['HGET', 'urn:oma:mo:x:1.0/a/']]);
  },
  async 'hput-no-client-uri'() {
    const pkg = await firstPackage2(server('hput-no-client-uri'), ['HPUT', '{{repo}}/up', 'urn:oma:mo:x:1.0/a/']);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'hpost-no-client-uri'() {
    const pkg = await firstPackage2(server('hpost-no-client-uri'), ['HPOST', '{{repo}}/up', 'urn:oma:mo:x:1.0/a/']);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'delete-extra-param'() {
    const pkg = await firstPackage2(server('delete-extra-param'), ['DELETE', 'urn:oma:mo:x:1.0/a/']);
    assert.deepEqual(pkg.CMD, [['DELETE', 'urn:oma:mo:x:1.0/a/', 'urn:oma:mo:x:1.0/a/']]);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'exec-no-client-uri'() {
    const pkg = await firstPackage2(server('exec-no-client-uri'), ['EXEC', EXEC_NODE]);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'get-no-client-uri'() {
    const pkg = await firstPackage2(server('get-no-client-uri'), ['GET', 'urn:oma:mo:x:1.0/a/b']);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'show-no-server-uri'() {
    const pkg = await firstPackage2(server('show-no-server-uri'), ['SHOW', '{{web}}/page']);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'cont-no-server-uri'() {
    const pkg = await firstPackage2(server('cont-no-server-uri'), ['CONT']);
    assert.deepEqual(pkg.CMD, [['CONT']]);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'cont-uri-rejected'() {
    const rs = server('cont-uri-rejected');
    const pkg = await firstPackage2(rs, ['CONT']);
    assert.deepEqual(validatePackage2(pkg), []);
    const path = new URL(String(pkg.CMD[0]?.[1])).pathname;
    assert.equal((await rs.dm(...package3([200], { path }))).status, 404);
  },
  async 'session-never-ended'() {
    const rs = server('session-never-ended');
    const pkg = (await json(await rs.dm({ Alert: [CLIENT_INITIATED] }))) as { CMD: unknown[][] };
    assert.deepEqual(pkg, { CMD: [] });
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['package2-cmd-empty']);
    assert.deepEqual(await json(await rs.dm(...package3([]))), { CMD: [] });
  },
  async 'default-no-moid'() {
    const pkg = await firstPackage2(server('default-no-moid'), ['DEFAULT', '{{repo}}/fallback', 'urn:oma:mo:oma-scomo:1.0']);
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-param-count']);
  },
  async 'status-for-generic-alert'() {
    const rs = server('status-for-generic-alert');
    const plain = (await json(await rs.dm({ Alert: [CLIENT_INITIATED] }))) as { CMD: unknown[][] };
    assert.deepEqual(plain, { CMD: [['END']] }, 'the session alert alone gets nothing');
    const pkg = (await json(await rs.dm({ Alert: [CLIENT_INITIATED, { AlertType: 'urn:oma:at:x:1.0:Y' }] }))) as { CMD: unknown[][] };
    assert.deepEqual(pkg, { CMD: [['STATUS', '200'], ['END']] });
    assert.deepEqual(rulesOf(validatePackage2(pkg)), ['command-unknown']);
  },
  async 'sync-status-rejected'() {
    const rs = server('sync-status-rejected');
    await firstPackage2(rs, ['EXEC', EXEC_NODE]);
    assert.equal((await rs.dm(...package3([200]))).status, 400);
  },
  async 'async-alert-rejected'() {
    const rs = server('async-alert-rejected');
    const exec = await rs.queue(['EXEC', EXEC_NODE, '{{async}}']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal((await rs.dm(...package3([202]))).status, 200);
    const result = { AlertType: 'urn:oma:at:dcmo:1.0:OperationComplete', SourceURI: EXEC_NODE };
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED, result] }, { path: `/dm/async/${exec}` })).status, 400);
    assert.equal((await rs.received()).commands.find((c) => c.id === exec)?.state, 'accepted');
  },
  async 'async-accepted-rejected'() {
    const rs = server('async-accepted-rejected');
    await firstPackage2(rs, ['EXEC', EXEC_NODE, '{{async}}']);
    assert.equal((await rs.dm(...package3([202]))).status, 400);
    const other = server('async-accepted-rejected');
    await firstPackage2(other, ['EXEC', EXEC_NODE]);
    assert.equal((await other.dm(...package3([200]))).status, 200, 'a final status is still taken');
  },
  async 'package3-connection-closed'() {
    const rs = server('package3-connection-closed');
    assert.deepEqual(
      await firstPackage2(rs, ['DELETE', 'urn:oma:mo:x:1.0/a/b']),
      { CMD: [['DELETE', 'urn:oma:mo:x:1.0/a/b']] },
      'the Package#1 is answered',
    );
    await assert.rejects(rs.dm(...package3([404])), 'the Package#3 gets a dropped connection, no answer');
    assert.equal((await rs.received()).packages.at(-1)?.kind, 'package3', 'the Package#3 was read in full');
  },
  async 'package1-empty-cmd'() {
    const rs = server('package1-empty-cmd');
    assert.deepEqual(await firstPackage2(rs, ['DELETE', 'urn:oma:mo:x:1.0/a/b']), { CMD: [] });
    assert.deepEqual(
      await json(await rs.dm(...package3([]))),
      { CMD: [['DELETE', 'urn:oma:mo:x:1.0/a/b']] },
      'the queued command waits for the Package#3',
    );
    assert.deepEqual(await json(await rs.dm(...package3([404]))), { CMD: [] }, 'with nothing left: an empty CMD again, no END');
  },
  async 'status-member-for-alerts'() {
    const rs = server('status-member-for-alerts');
    assert.deepEqual(await json(await rs.dm({ Alert: [CLIENT_INITIATED] })), { CMD: [['END']] }, 'the session alert alone gets nothing');
    const pkg = await json(
      await rs.dm({ Alert: [CLIENT_INITIATED, { AlertType: 'urn:oma:at:x:1.0:Y' }, { AlertType: 'urn:oma:at:x:1.0:Z' }] }),
    );
    assert.deepEqual(pkg, { CMD: [['END']], Status: [{ sc: 200 }, { sc: 200 }] });
    assert.deepEqual(
      rulesOf(
        checkPackage2Response({
          status: 200,
          headers: new Headers({ 'content-type': 'application/vnd.oma.dm.request+json' }),
          body: JSON.stringify(pkg),
        }).violations,
      ),
      ['unknown-member'],
    );
  },
  ...securityProofs,
};

describe('server fault switches: each shows exactly the break it names', () => {
  test('every server fault switch has a proof here, and every proof a switch', () => {
    assert.deepEqual(Object.keys(proofs).sort(), serverFaults.map((f) => f.name).sort());
  });
  for (const [name, proof] of Object.entries(proofs)) test(name, proof);

  test('the conformant server shows none of these breaks', async () => {
    const rs = useReferenceServer({ clock: () => NOW });
    const decoded = await notifyAndDecode(rs, { conTypes: [2, 0], reqMos: true });
    assert.deepEqual(decoded.violations, []);
    await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    await rs.queue(['CONT']);
    const response = await rs.dm({ Alert: [CLIENT_INITIATED, { AlertType: 'urn:oma:at:x:1.0:Y' }], MOS: [] });
    const body = await response.text();
    const checked = checkPackage2Response({ status: response.status, headers: response.headers, body });
    assert.deepEqual(checked.violations, []);
  });
});

describe('fault registry', () => {
  const validate = compileSchema<Fault>(faultSchema);

  test('every fault of both peers matches the fault schema; names are unique', () => {
    for (const fault of allFaults) assert.deepEqual(validate(fault), { ok: true, value: fault }, fault.name);
    assert.equal(new Set(allFaults.map((f) => f.name)).size, allFaults.length);
  });

  test('server faults break rules of server items of the seed table, and cover every item 001–026', () => {
    const items = new Set<string>(serverFaults.flatMap((f) => brokenItems(f)));
    for (const fault of serverFaults) {
      // The transport-security rules (§9.2) have items only in the approved 2016 tables (DM-SEC).
      // A rule may be held by several items (PSK-TLS: the mode item and the X.509-or-PSK item).
      if (fault.breaks.startsWith('9.2')) {
        const held = itemsHoldingRules(loadEdition('dm20-2016'), 'server', [fault.breaks]);
        assert.ok(held.length > 0, fault.name);
        for (const item of held) assert.match(item, /^DM-SEC-0\d\d-S-[MO]$/, fault.name);
      } else assert.match(brokenItems(fault).join(), /^DM-PACK-0(0[1-9]|1\d|2[0-6])-S-M$/, fault.name);
    }
    for (let n = 1; n <= 26; n++) assert.ok(items.has(`DM-PACK-${String(n).padStart(3, '0')}-S-M`), `item ${n} has no mutant`);
  });

  test('expect.message is a valid RegExp source', () => {
    for (const fault of allFaults) assert.doesNotThrow(() => new RegExp(fault.expect.message, 'i'), fault.name);
  });

  test('selectFaults turns switches on by name and refuses unknown or other-role names', () => {
    const set = selectFaults(['cont-uri-rejected', 'notify-wrong-ver'], 'server');
    assert.equal(set.has('cont-uri-rejected'), true);
    assert.equal(set.has('notify-bad-digest'), false);
    assert.deepEqual(set.names, ['cont-uri-rejected', 'notify-wrong-ver']);
    const clientName = faultsOfRole('client')[0]?.name ?? 'no-client-fault';
    assert.throws(
      () => selectFaults(['nope', clientName], 'server'),
      (error: unknown) => {
        assert.ok(error instanceof UnknownFaultError);
        assert.deepEqual(error.unknown, ['nope', clientName]);
        assert.match(error.message, /^unknown server faults "nope", ".*"; known: flow-no-package2, /);
        return true;
      },
    );
  });
});
