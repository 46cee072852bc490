/**
 * A DM server that no one wrote for dmct, driven end to end by `dmct run` from a claims file
 * alone (no wrapper script): the other-shape server of data/ has its own admin API (other paths,
 * other key names, an API key header) and serves one session per process. The claims start it
 * afresh before each scenario (reset hook, ready on an output line), map dmct's trigger inputs
 * onto its API with JSON body templates and a module trigger, and hand it dmct's notification
 * sink and credentials through {{dmct.…}} placeholders (the sink listens on a free port).
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPORT_FILES, type Report } from '../../../src/report/index.js';
import { ROOT, dmct } from './dmct-process.js';
import { freePort } from '../../unit/run/free-port.js';

let dir = '';
before(async () => (dir = await mkdtemp(join(tmpdir(), 'dmct-foreign-'))));
after(async () => rm(dir, { recursive: true, force: true }));

const API_KEY = 'other-shape-key-0123456789';

/** The vendor's claims: nothing but JSON, mapping dmct onto the server's own API. */
function claims(dmPort: number, adminPort: number): unknown {
  const auth = { 'x-api-key': '{{adminToken}}' };
  return {
    role: 'server',
    implementation: { name: 'Other-shape DMS', vendor: 'Elsewhere Inc.', version: '3.1' },
    implements: [],
    notImplemented: [],
    // A path prefix and a trailing slash: {{adminUrl}}/units/… must still name /ctl/units/….
    adminUrl: `http://127.0.0.1:${adminPort}/ctl/`,
    adminToken: API_KEY,
    timeouts: { responseMs: 5000, sessionMs: 8000, noSessionWaitMs: 1000, operatorMs: 1000, triggerMs: 5000 },
    server: {
      url: `http://127.0.0.1:${dmPort}/dm`,
      device: { devId: 'IMEI:490154203237518', serverId: 'other-shape-dms', notification: { secret: 'k3y', authData: 'n0nce' } },
      notificationSink: { udp: { port: 0 } },
      triggers: {
        notify: {
          kind: 'http',
          url: '{{adminUrl}}/units/{{devId}}/wake',
          headers: auth,
          body: '{"srv": {{options.serverId}}, "preferredConType": {{options.conTypes}}, "nid": {{options.notificationId}}, "ts": {{options.timestamp}}, "askMos": {{options.reqMos}}, "sign": {{options.digest}}}',
        },
        queueCommand: { kind: 'http', url: '{{adminUrl}}/units/{{devId}}/job', headers: auth, body: '{"cmd": {{command}}}' },
        queuePackage2: { kind: 'module', module: './other-shape-hooks.mjs' },
      },
    },
    hooks: {
      reset: {
        run: {
          kind: 'shell',
          command:
            `cd ${ROOT} && exec node --import tsx test/e2e/run/data/other-shape-server.ts --dm-port ${dmPort} --admin-port ${adminPort} ` +
            '--api-key {{adminToken}} --imei {{devId}} --key {{dmct.credentials.secret}} --nonce {{dmct.credentials.authData}} ' +
            '--push {{dmct.notificationSink.udpHost}}:{{dmct.notificationSink.udpPort}}',
        },
        ready: { line: '^READY ', timeoutMs: 30000 },
      },
    },
  };
}

describe('a DM server with an admin API of another shape, one session per process', () => {
  it('is tested from its claims alone: passes where it can, inconclusive naming what its hook cannot honour', async () => {
    const [dmPort, adminPort] = [await freePort(), await freePort()];
    const claimsFile = join(dir, 'other-shape.claims.json');
    await writeFile(claimsFile, `${JSON.stringify(claims(dmPort, adminPort), null, 2)}\n`);
    await copyFile(join(ROOT, 'test/e2e/run/data/other-shape-hooks.mjs'), join(dir, 'other-shape-hooks.mjs'));
    const out = join(dir, 'report');
    // 001: queuePackage2 (module trigger) session after session; 008: notify (JSON template) with a digest;
    // 006: two preferred connection types, which this server cannot send.
    const only = ['DM-PACK-001-S-M', 'DM-PACK-008-S-M', 'DM-PACK-006-S-M'];
    const { code, stderr } = await dmct(['run', '--claims', claimsFile, '--only', only.join(','), '--out', out]);
    const report = JSON.parse(await readFile(join(out, REPORT_FILES.report), 'utf8')) as Report;
    const verdict = Object.fromEntries(report.items.map((item) => [item.id, item]));
    assert.equal(verdict['DM-PACK-001-S-M']?.verdict, 'pass', JSON.stringify(verdict['DM-PACK-001-S-M']?.reason) + stderr);
    assert.equal(verdict['DM-PACK-008-S-M']?.verdict, 'pass', JSON.stringify(verdict['DM-PACK-008-S-M']?.reason) + stderr);
    const refused = verdict['DM-PACK-006-S-M'];
    assert.equal(refused?.verdict, 'inconclusive', stderr);
    assert.match(refused?.reason ?? '', /cannot honour preferredConType/);
    assert.equal(code, 3, stderr);
  });
});
