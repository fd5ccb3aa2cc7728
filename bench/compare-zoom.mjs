// Zoom frames of two or more annals builds, side by side: each build's page
// is opened in turn, round after round, in one headless Chromium, and wheel
// notches are sent for two seconds over the middle of the stage (five in,
// five out, as bench/run.mjs's zoom frames) while a requestAnimationFrame
// loop records the frame intervals. Prints each round's p95 and mean
// interval; p95 moves in whole frames (16.7, 33.3, 50 ms), the mean shows
// smaller changes. Taking turns spreads the machine's noise over every build.
//
//   node bench/compare-zoom.mjs [--size 1000|alliance] [--rounds 5] [--after-pan] DIR...
//
// --after-pan first does what bench/run.mjs does before its zoom frames: one
// notch in, then a two-second drag leftwards along the axis row, so the
// zoom starts from the same view as in the benchmark (at 1,000 events, lanes
// of clusters that turn into marks as the view zooms in).
// Each DIR is a release build inside dist/ (see bench/compare-load.mjs).

import { chromium } from '@playwright/test';
import { dataQuery, median, parseBuildArgs, percentile } from './builds.mjs';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const args = parseBuildArgs(process.argv.slice(2), {
  usage: 'node bench/compare-zoom.mjs [--size 1000|alliance] [--rounds 5] [--after-pan] DIR...',
  defaults: { size: '1000', rounds: 5 },
  flags: ['after-pan'],
  valid: (a) => a.rounds > 0,
});
const query = dataQuery(args.size);
const VIEWPORT = { width: 1280, height: 800 };
const ZOOM_MS = 2_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function round(browser, origin, dir) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${origin}/${dir}/${query}`);
    await page.waitForFunction(() => document.querySelector('[data-annals-root]')?.dataset.ready === 'true', null, { timeout: 120_000 });
    await sleep(1_000);
    const box = await page.locator('.annals-stage').first().boundingBox();
    const middle = [box.x + box.width / 2, (Math.max(box.y, 0) + Math.min(box.y + box.height, VIEWPORT.height)) / 2];
    if (args.afterPan) {
      await page.mouse.move(...middle);
      await page.mouse.wheel(0, -100);
      await sleep(1_500);
      const [x0, y] = [box.x + box.width * 0.8, box.y + 12];
      await page.mouse.move(x0, y);
      await page.mouse.down();
      const start = Date.now();
      for (let t = 0; t < ZOOM_MS; t = Date.now() - start) {
        await page.mouse.move(x0 - box.width * 0.6 * (t / ZOOM_MS), y);
        await sleep(8);
      }
      await page.mouse.up();
      await sleep(500);
    }
    await page.mouse.move(...middle);
    await page.evaluate(() => {
      const frames = (window.__zoomFrames = []);
      window.__zoomRunning = true;
      const loop = (t) => { frames.push(t); if (window.__zoomRunning) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    });
    const start = Date.now();
    for (let i = 0; Date.now() - start < ZOOM_MS; i++) {
      await page.mouse.wheel(0, Math.floor(i / 5) % 2 === 0 ? -100 : 100);
      await sleep(16);
    }
    const frames = await page.evaluate(() => { window.__zoomRunning = false; return window.__zoomFrames; });
    const deltas = frames.slice(1).map((t, i) => t - frames[i]);
    return { p95: percentile(deltas, 95), mean: deltas.reduce((a, b) => a + b, 0) / deltas.length };
  } finally {
    await page.close();
  }
}

const server = await startServer(0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const results = Object.fromEntries(args.dirs.map((d) => [d, []]));
try {
  for (let r = 0; r < args.rounds; r++) {
    for (const dir of args.dirs) results[dir].push(await round(browser, server.origin, dir));
  }
} finally {
  await browser.close();
  await server.close();
}
const fixed = (x) => x.toFixed(1);
console.log(`zoom frames, ${args.size === 'alliance' ? 'the default dataset' : `${args.size} events`}${args.afterPan ? ', after the pan' : ''}, ${args.rounds} rounds`);
for (const [dir, rows] of Object.entries(results)) {
  console.log(`${dir.padEnd(14)} p95 ${rows.map((x) => fixed(x.p95)).join(' ')} (median ${fixed(median(rows.map((x) => x.p95)))} ms); mean ${rows.map((x) => fixed(x.mean)).join(' ')} (median ${fixed(median(rows.map((x) => x.mean)))} ms)`);
}
