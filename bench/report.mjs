// Turns bench/results/latest.json into the Markdown table printed by
// bench/run.mjs and into docs/benchmarks.md.

const LABELS = { annals: 'annals', 'vis-timeline': 'vis-timeline 8.5.4', timelinejs: 'TimelineJS3 3.9.11' };
const PEERS = ['vis-timeline', 'timelinejs'];

const int = (n) => Math.round(n).toLocaleString('en');
const ms = (n) => (n === null || n === undefined ? '—' : n >= 100 ? int(n) : n.toFixed(1));
const mb = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / 2 ** 20).toFixed(1));
const cls = (value) => (value === null || value === undefined ? '—' : value.toFixed(3));
const kb = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / 1000).toFixed(1));
const datasetLabel = (row) => (row.dataset === 'alliance' ? `alliance (${row.events})` : `${int(row.events)} synthetic`);

/** Memory compared across contenders: the JS heap, plus annals' WebAssembly linear memory. */
export const memoryBytes = (row) => (row.jsHeapBytes ?? 0) + (row.wasmBytes ?? 0);

export function renderTable({ rows }) {
  const head = [
    '| data | contender | first paint, ms | rendered (interactive), ms | CLS | before first paint, KB gzip | zoom step, ms | zoom frames p50 / p95, ms | pan p50 / p95, ms | DOM nodes | JS heap, MB | wasm memory, MB | gzip transfer, KB (code + data) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = rows.map((r) => {
    const who = LABELS[r.contender] ?? r.contender;
    if (r.status !== 'ok' && r.status !== 'partial') {
      const note = r.note.replace(new RegExp(`^${r.status}: `), '');
      return `| ${datasetLabel(r)} | ${who} | ${r.status}: ${note} | — | — | — | — | — | — | — | — | — | — |`;
    }
    const t = r.transfer;
    const transfer = t ? `${kb(t.total)} (${kb(t.wasm + t.js + t.css)} + ${kb(t.data)})` : '—';
    const zoom = r.zoomMs === null || r.zoomMs === undefined ? `— (${r.zoomNote ?? 'not measured'})` : ms(r.zoomMs);
    const pan = r.panP50 === undefined ? '—' : `${ms(r.panP50)} / ${ms(r.panP95)}${r.panNote ? ` (${r.panNote})` : ''}`;
    const zoomFrames = r.zoomFramesP50 === undefined ? '—' : `${ms(r.zoomFramesP50)} / ${ms(r.zoomFramesP95)}`;
    const partial = r.status === 'partial' ? ` (partial: ${r.note})` : '';
    return `| ${datasetLabel(r)} | ${who} | ${ms(r.firstPaintMs ?? r.renderMs)} | ${ms(r.renderMs)}${partial} | ${cls(r.cls)} | ${kb(r.beforePaintBytes)} | ${zoom} | ${zoomFrames} | ${pan} | ${r.domNodes === undefined ? '—' : int(r.domNodes)} | ${mb(r.jsHeapBytes)} | ${r.wasmBytes ? mb(r.wasmBytes) : '—'} | ${transfer} |`;
  });
  return [...head, ...lines].join('\n');
}

const ratio = (peer, annals) => {
  if (peer === null || peer === undefined || annals === null || annals === undefined || annals === 0) return '—';
  const x = peer / annals;
  return `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}×`;
};

/** Peer ÷ annals for every dataset where both were measured. */
export function ratioRows({ rows }) {
  const out = [];
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  for (const d of datasets) {
    const a = rows.find((r) => r.dataset === d && r.contender === 'annals');
    for (const p of PEERS) {
      const r = rows.find((x) => x.dataset === d && x.contender === p);
      if (!a || !r) continue;
      const measured = (x) => x.status === 'ok' || x.status === 'partial';
      if (!measured(a) || !measured(r)) {
        const why = [[a, 'annals'], [r, LABELS[p]]].filter(([x]) => !measured(x)).map(([x, who]) => `${who} ${x.status}`).join(', ');
        out.push({ dataset: d, events: a.events, peer: p, cells: null, why });
        continue;
      }
      out.push({
        dataset: d, events: a.events, peer: p,
        cells: [
          ratio(r.firstPaintMs ?? r.renderMs, a.firstPaintMs ?? a.renderMs), ratio(r.renderMs, a.renderMs), ratio(r.zoomMs, a.zoomMs), ratio(r.zoomFramesP95, a.zoomFramesP95), ratio(r.panP95, a.panP95),
          ratio(r.domNodes, a.domNodes), ratio(memoryBytes(r), memoryBytes(a)), ratio(r.transfer?.total, a.transfer?.total),
        ],
      });
    }
  }
  return out;
}

export function renderRatios(results) {
  const head = [
    '| data | peer ÷ annals | first paint | rendered (interactive) | zoom step | zoom frames p95 | pan p95 | DOM nodes | memory | gzip transfer |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = ratioRows(results).map((r) => {
    const d = datasetLabel(r);
    if (!r.cells) return `| ${d} | ${LABELS[r.peer]} | not compared: ${r.why} | | | | | | | |`;
    return `| ${d} | ${LABELS[r.peer]} | ${r.cells.join(' | ')} |`;
  });
  return [...head, ...lines].join('\n');
}

function notes({ meta, rows }) {
  const out = [];
  const unsupported = rows.filter((r) => r.status === 'unsupported');
  if (unsupported.length) {
    out.push(`- annals' synthetic rows were **not measured**: the build in \`dist/\` does not read \`?data=\`, so only its embedded default dataset could be measured. Rebuild with a build that supports \`?data=\` and run again.`);
  }
  for (const r of rows.filter((x) => x.status === 'timeout')) {
    out.push(`- ${LABELS[r.contender]} at ${int(r.events)} events: ${r.note}; larger sets were skipped.`);
  }
  for (const r of rows.filter((x) => x.status === 'error' || x.status === 'partial')) {
    out.push(`- ${LABELS[r.contender]} on ${datasetLabel(r)}: ${r.status}: ${r.note}`);
  }
  for (const r of rows.filter((x) => x.zoomNote)) {
    out.push(`- ${LABELS[r.contender]} on ${datasetLabel(r)}: zoom step not measured (${r.zoomNote}).`);
  }
  for (const r of rows.filter((x) => x.panNote)) {
    out.push(`- ${LABELS[r.contender]} on ${datasetLabel(r)}: ${r.panNote}; its pan frame times are those of handling the pointer, not of moving the view.`);
  }
  return out.length ? out.join('\n') : '- Every contender that was run rendered within the cap.';
}

/** The targets against this run's figures, with whether each is met. */
export function renderTargets({ rows }) {
  const find = (contender, events) => rows.find((r) => r.contender === contender && r.events === events && r.status === 'ok');
  const measured = (r) => r && (r.status === 'ok' || r.status === 'partial');
  const million = find('annals', 1_000_000);
  const alliance = rows.find((r) => r.contender === 'annals' && r.dataset === 'alliance' && measured(r));
  const peerOf = (contender) => rows.find((r) => r.dataset === 'alliance' && r.contender === contender && measured(r));
  const vis = peerOf('vis-timeline');
  const tl = peerOf('timelinejs');
  const hundred = find('annals', 100_000);
  const line = (measure, target, figure, met) => `| ${measure} | ${target} | ${figure} | ${met ? 'met' : '**not met**'} |`;
  const out = ['| measure | target | this run | |', '| --- | --- | ---: | --- |'];
  // One display frame at 60 Hz: requestAnimationFrame intervals measure
  // 16.7 ms give or take a fraction of a millisecond of timer jitter; a
  // dropped frame doubles it.
  const oneFrame = (p95) => p95 < 17.5;
  if (alliance && vis) {
    const first = (alliance.firstPaintMs ?? alliance.renderMs) / vis.renderMs;
    out.push(line('first paint, default dataset', "≤ 0.3 × vis-timeline's rendered", `${first.toFixed(2)} × (${int(alliance.firstPaintMs ?? alliance.renderMs)} ms vs ${int(vis.renderMs)} ms)`, first <= 0.3));
    const interactive = alliance.renderMs / vis.renderMs;
    out.push(line('interactive, default dataset', "≤ 0.8 × vis-timeline's rendered", `${interactive.toFixed(2)} × (${int(alliance.renderMs)} ms vs ${int(vis.renderMs)} ms)`, interactive <= 0.8));
  }
  if (alliance?.beforePaintBytes !== undefined) {
    out.push(line('bytes before first paint (HTML + CSS + early.js)', '≤ 30 KB gzip', `${kb(alliance.beforePaintBytes)} KB`, alliance.beforePaintBytes <= 30_000));
  }
  if (alliance?.transfer) {
    const code = alliance.transfer.wasm + alliance.transfer.js + alliance.transfer.css;
    out.push(line('wasm + js + css, default dataset', '≤ 200 KB gzip', `${kb(code)} KB`, code <= 200_000));
  }
  if (alliance && tl && alliance.zoomMs != null && tl.zoomMs != null) {
    out.push(line('zoom step, 26 events', "≤ TimelineJS3's", `${ms(alliance.zoomMs)} ms vs ${ms(tl.zoomMs)} ms`, alliance.zoomMs <= tl.zoomMs));
  }
  for (const n of [1_000, 10_000]) {
    const r = find('annals', n);
    if (r?.zoomFramesP95 !== undefined) {
      out.push(line(`zoom frames p95, ${int(n)} events`, '≤ 16.7 ms', `${ms(r.zoomFramesP95)} ms`, oneFrame(r.zoomFramesP95)));
    }
  }
  if (hundred) out.push(line('100k events rendered', '≤ 1.0 s', `${int(hundred.renderMs)} ms`, hundred.renderMs <= 1000));
  if (alliance?.cls !== undefined) out.push(line('CLS, default page', '≤ 0.05', cls(alliance.cls), alliance.cls <= 0.05));
  if (million) {
    out.push(line('pan frame time p95, 1M events', '≤ 16.7 ms (one frame)', `${ms(million.panP95)} ms`, oneFrame(million.panP95)));
    if (million.zoomFramesP95 !== undefined) {
      out.push(line('zoom frame time p95, 1M events', '≤ 16.7 ms (one frame)', `${ms(million.zoomFramesP95)} ms`, oneFrame(million.zoomFramesP95)));
    }
  }
  return out.join('\n');
}

export function renderDocs(results) {
  const { meta } = results;
  const m = meta.machine;
  return `# Benchmarks

annals against [TimelineJS3](https://timeline.knightlab.com/) 3.9.11 and
[vis-timeline](https://visjs.github.io/vis-timeline/) 8.5.4, on the same data,
in headless Chromium. Generated by \`bench/run.mjs\`; do not edit by hand.

## Command

\`\`\`sh
./scripts/bench.sh                 # release build, data, every size (1k, 10k, 100k, 1M) with the caps
./scripts/bench.sh --quick         # only the default dataset, 1k and 10k
./scripts/bench.sh --sizes 1000,100000 --cap 30    # chosen sizes and render cap (seconds)
\`\`\`

Set \`ANNALS_BENCH_SKIP_BUILD=1\` to measure the \`dist/\` already there.
\`scripts/bench.sh\` runs \`scripts/setup.sh\`, \`trunk build --release --offline\`,
\`node bench/generate.mjs\` and \`node bench/run.mjs\` with its arguments. The
peers come from npm, pinned in \`package-lock.json\`. Results go to
\`bench/results/latest.json\` (every figure), this page, and
[\`benchmark-render.svg\`](benchmark-render.svg).

This run: \`${meta.command}\`, ${meta.date.slice(0, 16).replace('T', ' ')} UTC.

## Machine

${m.cpu}, ${m.nproc} cores (\`nproc\`), ${m.memoryGiB} GiB memory, ${m.os};
Chromium ${m.chromium} (headless, \`--disable-gpu\`), Node ${m.node}.
annals build measured: \`dist/${meta.annalsBuild?.wasm ?? '?'}\`${meta.annalsBuild ? ` (${(meta.annalsBuild.bytes / 1000).toFixed(1)} KB before compression)` : ''}. The
machine was shared with other builds while this ran: **read the ratios, not the
absolute times.**

## Ratios (one run)

Each cell is the peer's figure divided by annals' on the same data: above 1×,
annals is faster or smaller. Memory is the JS heap after a garbage collection,
plus annals' WebAssembly memory.

${renderRatios(results)}

## All figures

${renderTable(results)}

![Time to rendered against dataset size, log-log](benchmark-render.svg)

## Targets

${renderTargets(results)}

## What is measured, and how

- **Data.** The default alliance dataset (26 events) and synthetic sets of
  1,000, 10,000, 100,000 and 1,000,000 events from \`bench/generate.mjs\`
  (mulberry32, seed ${meta.seed}): days from 1900 to 2030, one event in five
  with an end date, six lanes, three statuses. The same events are converted
  to TimelineJS3 slides (grouped by lane) and vis-timeline items (boxes, or
  ranges when there is an end; one group per lane). annals shows the alliance
  dataset embedded in its build (no query parameter), and loads the synthetic
  sets with \`?data=\`.
- **First paint.** From navigation start to the first frame painted with an
  event mark (\`[data-event-id]\`) on screen. annals' release page has the
  default view in its HTML (rendered at build time by \`annals-cli\`), so
  those prerendered marks count; a page opened with \`?data=\` hides them
  until its file is drawn, so there they do not. For the peers, which draw
  nothing before their script has run, first paint is their rendered time.
- **Before first paint.** The gzip size of what the first paint waits for:
  the HTML page, its stylesheets and its blocking classic scripts (annals'
  \`early.js\`). For the peers, the page and everything in the transfer column.
- **CLS.** Cumulative Layout Shift from navigation until the page is idle
  after its render (before any input), summed from a \`layout-shift\`
  PerformanceObserver as the Web Vitals count it, at the viewport below.
- **Rendered (interactive).** From navigation start to the first frame painted after the
  completion signal: \`data-ready="true"\` with the expected
  \`data-event-count\` on \`[data-annals-root]\`; for the peers, the host pages
  in \`bench/pages/\` set \`body[data-rendered]\` after vis-timeline's first
  \`changed\` event, or after TimelineJS3's \`ready\` and \`loaded\` events. It
  includes fetching and parsing the data, and for annals compiling the wasm.
- **Zoom step.** One wheel notch (\`deltaY = -100\`) over the middle of the
  timeline for annals and vis-timeline; TimelineJS3 has no wheel zoom, so its
  zoom-in button is clicked. Timed in the page from the input event's
  timestamp to the first frame painted after the timeline's DOM changed
  (MutationObserver, then requestAnimationFrame).
- **Zoom frames.** After the pan, ${meta.panMs / 1000} seconds of wheel notches
  over the middle of the timeline, five in then five out, about one every
  16 ms; the same requestAnimationFrame loop records the frame intervals, p50
  and p95. Wheel zoom only, so not for TimelineJS3.
- **Pan.** A ${meta.panMs / 1000}-second drag leftwards over 60% of the
  timeline's width in small mouse steps; a requestAnimationFrame loop records
  frame intervals, reported as p50 and p95. The number of DOM mutations is
  kept in the JSON, to show the drag moved the view. The zoom step, then 1.5 s
  and an idle page (ten frames in a row under 25 ms), come before the drag.
  Playwright waits for each pointer move to be handled, so a page that is busy
  gets fewer moves, as a real user's browser would coalesce them.
- **DOM nodes.** \`document.getElementsByTagName('*').length\`, 2 s after
  rendered and once the page is idle. (vis-timeline redraws again about a
  second after its first \`changed\` event and then keeps only the items on
  screen: 4,109 nodes at the first event with 1,000 events, 807 after.)
- **Memory.** \`JSHeapUsedSize\` from the DevTools protocol after
  \`HeapProfiler.collectGarbage\`. annals keeps its data in WebAssembly memory,
  which the JS heap does not count, so its linear memory size is listed apart
  and added in the ratios. WebAssembly memory only grows, so the figure is the
  peak of the load: the whole file's text and the checked events at once. The
  checked model alone is measured natively by
  \`cargo run --release --example load_cost -- bench/.data/synth-1000000.native.json\`
  (a counting allocator; about 280 bytes per event, plus about 40 for the
  time index).
- **Transfer.** Every response body the page loaded, gzipped with level 9
  (as a server would send it): wasm, JS, CSS and data. The host HTML pages and
  fonts are left out. TimelineJS3's theme asks Google Fonts for typefaces; all
  requests that leave the local server are blocked for every contender, so
  these are not counted.
- **Viewport** ${meta.viewport.width}×${meta.viewport.height}, a fresh browser
  context (empty cache) for each measurement, in one browser that has first
  shown a blank page for 3 s (its own start-up work done before anything is
  measured).

## Caps and skips

- A contender that has not rendered within **${meta.capSeconds} s** is marked
  \`timeout\`, and skipped for every larger dataset.
- TimelineJS3 builds one full-screen slide per event and is meant for tens of
  them; it is not run above ${meta.timelinejsMaxEvents.toLocaleString('en')} events.

## Notes on this run

${notes(results)}
`;
}
