import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http } from 'msw';
import { serveHandlers } from '../../../../src/transport/endpoint-server.js';
import { MOIDS, ReferenceClient } from '../../../../src/reference/client/index.js';

// Real ports and no in-process msw interception in this file: with msw's interceptor active, a
// response stream whose reader is cancelled (the client stops reading at its 1 MiB cap) never
// settles, so these cases cannot run next to setupServer.

const PACKAGE2 = 'application/vnd.oma.dm.request+json';
const MIB = 1024 * 1024;

describe('oversized answers (5.6, 5.3.1)', () => {
  it('a Package#2 over 1 MiB aborts the session, without retry', async () => {
    let posts = 0;
    const huge = `{"CMD":[["GET","${'x'.repeat(MIB + 10)}"]]}`;
    const endpoint = await serveHandlers(
      [
        http.post('http://big.test/dm', () => {
          posts++;
          return new Response(huge, { headers: { 'content-type': PACKAGE2 } });
        }),
      ],
      { origin: 'http://big.test' },
    );
    const client = new ReferenceClient({ serverUrl: `${endpoint.url}/dm` });
    try {
      const record = await client.openSession('client').done;
      assert.equal(record?.outcome, 'aborted');
      assert.match(record?.reason ?? '', /too-large/);
      assert.equal(posts, 1);
    } finally {
      await endpoint.close();
    }
  });

  it('HGET: deeply nested MO data → 415, a body over 1 MiB → 419; the session goes on', async () => {
    const deep = `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`;
    const bodies: string[] = [];
    const script = [
      {
        CMD: [
          ['HGET', 'REPO/deep'],
          ['HGET', 'REPO/huge', `${MOIDS.sample}/s1/Label`],
          ['GET', `${MOIDS.devInfo}//Mod`],
        ],
      },
      { CMD: [['END']] },
    ];
    let base = '';
    const endpoint = await serveHandlers(
      [
        http.post('http://peer.test/dm', async ({ request }) => {
          bodies.push(await request.text());
          const next = script.shift() ?? { CMD: [['END']] };
          return new Response(JSON.stringify(next).replaceAll('REPO', `${base}/repo`), { headers: { 'content-type': PACKAGE2 } });
        }),
        http.get(
          'http://peer.test/repo/deep',
          () =>
            new Response(`[{"ClientURI":"${MOIDS.installable}//","MOData":${deep}}]`, {
              headers: { 'content-type': 'application/dmmo+json' },
            }),
        ),
        http.get('http://peer.test/repo/huge', () => new Response('x'.repeat(MIB + 1), { headers: { 'content-type': 'text/plain' } })),
      ],
      { origin: 'http://peer.test' },
    );
    base = endpoint.url;
    const client = new ReferenceClient({ serverUrl: `${endpoint.url}/dm` });
    try {
      const record = await client.openSession('client').done;
      assert.equal(record?.outcome, 'ended');
      assert.deepEqual(
        record?.commands.filter((c) => c.package === 1).map((c) => c.status),
        [415, 419, 200],
      );
      assert.match(bodies[1] ?? '', /"Status":\[\{"sc":415\},\{"sc":419\},\{"sc":200\}\]/);
    } finally {
      await endpoint.close();
    }
  });
});
