import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { listenUdp, type UdpListener } from '../../../src/transport/udp.js';

const run = promisify(execFile);

/**
 * A black-hole DM client: every trigger succeeds (a shell command exiting 0), notifications go out
 * over UDP to a socket that takes them, and nothing ever opens a DM session. dmct must give it no
 * pass at all: a succeeded trigger and an unconfirmable datagram are stimuli dmct cannot show the
 * DM client received, so every item that needs a session is inconclusive (never fail, never pass).
 */
describe('dmct run --role client against a black-hole client (end to end)', () => {
  let dir: string;
  let sink: UdpListener;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-black-hole-client-'));
    sink = await listenUdp();
  });
  after(async () => {
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'finding 7: a client whose trigger succeeds but which never connects gets no pass: every item inconclusive',
    { timeout: 300_000 },
    async () => {
      const claims = JSON.parse(await readFile('fixtures/claims/reference-client.json', 'utf8')) as Record<string, Record<string, unknown>>;
      // Short windows: nothing ever comes from a black hole, so only how long each wait lasts depends on them.
      claims['timeouts'] = { responseMs: 1000, sessionMs: 400, noSessionWaitMs: 100, operatorMs: 1000 };
      const client = claims['client'] as Record<string, unknown>;
      client['notification'] = { ...(client['notification'] as object), transport: 'udp', udp: { host: '127.0.0.1', port: sink.port } };
      client['clientInitiated'] = { kind: 'shell', command: 'true' };
      client['needMoid'] = { kind: 'shell', command: 'true' };
      client['sessionWith'] = { kind: 'shell', command: 'true' };
      // A black hole has no admin API (and the pre-flight would refuse an unreachable one).
      delete claims['adminUrl'];
      const claimsFile = join(dir, 'claims.json');
      await writeFile(claimsFile, JSON.stringify(claims));
      const out = join(dir, 'out');
      const outcome = await run(
        process.execPath,
        ['bin/dmct.js', 'run', '--role', 'client', '--claims', claimsFile, '--out', out, '--progress', 'off'],
        { env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1' }, maxBuffer: 16 * 1024 * 1024 },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(outcome.code, 3, `exit ${outcome.code}: ${outcome.stderr.slice(-800)}`);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
        items: { id: string; role: string; verdict: string }[];
      };
      const vector = Object.fromEntries(report.items.filter((item) => item.role === 'client').map((item) => [item.id, item.verdict]));
      const expected = Object.fromEntries(Object.keys(vector).map((id) => [id, 'inconclusive']));
      assert.ok(Object.keys(vector).length >= 26, JSON.stringify(vector));
      assert.deepEqual(vector, expected);
    },
  );
});
