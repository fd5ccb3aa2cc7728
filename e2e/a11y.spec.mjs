// axe-core finds no WCAG 2.2 A/AA violations in the main states of the app.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openApp(page) {
  await page.goto('./');
  await expect(page.locator('[data-annals-root]')).toHaveAttribute('data-ready', 'true');
}

test('initial view', async ({ page }) => {
  await openApp(page);
  expect(await violations(page)).toEqual([]);
});

test('card open', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-event-id="joint-declaration-planned"]').click();
  await expect(page.locator('[data-card-for]')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('search results', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('missile');
  await expect(page.locator('.annals-search-count')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('filters applied', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('checkbox', { name: /^proposed/ }).uncheck();
  expect(await violations(page)).toEqual([]);
});

test('list view', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await expect(page.locator('[data-list-event-id]').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('dark theme, card open', async ({ page }) => {
  await page.goto('./?theme=dark&start-at=joint-declaration-planned');
  await expect(page.locator('[data-annals-root]')).toHaveClass(/annals-theme-dark/);
  await expect(page.locator('[data-card-for]')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('reflows at 320 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await violations(page)).toEqual([]);
});

test('reflows at 200% zoom (640 CSS px on a 1280 px screen)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.locator('[data-event-id="taepodong-1-launch"]').click();
  await expect(page.locator('[data-card-for="taepodong-1-launch"]')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await context.close();
});
