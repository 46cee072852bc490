import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { buildMultipartPackage3 } from '../../../../src/protocol/http/multipart.js';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { CLIENT_INITIATED, DEV_ID, handlerErrors, interceptor, json, package3, useReferenceServer } from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const EXEC_NODE = 'urn:oma:mo:oma-dcmo:1.0/camera/Operations/Disable';

describe('CONT: session URIs (§5.3.8)', () => {
  test('["CONT"] hands out a fresh session URI; the Package#3 answering it goes there', async () => {
    const rs = useReferenceServer();
    await rs.queue(['CONT']);
    await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    const body = await json(await rs.dm({ Alert: [CLIENT_INITIATED] }));
    const cmd = body['CMD'] as string[][];
    const contUri = cmd[0]?.[1] ?? '';
    assert.match(contUri, /^http:\/\/dm-server\.test\/dm\/cont\/[A-Za-z0-9_-]{16}$/);
    assert.deepEqual(cmd[1], ['DELETE', 'urn:oma:mo:x:1.0/a/']);

    const path = new URL(contUri).pathname;
    const answer = await rs.dm(...package3([200, 200], { path }));
    assert.equal(answer.status, 200);
    assert.deepEqual(await json(answer), { CMD: [['END']] });
    const log = await rs.received();
    assert.equal(log.sessions[0]?.contUri, contUri);
    assert.equal(log.sessions[0]?.state, 'ended');
  });

  test('a Package#3 sent to the DM endpoint instead of the CONT URI is refused with 400', async () => {
    const rs = useReferenceServer();
    await rs.queue(['CONT']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const response = await rs.dm(...package3([200]));
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /the CONT URI, §5\.3\.8/);
  });

  test('a CONT URI of another device → 403; an unknown one → 404; a Package#1 there → 415', async () => {
    const rs = useReferenceServer();
    await rs.admin('POST', '/devices', { devId: 'UUID:other' });
    await rs.queue(['CONT']);
    const cmd = (await json(await rs.dm({ Alert: [CLIENT_INITIATED] })))['CMD'] as string[][];
    const path = new URL(cmd[0]?.[1] ?? '').pathname;
    assert.equal((await rs.dm(...package3([200], { path, devId: 'UUID:other' }))).status, 403);
    assert.equal((await rs.dm(...package3([200], { path: '/dm/cont/nope' }))).status, 404);
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED] }, { path })).status, 415);
  });
});

describe('GET results in a multipart Package#3 (App F)', () => {
  test('each data part is linked to its GET by index; dmmo+json parts are decoded', async () => {
    const rs = useReferenceServer();
    const devIdGet = await rs.queue(['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
    const missing = await rs.queue(['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//Ext']);
    const sessionGet = await rs.queue(['GET', 'urn:oma:mo:oma-sessioninfomo:1.0//']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const moData = [{ ClientURI: 'urn:oma:mo:oma-sessioninfomo:1.0//', MOData: { SessionInfo: { CBT: 1, ROAMING: 0 } } }];
    const multipart = buildMultipartPackage3({ Status: [{ sc: 200 }, { sc: 404 }, { sc: 200 }] }, [
      { index: 0, mediaType: 'text/plain', body: DEV_ID },
      { index: 2, mediaType: MEDIA_TYPES.moData, body: JSON.stringify(moData) },
    ]);
    const response = await rs.dm(undefined, { raw: multipart.body, contentType: multipart.contentType });
    assert.equal(response.status, 200);
    assert.deepEqual(await json(response), { CMD: [['END']] });

    const log = await rs.received();
    const byId = new Map(log.commands.map((c) => [c.id, c]));
    assert.equal(byId.get(devIdGet)?.result?.body.text, DEV_ID);
    assert.equal(byId.get(missing)?.result, undefined);
    assert.equal(byId.get(missing)?.status?.sc, 404);
    assert.deepEqual(byId.get(sessionGet)?.result?.moData, moData);
    assert.deepEqual(
      log.packages[1]?.parts?.map((p) => p.name),
      ['0', '2'],
    );
  });

  test('a data part for a command that is not a GET answered 200 is refused with 400', async () => {
    const rs = useReferenceServer();
    await rs.queue(['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const boundary = 'b0undary';
    const raw = [
      `--${boundary}`,
      'Content-Disposition: form-data',
      `Content-Type: ${MEDIA_TYPES.package3}`,
      '',
      '{"Status":[{"sc":404}]}',
      `--${boundary}`,
      'Content-Disposition: form-data; name="0"',
      'Content-Type: text/plain',
      '',
      'x',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await rs.dm(undefined, { raw, contentType: `multipart/form-data; boundary=${boundary}` });
    assert.equal(response.status, 400);
    assert.match(String((await json(response))['detail']), /multipart-part-status/);
  });
});

describe('Generic Alerts (§5.4)', () => {
  test('an alert is recorded and never answered: the next Package#2 carries nothing for it', async () => {
    const rs = useReferenceServer();
    const alert = {
      AlertType: 'urn:oma:at:vendor:1.0:Unknown',
      Mark: 'critical',
      DataType: 'application/json',
      Data: { anything: [1, 2] },
    };
    const response = await rs.dm({ Alert: [CLIENT_INITIATED, alert] });
    assert.deepEqual(await json(response), { CMD: [['END']] });
    const log = await rs.received();
    assert.deepEqual(
      log.alerts.map((a) => [a.purpose, a.alert['AlertType']]),
      [
        ['session', CLIENT_INITIATED.AlertType],
        ['other', alert.AlertType],
      ],
    );
  });

  test('an alert in a Package#3 gets no status either', async () => {
    const rs = useReferenceServer();
    await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    const response = await rs.dm(...package3([200], { alerts: [{ AlertType: 'urn:oma:at:x:1.0:Y' }] }));
    assert.deepEqual(await json(response), { CMD: [['END']] });
  });

  test('ServerInitiatedMgmt: the NOTIFICATION-ID of the last notification is checked', async () => {
    const rs = useReferenceServer();
    const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'print' } });
    const id = (sent.json as { notificationId: number }).notificationId;
    const alert = (n: number) => ({
      AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt',
      DataType: 'application/json',
      Data: { 'NOTIFICATION-ID': n },
    });
    await rs.dm({ Alert: [alert(id)] });
    await rs.dm({ Alert: [alert((id + 1) & 0xffff)] });
    await rs.dm({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt' }] });
    const log = await rs.received();
    assert.deepEqual(
      log.sessions.map((s) => s.notificationIdCheck),
      ['match', 'mismatch', 'missing'],
    );
  });

  test('after a REQ-MOS, a ServerInitiatedMgmt Package#1 without MOS is refused with 400 (§5.2.2)', async () => {
    const rs = useReferenceServer();
    await rs.admin('POST', `/devices/${DEV_ID}/notify`, { reqMos: true, transport: { transport: 'print' } });
    const alert = { AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt' };
    assert.equal((await rs.dm({ Alert: [alert] })).status, 400);
    const mos = [{ DDF: 'http://example.com/devinfo.ddf', MOID: 'urn:oma:mo:oma-dm-devinfo:1.2', MIID: ['1'] }];
    assert.equal((await rs.dm({ Alert: [alert], MOS: mos })).status, 200);
    const log = await rs.received();
    assert.deepEqual((log.packages[1]?.package as { MOS?: unknown })?.MOS, mos);
  });

  test('finding 13: MOS entries without DDF are refused only when the Package#1 answers a REQ-MOS (§5.2.2)', async () => {
    const rs = useReferenceServer();
    const mos = [{ MOID: 'urn:oma:mo:oma-dm-devinfo:1.2', MIID: ['1'] }];
    assert.equal((await rs.dm({ Alert: [CLIENT_INITIATED], MOS: mos })).status, 200, 'unsolicited MOS without DDF is accepted');
    await rs.admin('POST', `/devices/${DEV_ID}/notify`, { reqMos: true, transport: { transport: 'print' } });
    assert.equal(
      (await rs.dm({ Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt' }], MOS: mos })).status,
      400,
      'the MOS answering REQ-MOS lacks its DDF links',
    );
    const log = await rs.received();
    assert.deepEqual(
      log.packages.map((p) => p.violations.filter((v) => v.rule === 'mos-ddf-missing').map((v) => v.severity)),
      [['info'], ['error']],
    );
  });
});

describe('asynchronous reporting (§5.4.1)', () => {
  test('EXEC with {{async}} answered 202 is completed by a later alert at /dm/async/<id>, linked by SourceURI', async () => {
    const rs = useReferenceServer();
    const exec = await rs.queue(['EXEC', EXEC_NODE, '{{async}}']);
    const cmd = (await json(await rs.dm({ Alert: [CLIENT_INITIATED] })))['CMD'] as string[][];
    assert.deepEqual(cmd, [['EXEC', EXEC_NODE, `http://dm-server.test/dm/async/${exec}`]]);
    assert.deepEqual(await json(await rs.dm(...package3([202]))), { CMD: [['END']] });
    let record = (await rs.admin('GET', `/devices/${DEV_ID}/commands/${exec}`)).json as { state: string };
    assert.equal(record.state, 'accepted');

    const result = {
      AlertType: 'urn:oma:at:dcmo:1.0:OperationComplete',
      SourceURI: EXEC_NODE,
      DataType: 'application/json',
      Data: { ResultCode: 1200 },
    };
    const response = await rs.dm({ Alert: [CLIENT_INITIATED, result] }, { path: `/dm/async/${exec}` });
    assert.equal(response.status, 200);
    assert.deepEqual(await json(response), { CMD: [['END']] });
    record = (await rs.admin('GET', `/devices/${DEV_ID}/commands/${exec}`)).json as { state: string };
    assert.equal(record.state, 'completed');
    const log = await rs.received();
    const completed = log.commands.find((c) => c.id === exec);
    assert.deepEqual(completed?.asyncResult?.alert, result);
    assert.deepEqual(
      log.alerts.filter((a) => a.purpose === 'async-result').map((a) => a.commandId),
      [exec],
    );
  });

  test('the result may also arrive in a Package#3 of another session at the DM endpoint', async () => {
    const rs = useReferenceServer();
    const exec = await rs.queue(['EXEC', EXEC_NODE]);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    await rs.dm(...package3([202]));
    await rs.queue(['DELETE', 'urn:oma:mo:x:1.0/a/']);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    await rs.dm(...package3([200], { alerts: [{ AlertType: 'urn:oma:at:x:1.0:Done', SourceURI: EXEC_NODE }] }));
    const log = await rs.received();
    assert.equal(log.commands.find((c) => c.id === exec)?.state, 'completed');
  });

  test('an EXEC reported synchronously is complete at once', async () => {
    const rs = useReferenceServer();
    const exec = await rs.queue(['EXEC', EXEC_NODE]);
    await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal((await rs.dm(...package3([200]))).status, 200);
    const log = await rs.received();
    assert.equal(log.commands.find((c) => c.id === exec)?.state, 'reported');
  });
});
