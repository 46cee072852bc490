import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
          calls.push({ path: `${String(params['action'])}/${String(params['devId'])}`, token: request.headers.get('x-token'), body: await request.json() });
          return HttpResponse.json({ queued: true }, { status: 202 });
        }),
        http.post('http://dm.test/refuse', () => new HttpResponse('no such device', { status: 404 })),
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
    const trigger: TriggerSpec = { kind: 'http', method: 'POST', url: `${admin.url}/refuse`, headers: { 'Content-Type': 'text/plain' }, body: 'dev "{{devId}}"' };
    await runTrigger(trigger, { devId: 'a"b' }, { name: 'plain', recorder });
    const sent = recorder.messages.find((m) => m.kind === 'http-request');
    assert.equal(sent?.http?.headers?.['content-type'], 'text/plain');
    assert.equal(sent?.body?.text, 'dev "a"b"');
  });

  it('an absent trigger is inconclusive and says which one', async () => {
    const recorder = new TraceRecorder();
    const outcome = await runTrigger(undefined, {}, { name: 'sendHget', recorder });
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger sendHget is not configured in the claims' });
    assert.equal(recorder.messages[0]?.label, 'trigger sendHget is not configured in the claims');
  });

  it('http: a non-2xx answer is inconclusive with the status', async () => {
    const outcome = await runTrigger({ kind: 'http', method: 'POST', url: `${admin.url}/refuse` }, {}, { name: 'sendHget', recorder: new TraceRecorder() });
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger sendHget: the hook answered HTTP 404' });
  });

  it('http: a hook that does not answer in time is inconclusive', async () => {
    const outcome = await runTrigger(
      { kind: 'http', method: 'POST', url: `${admin.url}/slow` },
      {},
      { name: 'sendHget', recorder: new TraceRecorder(), timeoutMs: 150 },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger sendHget: timeout (no complete answer within 150 ms)' });
  });

  it('http: a URL placeholder without a usable value is inconclusive', async () => {
    const outcome = await runTrigger({ kind: 'http', method: 'GET', url: '{{adminUrl}}/x' }, {}, { name: 'sendHget', recorder: new TraceRecorder() });
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger sendHget: url: no value for {{adminUrl}}' });
  });

  it('shell: runs the command with values as literal words', async () => {
    const out = join(scratch, 'params.txt');
    const canary = join(scratch, 'canary');
    const recorder = new TraceRecorder();
    const outcome = await runTrigger(
      { kind: 'shell', command: `printf %s {{params}} > ${out}` },
      { params: `a'; touch ${canary}; echo '$(touch ${canary})` },
      { name: 'sendExec', recorder },
    );
    assert.deepEqual(outcome, { ok: true, detail: 'trigger sendExec: the command exited 0', answer: '' });
    assert.equal(readFileSync(out, 'utf8'), `a'; touch ${canary}; echo '$(touch ${canary})`);
    assert.equal(existsSync(canary), false);
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('shell: every value is also in the environment as DMCT_<NAME>, for commands that quote it themselves', async () => {
    const out = join(scratch, 'env.txt');
    const canary = join(scratch, 'env-canary');
    const devId = `IMEI:1$(touch ${canary})`;
    const outcome = await runTrigger(
      { kind: 'shell', command: `cat <<EOF > ${out}\n$DMCT_DEVID|$DMCT_SERVERID|$DMCT_COMMAND\nEOF` },
      { devId, serverId: 'srv', command: ['GET', './x'] },
      { name: 'queueCommand', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, { ok: true, detail: 'trigger queueCommand: the command exited 0', answer: '' });
    assert.equal(readFileSync(out, 'utf8'), `${devId}|srv|["GET","./x"]\n`);
    assert.equal(existsSync(canary), false);
  });

  it('shell: a placeholder inside a heredoc is refused (inconclusive), nothing runs', async () => {
    const canary = join(scratch, 'heredoc-canary');
    const outcome = await runTrigger({ kind: 'shell', command: `cat <<EOF\n{{devId}}\nEOF\ntouch ${canary}` }, { devId: 'x' }, { name: 'notify', recorder: new TraceRecorder() });
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.inconclusive, /^trigger notify: command: placeholders are refused in a shell command using <</);
    assert.equal(existsSync(canary), false);
  });

  it('shell: a non-zero exit is inconclusive with the tail of stderr', async () => {
    const outcome = await runTrigger(
      { kind: 'shell', command: 'for i in 1 2 3; do echo "line $i" >&2; done; exit 7' },
      {},
      { name: 'sendExec', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger sendExec: the command exited 7: line 1\nline 2\nline 3' });
  });

  it('shell: a command that leaves a background process running still counts as done', async () => {
    const outcome = await runTrigger({ kind: 'shell', command: 'sleep 5 & echo started' }, {}, { name: 'daemon', recorder: new TraceRecorder(), timeoutMs: 3000 });
    assert.deepEqual(outcome, { ok: true, detail: 'trigger daemon: the command exited 0', answer: 'started\n' });
  });

  it('manual: without a terminal it is inconclusive', async () => {
    const operator = terminalOperator({ input: new PassThrough(), output: new PassThrough() });
    const outcome = await runTrigger(
      { kind: 'manual', prompt: 'Make {{devId}} send an alert' },
      { devId: 'IMEI:1' },
      { name: 'raiseAlert', recorder: new TraceRecorder(), operator },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: `trigger raiseAlert: ${NO_OPERATOR}` });
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
    assert.deepEqual(recorder.messages.map((m) => m.label), ['trigger raiseAlert (manual): Make IMEI:1 send an alert', 'trigger raiseAlert: confirmed by the operator']);
  });
});
