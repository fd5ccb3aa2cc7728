// Takes the README's screenshots of the release build: the default view and
// an open card. Usage: node scripts/screenshots.mjs [base-url] [out-dir]
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
  { name: 'narrow', width: 360, height: 740, action: async () => {} },
];
for (const shot of shots) {
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
  await page.goto(base);
  await page.locator('[data-annals-root][data-ready="true"]').waitFor();
  await shot.action(page);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: true });
  await page.close();
}
await browser.close();
