// Load time of two or more annals builds over an emulated network (Chromium's
// Network.emulateNetworkConditions: a round-trip latency and a download
// rate), taking turns as bench/compare-load.mjs does. Localhost hides what a
// reader's network costs: the order in which the page asks for its files.
//
//   node bench/compare-network.mjs [--rounds 5] [--latency 40] [--mbit 10] [--size 100000] DIR...
//
// --size N opens each build with ?data= the N-event file of bench/generate.mjs
// (served uncompressed) and waits for all N events; without it, the default page.
//
// Each DIR is a release build inside dist/ (see bench/compare-load.mjs). It
// prints, per build, the medians of the browser's first contentful paint and
// of the data on screen (the root's data-ready, then one frame).

import { chromium } from '@playwright/test';
import { dataQuery, median, parseBuildArgs } from './builds.mjs';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const args = parseBuildArgs(process.argv.slice(2), {
  usage: 'node bench/compare-network.mjs [--rounds 5] [--latency 40] [--mbit 10] [--size 100000] DIR...',
  defaults: { rounds: 5, latency: 40, mbit: 10, size: null },
  valid: (a) => a.rounds > 0 && a.latency >= 0 && a.mbit > 0,
});
const query = dataQuery(args.size);
const ready = query
  ? `[data-annals-root][data-ready="true"][data-event-count="${args.size}"]`
  : '[data-annals-root][data-ready="true"]';

const server = await startServer(0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const times = new Map(args.dirs.map((d) => [d, { fcp: [], ready: [] }]));
for (let round = 0; round < args.rounds; round++) {
  for (const dir of args.dirs) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: args.latency,
      downloadThroughput: (args.mbit * 1e6) / 8,
      uploadThroughput: (args.mbit * 1e6) / 8,
    });
    await page.goto(`${server.origin}/${dir}/${query}`, { waitUntil: "commit", timeout: 120_000 });
    await page.waitForSelector(ready, { timeout: 120_000 });
    const t = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done({
      ready: performance.now(),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }))));
    if (t.fcp !== null) times.get(dir).fcp.push(t.fcp);
    times.get(dir).ready.push(t.ready);
    await context.close();
  }
}
await browser.close();
await server.close();

console.log(`${query ? `${args.size} events` : 'default dataset'}, ${args.rounds} rounds, ${args.latency} ms latency, ${args.mbit} Mbit/s; ms from navigation start`);
console.log('| build | first contentful paint, median | data on screen, median | every load (data on screen) |');
console.log('| --- | ---: | ---: | --- |');
for (const [dir, t] of times) {
  const r = Math.round;
  console.log(`| ${dir} | ${r(median(t.fcp))} | ${r(median(t.ready))} | ${t.ready.map(r).join(', ')} |`);
}
