/**
 * A web page on another loopback origin tries to drive the reference server's admin API from
 * the browser (cross-site request forgery): a no-cors fetch, one with a guessed token header and
 * a form post all reach the port, and nothing runs.
 * Run it alone with `npx playwright test --project browser`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../src/reference/server/index.js';

const DEV_ID = 'IMEI:490154203237518';

/** The attacker's page: fires the requests, then says so in its title. */
function attackPage(notifyUrl: string): string {
  const target = JSON.stringify(notifyUrl);
  return `<!doctype html><html><head><title>attacking</title></head><body>
<form id="f" method="POST" action=${target} enctype="text/plain" target="sink"><input name='{"a":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
  const attempts = [
    fetch(${target}, { method: 'POST', mode: 'no-cors', body: '{}' }),
    fetch(${target}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    fetch(${target}, { method: 'POST', mode: 'no-cors', headers: { authorization: 'Bearer guessed' }, body: '{}' }),
  ].map((p) => p.catch(() => undefined));
  document.getElementById('f').submit();
  Promise.all(attempts).then(() => { document.title = 'done'; });
</script></body></html>`;
}

test('a no-cors fetch or form post from another loopback origin runs nothing on the admin API', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'dmct-csrf-'));
  const pwned = join(dir, 'pwned');
  const server = await startReferenceServer({
    allowShellNotify: true,
    devices: [{ devId: DEV_ID, notify: { transport: 'shell', command: `touch ${pwned}` } }],
    print: () => undefined,
  });
  const notifyUrl = `${server.adminUrl}/devices/${encodeURIComponent(DEV_ID)}/notify`;
  const attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(notifyUrl)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const address = attacker.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    const refusals: number[] = [];
    page.on('response', (response) => {
      if (response.url() === notifyUrl) refusals.push(response.status());
    });
    await page.goto(`http://localhost:${port}/`);
    await expect(page).toHaveTitle('done');
    await expect.poll(() => refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.every((status) => status === 403 || status === 401)).toBe(true);
    expect(server.state.devices.get(DEV_ID)?.log.notifications).toEqual([]);
    expect(existsSync(pwned)).toBe(false);
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
