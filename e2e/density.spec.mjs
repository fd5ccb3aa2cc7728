// The width used well and density read as a picture (issue 14): the empty
// decades of the default dataset are compressed into a marked break, a lane
// too dense for marks is a histogram whose every stretch names its count and
// dates in the accessibility tree, and deep time can be read on a
// logarithmic years-ago axis that a link keeps.
import { test, expect } from '@playwright/test';
import { openSynthetic } from './synthetic.mjs';

const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;

test('the first view compresses 1962–1997 into a marked break and gives the width to 2004–2007', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  const note = page.getByRole('note', { name: '1962–1997 compressed' });
  await expect(note).toBeVisible();
  const stage = await page.locator('.annals-stage').boundingBox();
  const centre = async (id) => {
    const box = await page.locator(`${mark(id)} .annals-mark`).boundingBox();
    return box.x + box.width / 2;
  };
  for (const id of ['treaty-signed-1960', 'taepodong-1-launch', 'i-corps-forward-camp-zama']) {
    const x = await centre(id);
    expect(x, id).toBeGreaterThan(stage.x);
    expect(x, id).toBeLessThan(stage.x + stage.width);
  }
  const breakBox = await note.boundingBox();
  expect(await centre('treaty-in-force-1960')).toBeLessThan(breakBox.x);
  expect(await centre('taepodong-1-launch')).toBeGreaterThan(breakBox.x + breakBox.width);
  // August 2004 to December 2007 gets a good part of the width, not the
  // sliver (under 7 %) a straight 1958–2009 axis gives it.
  const span = (await centre('i-corps-forward-camp-zama')) - (await centre('bush-global-realignment'));
  expect(span).toBeGreaterThan(stage.width * 0.2);
});

test('100,000 events: each stretch of the density names its count and dates in the accessibility tree', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSynthetic(page, 100_000);
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '100000', { timeout: 90_000 });
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');

  const groups = page.getByRole('group', { name: /^Density of / });
  await expect(groups).toHaveCount(5);
  // Read the stretches as a screen reader gets them: from the accessibility tree.
  let total = 0;
  let stretches = 0;
  for (let g = 0; g < 5; g++) {
    const tree = await groups.nth(g).ariaSnapshot();
    const names = [...tree.matchAll(/- button "([^"]+)"/g)].map((m) => m[1]);
    expect(names.length, tree.slice(0, 200)).toBeGreaterThan(50);
    for (const name of names) {
      const m = name.match(/^([\d,]+) events?, (\d{4})(–(\d{4}))?$/);
      expect(m, name).not.toBeNull();
      if (m[4]) expect(Number(m[4])).toBeGreaterThanOrEqual(Number(m[2]));
      total += Number(m[1].replaceAll(',', ''));
    }
    stretches += names.length;
  }
  expect(total).toBe(100_000);
  // The bars differ: a picture, not a grid of the same pill. A lane's bars
  // are one path, a rectangle a stretch (M x bottom h width v -height …),
  // as many as the lane has stretches.
  const paths = page.locator('.annals-density-bars path');
  await expect(paths).toHaveCount(5);
  const drawn = await paths.evaluateAll((els) => els.map((e) => [...e.getAttribute('d').matchAll(/v-([\d.]+)/g)].map((m) => Number(m[1]))));
  expect(drawn.flat().length).toBe(stretches);
  expect(new Set(drawn.flat()).size).toBeGreaterThan(3);
  for (const h of drawn.flat()) expect(h).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.annals-density-legend')).toContainText('Bar height: events per stretch, up to');
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);

  // Focus gives the first stretch; Enter zooms there, as a cluster does.
  const first = page.locator('.annals-stretch').first();
  const name = await first.getAttribute('aria-label');
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.annals-stretch').nth(1)).toBeFocused();
  const second = await page.locator('.annals-stretch').nth(1).getAttribute('aria-label');
  const [, from] = second.match(/, (\d{4})/);
  await page.keyboard.press('Enter');
  // The view now starts in that stretch: the first bar or mark is from its years.
  await expect(page.locator('[data-cluster], [data-event-id]').first()).not.toHaveAttribute('aria-label', name);
  await expect(page.locator('.annals-context-label').first()).toContainText(from);
  expect(stretches).toBeGreaterThan(250);
});

test('a dense lane is pointed at by its row: the stretch under the pointer is named, and a click zooms there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSynthetic(page, 20_000);
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '20000', { timeout: 60_000 });
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  const row = page.locator('.annals-density-row').first();
  const box = await row.boundingBox();
  // Over a bar: the row's tooltip names that stretch, and it is outlined.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(row).toHaveAttribute('title', /^[\d,]+ events?, \d{4}/);
  await expect(page.locator('.annals-density-hover')).toHaveCount(1);
  const name = await row.getAttribute('title');
  const [, from] = name.match(/, (\d{4})/);
  await page.mouse.move(box.x + box.width * 0.5, box.y - 40);
  await expect(page.locator('.annals-density-hover')).toHaveCount(0);
  // A click zooms to that stretch: the axis's context row now reads its year.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(page.locator('.annals-context-label').first()).toContainText(from);
});

test('a drag that starts and ends on a dense lane pans the view; it does not also zoom to a stretch', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSynthetic(page, 20_000);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const view = (url) => (new URL(url).searchParams.get('view') ?? '0,0').split(',').map(Number);
  // The link follows the view a moment after it changes: wait for the fitted
  // view of about 140 years.
  await expect.poll(() => { const [a, b] = view(page.url()); return b - a; }).toBeGreaterThan(36_500);
  const [start, end] = view(page.url());
  const b = await page.locator('.annals-density-row').first().boundingBox();
  await page.mouse.move(b.x + 300, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + 500, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => view(page.url())[0]).toBeLessThan(start);
  const [s2, e2] = view(page.url());
  // The same span, moved back in time: a pan, not a zoom into one stretch.
  expect(Math.abs((e2 - s2) - (end - start)) / (end - start)).toBeLessThan(0.01);
});

test('deep time: the log years-ago axis is one toggle, and a link keeps it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?data=/fixtures/deep-time.json');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '5');
  const toggle = page.getByRole('button', { name: 'Log years ago' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]axis=log/);
  const ticks = await page.locator('.annals-tick-label').allTextContents();
  for (const wanted of ['1 Ma', '1 Ga']) expect(ticks, ticks.join(', ')).toContain(wanted);
  // Every event is on the stage, the Big Bang and Apollo 11 included.
  const stage = await page.locator('.annals-stage').boundingBox();
  for (const id of ['big-bang', 'earth', 'chicxulub', 'younger-dryas', 'apollo-11']) {
    const box = await page.locator(`${mark(id)} .annals-mark`).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box.x + box.width / 2, id).toBeGreaterThan(stage.x);
    expect(box.x + box.width / 2, id).toBeLessThan(stage.x + stage.width);
  }
  // Zoom by keyboard, then reload: the same axis and window come back.
  await expect(page).toHaveURL(/[?&]view=/);
  const fitted = page.url();
  await page.locator(mark('chicxulub')).focus();
  await page.keyboard.press('+');
  await expect(page).not.toHaveURL(fitted);
  const url = page.url();
  expect(url).toMatch(/[?&]axis=log/);
  const shown = await page.locator('.annals-tick-label').allTextContents();
  await page.goto(url);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('button', { name: 'Log years ago' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.annals-tick-label')).toHaveText(shown);
  // The overview follows the same axis; its window can be moved by keyboard.
  await page.getByRole('slider', { name: 'Visible range' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.annals-tick-label')).not.toHaveText(shown);
  // Back to the straight axis: the link drops axis=log.
  await page.getByRole('button', { name: 'Log years ago' }).click();
  await expect(page).not.toHaveURL(/axis=log/);
});
