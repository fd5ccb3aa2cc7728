// The first paint from HTML (annals-cli's prerender, run by the release
// build's trunk hook): what shows before the wasm and without JavaScript,
// and how the app takes it over. At 1280×800, the width it is rendered for.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const appPort = Number(process.env.ANNALS_E2E_PORT ?? 4173);
const app = `http://127.0.0.1:${appPort}/`;
const root = '[data-annals-root]';
const prerendered = '#annals > [data-prerendered]';
const viewport = { width: 1280, height: 800 };
const alliance = JSON.parse(readFileSync(join(repo, 'static/data/alliance.json'), 'utf8'));
// A text field is a string or an object of language tag to string; the page
// is prerendered in the dataset's default language.
const english = (text) => (typeof text === 'string' ? text : text[alliance.language ?? 'en']);

test.use({ viewport });

/** Ids and boxes of the timeline's marks, in document order. */
function marks(page) {
  return page.locator('.annals-events [data-event-id]').evaluateAll((els) => els.map((el) => {
    const box = el.querySelector('.annals-mark').getBoundingClientRect();
    return { id: el.dataset.eventId, x: box.x, y: box.y, width: box.width };
  }));
}

/** Collects console errors and page errors. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

test('without JavaScript, every event is there with its date, status, title and card text', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('h1.annals-title')).toHaveText(english(alliance.title));
  await expect(page.locator(`${prerendered} .annals-events [data-event-id]`)).toHaveCount(alliance.events.length);
  await expect(page.locator(`${prerendered} .annals-axis`)).toBeVisible();
  await expect(page.locator(`${prerendered} .annals-lane-label`).first()).toBeVisible();
  // Controls that need the app are out of the way.
  await expect(page.locator(`${prerendered} .annals-toolbar`)).toBeHidden();
  // The marks are positioned (index.css), not piled up at the stage's corner.
  const xs = (await marks(page)).map((m) => Math.round(m.x));
  expect(new Set(xs).size).toBeGreaterThan(10);
  for (const event of alliance.events) {
    const item = page.locator(`[data-static-event="${event.id}"]`);
    await expect(item.locator('.annals-static-title'), event.id).toHaveText(english(event.title));
    await expect(item.locator('.annals-static-title')).toBeVisible();
    await expect(item.locator('.annals-static-date')).toBeVisible();
    await expect(item.locator('.annals-badge')).toHaveText(event.status ?? 'occurred');
    // The summary and the sources are one click away.
    const summary = item.locator('.annals-rich-text');
    await expect(summary).toBeHidden();
    await item.locator('summary').click();
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(english(event.summary).slice(0, 40));
    if (event.sources?.length) {
      await expect(item.locator('.annals-source').first()).toContainText(event.sources[0].title);
    }
  }
  await page.screenshot({ path: join(repo, 'test-results', 'prerender-no-js.png'), fullPage: true });
  await context.close();
});

test('the prerendered marks are the live marks: same ids, same order, within 4 px', async ({ page }) => {
  const errors = watchErrors(page);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/annals_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto('./', { waitUntil: 'commit' });
  // The first paint, while the wasm is held back.
  await expect(page.locator(`${prerendered} .annals-events [data-event-id]`)).toHaveCount(alliance.events.length);
  const before = await marks(page);
  await page.screenshot({ path: join(repo, 'test-results', 'prerender-first-paint.png') });
  release();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(prerendered)).toHaveCount(0);
  const after = await marks(page);
  expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
  expect(before.length).toBe(alliance.events.length);
  for (const [i, m] of after.entries()) {
    expect(Math.abs(m.x - before[i].x), m.id).toBeLessThanOrEqual(4);
    expect(Math.abs(m.y - before[i].y), m.id).toBeLessThanOrEqual(4);
    expect(Math.abs(m.width - before[i].width), m.id).toBeLessThanOrEqual(4);
  }
  expect(errors).toEqual([]);
});

test('the wasm takes the page over without a layout shift (CLS ≤ 0.05)', async ({ page }) => {
  await page.addInitScript(() => {
    window.cls = 0;
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.cls += entry.value;
        window.shifts.push({ value: entry.value, sources: entry.sources.map((s) => s.node?.className ?? '') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  // Two frames after the app's first, for any late shift to be reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(300);
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.cls, shifts: window.shifts }));
  expect(cls, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
});

test("the app's code is fetched once, while the page still parses (the head's preloads)", async ({ page }) => {
  const asked = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name === 'annals.js' || name === 'annals_bg.wasm') asked.push(name);
  });
  // Chromium says so in the console when a preload goes unused, or is
  // fetched a second time because its mode differs from the real request's.
  const preloadWarnings = [];
  page.on('console', (msg) => { if (/preload/i.test(msg.text())) preloadWarnings.push(msg.text()); });
  await page.goto('./');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  expect(asked.sort()).toEqual(['annals.js', 'annals_bg.wasm']);
  const timing = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/annals_bg.wasm'));
    return { wasm: wasm.startTime, parsed: performance.getEntriesByType('navigation')[0].domInteractive };
  });
  // Without the preloads the wasm is asked for only after loader.js runs,
  // which is after the whole page has been parsed.
  expect(timing.wasm).toBeLessThan(timing.parsed);
  expect(preloadWarnings).toEqual([]);
});

test('strict CSP: no violation before the wasm starts, nor after', async ({ page }) => {
  const errors = watchErrors(page);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/csp/annals_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${app}csp/`);
  expect(response.headers()['content-security-policy']).toContain("style-src 'self'");
  // Before the wasm: the prerendered timeline, positioned by index.css.
  await expect(page.locator(`${prerendered} [data-event-id]`)).toHaveCount(alliance.events.length);
  const xs = (await marks(page)).map((m) => Math.round(m.x));
  expect(new Set(xs).size).toBeGreaterThan(10);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  release();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(prerendered)).toHaveCount(0);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('?data= never shows the default events, from the first frame on', async ({ page }) => {
  const defaults = alliance.events.map((e) => e.id);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/annals_bg.wasm', async (route) => { await gate; await route.continue(); });
  // Every frame, before it paints: is any of the default dataset's events
  // (mark or list entry) or its title visible?
  await page.addInitScript((ids) => {
    window.seen = [];
    window.frames = 0;
    const look = () => {
      window.frames += 1;
      for (const el of document.querySelectorAll('[data-event-id], [data-static-event], h1')) {
        const id = el.dataset.eventId ?? el.dataset.staticEvent ?? el.textContent;
        if ((ids.includes(id) || id.includes('U.S.–Japan')) && el.checkVisibility()) window.seen.push(id);
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    document.addEventListener('DOMContentLoaded', look);
  }, defaults);
  await page.goto('./?data=/fixtures/good.json', { waitUntil: 'commit' });
  // The prerendered page (timeline and list) is in the DOM, but out of
  // sight, with a loading line, while the wasm is held back.
  await expect(page.locator(prerendered)).toHaveCount(2);
  await expect(page.locator(prerendered).first()).toBeHidden();
  await expect(page.locator(prerendered).last()).toBeHidden();
  await page.screenshot({ path: join(repo, 'test-results', 'prerender-data-first-paint.png') });
  await expect.poll(() => page.evaluate(() => window.frames)).toBeGreaterThan(3);
  release();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '3');
  await expect(page.locator('[data-event-id="first"]')).toBeVisible();
  expect(await page.evaluate(() => window.seen)).toEqual([]);
});

/** Watches every frame, from the first, for a visible English event title
 * or dataset title: the prerendered page is English. */
async function watchEnglish(page) {
  const titles = [english(alliance.title), ...alliance.events.map((e) => english(e.title))];
  await page.addInitScript((titles) => {
    window.seen = [];
    window.frames = 0;
    const look = () => {
      window.frames += 1;
      for (const el of document.querySelectorAll('[data-event-id], [data-static-event], h1')) {
        const text = el.textContent;
        if (el.checkVisibility() && titles.some((t) => text.includes(t))) window.seen.push(text.slice(0, 40));
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    document.addEventListener('DOMContentLoaded', look);
  }, titles);
}

for (const [name, query, locale] of [
  ['?lang=ja', './?lang=ja', undefined],
  ['a Japanese browser', './', 'ja-JP'],
]) {
  test(`${name}: the English prerender never shows, from the first frame on, nor shifts the layout`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await watchEnglish(page);
    await page.addInitScript(() => {
      window.cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route('**/annals_bg.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto(query, { waitUntil: 'commit' });
    // In the DOM (for readers without JavaScript), out of sight, with a
    // loading line in Japanese, while the wasm is held back.
    await expect(page.locator(prerendered)).toHaveCount(2);
    await expect(page.locator(prerendered).first()).toBeHidden();
    const line = await page.evaluate(() => getComputedStyle(document.getElementById('annals'), '::before').content);
    expect(line).toContain('年表を読み込んでいます');
    await expect.poll(() => page.evaluate(() => window.frames)).toBeGreaterThan(3);
    release();
    await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('h1.annals-title')).toContainText('日米同盟');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => window.seen)).toEqual([]);
    expect(await page.evaluate(() => window.cls)).toBeLessThanOrEqual(0.05);
    await context.close();
  });
}

test('?lang=en and an English browser see the prerendered page at once', async ({ page }) => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/annals_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto('./?lang=en-GB', { waitUntil: 'commit' });
  await expect(page.locator(`${prerendered} .annals-events [data-event-id]`).first()).toBeVisible();
  release();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
});

test.describe('a fragment pasted into <annals-timeline>', () => {
  let fragment;
  let css;

  test.beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-fragment-'));
    execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'annals-cli', '--', 'render',
      'tests/fixtures/good.json', '--fragment', '-o', join(dir, 'good.html')], { cwd: repo, stdio: 'inherit' });
    fragment = readFileSync(join(dir, 'good.html'), 'utf8');
    css = readFileSync(join(dir, 'good.css'), 'utf8');
  });

  test('shows before the script runs, then the element upgrades it', async ({ page }) => {
    const errors = watchErrors(page);
    const base = `${app}nested/path/annals/`;
    await page.route(`${base}fragment-host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html><head><title>host</title>
        <script type="module" src="embed.js"></script></head>
        <body><h1>A host page</h1>
        <annals-timeline src="${app}fixtures/good.json">${fragment}</annals-timeline>
        <p id="after">After the timeline.</p></body></html>`,
    }));
    await page.route(`${base}good.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route(`${base}embed.js`, async (route) => { await gate; await route.continue(); });

    // Not waiting for 'load': the held module script delays it.
    await page.goto(`${base}fragment-host.html`, { waitUntil: 'commit' });
    const element = page.locator('annals-timeline');
    // Before embed.js: the declarative shadow root shows the timeline, positioned.
    await expect(element.locator('[data-prerendered] [data-event-id]')).toHaveCount(3);
    await expect(element.locator('[data-event-id="second"]')).toBeVisible();
    const xs = (await marks(page)).map((m) => Math.round(m.x));
    expect(new Set(xs).size).toBe(3);
    await expect(element.locator('[data-static-event="third"]')).toBeVisible();
    release();
    await expect(element.locator(root)).toHaveAttribute('data-ready', 'true');
    await expect(element.locator('[data-prerendered]')).toHaveCount(0);
    await expect(element.locator(root)).toHaveAttribute('data-event-count', '3');
    await element.locator('[data-event-id="second"]').click();
    await expect(element.locator('[data-card-for="second"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
});
