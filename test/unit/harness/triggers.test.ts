import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, delay, http } from 'msw';
import { type ServedEndpoint, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { NO_OPERATOR, terminalOperator } from '../../../src/harness/operator.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { type TriggerSpec, runTrigger } from '../../../src/harness/triggers.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import type { Trigger } from '../../../src/scr/schemas/claims.schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const scratch = mkdtempSync(join(tmpdir(), 'dmct-triggers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface HookCall {
  path: string;
  token: string | null;
  body: unknown;
}

describe('triggers', () => {
  const calls: HookCall[] = [];
  let admin: ServedEndpoint;
  before(async () => {
    admin = await serveHandlers(
      [
        http.post('http://dm.test/admin/:action/:devId', async ({ request, params }) => {
          calls.push({
            path: `${String(params['action'])}/${String(params['devId'])}`,
            token: request.headers.get('x-token'),
            body: await request.json(),
          });
          return HttpResponse.json({ queued: true }, { status: 202 });
        }),
        http.post('http://dm.test/refuse', () => new HttpResponse('no such device', { status: 404 })),
        http.post('http://dm.test/long', () => new HttpResponse('x'.repeat(5000), { status: 400 })),
        http.post('http://dm.test/cannot', () => HttpResponse.json({ unsupported: ['preferredConType'] }, { status: 422 })),
        http.post('http://dm.test/cannot-plain', () => new HttpResponse('no TIMESTAMP here', { status: 422 })),
        http.post('http://dm.test/ignored', () => HttpResponse.json({ queued: true, unsupported: ['reqMos', 'digest'] })),
        http.post('http://dm.test/done', () => HttpResponse.json({ sessionDone: true })),
        http.post('http://dm.test/slow', async () => {
          await delay('infinite');
          return new HttpResponse(null);
        }),
      ],
      { name: 'admin' },
    );
  });
  after(() => admin.close());

  it('http: calls the hook with every placeholder escaped for its place', async () => {
    const recorder = new TraceRecorder();
    // Typed as the claims schema's Trigger: tsc fails here if TriggerSpec stops fitting it.
    const trigger: Trigger = {
      kind: 'http',
      url: '{{adminUrl}}/admin/notify/{{devId}}',
      headers: { 'x-token': '{{token}}' },
      body: '{"devId":"{{devId}}","command":{{command}},"note":"{{command}}"}',
    };
    const outcome = await runTrigger(
      trigger,
      { adminUrl: admin.url, devId: 'IMEI:1/"x"', token: 't\r\nx-evil: 1', command: ['HGET', 'http://repo/x', '/a'] },
      { name: 'sendNotification', recorder },
    );
    assert.deepEqual(outcome, { ok: true, detail: 'trigger sendNotification: HTTP 202', answer: '{"queued":true}' });
    assert.deepEqual(calls.at(-1), {
      path: 'notify/IMEI:1/"x"',
      token: 't%0D%0Ax-evil: 1',
      body: { devId: 'IMEI:1/"x"', command: ['HGET', 'http://repo/x', '/a'], note: '["HGET","http://repo/x","/a"]' },
    });
    assert.equal(recorder.messages[0]?.label, 'trigger sendNotification');
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('http: a body declared as text is sent as it is', async () => {
    const recorder = new TraceRecorder();
    const trigger: TriggerSpec = {
      kind: 'http',
      method: 'POST',
      url: `${admin.url}/refuse`,
      headers: { 'Content-Type': 'text/plain' },
      body: 'dev "{{devId}}"',
    };
    await runTrigger(trigger, { devId: 'a"b' }, { name: 'plain', recorder });
    const sent = recorder.messages.find((m) => m.kind === 'http-request');
    assert.equal(sent?.http?.headers?.['content-type'], 'text/plain');
    assert.equal(sent?.body?.text, 'dev "a"b"');
  });

  it('an absent trigger is inconclusive and says which one', async () => {
    const recorder = new TraceRecorder();
    const outcome = await runTrigger(undefined, {}, { name: 'sendHget', recorder });
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger sendHget is not configured in the claims',
      outcome: 'stimulus-not-delivered',
    });
    assert.equal(recorder.messages[0]?.label, 'trigger sendHget is not configured in the claims');
  });

  it('http: a non-2xx answer is inconclusive with the status and what the hook said', async () => {
    const outcome = await runTrigger(
      { kind: 'http', method: 'POST', url: `${admin.url}/refuse` },
      {},
      { name: 'sendHget', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger sendHget: the hook answered HTTP 404: no such device',
      outcome: 'stimulus-not-delivered',
    });
  });

  it('http: the answer quoted in a reason is capped', async () => {
    const outcome = await runTrigger({ kind: 'http', url: `${admin.url}/long` }, {}, { name: 'notify', recorder: new TraceRecorder() });
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.inconclusive, /^trigger notify: the hook answered HTTP 400: x{300}… \[4700 more characters\]$/);
  });

  it('http: 422 is the documented "cannot honour": inconclusive, precondition not met, naming what', async () => {
    const named = await runTrigger({ kind: 'http', url: `${admin.url}/cannot` }, {}, { name: 'notify', recorder: new TraceRecorder() });
    assert.deepEqual(named, {
      ok: false,
      inconclusive: 'trigger notify: the hook cannot honour preferredConType (HTTP 422)',
      outcome: 'precondition-not-met',
    });
    const plain = await runTrigger(
      { kind: 'http', url: `${admin.url}/cannot-plain` },
      {},
      { name: 'notify', recorder: new TraceRecorder() },
    );
    assert.deepEqual(plain, {
      ok: false,
      inconclusive: 'trigger notify: the hook answered HTTP 422 (cannot honour): no TIMESTAMP here',
      outcome: 'precondition-not-met',
    });
  });

  it('http: a 2xx answer listing "unsupported" is "cannot honour" too; "sessionDone" is reported', async () => {
    const ignored = await runTrigger({ kind: 'http', url: `${admin.url}/ignored` }, {}, { name: 'notify', recorder: new TraceRecorder() });
    assert.deepEqual(ignored, {
      ok: false,
      inconclusive: 'trigger notify: the hook cannot honour reqMos, digest (trigger notify: HTTP 200)',
      outcome: 'precondition-not-met',
    });
    const done = await runTrigger(
      { kind: 'http', url: `${admin.url}/done` },
      {},
      { name: 'clientInitiated', recorder: new TraceRecorder() },
    );
    assert.deepEqual(done, { ok: true, detail: 'trigger clientInitiated: HTTP 200', answer: '{"sessionDone":true}', sessionDone: true });
  });

  it('http: a JSON body template maps values onto another API shape, as JSON values, leaving out members without a value', async () => {
    const recorder = new TraceRecorder();
    const outcome = await runTrigger(
      {
        kind: 'http',
        url: '{{adminUrl}}/admin/notify/{{devId}}',
        body: '{"srv": {{options.serverId}}, "preferredConType": {{options.conTypes}}, "first": {{options.conTypes.0}}, "ts": {{options.timestamp}}, "note": "for {{devId}}"}',
      },
      { adminUrl: admin.url, devId: 'd"1', options: { serverId: 'srv"}', conTypes: [2, 0] } },
      { name: 'notify', recorder },
    );
    assert.equal(outcome.ok, true);
    assert.deepEqual(calls.at(-1)?.body, { srv: 'srv"}', preferredConType: [2, 0], first: 2, note: 'for d"1' });
  });

  it('http: a hook that does not answer in time is inconclusive', async () => {
    const outcome = await runTrigger(
      { kind: 'http', method: 'POST', url: `${admin.url}/slow` },
      {},
      { name: 'sendHget', recorder: new TraceRecorder(), timeoutMs: 150 },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger sendHget: timeout (no complete answer within 150 ms)',
      outcome: 'stimulus-not-delivered',
    });
  });

  it('http: a URL placeholder without a usable value is inconclusive', async () => {
    const outcome = await runTrigger(
      { kind: 'http', method: 'GET', url: '{{adminUrl}}/x' },
      {},
      { name: 'sendHget', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger sendHget: url: no value for {{adminUrl}}',
      outcome: 'stimulus-not-delivered',
    });
  });

  it('shell: a placeholder inside a heredoc is refused (inconclusive), nothing runs', async () => {
    const canary = join(scratch, 'heredoc-canary');
    const outcome = await runTrigger(
      { kind: 'shell', command: `cat <<EOF\n{{devId}}\nEOF\ntouch ${canary}` },
      { devId: 'x' },
      { name: 'notify', recorder: new TraceRecorder() },
    );
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.inconclusive, /^trigger notify: command: placeholders are refused in a shell command using <</);
    assert.equal(existsSync(canary), false);
  });

  it('module: calls the exported function named like the trigger with the input, resolved against baseDir', async () => {
    writeFileSync(
      join(scratch, 'hooks.mjs'),
      [
        'export async function notify(input) { return { got: input.options, dev: input.devId }; }',
        'export async function unsupported() { return { unsupported: ["reqMos"] }; }',
        'export async function broken() { throw new Error("no route to the admin API"); }',
        'export function hangs(input, { signal }) { return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))); }',
        'export const notAFunction = 1;',
      ].join('\n'),
    );
    const recorder = new TraceRecorder();
    const outcome = await runTrigger(
      { kind: 'module', module: './hooks.mjs' },
      { devId: 'd1', options: { conTypes: [1] } },
      { name: 'notify', recorder, baseDir: scratch },
    );
    assert.deepEqual(outcome, {
      ok: true,
      detail: 'trigger notify: the module function returned',
      answer: '{"got":{"conTypes":[1]},"dev":"d1"}',
    });
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
    const pull = (exportName: string, timeoutMs = 2000) =>
      runTrigger(
        { kind: 'module', module: join(scratch, 'hooks.mjs'), export: exportName },
        {},
        { name: 'notify', recorder: new TraceRecorder(), timeoutMs },
      );
    assert.deepEqual(await pull('unsupported'), {
      ok: false,
      inconclusive: 'trigger notify: the hook cannot honour reqMos (trigger notify: the module function returned)',
      outcome: 'precondition-not-met',
    });
    assert.deepEqual(await pull('broken'), {
      ok: false,
      inconclusive: 'trigger notify: the module function failed: no route to the admin API',
      outcome: 'stimulus-not-delivered',
    });
    assert.deepEqual(await pull('hangs', 100), {
      ok: false,
      inconclusive: 'trigger notify: the module function did not finish within 100 ms',
      outcome: 'stimulus-not-delivered',
    });
    assert.deepEqual(await pull('notAFunction'), {
      ok: false,
      inconclusive: `trigger notify: module ${join(scratch, 'hooks.mjs')} exports no function notAFunction`,
      outcome: 'stimulus-not-delivered',
    });
    const missing = await runTrigger(
      { kind: 'module', module: './nope.mjs' },
      {},
      { name: 'notify', recorder: new TraceRecorder(), baseDir: scratch },
    );
    assert.match(missing.ok ? '' : missing.inconclusive, /^trigger notify: cannot load module .*nope\.mjs/);
  });

  it('manual: without a terminal it is inconclusive', async () => {
    const operator = terminalOperator({ input: new PassThrough(), output: new PassThrough() });
    const outcome = await runTrigger(
      { kind: 'manual', prompt: 'Make {{devId}} send an alert' },
      { devId: 'IMEI:1' },
      { name: 'raiseAlert', recorder: new TraceRecorder(), operator },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: `trigger raiseAlert: ${NO_OPERATOR}`, outcome: 'stimulus-not-delivered' });
  });

  it('manual: the operator sees the filled prompt and confirms', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const recorder = new TraceRecorder();
    const outcome = runTrigger(
      { kind: 'manual', prompt: 'Make {{devId}} send an alert' },
      { devId: 'IMEI:1' },
      { name: 'raiseAlert', recorder, operator: terminalOperator({ input, output }) },
    );
    input.write('\n');
    assert.deepEqual(await outcome, { ok: true, detail: 'trigger raiseAlert: confirmed by the operator' });
    assert.match(printed, /Make IMEI:1 send an alert/);
    assert.deepEqual(
      recorder.messages.map((m) => m.label),
      ['trigger raiseAlert (manual): Make IMEI:1 send an alert', 'trigger raiseAlert: confirmed by the operator'],
    );
  });
});
