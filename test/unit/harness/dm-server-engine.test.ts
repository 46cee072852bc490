import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { DmServerEngine, END_PACKAGE2, classify } from '../../../src/harness/dm-server-engine.js';
import { serveHandlers } from '../../../src/transport/endpoint-server.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const DEV_ID = 'IMEI:351234567890123';
const P1 = 'application/vnd.oma.dm.initiation+json';
const P3 = 'application/vnd.oma.dm.response+json';
const SESSION_ALERT = { Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }] };

/** One engine per test, intercepted in-process (the wiring the project's own tests use). */
let engine: DmServerEngine;
let recorder: TraceRecorder;
const server = setupServer();
// 'bypass': the loopback test's own requests to 127.0.0.1 must reach the real port.
before(() => server.listen({ onUnhandledRequest: 'bypass' }));
after(() => server.close());
beforeEach(() => {
  recorder = new TraceRecorder();
  engine = new DmServerEngine({ recorder, devId: DEV_ID });
  server.resetHandlers(...engine.handlers());
});

async function post(url: string, body: unknown, contentType: string, devId: string | null = DEV_ID): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      accept: 'application/vnd.oma.dm.request+json',
      ...(devId === null ? {} : { 'omadm-devid': devId }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function assertValidEvidence(): Evidence {
  const result = validateEvidence(recorder.toEvidence());
  assert.ok(result.ok, JSON.stringify(result.ok ? [] : result.violations));
  return result.value;
}

describe('DmServerEngine: packages', () => {
  it('answers Package#1 and Package#3 with the scripted Package#2s, then END', async () => {
    engine.script({ package2: { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']] } });
    const first = await post(engine.dmUrl, SESSION_ALERT, P1);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/vnd.oma.dm.request+json');
    assert.deepEqual(await first.json(), { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']] });
    const second = await post(engine.dmUrl, { Status: [{ sc: 404 }] }, P3);
    assert.deepEqual(await second.json(), END_PACKAGE2);
    const [p1, p3] = engine.packages();
    assert.equal(p1?.package, 1);
    assert.equal(p1?.devId, DEV_ID);
    assert.deepEqual(p1?.violations, []);
    assert.deepEqual(p1?.package1, SESSION_ALERT);
    assert.equal(p3?.package, 3);
    assert.equal(p3?.sessionId, p1?.sessionId);
    assert.deepEqual(p3?.answers, { CMD: [['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']] });
    assert.deepEqual(p3?.violations, []);
    assert.equal(engine.pending, 0);
    const evidence = assertValidEvidence();
    assert.deepEqual(
      evidence.messages.map((m) => m.label),
      ['Package#1', 'Package#2', 'Package#3', 'Package#2'],
    );
  });

  it('finding 13: MOS entries without DDF are an error only in the Package#1 answering a REQ-MOS notification', async () => {
    const mos = [{ MOID: 'urn:oma:mo:oma-dm-devinfo:1.2', MIID: ['1'] }];
    const serverInitiated = { MOS: mos, Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ServerInitiatedMgmt' }] };
    await post(engine.dmUrl, serverInitiated, P1);
    engine.notificationSent({ reqMos: true });
    await post(engine.dmUrl, serverInitiated, P1);
    await post(engine.dmUrl, { ...SESSION_ALERT, MOS: mos }, P1);
    const severities = engine.packages().map((p) => p.violations.filter((v) => v.rule === 'mos-ddf-missing').map((v) => v.severity));
    assert.deepEqual(severities, [['info'], ['error'], ['info']]);
  });

  it('checks a Package#3 against the Package#2 it answers and the headers against the DevID', async () => {
    engine.script({
      package2: {
        CMD: [
          ['DELETE', 'urn:dmct:mo:sample:1.0//Label'],
          ['GET', 'urn:dmct:mo:sample:1.0//Label'],
        ],
      },
    });
    await post(engine.dmUrl, SESSION_ALERT, 'application/json', 'IMEI:000000000000000');
    await post(engine.dmUrl, { Status: [{ sc: 405 }] }, P3, 'IMEI:000000000000000');
    const [p1, p3] = engine.packages();
    assert.deepEqual(p1?.violations.map((v) => v.rule).sort(), ['http-content-type', 'http-devid-mismatch']);
    assert.ok(p3?.violations.some((v) => v.rule === 'http-devid-mismatch'));
    assert.ok(
      p3?.violations.some((v) => v.rule === 'status-count'),
      JSON.stringify(p3?.violations),
    );
  });

  it('ties a Package#3 to the only waiting session when its OMADM-DevID opened none', async () => {
    engine.script({ package2: { CMD: [['GET', 'urn:dmct:mo:sample:1.0//Label']] } });
    await post(engine.dmUrl, SESSION_ALERT, P1, null);
    const reply = await post(engine.dmUrl, { Status: [{ sc: 404 }] }, P3);
    assert.deepEqual(await reply.json(), END_PACKAGE2);
    const [p1, p3] = engine.packages();
    assert.ok(p1?.violations.some((v) => v.rule === 'http-devid-missing'));
    assert.equal(p3?.sessionId, p1?.sessionId);
    assert.deepEqual(
      p3?.violations.map((v) => [v.rule, v.severity]),
      [['session-correlated-by-elimination', 'info']],
    );
  });

  it('tells Package#1 from Package#3 by the body when the media type is wrong', async () => {
    await post(engine.dmUrl, SESSION_ALERT, 'application/json');
    await post(engine.dmUrl, { Status: [] }, 'application/json');
    assert.deepEqual(
      engine.packages().map((p) => p.package),
      [1, 3],
    );
  });

  it('CONT: a Package#3 at the handed-out URI stays in the session; one at the old URI breaks 5.3.8', async () => {
    const cont = engine.contUrl();
    engine.script({ package2: { CMD: [['CONT', cont]] } }, { package2: { CMD: [['GET', 'urn:dmct:mo:sample:1.0//Label']] } });
    await post(engine.dmUrl, SESSION_ALERT, P1);
    await post(cont, { Status: [{ sc: 200 }] }, P3);
    await post(engine.dmUrl, { Status: [{ sc: 200 }] }, P3);
    const [p1, atCont, stale] = engine.packages();
    assert.equal(atCont?.endpoint, 'cont');
    assert.equal(atCont?.sessionId, p1?.sessionId);
    assert.deepEqual(atCont?.violations, []);
    assert.ok(stale?.violations.some((v) => v.rule === 'package3-uri-after-cont'));
  });

  it('a Package#3 after END is marked, answered END, and leaves the script alone', async () => {
    engine.script({ package2: { CMD: [['GET', 'urn:dmct:mo:sample:1.0//Label'], ['END']] } }, { package2: { CMD: [['END']] } });
    await post(engine.dmUrl, SESSION_ALERT, P1);
    const reply = await post(engine.dmUrl, { Status: [{ sc: 200 }] }, P3);
    assert.deepEqual(await reply.json(), END_PACKAGE2);
    const stray = engine.packages()[1];
    assert.equal(stray?.afterEnd, true);
    assert.ok(stray?.violations.some((v) => v.rule === 'package3-after-end'));
    assert.equal(engine.pending, 1);
  });

  it('async report URI: takes a new session, answers END, leaves the script alone', async () => {
    engine.script({ package2: { CMD: [['GET', 'urn:dmct:mo:sample:1.0//Label']] } });
    const url = engine.asyncReportUrl();
    const alert = {
      AlertType: 'urn:dmct:at:sample:1.0:OperationComplete',
      SourceURI: 'urn:dmct:mo:sample:1.0//Update',
      DataType: 'application/json',
      Data: { ResultCode: 1200 },
    };
    const reply = await post(url, { Alert: [{ AlertType: 'urn:oma:at:dm:2.0:ClientInitiatedMgmt' }, alert] }, P1);
    assert.deepEqual(await reply.json(), END_PACKAGE2);
    const report = await engine.awaitPackage1({ timeoutMs: 100, endpoint: 'async' });
    assert.equal(report.kind, 'received');
    assert.deepEqual(report.kind === 'received' && report.value.package1?.Alert?.[1], alert);
    assert.equal(engine.pending, 1);
    const session = await engine.awaitPackage1({ timeoutMs: 50 });
    assert.equal(session.kind, 'timeout');
  });

  it('a deliberately odd Package#2 is sent as scripted', async () => {
    engine.script({ raw: '{"CMD":[["FROB"]]}', status: 200 });
    const reply = await post(engine.dmUrl, SESSION_ALERT, P1);
    assert.equal(await reply.text(), '{"CMD":[["FROB"]]}');
  });

  it('refuses to script a Package#2 the text forbids (a dmct bug)', () => {
    assert.throws(() => engine.script({ package2: { CMD: [['HGET']] } }), /cannot build Package#2/);
  });
});

describe('DmServerEngine: waits', () => {
  it('awaitPackage1 gets a package that came after the mark, or times out with a detail', async () => {
    await post(engine.dmUrl, SESSION_ALERT, P1);
    const mark = engine.mark();
    const none = await engine.awaitPackage1({ after: mark, timeoutMs: 30 });
    assert.equal(none.kind, 'timeout');
    assert.match(none.kind === 'timeout' ? none.detail : '', /^no Package#1 came within 30 ms$/);
    const waiting = engine.awaitPackage1({ after: mark, timeoutMs: 2000 });
    await post(engine.dmUrl, SESSION_ALERT, P1);
    const got = await waiting;
    assert.equal(got.kind, 'received');
    assert.equal(got.kind === 'received' && got.value.order, mark + 1);
  });

  it('expectNoRequest records the watched window as a note and a remark', async () => {
    const quiet = await engine.expectNoRequest(40, { what: 'a Package#1' });
    assert.equal(quiet.kind, 'quiet');
    const watching = engine.expectNoRequest(2000, { what: 'a Package#1', after: engine.mark() });
    await post(engine.dmUrl, SESSION_ALERT, P1);
    const seen = await watching;
    assert.equal(seen.kind, 'event');
    const evidence = assertValidEvidence();
    assert.match(evidence.notes?.[0] ?? '', /^watched \d+ ms \(window 40 ms\) for a Package#1: none came$/);
    assert.match(evidence.notes?.[1] ?? '', /one came \(exchange #\d+\)$/);
  });
});

describe('DmServerEngine: repository and web pages', () => {
  it('serves MO data or a text leaf by the Accept header', async () => {
    const moData = [{ ClientURI: 'urn:dmct:mo:installable:1.0//', MOData: { Installable: { Value: 'x' } } }];
    const url = engine.repository.offer('mo/one', { moData, text: 'x' });
    const asMo = await fetch(url, { headers: { accept: 'application/dmmo+json' } });
    assert.equal(asMo.headers.get('content-type'), 'application/dmmo+json');
    assert.deepEqual(await asMo.json(), moData);
    const asText = await fetch(url, { headers: { accept: 'text/plain' } });
    assert.equal(await asText.text(), 'x');
    const neither = await fetch(url, { headers: { accept: 'image/png' } });
    assert.equal(neither.status, 406);
    assert.equal((await fetch(engine.repository.url('nothing'))).status, 404);
    engine.repository.offer('broken', { failWith: 500 });
    assert.equal((await fetch(engine.repository.url('broken'))).status, 500);
    assert.deepEqual(
      engine.repository.fetches().map((f) => [f.name, f.reply.status, f.served ?? '-']),
      [
        ['mo/one', 200, 'application/dmmo+json'],
        ['mo/one', 200, 'text/plain'],
        ['mo/one', 406, '-'],
        ['nothing', 404, '-'],
        ['broken', 500, '-'],
      ],
    );
  });

  it('decodes uploads by media type and logs what their bodies break', async () => {
    const url = engine.repository.uploadUrl('up');
    const data = [{ ClientURI: 'urn:oma:mo:oma-dm-devinfo:1.2//DevID', MOData: { DevID: DEV_ID } }];
    assert.equal(
      (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/dmmo+json' }, body: JSON.stringify(data) })).status,
      200,
    );
    await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'true' });
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/dmmo+json' }, body: JSON.stringify(data[0]) });
    const [put, text, single] = engine.repository.uploads();
    assert.equal(put?.method, 'PUT');
    assert.deepEqual(put?.decoded?.moData, data);
    assert.deepEqual(text?.decoded, { text: 'true' });
    assert.equal(single?.decoded, undefined);
    assert.ok(single?.violations.some((v) => v.rule === 'mo-data-single-object'));
    const failing = engine.repository.uploadUrl('full', { status: 507 });
    assert.equal((await fetch(failing, { method: 'PUT', body: 'x' })).status, 507);
    assertValidEvidence();
  });

  it('logs the load of a SHOW page', async () => {
    const url = engine.web.pageUrl('p1', 'uiid=7');
    assert.equal((await fetch(url)).status, 200);
    const [load] = engine.web.loads();
    assert.equal(load?.name, 'p1');
    assert.equal(load?.url, url);
  });
});

describe('DmServerEngine: served over loopback', () => {
  it('hands out URLs on the served port and records the same evidence', async () => {
    const served = new TraceRecorder();
    const remote = new DmServerEngine({ recorder: served, devId: DEV_ID });
    const endpoint = await serveHandlers(() => remote.handlers(), { name: 'dmct' });
    try {
      remote.setPublicUrl(endpoint.url);
      assert.equal(remote.dmUrl, `${endpoint.url}/dm`);
      const cont = remote.contUrl();
      assert.ok(cont.startsWith(`${endpoint.url}/dm/cont/`));
      remote.script({ package2: { CMD: [['CONT', cont]] } });
      const reply = await post(remote.dmUrl, SESSION_ALERT, P1);
      assert.deepEqual(await reply.json(), { CMD: [['CONT', cont]] });
      await post(cont, { Status: [{ sc: 200 }] }, P3);
      const [p1, p3] = remote.packages();
      assert.equal(p1?.url, `${endpoint.url}/dm`);
      assert.equal(p3?.url, cont);
      assert.deepEqual(p3?.violations, []);
      assert.ok(validateEvidence(served.toEvidence()).ok);
    } finally {
      await endpoint.close();
    }
  });
});

describe('DmServerEngine: which package a request is', () => {
  it('takes any multipart type for a Package#3 (multipart/mixed included), and a deep body for no Package#3', () => {
    const bytes = new TextEncoder().encode('--b\r\ncontent-type: application/vnd.oma.dm.response+json\r\n\r\n{"Status":[]}\r\n--b--\r\n');
    assert.equal(classify('multipart/mixed; boundary=b', bytes), 3);
    assert.equal(classify('multipart/form-data; boundary=b', bytes), 3);
    assert.equal(classify(undefined, new TextEncoder().encode('{"Status":[{"sc":200}]}')), 3);
    assert.equal(classify(undefined, new TextEncoder().encode(`{"Status":${'['.repeat(100_000)}}`)), 1);
  });
});

describe('DmServerEngine: credentials demanded of the client (§9.2.1)', () => {
  it('answers 401 with the demanded scheme until the credentials come, keeps each refusal and logs only the package that proved them', async () => {
    engine.demandCredentials({ scheme: 'basic', username: 'dev', password: 'pw' });
    const mark = engine.mark();
    const refused = await post(engine.dmUrl, SESSION_ALERT, P1);
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('www-authenticate') ?? '', /^Basic realm="dmct"/);
    assert.equal(engine.packages().length, 0);
    const accepted = await fetch(engine.dmUrl, {
      method: 'POST',
      headers: { 'content-type': P1, 'omadm-devid': DEV_ID, authorization: `Basic ${Buffer.from('dev:pw').toString('base64')}` },
      body: JSON.stringify(SESSION_ALERT),
    });
    assert.equal(accepted.status, 200);
    assert.equal(engine.packages().length, 1);
    assert.deepEqual(
      engine.challenged(mark).map((entry) => [entry.sent, entry.reason]),
      [['none', 'no credentials']],
    );
    engine.demandCredentials(undefined);
    assert.equal((await post(engine.dmUrl, SESSION_ALERT, P1)).status, 200);
    assertValidEvidence();
  });
});
