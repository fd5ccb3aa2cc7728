// Correctness at scale (timings live in the benchmark, not here): with
// 100,000 events the page stays within a bounded number of DOM nodes, dense
// stretches become density bars and clusters that add up, and zooming in
// reaches single events.
import { test, expect } from '@playwright/test';
import { openSynthetic } from './synthetic.mjs';

test('100,000 events: DOM stays bounded, clusters count every event, zooming in shows events', async ({ page }) => {
  test.setTimeout(120_000);
  await openSynthetic(page, 100_000);
  const root = page.locator('[data-annals-root]');
  await expect(root).toHaveAttribute('data-event-count', '100000', { timeout: 90_000 });
  await expect(root).toHaveAttribute('data-ready', 'true');
  const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
  expect(await nodes()).toBeLessThan(2000);
  // Clusters are something to see: no "nothing here" message over them.
  await expect(page.locator('.annals-empty')).toHaveCount(0);
  // Clusters and density bars together count every event once.
  const total = await page.locator('[data-cluster]').evaluateAll((els) =>
    els.reduce((sum, el) => sum + Number(el.getAttribute('aria-label').split(' ')[0].replaceAll(',', '')), 0));
  expect(total).toBe(100_000);

  // Zoom in on one cluster or stretch after another until single events
  // appear: from the keyboard, as each is a button (a density lane's are
  // visually hidden, pointed at through the lane's row: density.spec).
  for (let i = 0; i < 8 && (await page.locator('[data-event-id]').count()) === 0; i++) {
    await page.locator('[data-cluster]').first().focus();
    await page.keyboard.press('Enter');
    expect(await nodes()).toBeLessThan(2000);
  }
  await expect(page.locator('[data-event-id]').first()).toBeVisible();
  expect(await nodes()).toBeLessThan(2000);

  // The list view pages through the events rather than listing 100,000 at once.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await expect(page.locator('[data-list-event-id]')).toHaveCount(200);
  await expect(page.locator('.annals-list-more')).toContainText('Showing 200 of 100,000 events');
  await page.getByRole('button', { name: 'Show 200 more' }).click();
  await expect(page.locator('[data-list-event-id]')).toHaveCount(400);
  expect(await nodes()).toBeLessThan(4000);
});

test('a large file is checked in steps: progress counts events, and Cancel works while it is checked', async ({ page }) => {
  test.setTimeout(120_000);
  // Checking 300,000 events now takes under a second here: a slower CPU
  // (Chromium's throttling) leaves time to see the progress and to click.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await openSynthetic(page, 300_000);
  const status = page.locator('.annals-loading[role="status"]');
  // Progress is reported in events while they are checked...
  await expect(status).toContainText(/checking events: [\d,]+ of 300,000/, { timeout: 60_000 });
  await expect(page.locator('.annals-empty')).toHaveText('Loading events…');
  const root = page.locator('[data-annals-root]');
  // ...and the page still answers: had checking held the main thread, the
  // click would only be handled once the 300,000 events were on screen.
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveCount(0);
  await expect(root).toHaveAttribute('data-ready', 'true');
  // Nothing of the cancelled file was loaded: a page opened with ?data=
  // starts empty, and stays so.
  await expect(root).toHaveAttribute('data-event-count', '0');
  await expect(page.locator('.annals-empty')).toHaveText('No events to show.');
});

/** Serves `body` at `path` for this page. */
async function serve(page, path, body) {
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }));
}

test('a file with very many problems: the panel lists 100 and counts the rest; the downloads hold them all', async ({ page }) => {
  test.setTimeout(120_000);
  const n = 20_000;
  const events = Array.from({ length: n }, (_, i) => `{"id": "e${i}", "title": 7, "start": "2005"}`);
  await serve(page, '/fixtures/all-bad.json', `{"title": "All bad", "events": [${events.join(',')}]}`);
  await page.goto('./?data=/fixtures/all-bad.json');
  const root = page.locator('[data-annals-root]');
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  const panel = page.locator('.annals-problems');
  // n rejected events, and "no events could be loaded".
  await expect(panel.locator('.annals-problems-heading')).toContainText('20,001 problems; the first 100 are listed.');
  await expect(panel.locator('li.annals-problem')).toHaveCount(100);
  await expect(panel.locator('.annals-problems-more')).toHaveText('and 19,901 more');
  // One announcement, for the summary; the items are plain list items.
  await expect(page.locator('[role="alert"]')).toHaveCount(1);
  await expect(panel.locator('li.annals-problem[role]')).toHaveCount(0);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);

  const fs = await import('node:fs/promises');
  const [text] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download all as text' }).click()]);
  expect(text.suggestedFilename()).toBe('all-bad-problems.txt');
  const lines = (await fs.readFile(await text.path(), 'utf8')).trimEnd().split('\n');
  expect(lines).toHaveLength(n + 1);
  expect(lines[n - 1]).toContain(`event ${n - 1} (id "e${n - 1}"), field \`title\``);
  const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download all as CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('all-bad-problems.csv');
  const rows = (await fs.readFile(await csv.path(), 'utf8')).trimEnd().split('\n');
  expect(rows[0]).toBe('kind,location,message');
  expect(rows).toHaveLength(n + 2);
});

test('a file of duplicate ids loads its one event and lists the first 100 duplicates', async ({ page }) => {
  test.setTimeout(120_000);
  const n = 20_000;
  const events = Array.from({ length: n }, (_, i) => `{"id": "same", "title": "Event ${i}", "start": "${1900 + (i % 100)}"}`);
  await serve(page, '/fixtures/duplicates.json', `{"title": "Duplicates", "events": [${events.join(',')}]}`);
  await page.goto('./?data=/fixtures/duplicates.json');
  const root = page.locator('[data-annals-root]');
  await expect(root).toHaveAttribute('data-event-count', '1', { timeout: 90_000 });
  const panel = page.locator('.annals-problems');
  await expect(panel.locator('.annals-problems-heading')).toContainText('19,999 entries were left out. 19,999 problems; the first 100 are listed.');
  await expect(panel.locator('li.annals-problem')).toHaveCount(100);
  await expect(panel.locator('.annals-problems-more')).toHaveText('and 19,899 more');
  await expect(page.locator('[role="alert"]')).toHaveCount(1);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);
});
