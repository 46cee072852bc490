/**
 * End-to-end half of the reference server's notification tests
 * (test/unit/reference/server/notifications.test.ts): the allowed shell transport, run by a real
 * `/bin/sh` in a child process.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { decodeNotification } from '../../../src/protocol/notification/decode.js';
import { AUTH_DATA, DEV_ID, SECRET, handlerErrors, interceptor, useReferenceServer } from '../../unit/reference/server/in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => assert.deepEqual(handlerErrors, [], 'no handler of the reference server may throw'));
after(() => interceptor.close());

const NOW = new Date('2026-11-25T12:00:00Z');
const clock = () => NOW;

function decodeChecked(hex: string) {
  return decodeNotification(Buffer.from(hex, 'hex'), { secret: SECRET, authData: AUTH_DATA, now: NOW.getTime() / 1000 });
}

describe('notify transports: shell', () => {
  test('shell (allowed): the command gets the bytes as {{hex}} and on stdin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dmct-rs-'));
    try {
      const rs = useReferenceServer({ clock, allowShellNotify: true });
      const command = `printf '%s' {{hex}} > ${dir}/hex && cat > ${dir}/raw`;
      const sent = await rs.admin('POST', `/devices/${DEV_ID}/notify`, { transport: { transport: 'shell', command } });
      assert.equal(sent.status, 200);
      const { hex } = sent.json as { hex: string };
      assert.equal(await readFile(join(dir, 'hex'), 'utf8'), hex);
      assert.equal((await readFile(join(dir, 'raw'))).toString('hex'), hex);
      assert.deepEqual(decodeChecked(hex).violations, []);
      const failing = await rs.admin('POST', `/devices/${DEV_ID}/notify`, {
        transport: { transport: 'shell', command: 'echo nope >&2; exit 3' },
      });
      assert.equal(failing.status, 502);
      assert.match(String((failing.json as { detail: string }).detail), /exited 3: nope/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
