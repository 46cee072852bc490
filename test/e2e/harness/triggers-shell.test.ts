/**
 * End-to-end half of the trigger tests (test/unit/harness/triggers.test.ts): shell triggers, run
 * by a real `/bin/sh` in a child process.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { runTrigger } from '../../../src/harness/triggers.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
const scratch = mkdtempSync(join(tmpdir(), 'dmct-triggers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('triggers: shell', () => {
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

  it('shell: a non-zero exit is inconclusive with the tail of stderr', async () => {
    const outcome = await runTrigger(
      { kind: 'shell', command: 'for i in 1 2 3; do echo "line $i" >&2; done; exit 7' },
      {},
      { name: 'sendExec', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger sendExec: the command exited 7: line 1\nline 2\nline 3',
      outcome: 'stimulus-not-delivered',
    });
  });

  it('shell: a command that leaves a background process running still counts as done', async () => {
    const outcome = await runTrigger(
      { kind: 'shell', command: 'sleep 5 & echo started' },
      {},
      { name: 'daemon', recorder: new TraceRecorder(), timeoutMs: 3000 },
    );
    assert.deepEqual(outcome, { ok: true, detail: 'trigger daemon: the command exited 0', answer: 'started\n' });
  });

  it('shell: standard output listing "unsupported" is "cannot honour"', async () => {
    const outcome = await runTrigger(
      { kind: 'shell', command: `echo '{"unsupported": ["conTypes"]}'` },
      {},
      { name: 'notify', recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, {
      ok: false,
      inconclusive: 'trigger notify: the hook cannot honour conTypes (trigger notify: the command exited 0)',
      outcome: 'precondition-not-met',
    });
  });

  it('shell: runs in the claims folder (baseDir)', async () => {
    const outcome = await runTrigger(
      { kind: 'shell', command: 'pwd' },
      {},
      { name: 'where', recorder: new TraceRecorder(), baseDir: scratch },
    );
    assert.equal(outcome.ok ? outcome.answer?.trim() : '', realpathSync(scratch));
  });
});
