// What a reader does with the default timeline, end to end, against the
// release build.
import { test, expect } from '@playwright/test';

const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;
const card = (id) => `[data-card-for="${id}"]`;

/** Opens the app and waits until the data is rendered; returns the console errors seen. */
async function openApp(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto('./');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  return errors;
}

/** Centre x of an event's mark (not its label, whose width varies). */
async function centreX(page, selector) {
  const box = await page.locator(`${selector} .annals-mark`).boundingBox();
  return box.x + box.width / 2;
}

test('loads the default dataset with no console errors', async ({ page }) => {
  const errors = await openApp(page);
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  await expect(page.locator('h1')).toContainText('U.S.–Japan alliance');
  expect(errors).toEqual([]);
});

test('the 1960, 1998 and fall declaration events are on screen', async ({ page }) => {
  await openApp(page);
  const stage = await page.locator('.annals-stage').boundingBox();
  for (const id of ['treaty-signed-1960', 'taepodong-1-launch', 'joint-declaration-planned']) {
    const box = await page.locator(mark(id)).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box.x, id).toBeGreaterThanOrEqual(stage.x - 1);
    expect(box.x + 14, id).toBeLessThanOrEqual(stage.x + stage.width);
    await expect(page.locator(mark(id))).toBeVisible();
  }
  await expect(page.locator(mark('joint-declaration-planned'))).toHaveAttribute('aria-label', /^Fall 2005, planned: /);
});

test('visible labels never overlap each other', async ({ page }) => {
  await openApp(page);
  const boxes = await page.locator('.annals-label').evaluateAll((els) =>
    els.map((el) => { const r = el.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom, text: el.textContent }; }));
  expect(boxes.length).toBeGreaterThan(5);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const overlap = a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
      expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
});

test('a click opens the right card; next and previous walk in date order; Escape closes', async ({ page }) => {
  await openApp(page);
  await page.locator(mark('treaty-signed-1960')).click();
  const first = page.locator(card('treaty-signed-1960'));
  await expect(first).toBeVisible();
  await expect(first).toContainText('January 19, 1960');
  await expect(first).toContainText('occurred');
  await expect(first).toContainText('United States, Japan');
  await expect(first).toContainText('Sources');

  const order = ['treaty-signed-1960', 'treaty-in-force-1960', 'taepodong-1-launch', 'missile-defense-research-approved'];
  for (const id of order.slice(1)) {
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.locator(card(id))).toBeVisible();
  }
  await expect(page.locator(card('taepodong-1-launch')).or(page.locator(card(order[3])))).toBeVisible();
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.locator(card('taepodong-1-launch'))).toContainText('August 31, 1998');
  await expect(page.getByRole('button', { name: '← Previous' })).toBeEnabled();

  await page.keyboard.press('Escape');
  await expect(page.locator('[data-card-for]')).toHaveCount(0);
  await expect(page.locator(mark('taepodong-1-launch'))).toBeFocused();
});

test('the planned declaration card shows its season and links to what happened', async ({ page }) => {
  await openApp(page);
  await page.locator(mark('joint-declaration-planned')).click();
  const c = page.locator(card('joint-declaration-planned'));
  await expect(c.locator('.annals-card-date')).toContainText('Fall 2005');
  await expect(c).toContainText('planned');
  await expect(c).toContainText('Richard Halloran');
  await expect(c).toContainText('The Washington Times');
  await c.getByRole('button', { name: /October 29, 2005/ }).click();
  await expect(page.locator(card('scc-transformation-realignment'))).toContainText('occurred');
});

test('keyboard only: Tab to an event, Enter opens it, arrows move, Escape returns focus', async ({ page }) => {
  await openApp(page);
  let focusedId = null;
  // Past every toolbar control (the count grows with the toolbar).
  for (let i = 0; i < 30 && !focusedId; i++) {
    await page.keyboard.press('Tab');
    focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
  }
  expect(focusedId).toBe('treaty-signed-1960');
  // Only one event is in the tab order.
  await expect(page.locator('[data-event-id][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('ArrowRight');
  await expect(page.locator(mark('treaty-in-force-1960'))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(card('treaty-in-force-1960'))).toBeVisible();
  await expect(page.locator('[data-card-heading]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-card-for]')).toHaveCount(0);
  await expect(page.locator(mark('treaty-in-force-1960'))).toBeFocused();
});

test('wheel zoom keeps the point under the cursor in place', async ({ page }) => {
  await openApp(page);
  const a = mark('taepodong-1-launch');
  const b = mark('japan-adopts-bmd');
  const anchor = await centreX(page, a);
  const gapBefore = (await centreX(page, b)) - anchor;
  const box = await page.locator(a).boundingBox();
  await page.mouse.move(anchor, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  await expect.poll(async () => (await centreX(page, b)) - (await centreX(page, a))).toBeGreaterThan(gapBefore * 1.1);
  expect(Math.abs((await centreX(page, a)) - anchor)).toBeLessThan(3);
});

test('drag pans the view, and the buttons zoom and fit', async ({ page }) => {
  await openApp(page);
  const a = mark('taepodong-1-launch');
  const b = mark('kongo-sm3-intercept');
  const start = await centreX(page, a);
  const gap = (await centreX(page, b)) - start;
  const stage = await page.locator('.annals-stage').boundingBox();
  // On the axis: inside the stage, above any mark, and always on screen.
  const y = stage.y + 20;
  await page.mouse.move(stage.x + 400, y);
  await page.mouse.down();
  await page.mouse.move(stage.x + 500, y, { steps: 5 });
  await page.mouse.move(stage.x + 550, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => centreX(page, a)).toBeGreaterThan(start + 140);
  await expect(page.locator('[data-card-for]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Fit all events' }).click();
  await expect.poll(() => centreX(page, a)).toBeCloseTo(start, 0);
  const gapNow = async () => (await centreX(page, b)) - (await centreX(page, a));
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(gapNow).toBeCloseTo(gap / 1.6, 0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(gapNow).toBeCloseTo(gap, 0);
});

test('zooming in changes the axis to finer ticks with a context row', async ({ page }) => {
  await openApp(page);
  // The first view (1962–1997 compressed) ticks half-years under a row of years.
  const before = await page.locator('.annals-tick-label').allTextContents();
  expect(before.every((t) => /^(\d{4}|Jan|Jul)$/.test(t)), before.join(', ')).toBe(true);
  await page.locator(mark('taepodong-1-launch')).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect(page.locator(mark('taepodong-1-launch'))).toBeFocused();
  await expect.poll(async () => (await page.locator('.annals-tick-label').allTextContents()).some((t) => /^(Feb|Mar|Apr|May|Jun|Aug|Sep|Oct|Nov|Dec)$/.test(t))).toBe(true);
  await expect(page.locator('.annals-context-label').first()).toHaveText(/^\d{4}$/);
});
