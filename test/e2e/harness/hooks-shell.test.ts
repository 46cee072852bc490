/**
 * End-to-end half of the hook tests (test/unit/harness/hooks.test.ts): shell hooks, run by a real
 * `/bin/sh` as processes that keep running, are stopped and restarted.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
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

describe('hooks: shell', () => {
  it('a shell hook ready on an output line keeps running as the target; running it again restarts it', async () => {
    const runner = new HookRunner();
    const pidFile = join(scratch, 'pid');
    const hook = {
      run: { kind: 'shell' as const, command: `echo $$ > ${pidFile}; echo starting {{devId}}; echo "listening on 4711"; exec sleep 600` },
      ready: { line: '^listening on \\d+$', timeoutMs: 5000 },
    };
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
    assert.deepEqual(
      recorder.messages.map((m) => m.label).filter((l) => l.endsWith('ready: listening on 4711')),
      ['hook reset: ready: listening on 4711', 'hook reset: ready: listening on 4711'],
    );
  });

  it('a target command that exits before its ready line, or never prints it, fails the hook with its output', async () => {
    const runner = new HookRunner();
    const exited = await runner.run(
      'setup',
      { run: { kind: 'shell', command: 'echo "port 80 in use" >&2; exit 3' }, ready: { line: 'listening' } },
      {},
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(exited, {
      ok: false,
      inconclusive: 'hook setup: the command exited 3 before it was ready: port 80 in use',
      outcome: 'stimulus-not-delivered',
    });
    const silent = await runner.run(
      'setup',
      { run: { kind: 'shell', command: 'exec sleep 600' }, ready: { line: 'listening', timeoutMs: 100 } },
      {},
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(silent, {
      ok: false,
      inconclusive: 'hook setup: no line matching /listening/ within 100 ms',
      outcome: 'stimulus-not-delivered',
    });
    await runner.stopAll();
  });

  it('a hook whose trigger fails is not probed', async () => {
    const runner = new HookRunner();
    const outcome = await runner.run(
      'teardown',
      { run: { kind: 'shell', command: 'exit 1' }, ready: { url: 'http://127.0.0.1:9/x' } },
      {},
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger hook teardown: the command exited 1',
      outcome: 'stimulus-not-delivered',
    });
  });
});
