// Every way of embedding annals, against the release build: host pages come
// from another origin (e2e/hosts.mjs, the next port) than the app
// (e2e/serve.mjs). Locators pierce the open shadow roots of embedded instances.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appPort = Number(process.env.ANNALS_E2E_PORT ?? 4173);
const hosts = `http://127.0.0.1:${appPort + 1}/`;
const app = `http://127.0.0.1:${appPort}/`;
const root = '[data-annals-root]';

/** Opens the JS API host page and waits until its script has mounted both instances. */
async function openApiHost(page, query = '') {
  await page.goto(`${hosts}api.html${query}`);
  // Until then `window.one` is the element with id "one", not the handle.
  await page.waitForFunction(() => window.mounted === true);
}

/** Collects console errors and page errors. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

test('iframe: the page reads data, start-at, theme and controls from its query', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${hosts}iframe.html`);
  const frame = page.frameLocator('#frame');
  await expect(frame.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(frame.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(frame.locator('[data-card-for="second"]')).toBeVisible();
  await expect(frame.locator(root)).toHaveClass(/annals-theme-dark/);
  await expect(frame.locator('.annals-toolbar')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('JS API: two independent instances; select, setRange, the callback and destroy', async ({ page }) => {
  const errors = watchErrors(page);
  await openApiHost(page);
  const one = page.locator(`#one ${root}`);
  const two = page.locator(`#two ${root}`);
  await expect(one).toHaveAttribute('data-ready', 'true');
  await expect(two).toHaveAttribute('data-ready', 'true');
  await expect(one).toHaveAttribute('data-event-count', '3');
  await expect(two).toHaveAttribute('data-event-count', '2');
  await expect(two).toHaveClass(/annals-theme-dark/);
  await expect(one).toHaveClass(/annals-theme-light/);
  await expect(page.locator('#two [data-card-for="alpha"]')).toBeVisible();
  // An embedded instance has no address of its own to share.
  await expect(page.locator('#one').getByRole('button', { name: /Copy link|Share/ })).toHaveCount(0);

  // select() opens a card in one instance only, and the callback hears it.
  await page.evaluate(() => window.one.select('third'));
  await expect(page.locator('#one [data-card-for="third"]')).toBeVisible();
  await expect(page.locator('#two [data-card-for="alpha"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.selected)).toEqual(['third']);
  // A click in the other instance leaves this one alone.
  await page.locator('#two [data-event-id="beta"]').click();
  await expect(page.locator('#two [data-card-for="beta"]')).toBeVisible();
  await expect(page.locator('#one [data-card-for="third"]')).toBeVisible();
  await page.evaluate(() => window.one.select(null));
  await expect(page.locator('#one [data-card-for]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.selected)).toEqual(['third', null]);
  // Clicking a mark reports its id too.
  await page.locator('#one').getByRole('button', { name: 'Fit all events' }).click();
  await page.locator('#one [data-event-id="first"]').click();
  await expect.poll(() => page.evaluate(() => window.selected)).toEqual(['third', null, 'first']);
  await page.evaluate(() => window.one.select(null));

  // setRange shows 2003 to 2004: the 2001 and 2005 events leave the screen.
  await page.evaluate(() => window.one.setRange('2003', '2004'));
  await expect(page.locator('#one [data-event-id="first"]')).toHaveCount(0);
  await expect(page.locator('#one [data-event-id="second"]')).toBeVisible();
  await expect(page.locator('#two [data-card-for="beta"]')).toBeVisible();
  const bad = await page.evaluate(() => { try { window.one.setRange('soon', '2004'); return null; } catch (e) { return String(e); } });
  expect(bad).toContain('could not read "soon" as a date');

  // The host page's URL is never touched.
  expect(page.url()).toBe(`${hosts}api.html`);

  await page.evaluate(() => window.one.destroy());
  await expect(page.locator(`#one ${root}`)).toHaveCount(0);
  await expect(two).toHaveAttribute('data-ready', 'true');
  await page.evaluate(() => window.two.select('alpha'));
  await expect(page.locator('#two [data-card-for="alpha"]')).toBeVisible();
  await page.evaluate(() => window.one.destroy()); // a second destroy does nothing
  expect(errors).toEqual([]);
});

test('Share → Embed…: the dialog shows the link and an iframe snippet for the current view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${app}nested/path/annals/`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await page.locator('[data-event-id="taepodong-1-launch"]').click();
  await expect(page).toHaveURL(/event=taepodong-1-launch/);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Link')).toHaveValue(page.url());
  await expect(dialog.getByLabel('Link')).toBeFocused();
  const snippet = await dialog.getByLabel('Embed code for an iframe').inputValue();
  expect(snippet).toContain(`<iframe src="${page.url().replaceAll('&', '&amp;')}"`);
  expect(snippet).toContain('title="The U.S.–Japan alliance, 1960–2007"');
  await dialog.getByRole('button', { name: 'Copy the embed code' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Embed code copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeFocused();
});

test('JS API: the timeline sizes itself to its container', async ({ page }) => {
  await openApiHost(page);
  await page.evaluate(() => window.two.select(null));
  for (const [id, width] of [['one', 900], ['two', 700]]) {
    await expect(page.locator(`#${id} ${root}`)).toHaveAttribute('data-ready', 'true');
    const box = await page.locator(`#${id} ${root}`).boundingBox();
    expect(box.width).toBe(width);
  }
});

test('a hostile host stylesheet does not break the layout', async ({ page }, testInfo) => {
  await openApiHost(page);
  await expect(page.locator(`#one ${root}`)).toHaveAttribute('data-ready', 'true');
  const measure = () => page.evaluate(() => {
    const shadow = document.getElementById('one').shadowRoot;
    const label = shadow.querySelector('.annals-label');
    const stage = shadow.querySelector('.annals-stage').getBoundingClientRect();
    return { font: getComputedStyle(label).fontSize, stage: [Math.round(stage.width), Math.round(stage.height)] };
  });
  const plain = await measure();

  await openApiHost(page, '?hostile=1');
  await expect(page.locator(`#one ${root}`)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('body > h1')).toHaveCSS('font-size', '30px'); // the stylesheet did apply to the host
  const hostile = await measure();
  expect(hostile.font).toBe('13px');
  expect(hostile).toEqual(plain);
  const shot = testInfo.outputPath('hostile-host.png');
  await page.locator('#one').screenshot({ path: shot });
  await testInfo.attach('hostile-host', { path: shot, contentType: 'image/png' });
});

test('custom element: renders and reacts to its attributes', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${hosts}element.html`);
  const element = page.locator('annals-timeline');
  const inner = element.locator(root);
  await expect(inner).toHaveAttribute('data-ready', 'true');
  await expect(inner).toHaveAttribute('data-event-count', '3');
  await expect(inner).toHaveClass(/annals-theme-dark/);
  await expect(element.locator('[data-card-for="first"]')).toBeVisible();

  await page.evaluate(() => {
    window.events = [];
    document.getElementById('t').addEventListener('annals-select', (e) => window.events.push(e.detail.id));
  });
  await element.evaluate((el) => el.setAttribute('start-at', 'third'));
  await expect(element.locator('[data-card-for="third"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.events)).toEqual(['third']);
  await element.evaluate((el) => el.setAttribute('theme', 'light'));
  await expect(inner).toHaveClass(/annals-theme-light/);
  await element.evaluate((el) => el.setAttribute('controls', '0'));
  await expect(element.locator('.annals-toolbar')).toHaveCount(0);
  await element.evaluate((el) => el.setAttribute('src', 'fixtures/partial.json'));
  await expect(element.locator(root)).toHaveAttribute('data-event-count', '1');
  await expect(element.locator(root)).toHaveAttribute('data-ready', 'true');
  // A spreadsheet: read through the import module, fetched across origins
  // from beside embed.js.
  const imported = page.waitForRequest((r) => r.url().endsWith('/annals_import_bg.wasm') && r.url().startsWith(app));
  await element.evaluate((el) => el.setAttribute('src', 'fixtures/timelinejs-sheet.csv'));
  await imported;
  await expect(element.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(element.locator('[data-event-id="gagarin-orbits-the-earth"]')).toBeVisible();
  expect(page.url()).toBe(`${hosts}element.html`);
  expect(errors).toEqual([]);
});

test('custom element: a bad src keeps the timeline on screen, and the message says what is shown', async ({ page }) => {
  await page.goto(`${hosts}element.html`);
  const element = page.locator('#t');
  await expect(element.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(element.locator(root)).toHaveAttribute('data-event-count', '3');
  await element.evaluate((el) => el.setAttribute('src', 'fixtures/missing.json'));
  await expect(element.locator('.annals-problems-heading')).toContainText('missing.json could not be loaded. The timeline on screen is unchanged.');
  await expect(element.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(element.locator('[data-event-id="second"]')).toBeVisible();
  // An element whose first src fails has no timeline to keep.
  await page.evaluate(() => {
    const bad = document.createElement('annals-timeline');
    bad.id = 'bad';
    bad.setAttribute('src', 'fixtures/missing.json');
    document.body.append(bad);
  });
  const bad = page.locator('#bad');
  await expect(bad.locator('.annals-problems-heading')).toContainText('No timeline is shown');
  await expect(bad.locator('.annals-problems-heading')).not.toContainText('unchanged');
  await expect(bad.getByRole('button', { name: 'Retry' })).toBeVisible();
  // A good src after that loads into the same element.
  await bad.evaluate((el) => el.setAttribute('src', 'fixtures/good.json'));
  await expect(bad.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(bad.locator('.annals-problems')).toHaveCount(0);
});

test('embed.js announces itself: annals-ready on window, for scripts that are not modules', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${hosts}ready.html`);
  const instance = page.locator(`#t ${root}`);
  await expect(instance).toHaveAttribute('data-ready', 'true');
  await expect(instance).toHaveAttribute('data-event-count', '3');
  const seen = await page.evaluate(() => window.seen);
  expect(seen.ready).toBe(true);
  expect(seen.detail).toBe('function');
  expect(errors).toEqual([]);
});

test('strict CSP: the release build renders with no violations', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${app}csp/`);
  expect(response.headers()['content-security-policy']).toContain("style-src 'self'");
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  await page.locator('[data-event-id="taepodong-1-launch"]').click();
  await expect(page.locator('[data-card-for="taepodong-1-launch"]')).toBeVisible();
  // Positions are applied: the marks are spread along the axis.
  const xs = await page.locator('[data-event-id]').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().x)));
  expect(new Set(xs).size).toBeGreaterThan(10);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the yew example app hosts the Timeline component', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${app}yew-host/`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '3');
  await page.locator('[data-event-id="nara"]').click();
  await expect(page.locator('#selected')).toHaveText('Selected: nara');
  await page.locator('.annals-card-close').click();
  await expect(page.locator('#selected')).toHaveText('Selected: nothing');
  expect(errors).toEqual([]);
});

test('custom element without src: the default dataset, fetched from beside embed.js (the wasm does not carry it)', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto(`${hosts}default.html`);
  const timeline = page.locator(`#t ${root}`);
  await expect(timeline).toHaveAttribute('data-ready', 'true');
  await expect(timeline).toHaveAttribute('data-event-count', '26');
  await expect(page.locator('#t [data-event-id="taepodong-1-launch"]')).toHaveCount(1);
  expect(fetched).toContain(`${app}nested/path/annals/data/alliance.json`);
  expect(errors).toEqual([]);
});

test('the single file opens from file:// with no server', async ({ page }) => {
  const file = fileURLToPath(new URL('../dist-single/annals.html', import.meta.url));
  expect(existsSync(file), 'run scripts/single-file.sh first').toBe(true);
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  await page.locator('[data-event-id="taepodong-1-launch"]').click();
  await expect(page.locator('[data-card-for="taepodong-1-launch"]')).toBeVisible();
  expect(errors).toEqual([]);
});
