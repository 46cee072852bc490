import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { dmServerUrlOf, resolveTargets, RunSetupError } from '../../../src/run/index.js';
import type { Claims } from '../../../src/scr/index.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const REFERENCE_SERVER = path('../../../fixtures/claims/reference-server.json');
const REFERENCE_CLIENT = path('../../../fixtures/claims/reference-client.json');
const WITHOUT_PACKAGE0 = path('./data/claims/client-without-package0.json');

function setupError(run: () => unknown, message: string | RegExp): void {
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof RunSetupError, `not a RunSetupError: ${String(err)}`);
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });
}

describe('resolveTargets', () => {
  it('tests both embedded reference peers, with their sample claims, when nothing is given', () => {
    const targets = resolveTargets({});
    assert.deepEqual(targets.roles, ['server', 'client']);
    assert.equal(targets.embedded, true);
    assert.deepEqual(
      targets.setups.map((s) => [s.role, s.claimsFile, s.target.kind, s.target.description]),
      [
        ['server', REFERENCE_SERVER, 'embedded', 'embedded reference server'],
        ['client', REFERENCE_CLIENT, 'embedded', 'embedded reference client'],
      ],
    );
    assert.equal(targets.edition.name, 'dm20-cr-2013');
    assert.match(targets.claims.file, /^server: .*reference-server\.json; client: .*reference-client\.json$/);
    assert.match(targets.claims.sha256, /^[0-9a-f]{64}$/);
  });

  it("takes the role from a claims file's role, and digests its bytes", () => {
    const targets = resolveTargets({ claims: [WITHOUT_PACKAGE0] });
    assert.deepEqual(targets.roles, ['client']);
    assert.equal(targets.embedded, false);
    const [setup] = targets.setups;
    assert.equal(setup?.target.kind, 'external');
    assert.equal(setup?.target.url, 'http://127.0.0.1:7720');
    assert.match(
      setup?.target.description ?? '',
      /^Run test client 0 \(dmct tests\), notified over UDP 127\.0\.0\.1:2948, admin http:\/\/127\.0\.0\.1:7720; its DM server: http:\/\/127\.0\.0\.1:<a free port per scenario>\/dm$/,
    );
    assert.equal(setup?.claimsText, readFileSync(WITHOUT_PACKAGE0, 'utf8'));
  });

  it('--target rewrites the DM URL of a server target (and so the digest)', () => {
    const plain = resolveTargets({ claimsServer: REFERENCE_SERVER });
    const moved = resolveTargets({ claimsServer: REFERENCE_SERVER, target: 'http://192.0.2.10:8080/dm' });
    assert.equal(moved.setups[0]?.claims.server?.url, 'http://192.0.2.10:8080/dm');
    assert.equal(moved.setups[0]?.target.url, 'http://192.0.2.10:8080/dm');
    assert.equal(moved.setups[0]?.rewritten, true);
    assert.notEqual(moved.claims.sha256, plain.claims.sha256);
    assert.match(moved.claims.file, /reference-server\.json \(rewritten by --target\)$/);
  });

  it("--target sets a client target's admin URL", () => {
    const moved = resolveTargets({ claimsClient: REFERENCE_CLIENT, target: 'http://192.0.2.20:7720/admin' });
    assert.equal(moved.setups[0]?.claims.adminUrl, 'http://192.0.2.20:7720/admin');
  });

  it('a fault switch selects its peer and is named in the target', () => {
    const targets = resolveTargets({ faults: ['accept-wrong-ver'] });
    assert.deepEqual(targets.roles, ['client']);
    assert.deepEqual(targets.faults, ['accept-wrong-ver']);
    assert.equal(targets.setups[0]?.target.description, 'embedded reference client with fault accept-wrong-ver');
  });

  it('rejects what cannot be run, one line each', () => {
    setupError(
      () => resolveTargets({ claims: ['/nonexistent/claims.json'] }),
      '/nonexistent/claims.json: cannot read the claims file (no such file)',
    );
    setupError(
      () => resolveTargets({ claimsServer: REFERENCE_CLIENT }),
      `${REFERENCE_CLIENT} /role: "client", but --claims-server takes the claims of a server target (role)`,
    );
    setupError(
      () => resolveTargets({ claims: [REFERENCE_CLIENT], claimsClient: WITHOUT_PACKAGE0 }),
      /a second claims file for the client target \(--claims .*reference-client\.json already gives it\); give one per role$/,
    );
    setupError(
      () => resolveTargets({ role: 'both', claimsServer: REFERENCE_SERVER }),
      '--role both needs claims for every role tested: add --claims-client (or give no claims to test the reference peers)',
    );
    setupError(
      () => resolveTargets({ role: 'server', claimsClient: REFERENCE_CLIENT }),
      /reference-client\.json: claims of a client target, but the run tests the server target \(--role\)$/,
    );
    setupError(
      () => resolveTargets({ target: 'http://192.0.2.10/dm' }),
      '--target names one target: add --role server or --role client, and its --claims',
    );
    setupError(
      () => resolveTargets({ role: 'server', target: 'http://192.0.2.10/dm' }),
      '--target needs the claims (IXIT) of the server target: add --claims <file> (start from: dmct claims init --role server)',
    );
    setupError(
      () => resolveTargets({ claimsServer: REFERENCE_SERVER, target: 'ftp://x/' }),
      '--target "ftp://x/": must be an http: or https: URL',
    );
    setupError(
      () => resolveTargets({ claimsServer: REFERENCE_SERVER, target: 'not a url' }),
      '--target "not a url": not a URL (give e.g. http://192.0.2.10:8080/dm)',
    );
    setupError(
      () => resolveTargets({ faults: ['no-such-fault'] }),
      '--fault "no-such-fault": no such fault switch of the reference peers (dmct sim faults lists them)',
    );
    setupError(
      () => resolveTargets({ role: 'server', faults: ['accept-wrong-ver'] }),
      '--fault accept-wrong-ver: not a fault of the server reference peer (--role)',
    );
    setupError(
      () => resolveTargets({ role: 'both', faults: ['accept-wrong-ver'] }),
      '--fault: fault switches apply to one reference peer per run; add --role server or --role client',
    );
    setupError(
      () => resolveTargets({ claims: [REFERENCE_CLIENT], faults: ['accept-wrong-ver'] }),
      '--fault switches a fault on in the embedded reference peer; it cannot be used with --claims or --target',
    );
  });
});

describe('--edition', () => {
  const APPROVED_SERVER = path('../../../fixtures/claims/dm20-2016/server.json');

  it('runs the embedded reference peers with their claims of that edition', () => {
    const targets = resolveTargets({ edition: 'dm20-2016' });
    assert.equal(targets.edition.name, 'dm20-2016');
    assert.deepEqual(
      targets.setups.map((s) => [s.role, s.embedded, s.claims.edition]),
      [
        ['server', true, 'dm20-2016'],
        ['client', true, 'dm20-2016'],
      ],
    );
    assert.equal(resolveTargets({}).edition.name, 'dm20-cr-2013');
  });

  it('is checked against the claims: a run judges claims under the edition they name', () => {
    assert.equal(resolveTargets({ edition: 'dm20-2016', claimsServer: APPROVED_SERVER }).edition.name, 'dm20-2016');
    setupError(
      () => resolveTargets({ edition: 'dm20-2016', claimsServer: REFERENCE_SERVER }),
      /^--edition dm20-2016, but .*reference-server\.json names edition dm20-cr-2013 \(its "edition"\)/,
    );
  });
});

describe('dmServerUrlOf: the DM server a client target must use', () => {
  const client = (network: Claims['network'], port: number | undefined): Claims =>
    ({
      role: 'client',
      network,
      client: { dmEndpoint: { ...(port === undefined ? {} : { port }), path: '/oma/dm' } },
    }) as unknown as Claims;

  it("is dmct's DM endpoint at the advertised host", () => {
    assert.equal(dmServerUrlOf(client({ bindHost: '0.0.0.0', advertisedHost: '192.0.2.7' }, 9443)), 'http://192.0.2.7:9443/oma/dm');
    assert.equal(dmServerUrlOf(client({ advertisedHost: '2001:db8::1' }, undefined)), 'http://[2001:db8::1]:8080/oma/dm');
    assert.equal(dmServerUrlOf(client(undefined, 0)), 'http://127.0.0.1:<a free port per scenario>/oma/dm');
    assert.equal(dmServerUrlOf({ role: 'server' } as unknown as Claims), undefined);
  });
});
