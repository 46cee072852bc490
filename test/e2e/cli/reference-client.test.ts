import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENV = { ...process.env, FORCE_COLOR: '0' };

function dmct(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/dmct.js', 'sim', 'client', ...args], { cwd: ROOT, encoding: 'utf8', env: ENV });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('dmct sim client (spawned)', () => {
  it('usage errors exit 2 with one line', () => {
    const noServer = dmct();
    assert.equal(noServer.status, 2);
    assert.equal(noServer.stderr, 'dmct: dmct sim client needs --server URL (or a sub-command: alert, session, state)\n');
    const badFault = dmct('--server', 'http://127.0.0.1:9/dm', '--fault', 'no-such-fault');
    assert.equal(badFault.status, 2);
    assert.match(badFault.stderr, /^dmct: --fault: unknown client fault "no-such-fault"; known: accept-wrong-ver, .*\n$/);
    const dataWithoutType = dmct('alert', '--admin', 'http://127.0.0.1:9', '--type', 'urn:x', '--data', '{}');
    assert.equal(dataWithoutType.status, 2);
    assert.equal(dataWithoutType.stderr, 'dmct: --data needs --data-type (section 5.4: DataType MUST be present with Data)\n');
  });

  it('runs until SIGINT, prints its ports as JSON, and is driven by its sub-commands', async () => {
    const child = spawn(process.execPath, ['bin/dmct.js', 'sim', 'client', '--server', 'http://127.0.0.1:9/dm', '--json'], {
      cwd: ROOT,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`dmct sim client exited early (${String(code)})`)));
      });
      const banner = JSON.parse(first) as { devId: string; adminUrl: string; adminToken: string; udpPort: number; notifyUrl: string };
      assert.equal(banner.devId, 'IMEI:351234567890123');
      assert.ok(banner.udpPort > 0);
      const refused = dmct('session', '--admin', banner.adminUrl, '--admin-token', 'not-the-token-at-all', '--wait');
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /→ 401: missing or wrong admin token/);
      const token = ['--admin-token', banner.adminToken];
      const session = dmct('session', '--admin', banner.adminUrl, ...token, '--wait');
      assert.equal(session.status, 0, session.stderr);
      assert.match(session.stdout, /^session 1 aborted: no Package#2: connection-error/);
      const alert = dmct('alert', '--admin', banner.adminUrl, ...token, '--type', 'urn:dmct:at:test:1.0:Ping', '--mark', 'minor');
      assert.equal(alert.stdout, 'alert queued (1 waiting for the next package)\n');
      const state = JSON.parse(dmct('state', '--admin', banner.adminUrl, ...token).stdout) as {
        pendingAlerts: number;
        sessions: unknown[];
      };
      assert.equal(state.pendingAlerts, 1, 'the alert waits for the next package');
      assert.equal(state.sessions.length, 1);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    }
  });
});
