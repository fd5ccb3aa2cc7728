// Load time of two or more annals builds, side by side: each build's page
// is loaded in turn, round after round, in one headless Chromium, and the
// time from navigation start to the data being on screen (the root's
// data-ready and data-event-count, as in bench/run.mjs) is recorded. Taking
// turns spreads the machine's noise over every build; compare the medians.
//
//   node bench/compare-load.mjs [--size 100000|alliance] [--rounds 9] DIR...
//
// Each DIR is a release build inside dist/ (the only folder bench/serve.mjs
// serves builds from), e.g. dist/ and dist/old/ built from another commit:
//   git worktree add /tmp/old REV && (cd /tmp/old && trunk build --release --offline)
//   mkdir -p dist/old && cp /tmp/old/dist/* dist/old/
// The data comes from bench/generate.mjs (scripts/bench.sh makes it).

import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDir, root } from './generate.mjs';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

function parseArgs(argv) {
  const args = { size: '100000', rounds: 9, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size') args.size = argv[++i];
    else if (argv[i] === '--rounds') args.rounds = Number(argv[++i]);
    else args.dirs.push(argv[i].replace(/\/+$/, ''));
  }
  if (args.dirs.length === 0 || !(args.rounds > 0)) {
    console.error('usage: node bench/compare-load.mjs [--size 100000|alliance] [--rounds 9] DIR...');
    process.exit(2);
  }
  for (const dir of args.dirs) {
    if (!dir.startsWith('dist') || !existsSync(resolve(root, dir, 'index.html'))) {
      console.error(`${dir}: not a build inside dist/ (no ${dir}/index.html)`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const dataFile = `synth-${args.size}.native.json`;
if (args.size !== 'alliance' && !existsSync(resolve(dataDir, dataFile))) {
  console.error(`bench/.data/${dataFile} is missing: run node bench/generate.mjs --sizes ${args.size}`);
  process.exit(2);
}
const expected = args.size === 'alliance' ? null : args.size;

const server = await startServer(0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function loadOnce(dir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const query = expected ? `?data=${encodeURIComponent(`/bench/.data/${dataFile}`)}` : '';
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
  await context.close();
  return ms;
}

const times = new Map(args.dirs.map((d) => [d, []]));
for (let round = 0; round < args.rounds; round++) {
  for (const dir of args.dirs) times.get(dir).push(await loadOnce(dir));
}
await browser.close();
await server.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`${args.size === 'alliance' ? 'default dataset' : `${args.size} events`}, ${args.rounds} rounds; ms from navigation start to the data on screen`);
console.log('| build | median | min | max | every load |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [dir, xs] of times) {
  const r = (x) => Math.round(x);
  console.log(`| ${dir} | ${r(median(xs))} | ${r(Math.min(...xs))} | ${r(Math.max(...xs))} | ${xs.map(r).join(', ')} |`);
}
