// Writing a timeline in the browser, end to end: the event form, moves by
// precision, undo and redo, drafts that survive a reload and a browser
// restart, and embeds that stay read-only unless the host opts in.
import { test, expect, chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const appPort = Number(process.env.ANNALS_E2E_PORT ?? 4173);
const appUrl = `http://127.0.0.1:${appPort}/nested/path/annals/`;
const hosts = `http://127.0.0.1:${appPort + 1}/`;
const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;
const card = (id) => `[data-card-for="${id}"]`;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Opens the app and waits until it shows `count` events; returns the console errors seen. */
async function openApp(page, { url = './', count = '26' } = {}) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  // Leaving with unexported edits asks first; the tests that reload say yes.
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(url);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(root)).toHaveAttribute('data-event-count', count);
  return errors;
}

async function startEditing(page) {
  await page.locator('[data-edit-toggle]').click();
  await expect(page.locator('[data-edit-toggle]')).toHaveAttribute('aria-pressed', 'true');
}

/** Waits until the browser's storage holds a draft with `count` events. */
async function draftSaved(page, count) {
  await expect.poll(() => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('annals', 1);
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('drafts')) return resolve(null);
      const get = db.transaction('drafts').objectStore('drafts').get('default');
      get.onsuccess = () => resolve(get.result ? JSON.parse(get.result.json).events.length : null);
      get.onerror = () => resolve(null);
    };
  }))).toBe(count);
}

async function exportedJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Data', exact: true }).click().then(() => page.getByRole('menuitem', { name: 'Export JSON' }).click()),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('an event added through the form is still there after a reload, and in the export', async ({ page }) => {
  const errors = await openApp(page);
  await startEditing(page);
  await page.locator('[data-edit-add]').click();
  const form = page.locator('[data-event-form]');
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
  await form.getByLabel('Title', { exact: true }).fill('Okinawa summit');
  await form.getByLabel('Date', { exact: true }).fill('2000-07-21');
  await expect(form).toContainText('Reads: July 21, 2000');
  await form.getByLabel('Status').selectOption('occurred');
  await form.getByLabel('Themes (separated by commas)').fill('summits, G8');
  await form.getByLabel('Summary').fill('Leaders meet in *Nago*.');
  await expect(form.locator('.annals-preview em')).toHaveText('Nago');
  await form.getByLabel('Find an event to relate').fill('Taepodong');
  await form.getByRole('button', { name: /^Add .*Taepodong/ }).first().click();
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(page.locator(card('okinawa-summit'))).toBeVisible();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '27');
  await expect(page.locator(card('okinawa-summit'))).toContainText('Related events');
  await draftSaved(page, 27);

  await page.reload();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '27');
  await expect(page.locator('[data-draft-notice]')).toBeVisible();
  await expect(page.locator(mark('okinawa-summit'))).toHaveAttribute('aria-label', 'July 21, 2000, occurred: Okinawa summit');

  const exported = await exportedJson(page);
  const added = exported.events.find((e) => e.id === 'okinawa-summit');
  expect(added).toMatchObject({ title: 'Okinawa summit', start: '2000-07-21', tags: ['summits', 'G8'], summary: 'Leaders meet in *Nago*.' });
  expect(added.related).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('each problem shows next to its field, and an invalid event is not saved', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  await page.locator('[data-edit-add]').click();
  const form = page.locator('[data-event-form]');
  await form.getByLabel('Title', { exact: true }).fill('Impossible day');
  await form.getByLabel('Date', { exact: true }).fill('2005-02-30');
  await expect(form.locator('[data-problem-for="start"]')).toContainText('day 30 does not exist');
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('End (optional)').fill('2004');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Not saved');
  await expect(form).toBeVisible();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  // Fixed, it saves.
  await form.getByLabel('Date', { exact: true }).fill('2003-02-28');
  await form.getByLabel('End (optional)').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '27');
});

test('Alt+arrows move a season-precision event by one season, announced', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  const planned = page.locator(mark('joint-declaration-planned'));
  await expect(planned).toHaveAttribute('aria-label', /^Fall 2005, planned: /);
  await planned.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005, planned: /);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText('to Winter 2005');
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(planned).toHaveAttribute('aria-label', /^Summer 2005, planned: /);
});

test('quick Alt+arrows on a slow machine are not lost while the moved mark is re-rendered', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  const planned = page.locator(mark('joint-declaration-planned'));
  await planned.focus();
  // A slow CPU makes the render take over 16 ms, after which yew hands the
  // browser a turn before running effects: the moved mark is blurred then,
  // and the next key went to the page's body.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await page.keyboard.press('Alt+ArrowRight');
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005, planned: /);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowLeft');
  await expect(planned).toHaveAttribute('aria-label', /^Spring 2005, planned: /);
  await expect(planned).toBeFocused();
  // Undo three times from the keyboard, just as quickly: back to Winter.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005, planned: /);
  await expect(planned).toBeFocused();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('an undo with nothing to undo does not pull focus back to the mark later', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  const planned = page.locator(mark('joint-declaration-planned'));
  await planned.focus();
  await page.keyboard.press('Control+z');
  // The reader leaves the mark; then the view changes under the pointer.
  await page.evaluate(() => document.activeElement.blur());
  const stage = await page.locator('.annals-stage').boundingBox();
  await page.mouse.move(stage.x + stage.width / 2, stage.y + 40);
  const before = await planned.evaluate((el) => el.style.cssText);
  await page.mouse.wheel(0, -100);
  await expect.poll(() => planned.evaluate((el) => el.style.cssText)).not.toBe(before);
  await page.waitForTimeout(200);
  await expect(planned).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('dragging a season-precision mark moves it by whole seasons', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  // Pixels per day, from two instants a known number of days apart on the
  // same straight stretch of the axis as the planned declaration (the axis
  // compresses the empty years between 1962 and 1997).
  const left = async (id) => (await page.locator(`${mark(id)} .annals-mark`).boundingBox()).x;
  const days = (Date.UTC(2005, 10, 16) - Date.UTC(2005, 1, 19)) / 86_400_000;
  const perDay = (await left('kyoto-summit') - await left('scc-common-strategic-objectives')) / days;
  expect(perDay).toBeGreaterThan(0);
  const planned = page.locator(mark('joint-declaration-planned'));
  const box = await planned.locator('.annals-mark').boundingBox();
  // Press left of the middle, away from the end that resizes.
  const x = box.x + box.width * 0.3;
  const y = box.y + box.height / 2;
  // One season is about 91 days; 1.2 seasons still snaps to one.
  const season = 91.3 * perDay;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + season * 0.6, y, { steps: 4 });
  await page.mouse.move(x + season * 1.2, y, { steps: 4 });
  await page.mouse.up();
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005, planned: /);
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText('to Winter 2005');
  // The drag did not also open the card.
  await expect(page.locator(card('joint-declaration-planned'))).toHaveCount(0);
  // Back by two seasons.
  const moved = await planned.locator('.annals-mark').boundingBox();
  const from = moved.x + moved.width * 0.3;
  await page.mouse.move(from, y);
  await page.mouse.down();
  await page.mouse.move(from - season, y, { steps: 4 });
  await page.mouse.move(from - season * 2.1, y, { steps: 4 });
  await page.mouse.up();
  await expect(planned).toHaveAttribute('aria-label', /^Summer 2005, planned: /);
});

test('undo and redo across an edit, a move and a delete', async ({ page }) => {
  await openApp(page);
  await startEditing(page);
  // An edit, from the card.
  await page.locator(mark('treaty-signed-1960')).click();
  await page.locator(card('treaty-signed-1960')).locator('[data-card-edit]').click();
  const form = page.locator('[data-event-form]');
  await form.getByLabel('Title', { exact: true }).fill('Treaty signed in Washington');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(mark('treaty-signed-1960'))).toHaveAttribute('aria-label', /Treaty signed in Washington$/);
  // A move (the card's event was brought into view: show everything again).
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Fit all events' }).click();
  const planned = page.locator(mark('joint-declaration-planned'));
  await planned.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005/);
  // A delete, with undo rather than a confirmation.
  await page.locator(mark('taepodong-1-launch')).click();
  await page.locator(card('taepodong-1-launch')).locator('[data-card-delete]').click();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
  await expect(page.locator(mark('taepodong-1-launch'))).toHaveCount(0);

  await page.locator('[data-edit-undo]').click();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
  await page.getByRole('button', { name: 'Fit all events' }).click();
  await planned.focus();
  await page.keyboard.press('Control+z');
  await expect(planned).toHaveAttribute('aria-label', /^Fall 2005/);
  await page.keyboard.press('Control+z');
  await expect(page.locator(mark('treaty-signed-1960'))).not.toHaveAttribute('aria-label', /Washington$/);
  await expect(page.locator('[data-edit-undo]')).toBeDisabled();

  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator(mark('treaty-signed-1960'))).toHaveAttribute('aria-label', /Washington$/);
  await page.keyboard.press('Control+y');
  await expect(planned).toHaveAttribute('aria-label', /^Winter 2005/);
  await page.locator('[data-edit-redo]').click();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
  await expect(page.locator('[data-edit-redo]')).toBeDisabled();
});

test('a draft survives closing the browser and opening it again, until it is discarded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'annals-profile-'));
  const launch = () => chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
  try {
    let context = await launch();
    let page = await context.newPage();
    await openApp(page, { url: appUrl });
    await startEditing(page);
    await page.locator(mark('taepodong-1-launch')).click();
    await page.locator(card('taepodong-1-launch')).locator('[data-card-delete]').click();
    await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
    await draftSaved(page, 25);
    await context.close();

    context = await launch();
    page = await context.newPage();
    await page.goto(appUrl);
    await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
    await expect(page.locator('[data-draft-notice]')).toContainText('restored');
    await page.locator('[data-draft-discard]').click();
    await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
    await expect(page.locator('[data-draft-notice]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
    await expect(page.locator(root)).toHaveAttribute('data-event-count', '26');
    await expect(page.locator('[data-draft-notice]')).toHaveCount(0);
    await context.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('leaving with edits not exported asks first; after an export it does not', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await startEditing(page);
  await page.locator(mark('taepodong-1-launch')).click();
  await page.locator(card('taepodong-1-launch')).locator('[data-card-delete]').click();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.accept(); });
  await page.reload();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
  expect(dialogs).toEqual(['beforeunload']);
  const exported = await exportedJson(page);
  expect(exported.events).toHaveLength(25);
  await page.reload();
  await expect(page.locator(root)).toHaveAttribute('data-event-count', '25');
  expect(dialogs).toEqual(['beforeunload']);
});

test('?edit=1 opens edit mode; the editors pass axe', async ({ page }) => {
  await openApp(page, { url: './?edit=1' });
  await expect(page.locator('[data-edit-toggle]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-edit-add]').click();
  await expect(page.locator('[data-event-form]')).toBeVisible();
  await page.locator('[data-event-form]').getByLabel('Summary').fill('With a [link](https://example.org).');
  await page.addScriptTag({ path: axePath });
  const run = () => page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }).then((r) => r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)));
  expect(await run()).toEqual([]);
  await page.getByRole('button', { name: 'Title, lanes, eras…' }).click();
  await expect(page.locator('[data-dataset-form]')).toBeVisible();
  expect(await run()).toEqual([]);
});

test('lanes and eras: add, rename and reorder, each undoable', async ({ page }) => {
  await openApp(page, { url: './?edit=1' });
  await page.getByRole('button', { name: 'Title, lanes, eras…' }).click();
  const panel = page.locator('[data-dataset-form]');
  await panel.getByLabel('New lane').fill('Civil society');
  await panel.getByRole('button', { name: 'Add lane' }).click();
  await expect(page.locator('.annals-lane-label', { hasText: 'Civil society' })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Move Civil society up' }).click();
  await panel.getByLabel('Era', { exact: true }).last().fill('Reform years');
  await panel.getByLabel('From').last().fill('1996');
  await panel.getByLabel('To').last().fill('2005-02-30');
  await panel.getByRole('button', { name: 'Add era' }).click();
  await expect(panel.getByRole('alert')).toContainText('day 30 does not exist');
  await panel.getByLabel('To').last().fill('2005');
  await panel.getByRole('button', { name: 'Add era' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByLabel('Title', { exact: true }).fill('Allies, edited');
  await panel.getByLabel('Title', { exact: true }).press('Tab');
  await expect(page.locator('h1')).toHaveText('Allies, edited');
  await page.locator('[data-edit-undo]').click();
  await expect(page.locator('h1')).toContainText('U.S.–Japan alliance');
});

test('a read-only embed shows no edit controls; an editable one reports changes and gives its data', async ({ page }) => {
  await page.goto(`${hosts}api.html`);
  await page.waitForFunction(() => window.mounted === true);
  const one = page.locator('#one');
  await expect(one.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(one.locator('.annals-toolbar')).toBeVisible();
  await expect(one.locator('[data-edit-toggle]')).toHaveCount(0);
  await page.locator('#one').locator('[data-event-id]').first().click();
  await expect(one.locator('[data-card-edit]')).toHaveCount(0);

  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'three';
    document.body.append(div);
    window.changes = [];
    window.three = window.annals.mount(div, {
      data: { events: [{ id: 'alpha', title: 'Alpha', start: '1990' }, { id: 'beta', title: 'Beta', start: '1995' }] },
      options: { editable: true },
    });
    window.three.on('change', (data) => window.changes.push(data.events.length));
  });
  const three = page.locator('#three');
  await expect(three.locator(root)).toHaveAttribute('data-event-count', '2');
  expect(await page.evaluate(() => window.three.getData().events.map((e) => e.id))).toEqual(['alpha', 'beta']);
  await three.locator('[data-edit-toggle]').click();
  await three.locator(mark('beta')).click();
  await three.locator('[data-card-delete]').click();
  await expect(three.locator(root)).toHaveAttribute('data-event-count', '1');
  await expect.poll(() => page.evaluate(() => window.changes)).toEqual([1]);
  expect(await page.evaluate(() => window.three.getData().events.map((e) => e.id))).toEqual(['alpha']);
  expect(page.url()).toBe(`${hosts}api.html`);
});
