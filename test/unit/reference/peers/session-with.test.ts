import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReferenceClient, type RunningReferenceClient } from '../../../../src/reference/client/index.js';
import { startReferenceServer, type RunningReferenceServer } from '../../../../src/reference/server/index.js';

let server: RunningReferenceServer;
let client: RunningReferenceClient;

async function openSession(query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${client.adminUrl}/session${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.adminToken}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("reference client POST /session?server= (the claims' sessionWith trigger)", () => {
  before(async () => {
    server = await startReferenceServer({ unknownDevices: 'register' });
    // The account names a server nobody listens on: only ?server= can make the session work.
    client = await startReferenceClient({ serverUrl: 'http://127.0.0.1:9/dm' });
  });
  after(async () => {
    await client.stop();
    await server.stop();
  });

  it('opens the session with the server given, and ?wait=1 answers once it is over with sessionDone', async () => {
    const { status, body } = await openSession(`?wait=1&server=${encodeURIComponent(server.dmUrl)}`);
    assert.equal(status, 200);
    assert.equal(body['outcome'], 'ended');
    assert.equal(body['sessionDone'], true);
    const packages = body['packages'] as { url: string }[];
    assert.equal(packages[0]?.url, server.dmUrl);
  });

  it('refuses a server that is not an http(s) URL with 400, opening no session', async () => {
    const before = client.state.sessions.length;
    const { status, body } = await openSession(`?server=${encodeURIComponent('file:///etc/passwd')}`);
    assert.equal(status, 400);
    assert.match(String(body['error']), /server: an http\(s\) URL/);
    assert.equal(client.state.sessions.length, before);
  });
});
