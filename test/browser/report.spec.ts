/**
 * The HTML report in a real browser: verdict summary, failures first and open, one-click verdict
 * filters, search, `#item-…` deep links, the layout at 360 and 1400 px (screenshots attached as
 * report-360.png and report-1400.png), the scenario's sequence chart, and no script from a
 * hostile target ever runs. Run it alone with `npx playwright test --project browser`.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { writeHtml } from '../../src/report/writers/html.js';
import { HOSTILE, hostileReport, sampleReport } from '../unit/report/data/sample-run.js';

async function open(page: Page, html: string, file: string): Promise<{ dialogs: string[]; cspViolations: string[] }> {
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  await writeFile(file, html);
  await page.goto(pathToFileURL(file).href);
  return { dialogs, cspViolations };
}

async function visibleItemIds(page: Page): Promise<string[]> {
  return page.locator('details.item:not(.hidden) > summary code').allTextContents();
}

test.describe('HTML report', () => {
  test('shows the verdict summary per role', async ({ page }, testInfo) => {
    const { cspViolations } = await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    await expect(page.locator('#overall')).toHaveText('non-conformant (exit 1) — 2 applicable items failed');
    await expect(page.locator('svg.summary .role-bar')).toHaveCount(2);
    await expect(page.locator('svg.summary .role-bar[data-role="server"] rect.seg')).toHaveCount(5);
    await expect(page.locator('table.counts tr[data-role="client"] td[data-verdict="not-applicable"]')).toHaveText('2');
    await expect(page.locator('table.counts tr[data-role="server"] td[data-verdict="fail"]')).toHaveText('1');
    expect(cspViolations).toEqual([]);
  });

  test('lists failures first and open, then errors, inconclusives and the rest', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    const ids = await visibleItemIds(page);
    expect(ids.slice(0, 5)).toEqual(['DM-PACK-012-S-M', 'DM-PACK-013-C-M', 'DM-PACK-014-S-M', 'DM-PACK-002-S-M', 'DM-PACK-021-S-M']);
    expect(ids).toHaveLength(10);
    expect(await page.locator('details.item[open] > summary code').allTextContents()).toEqual([
      'DM-PACK-012-S-M',
      'DM-PACK-013-C-M',
      'DM-PACK-014-S-M',
      'DM-PACK-002-S-M',
    ]);
    // The failure line is readable without a click.
    await expect(page.locator('#item-DM-PACK-013-C-M ul.findings li').first()).toBeVisible();
    await expect(page.locator('#item-DM-PACK-001-S-M .item-body')).toBeHidden();
  });

  test('filters by verdict in one click, by role, and shows everything again', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    await expect(page.locator('#shown-count')).toHaveText('10');
    await page.getByRole('button', { name: 'fail (2)' }).click();
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-012-S-M', 'DM-PACK-013-C-M']);
    await expect(page.locator('#shown-count')).toHaveText('2');
    await expect(page.getByRole('button', { name: 'fail (2)' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'client', exact: true }).click();
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-013-C-M']);
    await page.getByRole('button', { name: 'not-applicable (2)' }).click();
    expect(await visibleItemIds(page)).toHaveLength(2);
    for (const verdict of await page
      .locator('details.item:not(.hidden)')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-verdict'))))
      expect(verdict).toBe('not-applicable');
    await page.getByRole('button', { name: 'untested (1)' }).click();
    await expect(page.locator('#no-match')).toBeVisible();
    await expect(page.locator('#shown-count')).toHaveText('0');
    await page.getByRole('button', { name: 'all (10)' }).click();
    await page.getByRole('button', { name: 'all', exact: true }).click();
    await expect(page.locator('#shown-count')).toHaveText('10');
    await expect(page.locator('#no-match')).toBeHidden();
  });

  test('searches items by id, function and reason', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    const search = page.getByRole('searchbox', { name: /search items/ });
    await search.fill('pack-014');
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-014-S-M']);
    await search.fill('CONT command');
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-021-S-M']);
    await search.fill('notification trigger');
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-002-S-M']);
    await page.getByRole('button', { name: 'pass (3)' }).click();
    await expect(page.locator('#no-match')).toBeVisible();
    await search.fill('');
    await expect(page.locator('#shown-count')).toHaveText('3');
  });

  test('a #item-… link opens that item and scrolls to it, even past the filters', async ({ page }, testInfo) => {
    const file = testInfo.outputPath('index.html');
    await open(page, writeHtml(sampleReport()), file);
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(`${pathToFileURL(file).href}#item-DM-PACK-022-C-M`);
    const item = page.locator('#item-DM-PACK-022-C-M');
    await expect(item).toHaveAttribute('open', '');
    await expect(item.locator('.item-body')).toBeVisible();
    await expect(item.locator('> summary')).toBeInViewport();
    await page.getByRole('button', { name: 'fail (2)' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      location.hash = '#item-DM-PACK-001-S-M';
    });
    const linked = page.locator('#item-DM-PACK-001-S-M');
    await expect(linked).toHaveAttribute('open', '');
    await expect(linked.locator('> summary')).toBeInViewport();
    await expect(page.locator('#shown-count')).toHaveText('10');
  });

  for (const width of [360, 1400]) {
    test(`reads at ${width} px: no horizontal scrolling, the whole summary bar on screen (screenshot report-${width}.png)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
      const failSegments = page.locator('svg.summary rect.seg.v-fail');
      await expect(failSegments).toHaveCount(2);
      for (const segment of await failSegments.all()) {
        const box = await segment.boundingBox();
        expect(box && box.width > 4 && box.x + box.width <= width).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const screenshot = testInfo.outputPath(`report-${width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      await testInfo.attach(`report-${width}.png`, { path: screenshot, contentType: 'image/png' });
      // Everything open (every scenario, chart and raw message) still fits the width.
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test('expands a scenario with the sequence chart, the failing step marked', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    const item = page.locator('#item-DM-PACK-013-C-M');
    const scenario = item.locator('details.scenario');
    await expect(scenario).toBeVisible();
    await expect(scenario).toHaveAttribute('open', '');
    await expect(scenario.locator('ul.findings li')).toHaveText(
      'DM-PACK-013-C-M fail — Package#3 sent after END (MUST, 5.2.4) · expected: one of [no Package#3 after a Package#2 with END, the session closed] · actual: Package#3 POST with 1 status · exchange #5',
    );
    const chart = scenario.locator('svg.msc');
    await expect(chart).toBeVisible();
    await expect(chart.locator('g.party text')).toHaveText(['dmct', 'target', 'repository']);
    await expect(chart.locator('g.msg')).toHaveCount(5);
    await expect(chart.locator('g.msg.failing')).toHaveAttribute('data-seq', '5');
    await expect(chart.locator('g.msg.failing .fail-mark')).toBeVisible();
    const failingRaw = scenario.locator('li.raw.failing');
    await expect(failingRaw.locator('summary')).toContainText('✗ failing step #5 target → dmct · Package#3');
    await expect(failingRaw.locator('pre.body-text')).toHaveText('{"Status":[{"sc":200}]}');
    // A passing item opens on a click.
    const passing = page.locator('#item-DM-PACK-001-C-M');
    await expect(passing.locator('details.scenario')).toBeHidden();
    await passing.locator('> summary').click();
    await expect(passing.locator('details.scenario').first()).toBeVisible();
  });

  test('runs no script from a hostile target and fires no dialog', async ({ page }, testInfo) => {
    const { dialogs, cspViolations } = await open(page, writeHtml(hostileReport()), testInfo.outputPath('hostile.html'));
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    });
    // Two animation frames: opened content is laid out and painted, so any handler it carried had its chance to run.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    await expect(page.locator('img, iframe')).toHaveCount(0);
    await expect(page.locator('script')).toHaveCount(1);
    // The payloads are shown as text, and the page still works.
    await expect(page.locator('dl.meta')).toContainText('<script>window.__pwned=1</script>');
    const bodies = await page.locator('pre.body-text').allTextContents();
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(HOSTILE).toContain(body);
    await page.getByRole('button', { name: 'server', exact: true }).click();
    await expect(page.locator('#shown-count')).toHaveText('5');
  });
});
