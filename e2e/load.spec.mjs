// Loading data: ?data=, the file input, paste, and bad input that never
// costs the reader the timeline on screen.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = '[data-annals-root]';
const server = `http://127.0.0.1:${Number(process.env.ANNALS_E2E_PORT ?? 4173)}/`;
const fixture = (name) => fileURLToPath(new URL(`../tests/fixtures/${name}`, import.meta.url));

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

test('?data= is fetched once: the page starts the fetch early and the app reads that response', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/fixtures/good.json') asked.push(r.url()); });
  await page.goto('./?data=/fixtures/good.json');
  await waitReady(page, 3);
  expect(asked).toHaveLength(1);
});

test('?data= with a byte order mark loads, and text that is not UTF-8 is explained', async ({ page }) => {
  await page.goto('./?data=/fixtures/bom.json');
  await waitReady(page, 1);
  await expect(page.locator('[data-event-id="a"]')).toContainText('With a byte order mark');
  await page.goto('./?data=/fixtures/non-utf8.json');
  await waitReady(page, 0);
  await expect(page.locator('.annals-problem')).toContainText('not valid UTF-8: byte 0xE9 at offset 37');
});

test('?data= with an HTTP error explains it', async ({ page }) => {
  await page.goto('./?data=/status/404');
  await waitReady(page, 0);
  await expect(page.locator('.annals-problems-heading')).toContainText('could not be loaded');
  await expect(page.locator('.annals-problem')).toContainText('HTTP 404');
});

test('a failed ?data= load says that nothing is shown, and Retry loads it again', async ({ page }, testInfo) => {
  // 503 the first time, the data after that.
  await page.goto(`./?data=/flaky/${testInfo.workerIndex}-${Date.now()}`);
  await waitReady(page, 0);
  const heading = page.locator('.annals-problems-heading');
  await expect(heading).toContainText('could not be loaded');
  await expect(heading).toContainText('No timeline is shown');
  await expect(heading).not.toContainText('unchanged');
  await expect(page.locator('.annals-problem')).toContainText('HTTP 503');
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('A small test timeline');
  await expect(page.locator('.annals-problems')).toHaveCount(0);
});

test('?data= that points at a web page says so instead of reading it as CSV', async ({ page }) => {
  // Labelled as a web page, and a web page labelled as text.
  for (const address of ['/web-page', '/web-page?type=text/plain']) {
    await page.goto(`./?data=${encodeURIComponent(address)}`);
    await waitReady(page, 0);
    await expect(page.locator('.annals-problem')).toContainText('the server sent a web page, not a dataset');
  }
});

test('a ?data= value that is not an address gets a message', async ({ page }) => {
  // Values the browser's URL parser refuses, even against the page's address.
  for (const value of ['http://', 'https://example.org:99999/data.json']) {
    await page.goto(`./?data=${encodeURIComponent(value)}`);
    await waitReady(page, 0);
    await expect(page.locator('.annals-problems-heading')).toContainText('could not be loaded');
    await expect(page.locator('.annals-problem')).toContainText('is not a web address');
  }
});

/** Opens `?data=/trickle/ID` with the page's clock faked; resolves once the headers are in. */
async function openTrickle(page, testInfo) {
  const id = `${testInfo.workerIndex}-${Date.now()}`;
  await page.clock.install();
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/trickle/${id}`);
  await page.goto(`./?data=/trickle/${id}`);
  await answered;
  await expect(page.locator('.annals-loading')).toContainText(`trickle/${id}`);
  /** Has the server send the next chunk; returns the bytes sent so far. */
  const next = async () => (await fetch(`${server}trickle/${id}/next`)).text();
  return next;
}

test('a slow but steady download completes: the limit is on silence, not on the whole download', async ({ page }, testInfo) => {
  const next = await openTrickle(page, testInfo);
  const progress = page.locator('.annals-loading progress');
  // Five chunks 20 s apart: 100 s in all, never 30 s without a byte.
  for (let chunk = 1; chunk <= 5; chunk++) {
    await page.clock.fastForward('00:20');
    const sent = await next();
    if (chunk < 5) await expect(progress).toHaveAttribute('value', sent);
  }
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('A small test timeline');
  await expect(page.locator('.annals-problems')).toHaveCount(0);
});

test('a download that goes silent for 30 s is abandoned with a message', async ({ page }, testInfo) => {
  const next = await openTrickle(page, testInfo);
  const sent = await next();
  await expect(page.locator('.annals-loading progress')).toHaveAttribute('value', sent);
  await page.clock.fastForward('00:31');
  await expect(page.locator('.annals-problem')).toContainText('sent nothing for 30 seconds');
  await expect(page.locator('.annals-loading')).toHaveCount(0);
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
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Paste data…' }).click();
  await page.getByLabel(/Paste a timeline/).fill('{"title": "Pasted", "events": [{"id": "p", "title": "Pasted event", "start": "1999"}]}');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await waitReady(page, 1);
  await expect(page.locator('[data-event-id="p"]')).toBeVisible();
});

test('a broken file after a good one keeps the good one on screen and shows the errors', async ({ page }) => {
  await page.goto('./?data=/fixtures/good.json');
  await waitReady(page, 3);
  await page.locator('input[type="file"]').setInputFiles(fixture('broken.json'));
  await expect(page.locator('.annals-problems-heading')).toContainText('broken.json could not be loaded. The timeline on screen is unchanged.');
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
  const problems = page.locator('.annals-problem');
  await expect(problems).toHaveCount(2);
  // Only the summary is announced.
  await expect(page.locator('[role="alert"]')).toHaveCount(1);
  await expect(problems.nth(0)).toContainText('event 1 (id "bad-date"), field `start`');
  await expect(problems.nth(1)).toContainText('ends (2001) before it starts (2005)');
});

test('?data= with a TimelineJS3 file: events, era band, title slide, safe rich text', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto('./?data=/fixtures/timelinejs.json');
  await waitReady(page);
  await expect(page.locator('h1')).toHaveText('Deep time to the Moon');
  expect(Number(await page.locator(root).getAttribute('data-event-count'))).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.locator('[data-list-event-id="apollo-11"]').click();
  const card = page.locator('[data-card-for="apollo-11"]');
  await expect(card.locator('em')).toHaveText('Eagle');
  await expect(card.locator('.annals-rich-text li')).toHaveText(['Armstrong', 'Aldrin']);
  await expect(card.getByRole('link', { name: 'NASA' })).toHaveAttribute('href', 'https://www.nasa.gov/');
  await expect(card.locator('img')).toHaveAttribute('alt', 'An astronaut stands on grey ground');
  await expect(card).toContainText('Credit: NASA');
  // The sample's <script> is text at most, never run.
  await expect(page.locator('.annals-rich-text script')).toHaveCount(0);
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Fit all events' }).click();
  expect(dialogs).toEqual([]);
});

test('?data= with a TimelineJS spreadsheet CSV', async ({ page }) => {
  await page.goto('./?data=/fixtures/timelinejs-sheet.csv');
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('Space race');
  await expect(page.locator('.annals-era-label')).toHaveText('Space age');
  await expect(page.locator('[data-event-id="gagarin-orbits-the-earth"]')).toBeVisible();
});

test('?data= with the plain text format, and a bad line located by line and column', async ({ page }) => {
  await page.goto('./?data=/fixtures/sample.txt');
  await waitReady(page, 7);
  await expect(page.locator('h1')).toHaveText('A sample in plain text');
  await expect(page.locator('.annals-era-label')).toHaveText('Mesozoic');
  await expect(page.locator('.annals-problems')).toHaveCount(0);
  await page.locator('input[type="file"]').setInputFiles(fixture('bad-lines.txt'));
  await waitReady(page, 1);
  const problems = page.locator('.annals-problem');
  await expect(problems).toHaveCount(14);
  await expect(problems.nth(0)).toContainText('line 2, column 1');
  await expect(problems.nth(4)).toContainText('`rumoured` is not a status');
});

test('export JSON and CSV, and load the export back unchanged', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Data', exact: true }).click().then(() => page.getByRole('menuitem', { name: 'Export JSON' }).click())]);
  expect(json.suggestedFilename()).toBe('the-u-s-japan-alliance-1960-2007.json');
  const path = await json.path();
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(path, 'utf8'));
  expect(exported.events).toHaveLength(26);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Data', exact: true }).click().then(() => page.getByRole('menuitem', { name: 'Export CSV' }).click())]);
  expect(csv.suggestedFilename()).toBe('the-u-s-japan-alliance-1960-2007.csv');
  await page.locator('input[type="file"]').setInputFiles(path);
  await waitReady(page, 26);
  await expect(page.locator('.annals-problems')).toHaveCount(0);
  await expect(page.locator('h1')).toContainText('U.S.–Japan alliance');
});

test('translated texts follow the language choice', async ({ page }) => {
  await page.goto('./?data=/fixtures/full.json');
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('Everything at once');
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator('h1')).toHaveText('全部入り');
  await expect(page.locator(root)).toHaveAttribute('lang', 'ja');
});

test('a file dropped on the page loads', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  const text = await (await import('node:fs/promises')).readFile(fixture('good.json'), 'utf8');
  const transfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent(root, 'dragover', { dataTransfer: transfer });
  await expect(page.locator('.annals-drop-hint')).toBeVisible();
  await page.dispatchEvent(root, 'drop', { dataTransfer: transfer });
  await waitReady(page, 3);
  await expect(page.locator('.annals-drop-hint')).toHaveCount(0);
});

test('a slow load shows progress and can be cancelled, keeping the timeline', async ({ page }) => {
  await page.route((url) => url.pathname === '/fixtures/slow.json', () => { /* never answer */ });
  await page.goto('./?data=/fixtures/slow.json');
  const status = page.locator('.annals-loading[role="status"]');
  await expect(status).toContainText('slow.json');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'false');
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveCount(0);
  await expect(page.locator('.annals-problems')).toHaveCount(0);
  // A file after the cancelled load still loads.
  await page.locator('input[type="file"]').setInputFiles(fixture('good.json'));
  await waitReady(page, 3);
});

test('a 50 MB title loads cut to its limit, with a warning; its card opens and the page answers', async ({ page }) => {
  test.setTimeout(120_000);
  const title = 'T'.repeat(50 * 1024 * 1024);
  const body = `{"title": "Huge", "events": [{"id": "huge", "title": "${title}", "start": "2000"}, {"id": "small", "title": "Small", "start": "2001"}]}`;
  await page.route((url) => url.pathname === '/fixtures/huge-title.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./?data=/fixtures/huge-title.json');
  // 50 MB to fetch and read: more than the default wait on a busy machine.
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '2', { timeout: 90_000 });
  await waitReady(page, 2);
  await expect(page.locator('.annals-problem')).toContainText('event 0 (id "huge"), field `title`');
  await expect(page.locator('.annals-problem')).toContainText('52,428,800 bytes long; only its first 2,000 bytes were kept');
  const mark = page.locator('[data-event-id="huge"]');
  // The mark's name and tooltip are an excerpt.
  expect((await mark.getAttribute('aria-label')).length).toBeLessThan(300);
  expect((await mark.getAttribute('title')).length).toBeLessThan(300);
  await mark.click();
  const card = page.locator('[data-card-for="huge"]');
  await expect(card).toBeVisible();
  expect((await card.locator('h2').textContent()).length).toBe(2000);
  // The page still answers: the next event's card opens.
  await card.getByRole('button', { name: /Next/ }).click();
  await expect(page.locator('[data-card-for="small"]')).toBeVisible();
});

test('the import module is fetched only for other formats, once, and its absence is explained', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (/annals_import/.test(r.url())) fetched.push(new URL(r.url()).pathname.split('/').pop()); });
  // The default page, and a native file, never fetch it.
  await page.goto('./');
  await waitReady(page, 26);
  await page.locator('input[type="file"]').setInputFiles(fixture('good.json'));
  await waitReady(page, 3);
  expect(fetched).toEqual([]);
  // Unreachable: the file's problem says what is missing, and the timeline stays.
  await page.route('**/annals_import_bg.wasm', (route) => route.abort());
  await page.locator('input[type="file"]').setInputFiles(fixture('timelinejs-sheet.csv'));
  await expect(page.locator('.annals-problem')).toContainText("annals' import module");
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(page.locator('h1')).toHaveText('A small test timeline');
  expect(fetched.sort()).toEqual(['annals_import.js', 'annals_import_bg.wasm']);
  // Reachable again: the next such file loads (its glue is already in the
  // page), and a third needs no new fetch.
  await page.unroute('**/annals_import_bg.wasm');
  fetched.length = 0;
  await page.locator('input[type="file"]').setInputFiles(fixture('timelinejs-sheet.csv'));
  await waitReady(page, 3);
  await expect(page.locator('h1')).toHaveText('Space race');
  await page.locator('input[type="file"]').setInputFiles(fixture('sample.txt'));
  await waitReady(page, 7);
  await expect(page.locator('h1')).toHaveText('A sample in plain text');
  expect(fetched).toEqual(['annals_import_bg.wasm']);
});

test('the CSV and text exports are written by the import module; when it cannot be fetched, the page says so', async ({ page }) => {
  await page.goto('./');
  await waitReady(page, 26);
  const exportAs = (name) => page.getByRole('button', { name: 'Data', exact: true }).click().then(() => page.getByRole('menuitem', { name }).click());
  await page.route('**/annals_import_bg.wasm', (route) => route.abort());
  await exportAs('Export CSV');
  await expect(page.locator('.annals-export-problem')).toContainText("needs annals' import module");
  await page.unroute('**/annals_import_bg.wasm');
  const [csv] = await Promise.all([page.waitForEvent('download'), exportAs('Export CSV')]);
  await expect(page.locator('.annals-export-problem')).toHaveCount(0);
  const fs = await import('node:fs/promises');
  const sheet = await fs.readFile(await csv.path(), 'utf8');
  expect(sheet.split('\n')[0]).toContain('Headline');
  expect(sheet).toContain('Revised Security Treaty signed');
  const [text] = await Promise.all([page.waitForEvent('download'), exportAs('Export plain text')]);
  expect(text.suggestedFilename()).toBe('the-u-s-japan-alliance-1960-2007.txt');
  expect(await fs.readFile(await text.path(), 'utf8')).toMatch(/^title: The U\.S\.–Japan alliance/m);
});
