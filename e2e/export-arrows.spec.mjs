// Issue 14: the whole timeline exported as SVG and PNG from the Data menu,
// and the arrows that join an open card's event to its related events. The
// PNG export works under the strict CSP the README documents, and under a
// policy without blob: images it says in the page what it needs.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const data = JSON.parse(await readFile(new URL('../static/data/alliance.json', import.meta.url), 'utf8'));

// Texts may be translated ({ en, ja }); the page opens in English here.
const en = (text) => (typeof text === 'string' ? text : text.en);
const root = '[data-annals-root]';
const declaration = 'joint-declaration-planned';
const related = data.events.find((e) => e.id === declaration).related;

async function open(page, query = '') {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./${query}`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
}

/** Clicks an export, opening the Data menu first when there is one. */
async function exportAs(page, format) {
  const menu = page.getByRole('button', { name: 'Data', exact: true });
  if (await menu.count()) await menu.click();
  const item = page.locator('button, [role="menuitem"]').filter({ hasText: `Export ${format}` });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return download;
}

/** The SVG's text elements as the browser's XML parser reads them, or null when it is not well-formed. */
async function svgTexts(page, svg) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'svg') return null;
    return {
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
      arrows: doc.querySelectorAll('path[stroke-opacity="0.85"]').length,
    };
  }, svg);
}

/** A PNG file's width and height, after checking its signature and header. */
function pngSize(png) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Every arrow: its target, its edge, where its curve ends and the target mark's box, in page pixels. */
async function arrows(page) {
  return page.evaluate(() => {
    const lanes = document.querySelector('.annals-lanes').getBoundingClientRect();
    return [...document.querySelectorAll('.annals-arrow')].map((g) => {
      const numbers = g.querySelector('.annals-arrow-curve').getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
      const [x, y] = numbers.slice(-2);
      const id = g.dataset.arrowTo;
      const mark = document.querySelector(`[data-event-id="${id}"] .annals-mark`)?.getBoundingClientRect();
      return {
        id,
        edge: g.dataset.edge ?? null,
        end: { x: lanes.left + x, y: lanes.top + y },
        mark: mark ? { left: mark.left, right: mark.right, top: mark.top, bottom: mark.bottom } : null,
        lanes: { left: lanes.left, right: lanes.right, top: lanes.top, bottom: lanes.bottom },
      };
    });
  });
}

test('the SVG export is the whole timeline: well-formed, with every title of the default dataset', async ({ page }) => {
  await open(page);
  const download = await exportAs(page, 'SVG');
  expect(download.suggestedFilename()).toBe('the-u-s-japan-alliance-1960-2007.svg');
  const svg = await readFile(await download.path(), 'utf8');
  const read = await svgTexts(page, svg);
  expect(read, 'parses as XML').not.toBeNull();
  for (const event of data.events) expect(read.texts, event.id).toContain(en(event.title));
  expect(read.texts).toContain(en(data.title));
  for (const lane of data.lanes) expect(read.texts).toContain(en(lane.label).toUpperCase());
  expect(read.arrows, 'no card is open').toBe(0);
  // Wider than the screen's timeline, so every label fits.
  const stage = await page.locator('.annals-stage').boundingBox();
  expect(read.width).toBeGreaterThanOrEqual(stage.width);
});

test('the SVG export holds the open card\'s arrows', async ({ page }) => {
  await open(page, `?event=${declaration}`);
  await expect(page.locator(`[data-card-for="${declaration}"]`)).toBeVisible();
  const svg = await readFile(await (await exportAs(page, 'SVG')).path(), 'utf8');
  const read = await svgTexts(page, svg);
  expect(read.arrows).toBe(related.length);
});

test('the PNG export is a PNG of the SVG at twice its size', async ({ page }) => {
  await open(page);
  const svg = await readFile(await (await exportAs(page, 'SVG')).path(), 'utf8');
  const { width, height } = await svgTexts(page, svg);
  const download = await exportAs(page, 'PNG');
  expect(download.suggestedFilename()).toBe('the-u-s-japan-alliance-1960-2007.png');
  const png = await readFile(await download.path());
  expect(pngSize(png)).toEqual({ width: Math.round(width * 2), height: Math.round(height * 2) });
  // A drawing, not an empty canvas: an empty one compresses to almost nothing.
  expect(png.length).toBeGreaterThan(50_000);
});

test('under the strict CSP the README documents, the PNG export works', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.goto('/csp/');
  expect(response.headers()['content-security-policy']).toContain("img-src 'self' blob:");
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  const download = await exportAs(page, 'PNG');
  const png = await readFile(await download.path());
  const { width, height } = pngSize(png);
  const stage = await page.locator('.annals-stage').boundingBox();
  expect(width).toBeGreaterThanOrEqual(stage.width * 2);
  expect(height).toBeGreaterThan(400);
  expect(png.length).toBeGreaterThan(50_000);
  await expect(page.locator('.annals-export-problem')).toHaveCount(0);
});

test('under a CSP without blob: images, the PNG export says in the page what it needs; SVG still exports', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.goto('/csp-no-blob/');
  expect(response.headers()['content-security-policy']).not.toContain('img-src');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  const problem = page.getByRole('alert').filter({ hasText: 'PNG' });
  await expect(problem).toHaveCount(0);
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export PNG' }).click();
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('img-src blob:');
  await expect(problem).toContainText('Export SVG works');
  // Dismissed, it goes; the SVG export still works under this policy.
  await problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem).toHaveCount(0);
  const svg = await readFile(await (await exportAs(page, 'SVG')).path(), 'utf8');
  expect(await svgTexts(page, svg)).not.toBeNull();
  await expect(problem).toHaveCount(0);
});

test('the planned declaration\'s card draws an arrow to each related event, and says so', async ({ page }) => {
  await open(page);
  await page.locator(`[data-event-id="${declaration}"]`).click();
  await expect(page.locator(`[data-card-for="${declaration}"]`)).toBeVisible();
  await expect(page.locator('.annals-arrow')).toHaveCount(related.length);
  const found = await arrows(page);
  expect(found.map((a) => a.id).sort()).toEqual([...related].sort());
  for (const a of found) {
    if (a.edge) {
      const edge = a.edge === 'left' ? a.lanes.left : a.lanes.right;
      expect(Math.abs(a.end.x - edge), `${a.id} ends at the edge`).toBeLessThanOrEqual(3);
    } else {
      expect(a.mark, `${a.id} has a mark`).not.toBeNull();
      expect(a.end.x, a.id).toBeGreaterThanOrEqual(a.mark.left - 1);
      expect(a.end.x, a.id).toBeLessThanOrEqual(a.mark.right + 1);
      expect(a.end.y, a.id).toBeGreaterThanOrEqual(a.mark.top - 1);
      expect(a.end.y, a.id).toBeLessThanOrEqual(a.mark.bottom + 1);
    }
  }
  for (const id of ['scc-transformation-realignment', 'kyoto-summit', 'alliance-new-century-statement']) {
    expect(found.find((a) => a.id === id).edge, id).toBeNull();
  }
  // Screen readers get the same relations as text.
  const text = await page.locator('.annals-lanes .annals-visually-hidden').textContent();
  expect(text).toContain('Arrows connect Bush–Koizumi joint declaration expected to:');
  expect(text).toContain('Bush–Koizumi summit in Kyoto');
  // Closing the card takes the arrows away.
  await page.keyboard.press('Escape');
  await expect(page.locator('.annals-arrow')).toHaveCount(0);
});

test('an arrow to a related event off screen ends at the edge', async ({ page }) => {
  // 2005 and 2006 only: the 1960 treaty is far to the left.
  await open(page, `?event=${declaration}&view=12784,13514`);
  await expect(page.locator(`[data-card-for="${declaration}"]`)).toBeVisible();
  await expect(page.locator('[data-event-id="treaty-signed-1960"]')).toHaveCount(0);
  const treaty = page.locator('.annals-arrow[data-arrow-to="treaty-signed-1960"]');
  await expect(treaty).toHaveAttribute('data-edge', 'left');
  const found = (await arrows(page)).find((a) => a.id === 'treaty-signed-1960');
  expect(Math.abs(found.end.x - found.lanes.left)).toBeLessThanOrEqual(3);
  expect(found.end.y).toBeGreaterThan(found.lanes.top);
  expect(found.end.y).toBeLessThan(found.lanes.bottom);
  const text = await page.locator('.annals-lanes .annals-visually-hidden').textContent();
  expect(text).toContain('Revised Security Treaty signed (off screen, earlier)');
});

for (const theme of ['light', 'dark']) {
  test(`axe passes with the arrows shown (${theme} theme)`, async ({ page }) => {
    await open(page, `?theme=${theme}&event=${declaration}`);
    await expect(page.locator('.annals-arrow')).toHaveCount(related.length);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }));
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
