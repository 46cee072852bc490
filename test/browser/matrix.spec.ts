/**
 * The interop matrix page in a real browser: `runMatrix` with the live monitor, the reference
 * peers clean and with two faults each (test/e2e/monitor/matrix-peers.ts), then the written
 * index.html opened from disk: 3 × 3 cells under their headers, both verdicts in words, a link per
 * cell that opens the pair's report, and no Content-Security-Policy complaint. Run it alone with
 * `npx playwright test test/browser/matrix.spec.ts --project browser`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { startMonitor } from '../../src/monitor/proxy.js';
import { loadPeers, runMatrix, type MatrixIndex } from '../../src/monitor/matrix/index.js';
import { loadEdition } from '../../src/scr/index.js';
import { startMatrixPeers } from '../e2e/monitor/matrix-peers.js';

test.describe('matrix page', () => {
  // Nine live pairs (each ends when its session does) on a shared machine: more than a page test's minute.
  test.describe.configure({ timeout: 180_000 });
  let dir: string;
  let index: MatrixIndex;

  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dmct-matrix-page-'));
    const peers = await startMatrixPeers(dir);
    try {
      index = await runMatrix({
        clients: loadPeers(peers.clients, 'client'),
        servers: loadPeers(peers.servers, 'server'),
        edition: loadEdition('dm20-2016'),
        outDir: join(dir, 'out'),
        pairTimeMs: 20_000,
        fresh: true,
        dmctVersion: '0.0.0-test',
        startMonitor: (upstream) => startMonitor({ upstream }),
      });
    } finally {
      await peers.stop();
    }
  });

  test.afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('shows 3 × 3 cells with both verdicts and a working link to each pair report', async ({ page }) => {
    const cspViolations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await page.goto(pathToFileURL(join(dir, 'out', 'index.html')).href);
    const table = page.getByRole('table', { name: 'Clients (rows) against servers (columns)' });
    await expect(table.getByRole('columnheader')).toHaveCount(3);
    await expect(table.getByRole('rowheader')).toHaveCount(3);
    await expect(table.locator('td[data-client]')).toHaveCount(9);
    await expect(page.locator('#overall')).toHaveText(/^non-conformant \(exit 1\)/);

    for (const pair of index.pairs) {
      const cell = table.locator(`td[data-client="${pair.client}"][data-server="${pair.server}"]`);
      await expect(cell.locator('[data-role="client"] .verdict')).toHaveText(pair.verdicts.client.verdict);
      await expect(cell.locator('[data-role="server"] .verdict')).toHaveText(pair.verdicts.server.verdict);
      await expect(cell.getByRole('link', { name: `report of ${pair.client} with ${pair.server}` })).toHaveAttribute(
        'href',
        `${pair.folder}/index.html`,
      );
    }
    const faulty = table.locator('td[data-client="client-package1-wrong-content-type"][data-server="reference-server"]');
    await expect(faulty.locator('[data-role="client"] .verdict')).toHaveText('non-conformant');
    await expect(
      table.locator('td[data-client="reference-client"][data-server="server-package2-wrong-content-type"] [data-role="server"] .verdict'),
    ).toHaveText('non-conformant');
    expect(cspViolations).toEqual([]);

    await faulty.getByRole('link').click();
    await expect(page).toHaveURL(/pairs\/client-package1-wrong-content-type__reference-server\/index\.html$/);
    await expect(page.locator('#overall')).toHaveText(/^non-conformant/);
  });
});
