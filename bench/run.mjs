// The side-by-side benchmark: annals (release build in dist/) against
// TimelineJS3 3.9.11 and vis-timeline 8.5.4, on the same data, in headless
// Chromium through Playwright. See docs/benchmarks.md for what is measured
// and how; scripts/bench.sh builds annals and the data first.
//
//   node bench/run.mjs [--sizes 1000,10000,100000,1000000] [--cap 60] [--quick]
//                      [--contenders annals,vis-timeline,timelinejs] [--no-docs]
//
// --quick is --sizes 1000,10000. Output: a Markdown table on stdout,
// bench/results/latest.json, docs/benchmarks.md and docs/benchmark-render.svg
// (the last two unless --no-docs).

import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { percentile } from './builds.mjs';
import { DEFAULT_SEED, DEFAULT_SIZES, generateAll, root } from './generate.mjs';
import { startServer } from './serve.mjs';
import { renderChart } from './chart.mjs';
import { renderDocs, renderTable } from './report.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const args = {
    sizes: DEFAULT_SIZES,
    capSeconds: 60,
    contenders: ['annals', 'vis-timeline', 'timelinejs'],
    docs: true,
    chromium: CHROMIUM_PATH,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (a === '--quick') args.sizes = [1_000, 10_000];
    else if (a === '--cap') args.capSeconds = Number(argv[++i]);
    else if (a === '--contenders') args.contenders = argv[++i].split(',');
    else if (a === '--no-docs') args.docs = false;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const CAP_MS = args.capSeconds * 1000;
/** TimelineJS3 makes one full-screen slide per event; it is not run above this size. */
const TIMELINEJS_MAX_EVENTS = 10_000;
const PAN_MS = 2000;
const VIEWPORT = { width: 1280, height: 800 };
const LAUNCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

// ---------------------------------------------------------------- contenders

/**
 * How each contender is opened and driven. `url` gets the dataset's files
 * (null for annals' embedded default), `stage` is the element that is wheeled
 * and dragged, and `zoom` is how one zoom step is triggered.
 */
const CONTENDERS = {
  annals: {
    label: 'annals',
    version: 'release build (dist/)',
    url: (d) => (d.name === 'alliance' ? '/dist/' : `/dist/?data=${encodeURIComponent(`/bench/.data/${d.name}.native.json`)}`),
    stage: '.annals-stage',
    zoom: 'wheel',
    // Drag along the axis row, above the events, so the press never lands on a mark.
    dragY: (box) => box.y + 12,
  },
  'vis-timeline': {
    label: 'vis-timeline 8.5.4',
    version: '8.5.4',
    url: (d) => `/bench/pages/vis.html?data=${encodeURIComponent(`/bench/.data/${d.name}.vis.json`)}`,
    stage: '.vis-panel.vis-center',
    zoom: 'wheel',
    dragY: (box) => box.y + box.height - 12,
  },
  timelinejs: {
    label: 'TimelineJS3 3.9.11',
    version: '3.9.11',
    url: (d) => `/bench/pages/timelinejs.html?data=${encodeURIComponent(`/bench/.data/${d.name}.timelinejs.json`)}`,
    stage: '.tl-timenav',
    zoom: '.tl-menubar-button:has(.tl-icon-zoom-in), .tl-icon-zoom-in',
    dragY: (box) => box.y + box.height / 2,
    maxEvents: TIMELINEJS_MAX_EVENTS,
  },
};

// ---------------------------------------------------------------- in-page probes

/**
 * Installed before any page script. Records, from navigation start
 * (performance.now()), the first frame painted after the completion signal:
 * body[data-rendered="true"] for the peer pages, [data-annals-root] with
 * data-ready="true" and the expected data-event-count for annals. A rAF loop
 * checks once per frame; the time is taken in a task posted from that frame's
 * rAF callback, which runs after the frame is painted.
 */
function installProbes(expectedCount) {
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => cb(performance.now());
    channel.port2.postMessage(0);
  });
  const bench = (window.__bench = { paintedAt: null, seenAt: null, error: null, wasm: null, marksAt: null, cls: 0 });
  addEventListener('TrunkApplicationStarted', (e) => { bench.wasm = e.detail && e.detail.wasm; });
  // Cumulative Layout Shift, as the Web Vitals count it (shifts right after
  // a discrete input are left out).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  // First paint of annals: the first frame with an event mark on screen,
  // prerendered (in the HTML, before the wasm) or drawn by the app; marks
  // hidden (a prerendered page waiting for its ?data= file) do not count.
  const marksShown = () => {
    for (const el of document.querySelectorAll('[data-event-id]')) if (el.checkVisibility()) return true;
    return false;
  };
  let marksSeen = false;
  const check = () => {
    if (!marksSeen && expectedCount !== null && marksShown()) {
      marksSeen = true;
      afterPaint((t) => { bench.marksAt = t; });
    }
    const rootEl = document.querySelector('[data-annals-root]');
    if (document.body && document.body.dataset.error) bench.error = document.body.dataset.error;
    const annalsDone = rootEl && rootEl.dataset.ready === 'true'
      && (expectedCount === null || rootEl.dataset.eventCount === String(expectedCount));
    const peerDone = document.body && document.body.dataset.rendered === 'true';
    if (annalsDone || peerDone) {
      bench.seenAt = performance.now();
      afterPaint((t) => { bench.paintedAt = t; });
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);

  // One zoom step: from the input event's timestamp to the first frame
  // painted after the DOM under `selector` changed.
  window.__benchArmChange = (selector, timeoutMs) => {
    let t0 = null;
    const onInput = (e) => { if (t0 === null) t0 = e.timeStamp; };
    addEventListener('wheel', onInput, { capture: true, passive: true });
    addEventListener('click', onInput, { capture: true });
    const target = document.querySelector(selector) || document.body;
    window.__benchChange = new Promise((done) => {
      const finish = (value) => {
        removeEventListener('wheel', onInput, { capture: true });
        removeEventListener('click', onInput, { capture: true });
        observer.disconnect();
        done(value);
      };
      const observer = new MutationObserver(() => {
        if (t0 === null) return;
        observer.disconnect();
        afterPaint((t) => finish({ ms: t - t0 }));
      });
      observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => finish({ ms: null, reason: t0 === null ? 'the input never arrived' : 'the DOM did not change' }), timeoutMs);
    });
  };

  // Waits until the page is idle: ten frames in a row under 25 ms each.
  window.__benchSettle = (maxMs) => new Promise((done) => {
    const start = performance.now();
    let last = null;
    let quiet = 0;
    const loop = (t) => {
      if (last !== null) quiet = t - last < 25 ? quiet + 1 : 0;
      last = t;
      if (quiet >= 10) done({ ms: t - start, settled: true });
      else if (t - start > maxMs) done({ ms: t - start, settled: false });
      else requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });

  // Pan: frame times from a rAF loop, and how many DOM mutations the drag caused.
  window.__benchFramesStart = (selector) => {
    const frames = [];
    let mutations = 0;
    let running = true;
    const observer = new MutationObserver((list) => { mutations += list.length; });
    observer.observe(document.querySelector(selector) || document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const loop = (t) => { frames.push(t); if (running) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    window.__benchFramesStop = () => {
      running = false;
      observer.disconnect();
      const deltas = frames.slice(1).map((t, i) => t - frames[i]);
      return { deltas, mutations };
    };
  };
}

// ---------------------------------------------------------------- measuring one cell

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)),
]);

/**
 * gzip -9 size of everything the page loaded, by kind; html and fonts are
 * counted apart. `beforePaint` is what the first paint waits for: the HTML
 * page, its stylesheets and its blocking classic scripts (annals' early.js).
 */
async function transferSizes(responses, origin) {
  const sizes = { wasm: 0, js: 0, css: 0, data: 0, html: 0, blocking: 0, other: 0 };
  for (const response of responses) {
    const url = new URL(response.url());
    if (url.origin !== origin || response.status() !== 200) continue;
    let body;
    try {
      body = await withTimeout(response.body(), 30_000, 'reading a response body');
    } catch {
      // Very large bodies can be gone from the browser's buffer; the server
      // sends files unchanged, so read the same bytes from disk.
      body = readFileSync(resolve(root, decodeURIComponent(url.pathname).replace(/^\/+/, '')));
    }
    const gz = gzipSync(body, { level: 9 }).length;
    const ext = extname(url.pathname);
    const type = response.request().resourceType();
    const kind = ext === '.wasm' ? 'wasm' : ext === '.js' ? 'js' : ext === '.css' ? 'css' : ext === '.json' ? 'data' : type === 'document' ? 'html' : 'other';
    sizes[kind] += gz;
    if (url.pathname.endsWith('/early.js')) sizes.blocking += gz;
  }
  sizes.total = sizes.wasm + sizes.js + sizes.css + sizes.data;
  sizes.beforePaint = sizes.html + sizes.css + sizes.blocking;
  return sizes;
}

async function measure(browser, origin, contenderId, dataset) {
  const c = CONTENDERS[contenderId];
  const context = await browser.newContext({ viewport: VIEWPORT });
  // Only the local server: TimelineJS3's theme asks Google Fonts for its
  // typefaces, which this machine cannot reach; every contender gets the same rule.
  await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
  const page = await context.newPage();
  const expected = contenderId === 'annals' ? dataset.events : null;
  await page.addInitScript(installProbes, expected);
  const responses = [];
  const dataRequests = [];
  page.on('response', (r) => responses.push(r));
  page.on('request', (r) => { if (r.url().includes('/bench/.data/')) dataRequests.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));

  const row = { dataset: dataset.name, events: dataset.events, contender: contenderId, status: 'ok', note: '' };
  try {
    await page.goto(origin + c.url(dataset), { waitUntil: 'commit' });
    // Wait for the painted frame, up to the cap. A build of annals without
    // ?data= shows its default dataset and never asks for the file: that is
    // told apart from a slow load, so the run does not wait out the cap.
    const deadline = Date.now() + CAP_MS + 5_000;
    let otherSince = null;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        return { ...row, status: 'timeout', note: `not rendered within the ${args.capSeconds} s cap` };
      }
      const s = await withTimeout(page.evaluate(() => {
        const r = document.querySelector('[data-annals-root]');
        return { done: window.__bench.paintedAt !== null || window.__bench.error !== null, ready: r?.dataset.ready, count: r?.dataset.eventCount };
      }), Math.max(1_000, left), 'waiting for the render').catch(() => null);
      if (s?.done) break;
      if (contenderId === 'annals' && s?.ready === 'true' && s.count !== String(expected)) {
        otherSince ??= Date.now();
        if (dataRequests.length === 0 && Date.now() - otherSince > 3_000) {
          return { ...row, status: 'unsupported', note: `not measured: ?data= not supported by this build (it showed its default ${s.count} events)` };
        }
      }
      await sleep(250);
    }
    const bench = await page.evaluate(() => ({ paintedAt: window.__bench.paintedAt, seenAt: window.__bench.seenAt, error: window.__bench.error, marksAt: window.__bench.marksAt }));
    if (bench.error) return { ...row, status: 'error', note: bench.error.slice(0, 200) };
    row.renderMs = bench.paintedAt;
    // Interactive is the rendered time (data-ready); first paint is the first
    // frame with marks, which for the peers is the rendered time too.
    row.interactiveMs = bench.paintedAt;
    row.firstPaintMs = contenderId === 'annals' ? Math.min(bench.marksAt ?? bench.paintedAt, bench.paintedAt) : bench.paintedAt;
    if (row.renderMs > CAP_MS) {
      return { ...row, status: 'timeout', note: `rendered after ${(row.renderMs / 1000).toFixed(1)} s, over the ${args.capSeconds} s cap` };
    }
    // Each measurement below may fail on its own (a page that stays busy past
    // a timeout); the others are still taken, and the row is marked partial.
    const step = async (name, fn) => {
      try {
        await fn();
      } catch (e) {
        row.status = 'partial';
        row.failed = { ...row.failed, [name]: String(e.message ?? e).split('\n')[0].slice(0, 200) };
      }
    };
    const settle = async () => (await withTimeout(page.evaluate(() => window.__benchSettle(15_000)), CAP_MS, 'waiting for an idle page')).ms;
    // DOM and memory are read 2 s after the render, once the page is idle:
    // vis-timeline, for one, redraws again after its first 'changed' and then
    // keeps only the items on screen.
    await sleep(2000);
    await step('settle', async () => { row.settleAfterRenderMs = await settle(); });
    // Layout shift from navigation until the page is idle after its render,
    // before any input.
    await step('cls', async () => { row.cls = await page.evaluate(() => window.__bench.cls); });

    // DOM nodes and memory, after a garbage collection.
    await step('dom', async () => {
      row.domNodes = await withTimeout(page.evaluate(() => document.getElementsByTagName('*').length), CAP_MS, 'counting DOM nodes');
    });
    await step('memory', async () => {
      const cdp = await context.newCDPSession(page);
      await withTimeout(cdp.send('HeapProfiler.collectGarbage'), CAP_MS, 'garbage collection');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      row.jsHeapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
      row.wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? 0);
    });

    const stage = page.locator(c.stage).first();
    // One zoom step.
    await step('zoom', async () => {
      const box = await stage.boundingBox();
      if (!box) throw new Error(`no ${c.stage} on the page`);
      await page.mouse.move(box.x + box.width / 2, c.dragY(box));
      await sleep(300);
      await page.evaluate(([sel, ms]) => window.__benchArmChange(sel, ms), [c.stage, CAP_MS]);
      if (c.zoom === 'wheel') {
        // The middle of the part of the stage that is on screen (it can be taller than the viewport).
        const top = Math.max(box.y, 0);
        const bottom = Math.min(box.y + box.height, VIEWPORT.height);
        await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
        await page.mouse.wheel(0, -100);
      } else {
        const button = page.locator(c.zoom).first();
        if (await button.count()) await button.click({ timeout: CAP_MS });
        else row.zoomNote = 'no zoom-in control';
      }
      const zoom = await withTimeout(page.evaluate(() => window.__benchChange), CAP_MS + 5_000, 'the zoom step');
      row.zoomMs = zoom.ms;
      if (zoom.ms === null) row.zoomNote = zoom.reason;
    });
    if (row.zoomMs === undefined && row.failed?.zoom) row.zoomNote = row.failed.zoom;
    // Let the zoom, and any animation it started (TimelineJS3 eases for about
    // a second and ignores drags meanwhile), finish before panning.
    await sleep(1500);
    await step('settle after zoom', async () => { row.settleAfterZoomMs = await settle(); });

    // Pan: a two-second drag in small steps, leftwards, along the stage.
    await step('pan', async () => {
      const box = await stage.boundingBox();
      if (!box) throw new Error(`no ${c.stage} on the page`);
      const y = c.dragY(box);
      const x0 = box.x + box.width * 0.8;
      const distance = box.width * 0.6;
      await page.mouse.move(x0, y);
      await page.evaluate(([sel]) => window.__benchFramesStart(sel), [c.stage]);
      await page.mouse.down();
      const start = Date.now();
      for (let elapsed = 0; elapsed < PAN_MS; elapsed = Date.now() - start) {
        await page.mouse.move(x0 - distance * (elapsed / PAN_MS), y);
        await sleep(8);
      }
      await page.mouse.up();
      const pan = await withTimeout(page.evaluate(() => window.__benchFramesStop()), CAP_MS, 'the pan');
      row.panFrames = pan.deltas.length;
      row.panP50 = percentile(pan.deltas, 50);
      row.panP95 = percentile(pan.deltas, 95);
      row.panMutations = pan.mutations;
      // A handful of mutations is the press and release, not a view that follows the pointer.
      if (pan.mutations < 5) row.panNote = `the view did not follow the pointer during the drag (${pan.mutations} DOM mutation${pan.mutations === 1 ? '' : 's'})`;
    });
    if (row.failed?.pan) row.panNote = row.failed.pan;

    // Zoom frames: wheel notches for two seconds over the middle of the
    // stage, five in then five out, with the frame intervals meanwhile: what
    // a reader sees while zooming, as the pan above is for dragging.
    if (c.zoom === 'wheel') {
      await sleep(500);
      await step('zoom frames', async () => {
        const box = await stage.boundingBox();
        if (!box) throw new Error(`no ${c.stage} on the page`);
        const top = Math.max(box.y, 0);
        const bottom = Math.min(box.y + box.height, VIEWPORT.height);
        await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
        await page.evaluate(([sel]) => window.__benchFramesStart(sel), [c.stage]);
        const start = Date.now();
        for (let i = 0; Date.now() - start < PAN_MS; i++) {
          await page.mouse.wheel(0, Math.floor(i / 5) % 2 === 0 ? -100 : 100);
          await sleep(16);
        }
        const frames = await withTimeout(page.evaluate(() => window.__benchFramesStop()), CAP_MS, 'the zoom frames');
        row.zoomFramesP50 = percentile(frames.deltas, 50);
        row.zoomFramesP95 = percentile(frames.deltas, 95);
        row.zoomFrameMutations = frames.mutations;
      });
    }

    await step('transfer', async () => {
      row.transfer = await transferSizes(responses, origin);
      // The peers paint nothing of the timeline before all of it has arrived.
      row.beforePaintBytes = contenderId === 'annals' ? row.transfer.beforePaint : row.transfer.html + row.transfer.total;
    });
    if (row.failed) row.note = Object.entries(row.failed).map(([k, v]) => `${k}: ${v}`).join('; ');
  } catch (e) {
    row.status = row.renderMs ? 'partial' : 'error';
    row.note = String(e.message ?? e).split('\n')[0].slice(0, 200);
  } finally {
    if (errors.length) row.pageErrors = errors.slice(0, 3);
    await withTimeout(context.close(), 30_000, 'closing the page').catch(() => {});
  }
  return row;
}

// ---------------------------------------------------------------- the run

function machine(browserVersion) {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    osName = /PRETTY_NAME="([^"]+)"/.exec(text)?.[1] ?? osName;
  } catch {}
  let nproc = cpus.length;
  try { nproc = Number(execFileSync('nproc').toString().trim()); } catch {}
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    nproc,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName,
    node: process.version,
    chromium: browserVersion,
  };
}

/** Which release build was measured: its hashed wasm file name and size. */
function annalsBuild() {
  const dist = resolve(root, 'dist');
  const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'));
  return wasm ? { wasm, bytes: statSync(resolve(dist, wasm)).size, built: statSync(resolve(dist, wasm)).mtime.toISOString() } : null;
}

async function main() {
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ has no release build; run trunk build --release --offline (scripts/bench.sh does)');
  }
  const datasets = await generateAll({ sizes: args.sizes, log: (m) => console.error(m) });
  const { origin, close } = await startServer();
  const browser = await chromium.launch({ executablePath: args.chromium, args: LAUNCH_ARGS });
  // The browser's own start-up work (Chromium 156 loads its omnibox WebUI in
  // a renderer of its own when the first window opens, ~200 files, seen in a
  // trace) must not land on whichever contender is measured first.
  {
    const warm = await browser.newContext();
    await (await warm.newPage()).goto('about:blank');
    await new Promise((done) => setTimeout(done, 3000));
    await warm.close();
  }
  const meta = {
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machine(browser.version()),
    capSeconds: args.capSeconds,
    timelinejsMaxEvents: TIMELINEJS_MAX_EVENTS,
    panMs: PAN_MS,
    viewport: VIEWPORT,
    seed: DEFAULT_SEED,
    annalsBuild: annalsBuild(),
    contenders: Object.fromEntries(args.contenders.map((id) => [id, CONTENDERS[id].label])),
  };
  const rows = [];
  const over = {}; // contender -> size at which it exceeded the cap
  for (const dataset of datasets) {
    for (const id of args.contenders) {
      const c = CONTENDERS[id];
      let row;
      if (c.maxEvents && dataset.events > c.maxEvents) {
        row = { dataset: dataset.name, events: dataset.events, contender: id, status: 'skipped', note: `not run above ${c.maxEvents.toLocaleString('en')} events: one slide per event` };
      } else if (over[id]) {
        row = { dataset: dataset.name, events: dataset.events, contender: id, status: 'skipped', note: `exceeded the ${args.capSeconds} s cap at ${over[id].toLocaleString('en')} events` };
      } else {
        console.error(`run: ${id} on ${dataset.name} …`);
        row = await measure(browser, origin, id, dataset);
        if (row.status === 'timeout') over[id] = dataset.events;
      }
      console.error(`run: ${id} on ${dataset.name}: ${row.status}${row.renderMs ? ` ${Math.round(row.renderMs)} ms` : ''} ${row.note}`);
      rows.push(row);
    }
  }
  await browser.close();
  await close();

  const results = { meta, rows };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(renderTable(results));
  if (args.docs) {
    writeFileSync(resolve(root, 'docs/benchmark-render.svg'), renderChart(results));
    writeFileSync(resolve(root, 'docs/benchmarks.md'), renderDocs(results));
    console.error('wrote bench/results/latest.json, docs/benchmarks.md and docs/benchmark-render.svg');
  } else {
    console.error('wrote bench/results/latest.json');
  }
}

await main();
