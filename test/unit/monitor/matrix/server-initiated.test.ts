import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relayFor, serverInitiationBlocked, sessionSince } from '../../../../src/monitor/matrix/index.js';
import { captured, peer } from './matrix-fixtures.js';

describe('server-initiated sessions of a matrix pair', () => {
  it("relays to the client's claimed notification address: UDP (default port 2948) or an HTTP URL; not a shell or manual one", () => {
    const client = peer('client', 'phone');
    assert.deepEqual(relayFor(client), { udp: { host: '127.0.0.1', port: 2948 } });
    const http = structuredClone(client.claims);
    if (http.client) http.client.notification = { transport: 'http', http: { url: 'http://192.0.2.7:8081/notify' } };
    assert.deepEqual(relayFor({ claims: http }), { http: new URL('http://192.0.2.7:8081/notify') });
    if (http.client) http.client.notification = { transport: 'shell', shell: { command: 'deliver' } };
    assert.equal(relayFor({ claims: http }), undefined);
    assert.match(serverInitiationBlocked({ ...client, claims: http }, peer('server', 'acme')) ?? '', /no notification address/);
    assert.match(serverInitiationBlocked(client, peer('server', 'acme', ['notify'])) ?? '', /no notify trigger/);
    assert.equal(serverInitiationBlocked(client, peer('server', 'acme')), undefined);
  });

  it('sees the session after the Package#0 open with a Package#1 and end with the Package#2 carrying END', async () => {
    const session = await captured('clean-get-end.har');
    assert.equal(sessionSince(session, 0), 'over');
    assert.equal(sessionSince(session.slice(0, 1), 0), 'opened');
    // Exchanges up to `after` came before the notification: they are not its session.
    assert.equal(sessionSince(session, 2), 'none');
  });
});
