// Load time of two or more annals builds, side by side: each build's page
// is loaded in turn, round after round, in one headless Chromium, and the
// time from navigation start to the data being on screen (the root's
// data-ready and data-event-count, as in bench/run.mjs) is recorded, and
// with it the first paint as bench/run.mjs takes it (the first frame with an
// event mark visible, prerendered or the app's) and the browser's own first
// contentful paint. Taking turns spreads the machine's noise over every
// build; compare the medians.
//
//   node bench/compare-load.mjs [--size 100000|alliance] [--rounds 9] DIR...
//
// Each DIR is a release build inside dist/ (the only folder bench/serve.mjs
// serves builds from), e.g. dist/ and dist/old/ built from another commit:
//   git worktree add /tmp/old REV && (cd /tmp/old && trunk build --release --offline)
//   mkdir -p dist/old && cp /tmp/old/dist/* dist/old/
// The data comes from bench/generate.mjs (scripts/bench.sh makes it).

import { chromium } from '@playwright/test';
import { dataQuery, median, parseBuildArgs } from './builds.mjs';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const args = parseBuildArgs(process.argv.slice(2), {
  usage: 'node bench/compare-load.mjs [--size 100000|alliance] [--rounds 9] DIR...',
  defaults: { size: '100000', rounds: 9 },
  valid: (a) => a.rounds > 0,
});
const query = dataQuery(args.size);
const expected = args.size === 'alliance' ? null : args.size;

const server = await startServer(0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/**
 * Installed before any page script: the first frame with an event mark
 * (or a density bar) visible, timed as bench/run.mjs does (a task posted from the next frame's
 * rAF callback, which runs after that frame is painted).
 */
function paintProbe() {
  const probe = (window.__paint = { marksAt: null });
  const check = () => {
    // Marks, or the bars of a lane drawn as a density histogram (at 100k).
    for (const el of document.querySelectorAll('[data-event-id], .annals-density-bars')) {
      if (el.checkVisibility()) {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { probe.marksAt = performance.now(); };
          channel.port2.postMessage(0);
        });
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function loadOnce(dir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(paintProbe);
  await page.goto(`${server.origin}/${dir}/${query}`);
  const ms = await page.evaluate((count) => new Promise((done) => {
    const check = () => {
      const el = document.querySelector('[data-annals-root]');
      const ready = el && el.dataset.ready === 'true'
        && (count === null ? el.dataset.eventCount !== '0' : el.dataset.eventCount === count);
      if (ready) requestAnimationFrame(() => done(performance.now()));
      else requestAnimationFrame(check);
    };
    check();
  }), expected);
  const paint = await page.evaluate(() => new Promise((done) => {
    const read = () => {
      if (window.__paint.marksAt === null) { requestAnimationFrame(read); return; }
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      done({ marks: window.__paint.marksAt, fcp: fcp ? fcp.startTime : null });
    };
    read();
  }));
  await context.close();
  return { ready: ms, marks: Math.min(paint.marks, ms), fcp: paint.fcp };
}

const times = new Map(args.dirs.map((d) => [d, { ready: [], marks: [], fcp: [] }]));
for (let round = 0; round < args.rounds; round++) {
  for (const dir of args.dirs) {
    const t = await loadOnce(dir);
    for (const key of Object.keys(t)) if (t[key] !== null) times.get(dir)[key].push(t[key]);
  }
}
await browser.close();
await server.close();

const what = {
  ready: 'data on screen (data-ready)',
  marks: 'first paint (first frame with a mark visible)',
  fcp: 'first contentful paint (Paint Timing)',
};
console.log(`${args.size === 'alliance' ? 'default dataset' : `${args.size} events`}, ${args.rounds} rounds; ms from navigation start`);
console.log('| build | measure | median | min | max | every load |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const [dir, byKey] of times) {
  const r = (x) => Math.round(x);
  for (const [key, xs] of Object.entries(byKey)) {
    if (xs.length === 0) continue;
    console.log(`| ${dir} | ${what[key]} | ${r(median(xs))} | ${r(Math.min(...xs))} | ${r(Math.max(...xs))} | ${xs.map(r).join(', ')} |`);
  }
}
