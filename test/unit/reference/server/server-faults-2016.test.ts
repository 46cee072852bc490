import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { validatePackage2 } from '../../../../src/protocol/commands/validate-package2.js';
import { parseAccept } from '../../../../src/protocol/http/accept.js';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { buildMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { serverFaults2016 } from '../../../../src/reference/faults/index.js';
import { WAP_PUSH } from '../../../../src/protocol/interpretations/notification.js';
import { decodeWapPushDatagram } from '../../../../src/protocol/notification/wap-push.js';
import { listenUdp } from '../../../../src/transport/udp.js';
import {
  AUTH_DATA,
  CLIENT_INITIATED,
  DEV_ID,
  handlerErrors,
  interceptor,
  json,
  SECRET,
  useReferenceServer,
  type InProcessServer,
} from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const NODE = 'urn:oma:mo:x:1.0//Data';
const EXTENDED = ['urn:oma:mo:x:1.0/*/Data/Name', 'urn:oma:mo:x:1.0/(x)/Data?nv=(x)/Data/Count:3', 'urn:oma:mo:x:1.0//Data?lv=1'];
const DEV_INFO = 'urn:oma:mo:oma-dm-devinfo:1.2//';

const rulesOf = (violations: readonly { rule: string; severity: string }[]) => [
  ...new Set(violations.filter((v) => v.severity === 'error').map((v) => v.rule)),
];

/** The first Package#2 after queueing `commands`, as JSON, with the response. */
async function firstPackage2(
  rs: InProcessServer,
  ...commands: string[][]
): Promise<{ response: Response; package2: { CMD: unknown[][] } }> {
  for (const command of commands) await rs.queue(command);
  const response = await rs.dm({ Alert: [CLIENT_INITIATED] });
  return { response, package2: (await json(response)) as { CMD: unknown[][] } };
}

/** The Package#3 answering one GET with 200 and its MO data at `clientUri`. */
function getReport(clientUri: string) {
  return buildMultipartPackage3({ Status: [{ sc: 200 }] }, [
    { index: 0, mediaType: MEDIA_TYPES.moData, body: JSON.stringify([{ ClientURI: clientUri, MOData: { DevInfo: { DevID: 'IMEI:1' } } }]) },
  ]);
}

const server = (fault?: string) => useReferenceServer(fault === undefined ? {} : { faults: [fault] });

/**
 * The answer to a Package#3 carrying the GET data of a whole instance at `root` (the switch's MO)
 * and, before it, of one leaf below it, which the switch must still read.
 */
async function refusesWholeInstance(fault: string, root: string): Promise<void> {
  const rs = server(fault);
  const leafUri = `${root}Name`;
  await firstPackage2(rs, ['GET', leafUri]);
  const leaf = getReport(leafUri);
  assert.equal((await rs.dm(undefined, { raw: leaf.body, contentType: leaf.contentType })).status, 200, 'a leaf is still read');
  await rs.queue(['GET', root]);
  await rs.dm({ Alert: [CLIENT_INITIATED] });
  const whole = getReport(root);
  assert.equal((await rs.dm(undefined, { raw: whole.body, contentType: whole.contentType })).status, 400);
  const clean = server();
  await firstPackage2(clean, ['GET', root]);
  assert.equal((await clean.dm(undefined, { raw: whole.body, contentType: whole.contentType })).status, 200, 'the clean server reads it');
}

/** The X-Wap-Application-Id of the WAP Push datagram a server (with `faults`) sends a device. */
async function wapApplicationId(faults: string[]): Promise<number | string | undefined> {
  const listener = await listenUdp();
  try {
    const rs = useReferenceServer({ faults });
    await rs.admin('POST', '/devices', {
      devId: DEV_ID,
      secret: SECRET,
      authData: AUTH_DATA,
      notify: { transport: 'udp', port: listener.port },
    });
    assert.equal((await rs.admin('POST', `/devices/${DEV_ID}/notify`, {})).status, 200);
    const wait = await listener.waitForDatagram(undefined, 5000);
    assert.equal(wait.kind, 'datagram');
    return wait.kind === 'datagram' ? decodeWapPushDatagram(wait.datagram.bytes).applicationId : undefined;
  } finally {
    await listener.close();
  }
}

/** The ServerURI a server with `fault` sends for a queued HPUT to `uri`. */
async function sentServerUri(fault: string, uri: string): Promise<unknown> {
  const { package2 } = await firstPackage2(server(fault), ['HPUT', uri, NODE]);
  return package2.CMD[0]?.[1];
}

const PLACEHOLDERS = ['MNC', 'MCC', 'CMNC', 'CMCC', 'SPName'] as const;

/** Each placeholder switch escapes its own placeholder and leaves the others (and [DevID]) alone. */
const placeholderProofs = Object.fromEntries(
  PLACEHOLDERS.map((placeholder) => [
    `server-uri-${placeholder.toLowerCase()}-escaped`,
    async () => {
      const all = ['DevID', ...PLACEHOLDERS].map((p) => `[${p}]`).join('/');
      const expected = all.replace(`[${placeholder}]`, `%5B${placeholder}%5D`);
      assert.equal(
        await sentServerUri(`server-uri-${placeholder.toLowerCase()}-escaped`, `http://repo.example/up/${all}`),
        `http://repo.example/up/${expected}`,
      );
    },
  ]),
);

/** One proof per switch of the 2016 rules: the break it names shows, and nothing else. */
const proofs: Record<string, () => Promise<void>> = {
  async 'sub-no-client-uri'() {
    const { package2 } = await firstPackage2(server('sub-no-client-uri'), ['SUB', 'http://repo.example/sub', NODE]);
    assert.deepEqual(package2.CMD, [['SUB', 'http://repo.example/sub']]);
    assert.deepEqual(rulesOf(validatePackage2(package2 as { CMD: string[][] })), ['command-param-count']);
  },
  async 'unsub-no-client-uri'() {
    const { package2 } = await firstPackage2(server('unsub-no-client-uri'), ['UNSUB', NODE]);
    assert.deepEqual(package2.CMD, [['UNSUB']]);
    assert.deepEqual(rulesOf(validatePackage2(package2 as { CMD: string[][] })), ['command-param-count']);
  },
  async 'package2-no-omadm-accept'() {
    const { response } = await firstPackage2(server('package2-no-omadm-accept'), ['DELETE', NODE]);
    assert.equal(response.headers.get('omadm-accept'), null);
  },
  async 'client-uri-forms-escaped'() {
    const { package2 } = await firstPackage2(server('client-uri-forms-escaped'), ...EXTENDED.map((uri) => ['GET', uri]), [
      'HPUT',
      'http://repo.example/(x)',
      NODE,
    ]);
    assert.deepEqual(package2.CMD, [
      ['GET', 'urn:oma:mo:x:1.0/%2A/Data/Name'],
      ['GET', 'urn:oma:mo:x:1.0/%28x%29/Data?nv=%28x%29/Data/Count:3'],
      ['GET', 'urn:oma:mo:x:1.0//Data?lv=1'],
      ['HPUT', 'http://repo.example/(x)', NODE],
    ]);
  },
  async 'server-uri-placeholder-escaped'() {
    const { package2 } = await firstPackage2(server('server-uri-placeholder-escaped'), ['HPUT', 'http://repo.example/up/[DevID]', NODE]);
    assert.deepEqual(package2.CMD, [['HPUT', 'http://repo.example/up/%5BDevID%5D', NODE]]);
  },
  async 'devinfo-data-refused'() {
    const rs = server('devinfo-data-refused');
    await firstPackage2(rs, ['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
    const leaf = getReport('urn:oma:mo:oma-dm-devinfo:1.2//DevID');
    assert.equal((await rs.dm(undefined, { raw: leaf.body, contentType: leaf.contentType })).status, 200, 'a DevInfo leaf is still read');
    await rs.queue(['GET', DEV_INFO]);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const whole = getReport(DEV_INFO);
    const response = await rs.dm(undefined, { raw: whole.body, contentType: whole.contentType });
    assert.equal(response.status, 400);
  },
  'dmacc-data-refused': () => refusesWholeInstance('dmacc-data-refused', 'urn:oma:mo:oma-dm-dmacc:1.0//'),
  'dacmo-data-refused': () => refusesWholeInstance('dacmo-data-refused', 'urn:oma:mo:oma-dm-dacmo:1.0//'),
  'sessioninfo-data-refused': () => refusesWholeInstance('sessioninfo-data-refused', 'urn:oma:mo:oma-sessioninfomo:1.0//'),
  async 'server-uri-query-dropped'() {
    assert.equal(await sentServerUri('server-uri-query-dropped', 'http://repo.example/up?id=[DevID]&v=2'), 'http://repo.example/up');
    assert.equal(await sentServerUri('server-uri-query-dropped', 'http://repo.example/plain'), 'http://repo.example/plain');
  },
  ...placeholderProofs,
  async 'wap-push-app-id-wrong'() {
    assert.equal(await wapApplicationId([]), WAP_PUSH.applicationId, 'the clean server addresses the DM client');
    const wrong = await wapApplicationId(['wap-push-app-id-wrong']);
    assert.notEqual(wrong, WAP_PUSH.applicationId);
    assert.equal(typeof wrong, 'number');
  },
};

describe('server fault switches of the 2016 rules: each shows exactly the break it names', () => {
  test('every switch has a proof here, and every proof a switch', () => {
    assert.deepEqual(Object.keys(proofs).sort(), serverFaults2016.map((f) => f.name).sort());
  });
  for (const [name, proof] of Object.entries(proofs)) test(name, proof);
});

describe('the conformant server on the 2016 rules', () => {
  test('SUB and UNSUB go out as queued, with well-formed parameters (5.3.11, 5.3.12)', async () => {
    const { package2 } = await firstPackage2(server(), ['SUB', 'http://repo.example/sub', NODE], ['UNSUB', NODE]);
    assert.deepEqual(package2.CMD, [
      ['SUB', 'http://repo.example/sub', NODE],
      ['UNSUB', NODE],
    ]);
    assert.deepEqual(rulesOf(validatePackage2(package2 as { CMD: string[][] })), []);
  });

  test('a response carrying a Package#2 names the upload types in OMADM-Accept, with the syntax of Accept (5.5)', async () => {
    const { response } = await firstPackage2(server());
    const value = response.headers.get('omadm-accept');
    assert.ok(value !== null);
    const parsed = parseAccept(value, 'OMADM-Accept');
    assert.deepEqual(parsed.violations, []);
    assert.deepEqual(
      parsed.ranges.map((r) => `${r.type}/${r.subtype}`),
      ['application/dmmo+json', 'text/plain'],
    );
  });

  test('ClientURIs with x-names, queries and wildcards go out unchanged (6.1)', async () => {
    const { package2 } = await firstPackage2(server(), ...EXTENDED.map((uri) => ['GET', uri]));
    assert.deepEqual(
      package2.CMD,
      EXTENDED.map((uri) => ['GET', uri]),
    );
    assert.deepEqual(rulesOf(validatePackage2(package2 as { CMD: string[][] })), []);
  });

  test('a ServerURI with [DevID] goes out with the placeholder intact (6.2)', async () => {
    const { package2 } = await firstPackage2(server(), ['HPUT', 'http://repo.example/up/[DevID]', NODE]);
    assert.deepEqual(package2.CMD, [['HPUT', 'http://repo.example/up/[DevID]', NODE]]);
    assert.deepEqual(rulesOf(validatePackage2(package2 as { CMD: string[][] })), []);
  });

  test('the data of a whole DevInfo instance is accepted and recorded (12.1)', async () => {
    const rs = server();
    const id = await rs.queue(['GET', DEV_INFO]);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const report = getReport(DEV_INFO);
    const response = await rs.dm(undefined, { raw: report.body, contentType: report.contentType });
    assert.equal(response.status, 200);
    const log = await rs.received();
    assert.deepEqual(log.commands.find((c) => c.id === id)?.result?.moData, [
      { ClientURI: DEV_INFO, MOData: { DevInfo: { DevID: 'IMEI:1' } } },
    ]);
  });
});
