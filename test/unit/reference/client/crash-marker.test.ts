import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { ReferenceClient, crashMarker, startReferenceClient } from '../../../../src/reference/client/index.js';
import { DM_URL, MockDmServer, settled } from './mock-dm-server.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function markerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmct-crash-test-'));
  dirs.push(dir);
  return join(dir, 'run');
}

/** A client pointed at a mock DM server that ends every session with END. */
function clientWith(faults: string[], crashMarkerDir: string): { client: ReferenceClient; mock: MockDmServer } {
  const mock = new MockDmServer();
  server.resetHandlers(...mock.handlers());
  return { client: new ReferenceClient({ serverUrl: DM_URL, faults, crashMarkerDir }), mock };
}

describe('the run-wide crash marker of crash-after-first-session', () => {
  it('is absent until marked, and marking creates its folder', () => {
    const marker = crashMarker(markerDir());
    assert.equal(marker.crashed(), false);
    marker.markCrashed();
    assert.equal(marker.crashed(), true);
  });

  it('the client with the switch crashes when its first session ends: it marks the run and opens no session again', async () => {
    const dir = markerDir();
    const { client, mock } = clientWith(['crash-after-first-session'], dir);
    assert.equal(client.crashed, false);
    assert.ok(await client.openSession('client').done, 'the first session runs');
    assert.equal(client.crashed, true);
    assert.equal(crashMarker(dir).crashed(), true);
    assert.equal(await client.openSession('client').done, undefined, 'no second session');
    await settled(client);
    assert.equal(mock.dm.length, 1, 'one Package#1 in all');
  });

  it('a client started after a crash of the same run starts crashed; another run (folder) is not affected', async () => {
    const dir = markerDir();
    crashMarker(dir).markCrashed();
    const restarted = clientWith(['crash-after-first-session'], dir);
    assert.equal(restarted.client.crashed, true);
    assert.equal(await restarted.client.openSession('client').done, undefined);
    assert.equal(restarted.mock.dm.length, 0);
    const otherRun = clientWith(['crash-after-first-session'], markerDir());
    assert.equal(otherRun.client.crashed, false);
  });

  it('the marker means nothing to a client without the switch', async () => {
    const dir = markerDir();
    crashMarker(dir).markCrashed();
    const { client, mock } = clientWith([], dir);
    assert.equal(client.crashed, false);
    assert.ok(await client.openSession('client').done);
    assert.ok(await client.openSession('client').done, 'a second session runs too');
    assert.equal(mock.dm.length, 2);
  });

  it('a started client that is crashed refuses connections on its admin API and notification endpoint, like an exited process', async () => {
    const dir = markerDir();
    crashMarker(dir).markCrashed();
    const running = await startReferenceClient({ serverUrl: DM_URL, faults: ['crash-after-first-session'], crashMarkerDir: dir });
    try {
      for (const url of [`${running.adminUrl}/state`, running.notifyUrl]) {
        await assert.rejects(
          fetch(url, { headers: { authorization: `Bearer ${running.adminToken}` } }),
          (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
          url,
        );
      }
    } finally {
      await running.stop();
    }
  });
});
