// Takes the README's screenshots of the release build: the default view, an
// open card, the first screen of a phone, the Data menu, each theme, and print. Usage: node scripts/screenshots.mjs [base-url] [out-dir]
// Run it against `node e2e/serve.mjs PORT` after `trunk build --release`.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/nested/path/annals/';
const out = process.argv[3] ?? 'docs/screenshots';
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const shots = [
  { name: 'default', width: 1280, height: 800, action: async () => {} },
  { name: 'card', width: 1280, height: 800, action: async (page) => {
    await page.locator('[data-event-id="joint-declaration-planned"]').click();
    await page.locator('[data-card-for="joint-declaration-planned"]').waitFor();
  } },
  // The first screen of a phone: the controls folded, the timeline begun.
  { name: 'narrow', width: 360, height: 740, firstScreen: true, action: async () => {} },
  { name: 'narrow-controls', width: 360, height: 740, firstScreen: true, action: async (page) => {
    await page.getByRole('button', { name: 'Controls' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).waitFor();
  } },
  { name: 'data-menu', width: 1280, height: 800, firstScreen: true, action: async (page) => {
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Open file…' }).waitFor();
  } },
  // Each theme, with a card open; the eras of the Rome sample in the dark theme.
  ...['light', 'dark', 'contrast'].map((theme) => ({
    name: `theme-${theme}`, width: 1280, height: 800, firstScreen: true, query: `?theme=${theme}`,
    action: async (page) => {
      await page.locator('[data-event-id="joint-declaration-planned"]').click();
      await page.locator('[data-card-for="joint-declaration-planned"]').waitFor();
    },
  })),
  { name: 'theme-dark-eras', width: 1280, height: 800, firstScreen: true, query: '?theme=dark&data=/fixtures/rome.json', action: async () => {} },
  // The page as it prints: the fitted timeline, then the cards as text.
  // The first A4 page (794×1123 CSS px at 96 dpi).
  { name: 'print', width: 794, height: 1123, firstScreen: true, action: async (page) => {
    await page.emulateMedia({ media: 'print' });
    await page.locator('.annals-print').waitFor();
  } },
];
for (const shot of shots) {
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
  await page.goto(base + (shot.query ?? ''));
  await page.locator('[data-annals-root][data-ready="true"]').waitFor();
  await shot.action(page);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: !shot.firstScreen });
  await page.close();
}
await browser.close();
