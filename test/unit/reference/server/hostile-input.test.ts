import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MEDIA_TYPES } from '../../../../src/protocol/http/media-types.js';
import { fuzzRuns } from '../../protocol/notification/arbitraries.js';
import { CLIENT_INITIATED, DEV_ID, handlerErrors, interceptor, useReferenceServer } from './in-process.js';

before(() => interceptor.listen({ onUnhandledRequest: 'error' }));
after(() => interceptor.close());

/** Fixed so a failure replays; fast-check prints the seed and path of a failing case. */
const SEED = 20261125;

const CONTENT_TYPES = [
  MEDIA_TYPES.package1,
  MEDIA_TYPES.package3,
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/json',
  'text/plain',
  '',
];
const ACCEPTS = [MEDIA_TYPES.package2, '*/*', 'text/html', 'application/*;q=0', 'bogus;;;', ''];
const DEV_IDS = [DEV_ID, 'IMEI:0', ''];

describe('hostile input (property, seeded)', () => {
  test('whatever a client sends, the DM endpoint answers with a protocol status and never faults', async () => {
    const rs = useReferenceServer();
    await rs.queue(['GET', 'urn:oma:mo:oma-dm-devinfo:1.2//DevID']);
    await rs.queue(['CONT']);
    const body = fc.oneof(
      fc.json().map((text) => new TextEncoder().encode(text)),
      fc.uint8Array({ maxLength: 256 }),
      fc
        .constantFrom(
          JSON.stringify({ Alert: [CLIENT_INITIATED] }),
          JSON.stringify({ Status: [{ sc: 200 }, { sc: 200 }] }),
          JSON.stringify({ Status: [{ sc: 202 }], Alert: [{ AlertType: 'x', SourceURI: 'urn:oma:mo:x:1.0/a/' }] }),
          '--xyz\r\nContent-Type: application/vnd.oma.dm.response+json\r\n\r\n{"Status":[{"sc":200}]}\r\n--xyz--\r\n',
        )
        .map((text) => new TextEncoder().encode(text)),
    );
    const request = fc.record({
      body,
      contentType: fc.constantFrom(...CONTENT_TYPES),
      accept: fc.constantFrom(...ACCEPTS),
      devId: fc.constantFrom(...DEV_IDS),
      path: fc.constantFrom('/dm', '/dm/cont/unknown', '/dm/cont/%zz', '/dm/async/c1', '/dm/%zz'),
    });
    const allowed = new Set([200, 204, 400, 403, 404, 406, 409, 413, 415]);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const response = await rs.dm(undefined, {
          raw: r.body,
          contentType: r.contentType,
          accept: r.accept,
          devId: r.devId,
          path: r.path,
        });
        await response.arrayBuffer();
        assert.ok(allowed.has(response.status), `status ${response.status}`);
        assert.deepEqual(handlerErrors, []);
      }),
      // A sample in the unit tier, the full 300 under `npm run fuzz`.
      { seed: SEED, numRuns: fuzzRuns(100, 300) },
    );
    const after = await rs.dm({ Alert: [CLIENT_INITIATED] });
    assert.equal(after.status, 200, 'the server still opens sessions afterwards');
    const log = await rs.received();
    assert.ok(log.packages.length > 0);
  });
});
