import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { encodeNotification } from '../../../../src/protocol/notification/encode.js';
import { encodeRawNotification } from '../../../../src/protocol/notification/raw.js';
import type { NotificationInput } from '../../../../src/protocol/notification/schemas/notification-input.schema.js';
import { parseMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { ALERT_TYPES, extractNotificationId } from '../../../../src/protocol/packages/generic-alert.js';
import { parsePackage1 } from '../../../../src/protocol/packages/package1.js';
import type { Package2 } from '../../../../src/protocol/schemas/package2.schema.js';
import type { GenericAlert } from '../../../../src/protocol/schemas/generic-alert.schema.js';
import type { Violation } from '../../../../src/protocol/violation.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { clientFaults, type ClientFaultName } from '../../../../src/reference/faults/client-faults.js';
import { MOIDS, ReferenceClient } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, REPO, WEB, settled } from './mock-dm-server.js';
import { brokenItems } from '../faults/broken-items.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const NOW = 1_800_000_000;
const SERVER_ID = 'dms1';
const SECRET = 's3cr3t';
const AUTH_DATA = 'nonce';
const SAMPLE = `${MOIDS.sample}/s1`;
const item = (n: string): string => `DM-PACK-${n}`;

/** One thing a server-side check would report: the SCR item it judges and the message. */
interface Finding {
  item: string;
  message: string;
}

interface Exercise {
  /** Package#0s delivered one after the other, each session awaited. */
  notifications?: Uint8Array[];
  /** Open a client-initiated session (after the notifications). */
  session?: boolean;
  /** Package#2s the mock DM server answers with, in order (END afterwards). */
  package2s?: Package2[];
  /** Generic Alerts raised before the session. */
  alerts?: GenericAlert[];
  /** Repository content: name → text/plain body. */
  serve?: Record<string, string>;
}

interface Run {
  mock: MockDmServer;
  client: ReferenceClient;
}

async function exercise(faults: ClientFaultName[], plan: Exercise): Promise<Run> {
  const mock = new MockDmServer();
  server.resetHandlers(...mock.handlers());
  for (const [name, body] of Object.entries(plan.serve ?? {})) mock.serve(name, 'text/plain', body);
  mock.reply(...(plan.package2s ?? []));
  const client = new ReferenceClient({
    serverUrl: DM_URL,
    serverId: SERVER_ID,
    secret: SECRET,
    authData: AUTH_DATA,
    faults,
    clock: () => new Date(NOW * 1000),
    timings: { asyncExecDelayMs: 5 },
  });
  for (const alert of plan.alerts ?? []) client.raiseAlert(alert);
  for (const bytes of plan.notifications ?? []) {
    client.receiveNotification('http', bytes);
    await settled(client);
  }
  if (plan.session) await client.openSession('client').done;
  await settled(client);
  return { mock, client };
}

/** Seed items of the protocol validators' findings about Package#1/#3 (client table, 2013 numbering). */
function itemOfViolation(violation: Violation, packageNumber: 1 | 3): string {
  if (violation.pointer?.startsWith('/Alert')) return item('024-C-M');
  switch (violation.rule) {
    case 'status-async-not-exec':
      return item('025-C-M');
    case 'exec-async-required':
      return item('026-C-M');
    case 'get-data-missing':
      return item('019-C-O');
    case 'package3-after-end':
      return item('022-C-M');
    default:
      return packageNumber === 1 ? item('011-C-M') : item('013-C-M');
  }
}

/** Every error the protocol validators find in the Package#1s and Package#3s the client sent. */
function validatorFindings({ mock, client }: Run): Finding[] {
  return mock.violations(client.devId).flatMap(({ exchange, violations }) => {
    const packageNumber = new TextDecoder().decode(exchange.body).includes('"Status"') ? 3 : 1;
    return violations.map((v) => ({ item: itemOfViolation(v, packageNumber), message: `${v.pointer ?? ''}: ${v.message} (${v.rule})` }));
  });
}

function package1s({ mock }: Run): { url: string; alerts: GenericAlert[]; hasMos: boolean }[] {
  return mock.dm
    .filter((exchange) => !new TextDecoder().decode(exchange.body).includes('"Status"'))
    .map((exchange) => {
      const pkg = parsePackage1(exchange.body).value;
      return { url: exchange.url, alerts: pkg?.Alert ?? [], hasMos: pkg?.MOS !== undefined };
    });
}

function leaf(client: ReferenceClient, uri: string): unknown {
  const found = resolveClientUriText(client.tree, uri);
  return found.ok ? found.locations[0]?.node.value : undefined;
}

function firstStatus(run: Run): number | undefined {
  const exchange = run.mock.dm.find((e) => new TextDecoder().decode(e.body).includes('"Status"'));
  if (!exchange) return undefined;
  const contentType = exchange.headers.get('content-type') ?? '';
  const json = contentType.startsWith('multipart/')
    ? parseMultipartPackage3(contentType, exchange.body).package3
    : (JSON.parse(new TextDecoder().decode(exchange.body)) as { Status: { sc: number }[] });
  return json?.Status[0]?.sc;
}

const enc = new TextEncoder();
const signed = (input: NotificationInput = {}) =>
  encodeNotification(
    { serverId: SERVER_ID, notificationId: 1, timestamp: NOW, digest: true, ...input },
    { secret: SECRET, authData: AUTH_DATA },
  );
const rawOptions = [
  { number: 1, value: enc.encode(SERVER_ID) },
  { number: 3, value: new Uint8Array([0, 2]) },
];

/** A session is a finding when the notification that opened it had to be dropped. */
function sessionOpened(message: string, n: string): (run: Run) => Finding[] {
  return (run) => (package1s(run).length > 0 ? [{ item: item(n), message }] : []);
}

interface Probe {
  plan: Exercise;
  /** What a server-side scenario for the item would observe besides the validators' findings. */
  observe?: (run: Run) => Finding[];
}

const PROBES: Record<ClientFaultName, Probe> = {
  'accept-wrong-ver': {
    plan: { notifications: [encodeRawNotification({ version: 1, options: rawOptions })] },
    observe: sessionOpened('a session was opened for a Package#0 with VER 1', '003-C-M'),
  },
  'accept-oc-mismatch': {
    plan: { notifications: [encodeRawNotification({ optionCount: 3, options: rawOptions })] },
    observe: sessionOpened('a session was opened for a Package#0 whose OC does not match its options', '004-C-M'),
  },
  'ignore-server-id': {
    plan: { notifications: [encodeNotification({ serverId: 'not-my-server' })] },
    observe: sessionOpened('a session was opened for SERVER-ID "not-my-server", which names no account', '005-C-M'),
  },
  'ignore-con-type': {
    plan: { notifications: [signed({ preferredConTypes: ['WIRELINE'] })], package2s: [{ CMD: [['GET', `${MOIDS.sessionInfo}//CBT`]] }] },
    observe: (run) => {
      const exchange = run.mock.dm[1];
      const contentType = exchange?.headers.get('content-type') ?? '';
      const part =
        exchange && contentType.startsWith('multipart/') ? parseMultipartPackage3(contentType, exchange.body).parts.get(0) : undefined;
      const cbt = part ? new TextDecoder().decode(part.body) : '(none)';
      return cbt === '3'
        ? []
        : [
            {
              item: item('006-C-M'),
              message: `not called back over the preferred connection, WIRELINE (available): SessionInfo/CBT is ${cbt}, not 3`,
            },
          ];
    },
  },
  'accept-duplicate': {
    plan: { notifications: [signed({ notificationId: 77 }), signed({ notificationId: 77 })] },
    observe: (run) =>
      package1s(run).length > 1
        ? [{ item: item('007-C-O'), message: 'a second session was opened for a duplicate NOTIFICATION-ID 77' }]
        : [],
  },
  'accept-bad-digest': {
    plan: {
      notifications: [
        encodeRawNotification({
          options: [...rawOptions, { number: 4, digest: true }],
          digest: { secret: SECRET, authData: AUTH_DATA, flipBit: 3 },
        }),
      ],
    },
    observe: sessionOpened('a session was opened although the SHA256-DIGEST does not verify', '008-C-O'),
  },
  'accept-stale-timestamp': {
    plan: { notifications: [signed({ timestamp: NOW - 86_400 })] },
    observe: sessionOpened('a session was opened for a TIMESTAMP one day old (stale)', '009-C-O'),
  },
  'no-mos-after-req-mos': {
    plan: { notifications: [signed({ reqMos: true })] },
    observe: (run) =>
      package1s(run).some((p) => !p.hasMos)
        ? [{ item: item('010-C-M'), message: 'Package#1 has no MOS array although the Package#0 carried REQ-MOS' }]
        : [],
  },
  'missing-devid': { plan: { session: true } },
  'wrong-devid': { plan: { session: true } },
  'package1-wrong-content-type': { plan: { session: true } },
  'wrong-session-alert': {
    plan: { notifications: [signed({ notificationId: 21 })] },
    observe: (run) => {
      const alert = package1s(run)[0]?.alerts[0];
      const ok = alert?.AlertType === ALERT_TYPES.serverInitiatedMgmt && extractNotificationId(alert)?.id === 21;
      return ok
        ? []
        : [
            {
              item: item('011-C-M'),
              message: `the session alert is ${alert?.AlertType ?? 'missing'}, expected ServerInitiatedMgmt carrying NOTIFICATION-ID 21`,
            },
          ];
    },
  },
  'commands-out-of-order': {
    plan: {
      session: true,
      serve: { a: 'A', b: 'B' },
      package2s: [
        {
          CMD: [
            ['HGET', `${REPO}/a`, `${SAMPLE}/Label`],
            ['HGET', `${REPO}/b`, `${SAMPLE}/Notes`],
          ],
        },
      ],
    },
    observe: (run) => {
      const order = run.mock.repo.map((r) => new URL(r.url).pathname).join(', ');
      return order === '/repo/a, /repo/b'
        ? []
        : [{ item: item('012-C-M'), message: `commands ran out of order: the repository saw ${order}` }];
    },
  },
  'skip-command': {
    plan: {
      session: true,
      package2s: [
        {
          CMD: [
            ['EXEC', `${SAMPLE}/Reboot`],
            ['EXEC', `${SAMPLE}/Reboot`],
          ],
        },
      ],
    },
    observe: (run) => {
      const count = leaf(run.client, `${SAMPLE}/BootCount`);
      return count === 2
        ? []
        : [{ item: item('012-C-M'), message: `command 1 was reported 200 but not run (BootCount ${String(count)}, expected 2)` }];
    },
  },
  'status-count-mismatch': {
    plan: {
      session: true,
      package2s: [
        {
          CMD: [
            ['EXEC', `${SAMPLE}/Reboot`],
            ['GET', `${MOIDS.devInfo}//Mod`],
          ],
        },
      ],
    },
  },
  'hget-no-fetch': {
    plan: { session: true, serve: { label: 'new label' }, package2s: [{ CMD: [['HGET', `${REPO}/label`, `${SAMPLE}/Label`]] }] },
    observe: (run) =>
      run.mock.repo.length === 0 && firstStatus(run) === 200
        ? [{ item: item('014-C-M'), message: 'HGET was reported 200 but the ServerURI was never fetched' }]
        : [],
  },
  'hput-wrong-method': {
    plan: { session: true, package2s: [{ CMD: [['HPUT', `${REPO}/up`, `${SAMPLE}/Label`]] }] },
    observe: (run) =>
      run.mock.repo
        .filter((r) => r.method !== 'PUT')
        .map((r) => ({ item: item('015-C-M'), message: `HPUT was sent with ${r.method}, not PUT` })),
  },
  'hpost-wrong-method': {
    plan: { session: true, package2s: [{ CMD: [['HPOST', `${REPO}/up`, `${SAMPLE}/Label`]] }] },
    observe: (run) =>
      run.mock.repo
        .filter((r) => r.method !== 'POST')
        .map((r) => ({ item: item('016-C-M'), message: `HPOST was sent with ${r.method}, not POST` })),
  },
  'wrong-status-code': {
    plan: { session: true, package2s: [{ CMD: [['DELETE', `${SAMPLE}/Label`]] }] },
    observe: (run) =>
      firstStatus(run) === 405
        ? []
        : [{ item: item('017-C-M'), message: `DELETE of the permanent node Label answered ${String(firstStatus(run))}, expected 405` }],
  },
  'exec-not-run': {
    plan: { session: true, package2s: [{ CMD: [['EXEC', `${SAMPLE}/Reboot`]] }] },
    observe: (run) =>
      leaf(run.client, `${SAMPLE}/BootCount`) === 1
        ? []
        : [{ item: item('018-C-M'), message: 'EXEC was reported 200 but the node did not run (BootCount unchanged)' }],
  },
  'get-no-data': { plan: { session: true, package2s: [{ CMD: [['GET', `${MOIDS.devInfo}//DevID`]] }] } },
  'show-not-opened': {
    plan: { session: true, package2s: [{ CMD: [['SHOW', `${WEB}/page`]] }] },
    observe: (run) =>
      run.mock.web.length === 1 ? [] : [{ item: item('020-C-O'), message: 'SHOW was reported 200 but the page was never requested' }],
  },
  'cont-ignored': {
    plan: { session: true, package2s: [{ CMD: [['CONT', `${DM_URL}/cont/t1`]] }] },
    observe: (run) => {
      const path = run.mock.dm[1] ? new URL(run.mock.dm[1].url).pathname : '(none)';
      return path === '/dm/cont/t1'
        ? []
        : [{ item: item('021-C-M'), message: `the Package#3 after CONT went to ${path}, not to the CONT URI` }];
    },
  },
  'package3-after-end': { plan: { session: true, package2s: [{ CMD: [['EXEC', `${SAMPLE}/Reboot`], ['END']] }] } },
  'default-not-remembered': { plan: { session: true, package2s: [{ CMD: [['DEFAULT', `${REPO}/installable`, MOIDS.installable]] }] } },
  'alert-data-without-datatype': {
    plan: { session: true, alerts: [{ AlertType: 'urn:dmct:at:test:1.0:Event', DataType: 'application/json', Data: { Level: 3 } }] },
  },
  'alert-bad-mark': { plan: { session: true, alerts: [{ AlertType: 'urn:dmct:at:test:1.0:Event', Mark: 'warning' }] } },
  'async-for-sync-command': { plan: { session: true, package2s: [{ CMD: [['DELETE', `${SAMPLE}/Items`]] }] } },
  'exec-200-instead-of-202': { plan: { session: true, package2s: [{ CMD: [['EXEC', `${SAMPLE}/Update`, `${DM_URL}/async/9`]] }] } },
  'no-alert-after-202': {
    plan: { session: true, package2s: [{ CMD: [['EXEC', `${SAMPLE}/Update`, `${DM_URL}/async/9`]] }] },
    observe: (run) =>
      package1s(run).some((p) => p.url === `${DM_URL}/async/9` && p.alerts.some((a) => a.SourceURI === `${SAMPLE}/Update`))
        ? []
        : [
            {
              item: item('026-C-M'),
              message: 'EXEC was answered 202 but no Generic Alert with its result (asynchronous reporting) ever came',
            },
          ],
  },
  'package1-then-stop': {
    plan: { session: true, serve: { label: 'new label' }, package2s: [{ CMD: [['HGET', `${REPO}/label`, `${SAMPLE}/Label`]] }] },
    observe: (run) => {
      const ran = run.mock.repo.length > 0;
      const answered = package3Count(run) > 0;
      return ran || answered
        ? []
        : [{ item: item('001-C-M'), message: 'after Package#1 the Package#2 was neither run nor answered with a Package#3' }];
    },
  },
  'no-package3': {
    plan: { session: true, serve: { label: 'new label' }, package2s: [{ CMD: [['HGET', `${REPO}/label`, `${SAMPLE}/Label`]] }] },
    observe: (run) =>
      package3Count(run) > 0
        ? []
        : [{ item: item('013-C-M'), message: `the Package#2 ran (${run.mock.repo.length} fetch) but no Package#3 answered it` }],
  },
  'hget-async': {
    plan: { session: true, serve: { label: 'new label' }, package2s: [{ CMD: [['HGET', `${REPO}/label`, `${SAMPLE}/Label`]] }] },
  },
  'crash-after-first-session': {
    plan: { notifications: [signed({ notificationId: 91 }), signed({ notificationId: 92 })] },
    observe: (run) =>
      package1s(run).length < 2
        ? [
            {
              item: item('002-C-O'),
              message: `no Package#1 came for the valid Package#0 after the first session (${package1s(run).length} in all)`,
            },
          ]
        : [],
  },
  'every-status-202': { plan: { session: true, package2s: [{ CMD: [['DELETE', `${SAMPLE}/NoSuchNode`]] }] } },
};

/** How many Package#3s reached the DM server. */
function package3Count({ mock }: Run): number {
  return mock.dm.filter((exchange) => new TextDecoder().decode(exchange.body).includes('"Status"')).length;
}

/** DEFAULT is only observable through a later local need for the MOID. */
async function defaultProbe(faults: ClientFaultName[]): Promise<Finding[]> {
  const run = await exercise(faults, PROBES['default-not-remembered'].plan);
  run.mock.serve(
    'installable',
    'application/dmmo+json',
    JSON.stringify([{ ClientURI: `${MOIDS.installable}//`, MOData: { thing: { On: true } } }]),
  );
  const need = await run.client.needMoid(MOIDS.installable);
  const findings = validatorFindings(run);
  if (!need.fetched)
    findings.push({
      item: item('023-C-O'),
      message: `DEFAULT was answered 200 but a later need for the MOID fetched nothing (${need.reason ?? ''})`,
    });
  return findings;
}

async function findings(fault: ClientFaultName, faults: ClientFaultName[]): Promise<Finding[]> {
  if (fault === 'default-not-remembered') return defaultProbe(faults);
  const probe = PROBES[fault];
  const run = await exercise(faults, probe.plan);
  return [...validatorFindings(run), ...(probe.observe?.(run) ?? [])];
}

describe('client fault switches: each is seen as exactly the violation it names', () => {
  it('every client fault switch has a probe', () => {
    assert.deepEqual(Object.keys(PROBES).sort(), clientFaults.map((fault) => fault.name).sort());
  });

  for (const fault of clientFaults) {
    it(`${fault.name} → ${fault.breaks}`, async () => {
      assert.deepEqual(await findings(fault.name, []), [], 'the conformant client passes the probe');
      const found = await findings(fault.name, [fault.name]);
      assert.ok(found.length > 0, `${fault.name} is detected`);
      const [item] = brokenItems(fault);
      for (const finding of found) {
        assert.equal(finding.item, item, `finding "${finding.message}" judges ${finding.item}, not ${item} (${fault.breaks})`);
        assert.match(finding.message, new RegExp(fault.expect.message, 'i'), 'the finding reads as the fault declares');
      }
    });
  }
});
