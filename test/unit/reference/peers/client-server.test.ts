import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNotification } from '../../../../src/protocol/notification/decode.js';
import { decodeWapPushDatagram } from '../../../../src/protocol/notification/wap-push.js';
import { parseHex, toHex } from '../../../../src/protocol/notification/encodings.js';
import { checkPackage2Response, checkPackageRequest } from '../../../../src/protocol/http/package-requests.js';
import { validatePackage2 } from '../../../../src/protocol/commands/validate-package2.js';
import { ALERT_TYPES, extractNotificationId } from '../../../../src/protocol/packages/generic-alert.js';
import type { Package1 } from '../../../../src/protocol/schemas/package1.schema.js';
import type { Package2 } from '../../../../src/protocol/schemas/package2.schema.js';
import type { Violation } from '../../../../src/protocol/violation.js';
import { resolveClientUriText } from '../../../../src/protocol/tree/resolve.js';
import { MOIDS, startReferenceClient, type RunningReferenceClient, type SessionRecord } from '../../../../src/reference/client/index.js';
import { settled } from '../client/mock-dm-server.js';
import { startReferenceServer, type DeviceLog, type RunningReferenceServer } from '../../../../src/reference/server/index.js';

const SECRET = 's3cr3t';
const AUTH_DATA = 'nonce';
const SAMPLE = `${MOIDS.sample}/s1`;

let server: RunningReferenceServer;
let client: RunningReferenceClient;

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} → ${response.status}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const device = () => `/devices/${encodeURIComponent(client.devId)}`;

function errors(violations: readonly Violation[]): string[] {
  return violations.filter((v) => v.severity === 'error').map((v) => `${v.pointer ?? ''} ${v.message} (${v.rule})`);
}

/** Every exchange of a session checked with the protocol validators: the Package#1/#3 requests and the Package#2 responses. */
function checkSession(session: SessionRecord): string[] {
  const found: string[] = [];
  let package2: Package2 | undefined;
  session.packages.forEach((exchange, i) => {
    const check = checkPackageRequest({ method: 'POST', headers: exchange.headers, body: exchange.body }, exchange.package, {
      devId: client.devId,
      ...(exchange.package === 3 && package2 ? { package2 } : {}),
    });
    found.push(...errors(check.violations).map((e) => `session ${session.id} exchange ${i} request: ${e}`));
    assert.ok(exchange.response, `session ${session.id} exchange ${i} got a response`);
    const response = checkPackage2Response({
      status: exchange.response.status,
      headers: exchange.response.headers,
      body: exchange.response.body,
    });
    found.push(...errors(response.violations).map((e) => `session ${session.id} exchange ${i} response: ${e}`));
    package2 = response.package2;
    if (package2) found.push(...errors(validatePackage2(package2)).map((e) => `session ${session.id} exchange ${i} Package#2: ${e}`));
  });
  return found;
}

const COMMANDS: string[][] = [
  ['HGET', '{{repo}}/widget'],
  ['HGET', '{{repo}}/label', `${SAMPLE}/Label`],
  ['HPUT', '{{repo}}/devinfo', `${MOIDS.devInfo}//`],
  ['HPOST', '{{repo}}/sample', `${SAMPLE}/Label`, `${SAMPLE}/BootCount`],
  ['DELETE', `${SAMPLE}/Items/2`],
  ['DELETE', `${SAMPLE}/Label`],
  ['EXEC', `${SAMPLE}/Reboot`],
  ['EXEC', `${SAMPLE}/Update`, '{{async}}'],
  ['GET', `${MOIDS.devInfo}//DevID`],
  ['GET', `${MOIDS.sessionInfo}//`],
  ['GET', `${SAMPLE}/Notes`],
  ['SHOW', '{{web}}/welcome'],
  ['DEFAULT', '{{repo}}/gadget', MOIDS.installable],
  ['SUB', '{{repo}}/watch', `${SAMPLE}/BootCount`],
  ['EXEC', `${SAMPLE}/Reboot`],
  ['UNSUB', `${SAMPLE}/BootCount`],
  ['CONT'],
  ['GET', `${SAMPLE}/BootCount`],
];
const EXPECTED_STATUSES = [200, 200, 200, 200, 200, 405, 200, 202, 200, 200, 204, 200, 200, 200, 200, 200, 200, 200];

describe('reference client ↔ reference server, over loopback HTTP and UDP', () => {
  let sent: { hex: string; sentTo: string };
  let sessions: SessionRecord[];
  let log: DeviceLog;
  let repoLog: { method: string; path: string }[];

  before(async () => {
    server = await startReferenceServer({});
    client = await startReferenceClient({
      serverUrl: server.dmUrl,
      secret: SECRET,
      authData: AUTH_DATA,
      timings: { asyncExecDelayMs: 20 },
    });
    await admin('POST', '/devices', {
      devId: client.devId,
      secret: SECRET,
      authData: AUTH_DATA,
      notify: { transport: 'udp', port: client.udpPort },
    });
    await admin('PUT', '/repo/widget', {
      mediaType: 'application/dmmo+json',
      body: [{ ClientURI: `${MOIDS.installable}//`, MOData: { widget: { Enabled: true, Level: 3 } } }],
    });
    await admin('PUT', '/repo/label', { mediaType: 'text/plain', body: 'managed by dmct' });
    await admin('PUT', '/repo/gadget', {
      mediaType: 'application/dmmo+json',
      body: [{ ClientURI: `${MOIDS.installable}//`, MOData: { gadget: { On: false } } }],
    });
    for (const command of COMMANDS) await admin('POST', `${device()}/commands`, { command });
    sent = await admin('POST', `${device()}/notify`, {
      serverId: 'dmct-reference-server',
      conTypes: [3, 0],
      notificationId: 4242,
      timestamp: 'now',
      reqMos: true,
      digest: true,
    });
    await settled(client.client, { notifications: 1, timeoutMs: 10_000 });
    assert.ok(client.state.sessions.length >= 2, 'the notification session and the asynchronous result are recorded');
    sessions = client.state.sessions;
    log = await admin<DeviceLog>('GET', `${device()}/received`);
    repoLog = await admin('GET', '/repo-log');
  });

  after(async () => {
    await client?.stop();
    await server?.stop();
  });

  it('Package#0: all six options, the digest verifies, framed as a WAP Push datagram', () => {
    const bytes = parseHex(sent.hex);
    assert.ok(bytes.ok);
    const decoded = decodeNotification(bytes.bytes, { secret: SECRET, authData: AUTH_DATA, now: Math.floor(Date.now() / 1000) });
    assert.deepEqual(errors(decoded.violations), []);
    assert.deepEqual(decoded.digest, { present: true, verified: true });
    const options = decoded.notification?.options;
    assert.equal(options?.serverId, 'dmct-reference-server');
    assert.deepEqual(options?.preferredConTypes, [3, 0]);
    assert.equal(options?.notificationId, 4242);
    assert.equal(options?.reqMos, true);
    assert.equal(typeof options?.timestamp, 'number');

    const [received] = client.state.notifications;
    assert.equal(received?.accepted, true);
    assert.equal(received?.connection, 'WIRELINE');
    const datagram = parseHex(received?.hex ?? '');
    assert.ok(datagram.ok);
    const push = decodeWapPushDatagram(datagram.bytes);
    assert.deepEqual(errors(push.violations), []);
    assert.equal(toHex(push.notification ?? new Uint8Array()), sent.hex);
  });

  it('every exchange of every session passes the protocol validators', () => {
    assert.deepEqual(
      sessions.map((s) => [s.trigger, s.outcome]),
      [
        ['notification', 'ended'],
        ['async-result', 'ended'],
      ],
    );
    assert.deepEqual(sessions.flatMap(checkSession), []);
  });

  it('Package#1: ServerInitiatedMgmt with the NOTIFICATION-ID, MOS for REQ-MOS, OMADM-DevID', () => {
    const first = sessions[0]?.packages[0];
    assert.equal(first?.headers['OMADM-DevID'], client.devId);
    const pkg = JSON.parse(first?.body ?? '{}') as Package1;
    const alert = pkg.Alert?.[0];
    assert.equal(alert?.AlertType, ALERT_TYPES.serverInitiatedMgmt);
    assert.equal(alert && extractNotificationId(alert)?.id, 4242);
    assert.deepEqual(
      pkg.MOS?.map((mo) => mo.MOID),
      [MOIDS.devInfo, MOIDS.dmAcc, MOIDS.sessionInfo, MOIDS.dacmo, MOIDS.sample, MOIDS.installable],
    );
    assert.equal(log.sessions[0]?.notificationIdCheck, 'match');
  });

  it('every command got its status, in order; CONT moved the Package#3 answering it; END ended the session', () => {
    const session = sessions[0];
    assert.ok(session);
    const firstPackage = session.commands.filter((c) => c.package === 1);
    assert.deepEqual(
      firstPackage.map((c) => c.command[0]),
      COMMANDS.map((c) => c[0]),
    );
    assert.deepEqual(
      firstPackage.map((c) => c.status),
      EXPECTED_STATUSES,
    );
    assert.deepEqual(firstPackage[0]?.uris, [`${MOIDS.installable}/widget/`]);
    const contUri = String(firstPackage.find((c) => c.command[0] === 'CONT')?.command[1]);
    assert.match(contUri, /\/dm\/cont\//);
    assert.deepEqual(
      session.packages.map((p) => [p.package, p.url]),
      [
        [1, server.dmUrl],
        [3, contUri],
      ],
    );
    assert.deepEqual(
      session.commands.filter((c) => c.package === 2).map((c) => c.command),
      [['END']],
    );
  });

  it('GET data went as multipart parts named by command index', () => {
    const package3 = sessions[0]?.packages[1];
    assert.match(package3?.headers['Content-Type'] ?? '', /^multipart\/form-data; boundary=/);
    const received = log.packages.find((p) => p.kind === 'package3');
    assert.deepEqual(
      received?.parts?.map((part) => part.name),
      ['8', '9', '17'],
    );
    assert.equal(received?.parts?.[0]?.body.text, client.devId);
  });

  it('side transfers reached the repository and web server with the right methods', () => {
    // SHOW is fire-and-forget: its page load may finish after later transfers, so it is checked apart.
    const transfers = client.state.transfers.map((t) => [t.purpose, t.method, t.status]);
    assert.deepEqual(
      transfers.filter(([purpose]) => purpose !== 'SHOW'),
      [
        ['HGET', 'GET', 200],
        ['HGET', 'GET', 200],
        ['HPUT', 'PUT', 204],
        ['HPOST', 'POST', 204],
        ['SUB', 'PUT', 204],
      ],
    );
    assert.deepEqual(
      transfers.filter(([purpose]) => purpose === 'SHOW'),
      [['SHOW', 'GET', 200]],
    );
    const hits = repoLog.map((hit) => [hit.method, hit.path]);
    assert.deepEqual(
      hits.filter(([, path]) => !path?.startsWith('/web/')),
      [
        ['GET', '/repo/widget'],
        ['GET', '/repo/label'],
        ['PUT', '/repo/devinfo'],
        ['POST', '/repo/sample'],
        ['PUT', '/repo/watch'],
      ],
    );
    assert.deepEqual(
      hits.filter(([, path]) => path?.startsWith('/web/')),
      [['GET', '/web/welcome']],
    );
  });

  it('the tree shows every effect', () => {
    const value = (uri: string) => {
      const found = resolveClientUriText(client.client.tree, uri);
      return found.ok ? found.locations[0]?.node.value : undefined;
    };
    assert.equal(value(`${MOIDS.installable}/widget/Level`), 3);
    assert.equal(value(`${SAMPLE}/Label`), 'managed by dmct');
    assert.equal(resolveClientUriText(client.client.tree, `${SAMPLE}/Items/2`).ok, false);
    assert.equal(value(`${SAMPLE}/BootCount`), 2);
    assert.equal(value(`${SAMPLE}/UpdateCount`), 1);
    assert.deepEqual(client.state.defaults, [{ moid: MOIDS.installable, serverUri: `${server.repoUrl}/gadget` }]);
    assert.deepEqual(client.state.subscriptions, []);
  });

  it('the asynchronous EXEC: 202, then a Generic Alert in a new session to its ServerURI, linked to the command', () => {
    const asyncSession = sessions[1];
    const exec = COMMANDS.findIndex((c) => c[0] === 'EXEC' && c[2] === '{{async}}');
    const asyncUri = sessions[0]?.commands[exec]?.command[2];
    assert.equal(asyncSession?.packages[0]?.url, asyncUri);
    const pkg = JSON.parse(asyncSession?.packages[0]?.body ?? '{}') as Package1;
    assert.equal(pkg.Alert?.[0]?.AlertType, ALERT_TYPES.clientInitiatedMgmt);
    assert.equal(pkg.Alert?.[1]?.SourceURI, `${SAMPLE}/Update`);
    const command = log.commands.find((c) => c.command[0] === 'EXEC' && c.command[2] === asyncUri);
    assert.equal(command?.status?.sc, 202);
    assert.ok(command?.asyncResult, 'the server linked the alert to its EXEC');
  });

  it('DEFAULT: a later local need fetches the MO from the remembered source, sending no status', async () => {
    const packagesBefore = log.packages.length;
    const result = await client.client.needMoid(MOIDS.installable);
    assert.deepEqual(result, { moid: MOIDS.installable, fetched: false, reason: 'the tree already holds an instance' });
    const fresh = await startReferenceClient({ serverUrl: server.dmUrl });
    try {
      fresh.client.services.defaults.set(MOIDS.installable, `${server.repoUrl}/gadget`);
      const fetched = await fresh.client.needMoid(MOIDS.installable);
      assert.deepEqual(fetched, { moid: MOIDS.installable, fetched: true, uris: [`${MOIDS.installable}/gadget/`] });
    } finally {
      await fresh.stop();
    }
    const after = await admin<DeviceLog>('GET', `${device()}/received`);
    assert.equal(after.packages.length, packagesBefore);
  });
});
