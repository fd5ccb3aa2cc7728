// The interface and the default story in Japanese: ?lang=, the browser's
// languages, the language menu, Japanese dates, search and accessibility.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const root = '[data-annals-root]';
const mark = (id) => `[data-event-id="${id}"]`;
const card = (id) => `[data-card-for="${id}"]`;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function open(page, query = '') {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`./${query}`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  return errors;
}

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Centre x of an event's mark. */
async function centreX(page, id) {
  const box = await page.locator(`${mark(id)} .annals-mark`).boundingBox();
  return box.x + box.width / 2;
}

test('?lang=ja speaks Japanese: toolbar, legend, hint and the shortcuts dialog', async ({ page }) => {
  const errors = await open(page, '?lang=ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator(root)).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('button', { name: '拡大', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '縮小', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '年表', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '一覧', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '出来事を検索' })).toBeVisible();
  const legend = page.getByRole('list', { name: '凡例' });
  await expect(legend).toContainText('実施');
  await expect(legend).toContainText('予定');
  await expect(page.locator('.annals-hint')).toContainText('ドラッグで移動');
  await expect(page.getByLabel('言語')).toHaveValue('ja');
  await expect(page.locator('h1')).not.toContainText('alliance');
  await page.locator(mark('treaty-signed-1960')).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'キーボードショートカット' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('出来事のカードを開く');
  await expect(dialog.getByRole('button', { name: '閉じる' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('cards write dates the Japanese way', async ({ page }) => {
  await open(page, '?lang=ja');
  await page.locator(mark('taepodong-1-launch')).click();
  const taepodong = page.locator(card('taepodong-1-launch'));
  await expect(taepodong.locator('.annals-card-date')).toContainText('1998年8月31日');
  await expect(taepodong.locator('.annals-card-title')).toContainText('テポドン');
  await expect(taepodong.locator('.annals-badge')).toHaveText('実施');
  await page.locator(mark('joint-declaration-planned')).click();
  const planned = page.locator(card('joint-declaration-planned'));
  await expect(planned.locator('.annals-card-date')).toContainText('2005年秋');
  await expect(planned.locator('.annals-badge')).toHaveText('予定');
  await expect(planned.getByRole('button', { name: '次へ →' })).toBeVisible();
  // The axis reads in Japanese years too.
  await expect(page.locator('.annals-tick-label').first()).toHaveText(/^\d{4}年$/);
});

test('search finds Japanese text', async ({ page }) => {
  await open(page, '?lang=ja');
  await page.getByRole('searchbox', { name: '出来事を検索' }).fill('テポドン');
  const results = page.getByRole('list', { name: '検索結果' });
  await expect(results.locator('button').first()).toContainText('テポドン');
  await expect(results.locator('button').first()).toContainText('1998年8月31日');
  await expect(page.locator('.annals-search-count')).toHaveText(/^\d+件$/);
  await page.keyboard.press('Enter');
  await expect(page.locator(card('taepodong-1-launch'))).toBeVisible();
});

test('switching the language keeps the open card and the view, and goes into the link', async ({ page }) => {
  await open(page, '?event=taepodong-1-launch');
  const english = page.locator(card('taepodong-1-launch'));
  await expect(english.locator('.annals-card-date')).toContainText('August 31, 1998');
  const before = await centreX(page, 'taepodong-1-launch');
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator(root)).toHaveAttribute('lang', 'ja');
  const japanese = page.locator(card('taepodong-1-launch'));
  await expect(japanese.locator('.annals-card-date')).toContainText('1998年8月31日');
  expect(Math.abs((await centreX(page, 'taepodong-1-launch')) - before)).toBeLessThan(1);
  await expect(page).toHaveURL(/[?&]lang=ja(&|$)/);
  await expect(page).toHaveURL(/[?&]event=taepodong-1-launch(&|$)/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // A reload keeps the choice.
  await page.reload();
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  await expect(page.locator(card('taepodong-1-launch')).locator('.annals-card-date')).toContainText('1998年8月31日');
  await page.getByLabel('言語').selectOption('en');
  await expect(page.locator(card('taepodong-1-launch')).locator('.annals-card-date')).toContainText('August 31, 1998');
  await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
});

test.describe('a browser set to Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('navigator.languages picks Japanese with no parameter, and ?lang= wins', async ({ page }) => {
    await open(page);
    expect(await page.evaluate(() => navigator.languages[0])).toMatch(/^ja/);
    await expect(page.locator(root)).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('button', { name: '拡大', exact: true })).toBeVisible();
    await expect(page).not.toHaveURL(/lang=/);
    await open(page, '?lang=en');
    await expect(page.locator(root)).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
  });
});

test('axe finds no violations in Japanese', async ({ page }) => {
  await open(page, '?lang=ja');
  expect(await violations(page)).toEqual([]);
  await page.locator(mark('joint-declaration-planned')).click();
  await expect(page.locator(card('joint-declaration-planned'))).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: '一覧', exact: true }).click();
  await expect(page.locator('.annals-list')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test.describe('embedded', () => {
  const appPort = Number(process.env.ANNALS_E2E_PORT ?? 4173);
  const hosts = `http://127.0.0.1:${appPort + 1}/`;

  test('the JS API\'s language option and the element\'s lang attribute switch one instance', async ({ page }) => {
    await page.goto(`${hosts}api.html`);
    await page.waitForFunction(() => window.mounted === true);
    const one = page.locator('#one');
    const two = page.locator('#two');
    await expect(one.locator(root)).toHaveAttribute('data-ready', 'true');
    await page.evaluate(() => window.one.setOptions({ language: 'ja' }));
    await expect(one.locator(root)).toHaveAttribute('lang', 'ja');
    await expect(one.getByRole('button', { name: '拡大', exact: true })).toBeVisible();
    await expect(two.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.goto(`${hosts}element.html`);
    const element = page.locator('#t');
    await expect(element.locator(root)).toHaveAttribute('data-ready', 'true');
    await page.evaluate(() => document.getElementById('t').setAttribute('lang', 'ja'));
    await expect(element.locator(root)).toHaveAttribute('lang', 'ja');
    await expect(element.locator('.annals-card-date')).toHaveText(/年/);
    await expect(element.getByRole('button', { name: '拡大', exact: true })).toBeVisible();
  });
});

test('a bad file under ?lang=ja is reported in Japanese, located the Japanese way', async ({ page }) => {
  await page.goto('./?lang=ja&data=/fixtures/duplicate-ids.json');
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
  const problem = page.locator('.annals-problem').first();
  await expect(problem).toContainText('id が重複しています');
  await expect(problem).toContainText('出来事 1（id "treaty"）、フィールド `id`');
  await expect(problem).not.toContainText('duplicate id');
  // The downloads are in the reader's language too.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.annals-problems-downloads button').first().click(),
  ]);
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(text).toContain('エラー：出来事 1（id "treaty"）');
  // Switching to English rewrites the same problem in English.
  await page.goto('./?lang=en&data=/fixtures/duplicate-ids.json');
  await expect(page.locator('.annals-problem').first()).toContainText('duplicate id: event 0 already uses "treaty"');
});

test('a Japanese card names the actors in Japanese', async ({ page }) => {
  await open(page, '?lang=ja&event=treaty-signed-1960');
  const actors = page.locator(card('treaty-signed-1960')).locator('dt', { hasText: '関係者' })
    .locator('xpath=following-sibling::dd[1]');
  await expect(actors).toHaveText('米国、日本');
});
