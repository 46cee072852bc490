import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startReferenceServer, type RunningReferenceServer } from '../../../src/reference/server/index.js';
import { createTestPki } from '../../../src/transport/test-pki.js';
import { assertItemsPass } from './items-pass.js';

const run = promisify(execFile);
const ITEMS = ['DM-SEC-001-S-M', 'DM-SEC-002-S-M', 'DM-SEC-006-S-M', 'DM-SEC-008-S-M', 'DM-SEC-010-S-M', 'DM-PACK-017-S-M'];
const PASSWORD_ENV = 'DMCT_E2E_DEVICE_PASSWORD';
const PSK = { identity: 'e2e-device', keyHex: '0f0e0d0c0b0a09080706050403020100' };

/** Every file under `dir`, as text. */
async function textsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(json|html|txt)$/.test(entry.name))
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
}

/**
 * A DM server behind HTTPS with a private CA, HTTP Basic/Digest and a PSK, reached from a claims
 * file alone: the CA bundle by path, the password from the environment (§9.2).
 */
describe('dmct run --role server against an https:// target with a private CA (end to end)', () => {
  let server: RunningReferenceServer;
  let dir: string;
  let claimsFile: string;

  before(async () => {
    const pki = await createTestPki();
    server = await startReferenceServer({
      print: () => undefined,
      serverId: 'dmct-reference-server',
      tls: { ...pki.server, psk: { identity: PSK.identity, key: Buffer.from(PSK.keyHex, 'hex') } },
      httpAuth: { username: 'e2e-device', password: 'e2e-password' },
    });
    assert.match(server.dmUrl, /^https:\/\/127\.0\.0\.1:\d+\/dm$/);
    dir = await mkdtemp(join(tmpdir(), 'dmct-https-'));
    await writeFile(join(dir, 'private-ca.pem'), pki.ca.cert);
    const claims = JSON.parse(await readFile('fixtures/claims/dm20-2016/server.json', 'utf8')) as Record<string, unknown> & {
      server: { url: string; device: { devId: string }; triggers: Record<string, { headers: Record<string, string> }> };
    };
    for (const trigger of Object.values(claims.server.triggers)) trigger.headers['authorization'] = 'Bearer {{adminToken}}';
    claims.server.url = server.dmUrl;
    claims['adminUrl'] = server.adminUrl;
    claims['adminToken'] = server.adminToken;
    claims['tls'] = { caFile: 'private-ca.pem', only: true, psk: PSK, versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] };
    claims['httpAuth'] = { send: { username: 'e2e-device', password: { env: PASSWORD_ENV } } };
    claimsFile = join(dir, 'claims.json');
    await writeFile(claimsFile, JSON.stringify(claims));
    const response = await fetch(`${server.adminUrl}/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ devId: claims.server.device.devId, secret: 's3cr3t', authData: 'nonce' }),
    });
    assert.ok(response.ok, `registering the device: HTTP ${response.status}`);
  });
  after(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'passes HTTP Basic and Digest, TLS 1.1, PSK-TLS and X.509 mode, and a command session over HTTPS; the report shows the negotiated TLS',
    { timeout: 300_000 },
    async () => {
      const out = join(dir, 'out');
      await run(
        process.execPath,
        [
          'bin/dmct.js',
          'run',
          '--role',
          'server',
          '--claims',
          claimsFile,
          '--target',
          server.dmUrl,
          '--out',
          out,
          '--progress',
          'off',
          '--only',
          ...ITEMS,
        ],
        {
          env: { ...process.env, CI: '1', FORCE_COLOR: '0', DMCT_WORKERS: '1', [PASSWORD_ENV]: 'e2e-password' },
          maxBuffer: 16 * 1024 * 1024,
        },
      ).catch((error: { code?: number; stderr?: string }) =>
        assert.ok(error.code === 1 || error.code === 3, `dmct run exited ${String(error.code)}: ${error.stderr ?? ''}`),
      );
      await assertItemsPass(out, ITEMS);
      const texts = await textsUnder(out);
      assert.ok(
        texts.some((text) => /TLS TLSv1\.2, TLS_\w+ \(peer certificate CN=dmct test server\)/.test(text)),
        'the report shows the negotiated TLS of the exchanges',
      );
    },
  );
});
