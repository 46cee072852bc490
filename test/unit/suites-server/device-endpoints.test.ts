import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startDeviceEndpoints } from '../../../fixtures/server-target/device-endpoints.js';
import { freePort } from '../run/free-port.js';

describe('device endpoints (repository and web server of a server target)', () => {
  it('listen on the port the claims fix (network.endpointsPort), and name it in their URLs', async () => {
    const port = await freePort();
    const endpoints = await startDeviceEndpoints({ host: '127.0.0.1', port, advertisedHost: 'dmct.example', maxBodyBytes: 1024 });
    try {
      assert.equal(endpoints.base, `http://dmct.example:${port}`);
      assert.equal(endpoints.repo('a b'), `http://dmct.example:${port}/repo/a%20b`);
      const answer = await fetch(`http://127.0.0.1:${port}/web/page`);
      await answer.body?.cancel();
      assert.ok(answer.status < 500);
    } finally {
      await endpoints.close();
    }
  });

  it('take any free port by default', async () => {
    const endpoints = await startDeviceEndpoints({ host: '127.0.0.1', advertisedHost: '127.0.0.1', maxBodyBytes: 1024 });
    try {
      assert.match(endpoints.base, /^http:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
    } finally {
      await endpoints.close();
    }
  });
});
