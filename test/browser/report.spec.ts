/**
 * The HTML report in a real browser: verdict summary, filters, expanding an item and its
 * scenario's sequence chart, and no script from a hostile target ever runs.
 * Run it alone with `npx playwright test --project browser`.
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

  test('filters items by role and by verdict', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    await expect(page.locator('#shown-count')).toHaveText('10');
    await page.getByRole('button', { name: 'client', exact: true }).click();
    await expect(page.locator('#shown-count')).toHaveText('5');
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-001-C-M', 'DM-PACK-003-C-M', 'DM-PACK-013-C-M', 'DM-PACK-019-C-O', 'DM-PACK-022-C-M']);
    await page.getByLabel('not-applicable (2)').uncheck();
    await page.getByLabel('pass (3)').uncheck();
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-013-C-M']);
    await page.getByRole('button', { name: 'all', exact: true }).click();
    expect(await visibleItemIds(page)).toEqual(['DM-PACK-002-S-M', 'DM-PACK-012-S-M', 'DM-PACK-014-S-M', 'DM-PACK-021-S-M', 'DM-PACK-013-C-M']);
    for (const verdict of ['untested', 'inconclusive', 'fail', 'error']) await page.locator(`input[data-filter-verdict="${verdict}"]`).uncheck();
    await expect(page.locator('#no-match')).toBeVisible();
    await expect(page.locator('#shown-count')).toHaveText('0');
  });

  test('expands an item, its scenario and the sequence chart with the failing step marked', async ({ page }, testInfo) => {
    await open(page, writeHtml(sampleReport()), testInfo.outputPath('index.html'));
    const item = page.locator('#item-DM-PACK-013-C-M');
    const scenario = item.locator('details.scenario');
    await expect(scenario).toBeHidden();
    await item.locator('> summary').click();
    await expect(scenario).toBeVisible();
    await scenario.locator('> summary').click();
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
  });

  test('runs no script from a hostile target and fires no dialog', async ({ page }, testInfo) => {
    const { dialogs, cspViolations } = await open(page, writeHtml(hostileReport()), testInfo.outputPath('hostile.html'));
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    });
    await page.waitForTimeout(200);
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
