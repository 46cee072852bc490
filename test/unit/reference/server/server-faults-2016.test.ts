import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { validatePackage2 } from '../../../../src/protocol/commands/validate-package2.js';
import { parseAccept } from '../../../../src/protocol/http/accept.js';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { buildMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { serverFaults2016 } from '../../../../src/reference/faults/index.js';
import { CLIENT_INITIATED, handlerErrors, interceptor, json, useReferenceServer, type InProcessServer } from './in-process.js';

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
