/**
 * End-to-end half of the notification delivery tests (test/unit/harness/notification-delivery.test.ts):
 * shell delivery, run by a real `/bin/sh` in a child process.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deliverNotification } from '../../../src/harness/notification-delivery.js';
import { TraceRecorder } from '../../../src/harness/trace-recorder.js';
import { compileSchema } from '../../../src/protocol/json-schema.js';
import { type Evidence, evidenceSchema } from '../../../src/report/schemas/evidence.schema.js';

const validateEvidence = compileSchema<Evidence>(evidenceSchema);
/** The worked example of the test vectors (fixtures/notifications/valid.json), as in the unit test. */
const PACKAGE0 = Buffer.from('22001004646d73312002002a10206b6fc5efd48400340c491e93d21b442d7db610e7b22c092f9ecb946e677609932000', 'hex');
const scratch = mkdtempSync(join(tmpdir(), 'dmct-delivery-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('notification delivery: shell', () => {
  it('shell: fills {{hex}}, {{base64}} and {{devId}} as literal words', async () => {
    const out = join(scratch, 'shell-out.txt');
    const canary = join(scratch, 'canary');
    const recorder = new TraceRecorder();
    const outcome = await deliverNotification(
      { kind: 'shell', command: `printf '%s|%s|%s' {{hex}} "{{base64}}" {{devId}} > ${out}` },
      { bytes: PACKAGE0 },
      { recorder, devId: `IMEI:1'; touch ${canary}; '$(touch ${canary})` },
    );
    assert.deepEqual(outcome, { ok: true, detail: 'the notification command exited 0' });
    assert.equal(
      readFileSync(out, 'utf8'),
      `${PACKAGE0.toString('hex')}|${PACKAGE0.toString('base64')}|IMEI:1'; touch ${canary}; '$(touch ${canary})`,
    );
    assert.equal(existsSync(canary), false);
    assert.equal(recorder.messages[0]?.body?.hex, PACKAGE0.toString('hex'));
    assert.ok(validateEvidence(recorder.toEvidence()).ok);
  });

  it('shell: hands the bytes over in a temporary {{file}}, removed afterwards', async () => {
    const copy = join(scratch, 'copy.bin');
    const where = join(scratch, 'where.txt');
    const outcome = await deliverNotification(
      { kind: 'shell', command: `cp {{file}} ${copy} && printf %s {{file}} > ${where}` },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.equal(outcome.ok, true);
    assert.deepEqual(readFileSync(copy), PACKAGE0);
    assert.equal(existsSync(readFileSync(where, 'utf8')), false);
  });

  it("shell: also writes the bytes to the command's standard input", async () => {
    const copy = join(scratch, 'stdin.bin');
    const outcome = await deliverNotification(
      { kind: 'shell', command: `cat > ${copy}` },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.equal(outcome.ok, true);
    assert.deepEqual(readFileSync(copy), PACKAGE0);
  });

  it('shell: a failing command is inconclusive with its stderr', async () => {
    const outcome = await deliverNotification(
      { kind: 'shell', command: 'echo "modem not found" >&2; exit 3' },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder() },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: 'the notification command exited 3: modem not found' });
  });

  it('shell: a command that hangs is stopped and inconclusive', async () => {
    const outcome = await deliverNotification(
      { kind: 'shell', command: 'sleep 30' },
      { bytes: PACKAGE0 },
      { recorder: new TraceRecorder(), timeoutMs: 200 },
    );
    assert.deepEqual(outcome, { ok: false, inconclusive: 'the notification command did not finish within 200 ms' });
  });
});
