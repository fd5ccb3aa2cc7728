// Moving through a timeline: search, filters, the list view, deep links,
// the shortcuts dialog, and zoom gestures.
import { test, expect } from '@playwright/test';

const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;
const card = (id) => `[data-card-for="${id}"]`;

async function openApp(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
}

test('search is incremental, tolerates typos, highlights matches, and Enter jumps to the best', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('taepodnog');
  await expect(page.locator('.annals-search-count')).toHaveText(/^\d+ match(es)?$/);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button').first()).toContainText('Taepodong-1');
  await expect(page.locator(mark('taepodong-1-launch'))).toHaveClass(/annals-match/);
  await expect(page.locator(mark('treaty-signed-1960'))).toHaveClass(/annals-dim/);
  await search.press('Enter');
  await expect(page.locator(card('taepodong-1-launch'))).toBeVisible();
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText('Opened August 31, 1998, occurred');
});

test('search results are keyboard reachable and rank title matches first', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('kyoto');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(results.first()).toContainText('Bush–Koizumi summit in Kyoto');
  await search.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-card-for]')).toHaveCount(1);
});

test('filters hide events from the timeline and the keyboard order, with counts', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByText('North Korea (1)')).toBeVisible();
  await page.getByRole('checkbox', { name: /^North Korea/ }).uncheck();
  await page.getByRole('checkbox', { name: /^proposed/ }).uncheck();
  await expect(page.locator('.annals-filter-summary')).toHaveText('Showing 18 of 26 events');
  await expect(page.locator(mark('taepodong-1-launch'))).toHaveCount(0);
  await expect(page.locator(mark('agenda-war-plans'))).toHaveCount(0);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveText('Showing 18 of 26 events');
  // The keyboard skips the hidden 1998 launch: 1960, 1960, then December 1998.
  await page.locator(mark('treaty-in-force-1960')).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(mark('missile-defense-research-approved'))).toBeFocused();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator(root).locator('[data-event-id]')).toHaveCount(26);
  await expect(page.locator('.annals-empty')).toHaveCount(0);
  // Hiding every status hides every event, and the timeline says why.
  for (const status of ['occurred', 'planned', 'proposed']) {
    await page.getByRole('checkbox', { name: new RegExp(`^${status}`) }).uncheck();
  }
  await expect(page.locator('.annals-empty')).toHaveText('The filters hide every event. Clear them to see the timeline.');
});

test('the list view shows the same filtered events in date order and opens cards', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('checkbox', { name: /^planned/ }).uncheck();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const items = page.locator('[data-list-event-id]');
  await expect(items).toHaveCount(24);
  await expect(items.first()).toHaveAttribute('data-list-event-id', 'treaty-signed-1960');
  await expect(items.nth(2)).toHaveAttribute('data-list-event-id', 'taepodong-1-launch');
  await expect(page.locator('[data-list-event-id="joint-declaration-planned"]')).toHaveCount(0);
  await items.nth(2).click();
  await expect(page.locator(card('taepodong-1-launch'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(items.nth(2)).toBeFocused();
});

test('the URL restores the selection, range, filters and search on reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('summit');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('checkbox', { name: /^China & the Koreas/ }).uncheck();
  await page.locator(mark('kyoto-summit')).click();
  await expect(page).toHaveURL(/event=kyoto-summit/);
  const viewOf = () => new URL(page.url()).searchParams.get('view');
  await expect.poll(viewOf).not.toBeNull();
  const unzoomed = viewOf();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  // The URL follows a zoom once the view has rested; wait for that write
  // rather than for a fixed time, which a loaded machine can outlast.
  await expect.poll(viewOf).not.toBe(unzoomed);
  const before = new URL(page.url());
  const x = await page.locator(`${mark('kyoto-summit')} .annals-mark`).boundingBox();
  await page.reload();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(card('kyoto-summit'))).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('summit');
  await expect(page.locator(mark('anti-japanese-sentiment'))).toHaveCount(0);
  const after = await page.locator(`${mark('kyoto-summit')} .annals-mark`).boundingBox();
  expect(Math.abs(after.x - x.x)).toBeLessThan(1);
  expect(new URL(page.url()).searchParams.get('view')).toBe(before.searchParams.get('view'));
});

test('a link with extreme view bounds shows the whole range and the page answers', async ({ page }) => {
  // ?view=-1e308,1e308 used to freeze the tab for good.
  await page.goto('./?view=-1e308,1e308');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  await expect(page.locator('.annals-tick').first()).toBeVisible();
  await expect(page.locator('.annals-tick-label').first()).toHaveText(/Ga|Ma/);
  await page.getByRole('button', { name: 'Fit all events' }).click();
  await expect(page.locator(mark('kyoto-summit'))).toBeVisible();
});

test('back and forward step through selections', async ({ page }) => {
  await openApp(page);
  await page.locator(mark('treaty-signed-1960')).click();
  await expect(page).toHaveURL(/event=treaty-signed-1960/);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/event=treaty-in-force-1960/);
  await page.goBack();
  await expect(page.locator(card('treaty-signed-1960'))).toBeVisible();
  await page.goForward();
  await expect(page.locator(card('treaty-in-force-1960'))).toBeVisible();
});

test('copy link puts the current view on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.locator(mark('kyoto-summit')).click();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('event=kyoto-summit');
});

test('? opens the shortcuts dialog; Escape closes it and returns focus', async ({ page }) => {
  await openApp(page);
  await page.locator(mark('treaty-signed-1960')).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Previous / next event in date order');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(mark('treaty-signed-1960'))).toBeFocused();
});

test('double-click zooms in at the pointer', async ({ page }) => {
  await openApp(page);
  const a = page.locator(`${mark('taepodong-1-launch')} .annals-mark`);
  // Close enough to stay on screen when the view halves around `a`.
  const b = page.locator(`${mark('missile-defense-research-approved')} .annals-mark`);
  const before = (await b.boundingBox()).x - (await a.boundingBox()).x;
  const box = await a.boundingBox();
  const stage = await page.locator('.annals-stage').boundingBox();
  await page.mouse.dblclick(box.x + box.width / 2, stage.y + 20);
  await expect.poll(async () => (await b.boundingBox()).x - (await a.boundingBox()).x).toBeGreaterThan(before * 1.8);
});

test('the overview strip shows the window; dragging it pans and dragging an edge zooms', async ({ page }) => {
  await openApp(page);
  const a = page.locator(`${mark('taepodong-1-launch')} .annals-mark`);
  const b = page.locator(`${mark('japan-adopts-bmd')} .annals-mark`);
  const gap = async () => (await b.boundingBox()).x - (await a.boundingBox()).x;
  const gapBefore = await gap();
  const win = page.getByRole('slider', { name: 'Visible range' });
  await expect(win).toHaveAttribute('aria-valuetext', /^19\d\d to 20\d\d$/);
  await win.scrollIntoViewIfNeeded();
  // Shrink the window from its left edge: the view zooms in on later years.
  const box = await win.boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  // (1998 sits a third of the way along the first view's compressed axis.)
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(gap).toBeGreaterThan(gapBefore * 1.2);
  // Drag the window to the left: the view pans to earlier years.
  const x0 = (await a.boundingBox()).x;
  await win.scrollIntoViewIfNeeded();
  const small = await win.boundingBox();
  await page.mouse.move(small.x + small.width / 2, small.y + small.height / 2);
  await page.mouse.down();
  await page.mouse.move(small.x + small.width / 2 - 40, small.y + small.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await a.boundingBox())?.x ?? 1e9).toBeGreaterThan(x0 + 40);
  // Keyboard: arrows on the window pan.
  await win.focus();
  const text = await win.getAttribute('aria-valuetext');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(win).not.toHaveAttribute('aria-valuetext', text);
});

/** Sends a pointer event of type touch to the stage. */
async function touch(page, type, pointerId, clientX, clientY) {
  await page.dispatchEvent('.annals-stage', type, {
    pointerId, pointerType: 'touch', isPrimary: pointerId === 1, clientX, clientY, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true,
  });
}

test('touch: a one-finger swipe pans and a two-finger pinch zooms', async ({ page }) => {
  await openApp(page);
  const a = page.locator(`${mark('taepodong-1-launch')} .annals-mark`);
  const b = page.locator(`${mark('japan-adopts-bmd')} .annals-mark`);
  const stage = await page.locator('.annals-stage').boundingBox();
  const y = stage.y + 20;
  const x0 = (await a.boundingBox()).x;
  await touch(page, 'pointerdown', 1, stage.x + 600, y);
  for (const dx of [20, 60, 100]) await touch(page, 'pointermove', 1, stage.x + 600 + dx, y);
  await touch(page, 'pointerup', 1, stage.x + 700, y);
  await expect.poll(async () => (await a.boundingBox()).x).toBeGreaterThan(x0 + 90);

  await page.getByRole('button', { name: 'Fit all events' }).click();
  const gap = async () => (await b.boundingBox()).x - (await a.boundingBox()).x;
  const before = await gap();
  const centre = (await a.boundingBox()).x;
  await touch(page, 'pointerdown', 1, centre - 50, y);
  await touch(page, 'pointerdown', 2, centre + 50, y);
  for (const spread of [60, 70, 80]) {
    await touch(page, 'pointermove', 1, centre - spread, y);
    await touch(page, 'pointermove', 2, centre + spread, y);
  }
  await touch(page, 'pointerup', 1, centre - 80, y);
  await touch(page, 'pointerup', 2, centre + 80, y);
  // Fingers 100 px apart, then 160: the span shrinks to 100/160.
  await expect.poll(gap).toBeGreaterThan(before * 1.45);
});

test('Home and End jump to the first and last event; a trackpad pinch (ctrl + wheel) zooms', async ({ page }) => {
  await openApp(page);
  await page.locator(mark('kyoto-summit')).focus();
  await page.keyboard.press('End');
  await expect(page.locator(mark('i-corps-forward-camp-zama'))).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator(mark('treaty-signed-1960'))).toBeFocused();

  const a = page.locator(`${mark('taepodong-1-launch')} .annals-mark`);
  const b = page.locator(`${mark('japan-adopts-bmd')} .annals-mark`);
  const gap = async () => (await b.boundingBox()).x - (await a.boundingBox()).x;
  const before = await gap();
  const box = await a.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -40);
  await page.keyboard.up('Control');
  await expect.poll(gap).toBeGreaterThan(before * 1.3);
});

test('Home, End and the card walk only the events the filters show', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  // The first event (1960) is in the alliance lane, the last (2007) in the U.S. one.
  await page.getByRole('checkbox', { name: /^U\.S\.–Japan alliance/ }).uncheck();
  await page.getByRole('checkbox', { name: /^United States/ }).uncheck();
  await expect(page.locator('.annals-filter-summary')).toHaveText('Showing 6 of 26 events');
  await page.locator(mark('japan-adopts-bmd')).focus();
  await page.keyboard.press('Home');
  await expect(page.locator(mark('taepodong-1-launch'))).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator(mark('kongo-sm3-intercept'))).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const first = page.locator(card('taepodong-1-launch'));
  await expect(first.locator('.annals-card-position')).toHaveText('1 of 6');
  await expect(first.getByRole('button', { name: /Previous/ })).toBeDisabled();
  await first.getByRole('button', { name: /Next/ }).click();
  await expect(page.locator(card('missile-defense-research-approved')).locator('.annals-card-position')).toHaveText('2 of 6');
});

test('the wheel zooms without the glide, and the buttons glide again', async ({ page }) => {
  await openApp(page);
  const stage = page.locator('.annals-stage');
  await expect(stage).toHaveClass(/annals-animate/);
  const box = await stage.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 60);
  await page.mouse.wheel(0, -100);
  // The view follows the wheel at once: no transitions trailing behind...
  await expect(stage).not.toHaveClass(/annals-animate/);
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(300);
  // ...for as long as the wheel is the way in, with no class turned back on
  // between notches (each change restyles the whole stage)...
  await expect(stage).not.toHaveClass(/annals-animate/);
  // ...and a button's jump glides.
  await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
  await expect(stage).toHaveClass(/annals-animate/);
});
