import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { type ServedEndpoint, serveHandlers } from '../../../src/transport/endpoint-server.js';
import { HookRunner } from '../../../src/harness/hooks.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';

const scratch = mkdtempSync(join(tmpdir(), 'dmct-hooks-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** True while a process with this id runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const pidOf = (file: string) => Number(readFileSync(file, 'utf8').trim());

describe('hooks', () => {
  let target: ServedEndpoint;
  let healthCalls = 0;
  before(async () => {
    target = await serveHandlers(
      [
        http.post('http://dm.test/restart', () => {
          healthCalls = 0;
          return HttpResponse.json({ restarting: true });
        }),
        // Ready from the third poll on: the probe must keep asking.
        http.get('http://dm.test/health', () => (++healthCalls >= 3 ? HttpResponse.json({ up: true }) : new HttpResponse(null, { status: 503 }))),
        http.get('http://dm.test/never', () => new HttpResponse(null, { status: 503 })),
      ],
      { name: 'target' },
    );
  });
  after(() => target.close());

  it('a shell hook ready on an output line keeps running as the target; running it again restarts it', async () => {
    const runner = new HookRunner();
    const pidFile = join(scratch, 'pid');
    const hook = { run: { kind: 'shell' as const, command: `echo $$ > ${pidFile}; echo starting {{devId}}; echo "listening on 4711"; exec sleep 600` }, ready: { line: '^listening on \\d+$', timeoutMs: 5000 } };
    const recorder = new TraceRecorder();
    const first = await runner.run('reset', hook, { devId: 'IMEI:1' }, { recorder });
    assert.deepEqual(first, { ok: true, detail: 'hook reset: ready', answer: 'listening on 4711' });
    const firstPid = pidOf(pidFile);
    assert.ok(alive(firstPid));
    const second = await runner.run('reset', hook, { devId: 'IMEI:1' }, { recorder });
    assert.equal(second.ok, true);
    const secondPid = pidOf(pidFile);
    assert.notEqual(secondPid, firstPid);
    assert.equal(alive(firstPid), false, 'the previous process is stopped before the hook runs again');
    await runner.stopAll();
    assert.equal(alive(secondPid), false);
    assert.deepEqual(recorder.messages.map((m) => m.label).filter((l) => l.endsWith('ready: listening on 4711')), ['hook reset: ready: listening on 4711', 'hook reset: ready: listening on 4711']);
  });

  it('a target command that exits before its ready line, or never prints it, fails the hook with its output', async () => {
    const runner = new HookRunner();
    const exited = await runner.run('setup', { run: { kind: 'shell', command: 'echo "port 80 in use" >&2; exit 3' }, ready: { line: 'listening' } }, {}, { recorder: new TraceRecorder() });
    assert.deepEqual(exited, { ok: false, inconclusive: 'hook setup: the command exited 3 before it was ready: port 80 in use', outcome: 'stimulus-not-delivered' });
    const silent = await runner.run('setup', { run: { kind: 'shell', command: 'exec sleep 600' }, ready: { line: 'listening', timeoutMs: 100 } }, {}, { recorder: new TraceRecorder() });
    assert.deepEqual(silent, { ok: false, inconclusive: 'hook setup: no line matching /listening/ within 100 ms', outcome: 'stimulus-not-delivered' });
    const notShell = await runner.run('setup', { run: { kind: 'http', url: `${target.url}/restart` }, ready: { line: 'x' } }, {}, { recorder: new TraceRecorder() });
    assert.match(notShell.ok ? '' : notShell.inconclusive, /^hook setup: ready\.line needs a shell command/);
    await runner.stopAll();
  });

  it('an HTTP hook with a readiness URL polls it until it answers 2xx, or fails at the deadline', async () => {
    const runner = new HookRunner();
    const recorder = new TraceRecorder();
    const ready = await runner.run('reset', { run: { kind: 'http', url: '{{adminUrl}}/restart' }, ready: { url: '{{adminUrl}}/health', timeoutMs: 5000 } }, { adminUrl: target.url }, { recorder });
    assert.equal(ready.ok, true, JSON.stringify(ready));
    assert.equal(healthCalls, 3);
    assert.ok(recorder.messages.some((m) => m.label === `hook reset: ${target.url}/health ready`));
    const never = await runner.run('reset', { run: { kind: 'http', url: '{{adminUrl}}/restart' }, ready: { url: '{{adminUrl}}/never', timeoutMs: 150 } }, { adminUrl: target.url }, { recorder: new TraceRecorder() });
    assert.deepEqual(never, { ok: false, inconclusive: `hook reset: ${target.url}/never was not ready within 150 ms (last: HTTP 503)`, outcome: 'stimulus-not-delivered' });
  });

  it('a hook whose trigger fails is not probed', async () => {
    const runner = new HookRunner();
    const outcome = await runner.run('teardown', { run: { kind: 'shell', command: 'exit 1' }, ready: { url: 'http://127.0.0.1:9/x' } }, {}, { recorder: new TraceRecorder() });
    assert.deepEqual(outcome, { ok: false, inconclusive: 'trigger hook teardown: the command exited 1', outcome: 'stimulus-not-delivered' });
  });
});
