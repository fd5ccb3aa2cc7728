// Loading data: ?data=, the file input, paste, and bad input that never
// costs the reader the timeline on screen.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = '[data-annals-root]';
const fixture = (name) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

async function waitReady(page, count) {
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  if (count !== undefined) await expect(page.locator(root)).toHaveAttribute('data-event-count', String(count));
}

test('?data= loads a native JSON file instead of the default', async ({ page }) => {
  await page.goto('./?data=/fixtures/good.json');
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('A small test timeline');
  await expect(page.locator('[data-event-id="second"]')).toHaveClass(/annals-status-planned/);
  await expect(page.locator('[role="alert"]')).toHaveCount(0);
});

test('?data= with an HTTP error explains it', async ({ page }) => {
  await page.goto('./?data=/status/404');
  await waitReady(page, 0);
  await expect(page.locator('.annals-problems-heading')).toContainText('could not be loaded');
  await expect(page.locator('.annals-problem')).toContainText('HTTP 404');
});

test('?data= refused by CORS explains it', async ({ page }) => {
  // localhost is another origin than 127.0.0.1, and the server sends no CORS headers.
  await page.goto('./?data=http://localhost:4173/fixtures/good.json');
  await waitReady(page, 0);
  await expect(page.locator('.annals-problem')).toContainText('CORS');
});

test('?data= that never answers times out with a message', async ({ page }) => {
  await page.clock.install();
  await page.route((url) => url.pathname === '/fixtures/never.json', () => { /* never answer */ });
  await page.goto('./?data=/fixtures/never.json');
  await expect(page.locator('.annals-loading')).toContainText('never.json');
  await page.clock.fastForward('00:31');
  await expect(page.locator('.annals-problem')).toContainText('did not answer within 30 seconds');
});

test('a file chosen through the input loads', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  await page.locator('input[type="file"]').setInputFiles(fixture('good.json'));
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('A small test timeline');
});

test('pasted JSON loads', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  await page.getByRole('button', { name: 'Paste data…' }).click();
  await page.getByLabel(/Paste a timeline/).fill('{"title": "Pasted", "events": [{"id": "p", "title": "Pasted event", "start": "1999"}]}');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await waitReady(page, 1);
  await expect(page.locator('[data-event-id="p"]')).toBeVisible();
});

test('a broken file after a good one keeps the good one on screen and shows the errors', async ({ page }) => {
  await page.goto('./?data=/fixtures/good.json');
  await waitReady(page, 3);
  await page.locator('input[type="file"]').setInputFiles(fixture('broken.json'));
  await expect(page.locator('.annals-problems-heading')).toContainText('broken.json could not be loaded');
  await expect(page.locator('.annals-problem')).toContainText('line 4, column');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(page.locator('h1')).toHaveText('A small test timeline');
  await expect(page.locator('[data-event-id="first"]')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.annals-problems')).toHaveCount(0);
});

test('valid events of a partly broken file load; the rejected ones are listed', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  await page.locator('input[type="file"]').setInputFiles(fixture('partial.json'));
  await waitReady(page, 1);
  await expect(page.locator('.annals-problems-heading')).toContainText('2 entries were left out');
  const problems = page.locator('.annals-problem[role="alert"]');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('event 1 (id "bad-date"), field `start`');
  await expect(problems.nth(1)).toContainText('ends (2001) before it starts (2005)');
});
