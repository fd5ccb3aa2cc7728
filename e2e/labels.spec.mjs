// Labels, marks and dates as a reader first sees them (issue 14): the story's
// anchors are labelled in full, no two marks overlap at any zoom, the axis
// counts round years across year zero, deep time reads in years ago, and
// the tab follows the dataset's title.
import { test, expect } from '@playwright/test';

const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;

async function open(page, query = '') {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./${query}`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
}

/** Every mark's box, by event id. */
async function markBoxes(page) {
  return page.locator('.annals-event').evaluateAll((events) => events.map((e) => {
    const r = e.querySelector('.annals-mark').getBoundingClientRect();
    return { id: e.dataset.eventId, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
  }));
}

function overlapping(boxes) {
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

test('the anchors and every planned event are labelled in full at 1280×800', async ({ page }) => {
  await open(page);
  const timeline = await page.locator('.annals-stage').boundingBox();
  const planned = await page.locator('.annals-event.annals-status-planned').evaluateAll((els) => els.map((e) => e.dataset.eventId));
  expect(planned.length).toBeGreaterThanOrEqual(2);
  const ids = ['treaty-signed-1960', 'taepodong-1-launch', 'joint-declaration-planned', ...planned];
  const titles = {
    'treaty-signed-1960': 'Revised Security Treaty signed',
    'taepodong-1-launch': 'North Korea fires Taepodong-1 over Japan',
    'joint-declaration-planned': 'Bush–Koizumi joint declaration expected',
  };
  for (const id of new Set(ids)) {
    const label = page.locator(`${mark(id)} .annals-label`);
    await expect(label, `${id} has a label`).toBeVisible();
    const box = await label.boundingBox();
    expect(box.x, id).toBeGreaterThanOrEqual(timeline.x - 0.5);
    expect(box.x + box.width, id).toBeLessThanOrEqual(timeline.x + timeline.width + 0.5);
    const shown = await label.evaluate((el) => ({
      text: el.textContent,
      cut: el.scrollWidth > el.clientWidth,
    }));
    expect(shown.text.endsWith('…'), id).toBe(false);
    expect(shown.cut, `${id}: "${shown.text}" is cut short`).toBe(false);
    if (titles[id]) expect(shown.text).toBe(titles[id]);
  }
});

test('no two marks overlap, fitted and after five zoom steps', async ({ page }) => {
  await open(page);
  expect(overlapping(await markBoxes(page))).toEqual([]);
  await page.locator(mark('joint-declaration-planned')).focus();
  for (let step = 1; step <= 5; step++) {
    await page.keyboard.press('+');
    await page.waitForTimeout(50);
    const boxes = await markBoxes(page);
    expect(boxes.length, `step ${step}`).toBeGreaterThan(0);
    expect(overlapping(boxes), `after ${step} zoom steps`).toEqual([]);
  }
});

test('a BCE axis counts round years across year zero, and era labels keep clear of events', async ({ page }) => {
  await open(page, '?data=/fixtures/rome.json');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '10');
  const ticks = await page.locator('.annals-tick-label').allTextContents();
  expect(ticks.length).toBeGreaterThan(3);
  for (const t of ticks) {
    expect(t).toMatch(/^(\d+00 BCE|1 CE|\d+00)$/);
  }
  expect(ticks).toContain('1 CE');
  // No label, mark or era label meets another.
  const boxes = await page.locator('.annals-mark, .annals-label, .annals-era-label').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { id: `${e.className}:${e.closest('[data-event-id]')?.dataset.eventId ?? e.textContent}`, owner: e.closest('[data-event-id]')?.dataset.eventId ?? e.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
  }));
  const clashes = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.owner !== b.owner && a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) clashes.push(`${a.id} × ${b.id}`);
    }
  }
  expect(clashes).toEqual([]);
  for (const id of ['augustus', 'colosseum']) {
    const cut = await page.locator(`${mark(id)} .annals-label`).evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, id).toBe(false);
  }
});

test('deep time reads in years ago, and the tab title follows the dataset', async ({ page }) => {
  await open(page, '?data=/fixtures/deep-time.json');
  await expect(page).toHaveTitle('From the Big Bang to the Moon — annals');
  await expect(page.locator(mark('big-bang'))).toHaveAttribute('aria-label', '13.8 billion years ago, occurred: Big Bang');
  await expect(page.locator(mark('chicxulub'))).toHaveAttribute('aria-label', '66 million years ago, occurred: Chicxulub impact');
  await page.locator(mark('big-bang')).click();
  const date = page.locator('[data-card-for="big-bang"] .annals-card-date');
  await expect(date).toContainText('13.8 billion years ago');
  await expect(date).not.toContainText('BCE');
  // The axis keeps the geologists' units.
  const ticks = await page.locator('.annals-tick-label').allTextContents();
  expect(ticks.some((t) => / (ka|Ma|Ga)$/.test(t)), ticks.join(', ')).toBe(true);
  await open(page);
  await expect(page).toHaveTitle('The U.S.–Japan alliance, 1960–2007 — annals');
});
