// docs/benchmark-render.svg: time to rendered against dataset size, log-log,
// one line per contender. Hand-written SVG, no dependencies.

const SERIES = [
  { id: 'annals', label: 'annals', colour: '#1f5fa8', dash: '', marker: 'circle' },
  { id: 'vis-timeline', label: 'vis-timeline 8.5.4', colour: '#c45a00', dash: '8 4', marker: 'square' },
  { id: 'timelinejs', label: 'TimelineJS3 3.9.11', colour: '#2a7a3f', dash: '2 4', marker: 'triangle' },
];

const W = 980;
const LEGEND = 250;
const H = 460;
const M = { left: 78, right: 24 + LEGEND, top: 48, bottom: 62 };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const log10 = Math.log10;

function marker(kind, x, y, colour, open = false) {
  const fill = open ? 'white' : colour;
  if (kind === 'square') return `<rect x="${(x - 4.5).toFixed(1)}" y="${(y - 4.5).toFixed(1)}" width="9" height="9" fill="${fill}" stroke="${colour}" stroke-width="1.5"/>`;
  if (kind === 'triangle') return `<path d="M${x.toFixed(1)},${(y - 6).toFixed(1)} L${(x + 5.5).toFixed(1)},${(y + 4).toFixed(1)} L${(x - 5.5).toFixed(1)},${(y + 4).toFixed(1)} Z" fill="${fill}" stroke="${colour}" stroke-width="1.5"/>`;
  return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="${fill}" stroke="${colour}" stroke-width="1.5"/>`;
}

const sizeLabel = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

export function renderChart({ meta, rows }) {
  const capMs = meta.capSeconds * 1000;
  const measured = rows.filter((r) => r.renderMs > 0);
  const events = rows.map((r) => r.events);
  const xMin = 10 ** Math.floor(log10(Math.min(...events)));
  const xMax = 10 ** Math.ceil(log10(Math.max(...events)));
  const times = [...measured.map((r) => r.renderMs), ...(rows.some((r) => r.status === 'timeout') ? [capMs] : [])];
  const yMin = 10 ** Math.floor(log10(Math.min(...times, 100)));
  const yMax = 10 ** Math.ceil(log10(Math.max(...times, 1000)));
  const px = (n) => M.left + ((log10(n) - log10(xMin)) / (log10(xMax) - log10(xMin))) * (W - M.left - M.right);
  const py = (t) => H - M.bottom - ((log10(t) - log10(yMin)) / (log10(yMax) - log10(yMin))) * (H - M.top - M.bottom);

  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`);
  parts.push(`<title>Time from navigation start to rendered data, against the number of events (log-log)</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${M.left}" y="24" font-size="15" font-weight="600" fill="#1a1a1a">Time to rendered data against dataset size</text>`);
  parts.push(`<text x="${M.left}" y="40" fill="#555">one run, ${esc(meta.date.slice(0, 10))}; shared machine, compare the lines rather than the absolute times</text>`);

  // Grid and axes.
  for (let d = log10(xMin); d <= log10(xMax) + 1e-9; d++) {
    const x = px(10 ** d);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${M.top}" x2="${x.toFixed(1)}" y2="${H - M.bottom}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#333">${sizeLabel(10 ** d)}</text>`);
  }
  for (let d = log10(yMin); d <= log10(yMax) + 1e-9; d++) {
    const t = 10 ** d;
    const y = py(t);
    parts.push(`<line x1="${M.left}" y1="${y.toFixed(1)}" x2="${W - M.right}" y2="${y.toFixed(1)}" stroke="#e3e3e3"/>`);
    const label = t >= 1000 ? `${t / 1000} s` : `${t} ms`;
    parts.push(`<text x="${M.left - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#333">${label}</text>`);
  }
  parts.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`);
  parts.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 18}" text-anchor="middle" fill="#1a1a1a">events in the dataset (log scale; 26 = the alliance dataset)</text>`);
  parts.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#1a1a1a">navigation start to rendered (log scale)</text>`);

  // The cap.
  if (capMs >= yMin && capMs <= yMax) {
    const y = py(capMs);
    parts.push(`<line x1="${M.left}" y1="${y.toFixed(1)}" x2="${W - M.right}" y2="${y.toFixed(1)}" stroke="#b00020" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${M.left + 6}" y="${(y - 5).toFixed(1)}" fill="#b00020">render cap ${meta.capSeconds} s</text>`);
  }

  // One line per contender; a hollow marker on the cap line where it timed out.
  for (const s of SERIES) {
    const own = rows.filter((r) => r.contender === s.id).sort((a, b) => a.events - b.events);
    const points = own.filter((r) => r.renderMs > 0 && r.status !== 'timeout').map((r) => [px(r.events), py(r.renderMs)]);
    if (points.length > 1) {
      parts.push(`<polyline points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    }
    for (const [x, y] of points) parts.push(marker(s.marker, x, y, s.colour));
    // Side by side, so that two contenders over the cap at one size both show.
    const offset = (SERIES.indexOf(s) - 1) * 11;
    for (const r of own.filter((x) => x.status === 'timeout')) {
      parts.push(marker(s.marker, px(r.events) + offset, py(capMs), s.colour, true));
    }
  }

  // Legend.
  // Legend, right of the plot.
  const lx = W - LEGEND + 4;
  let ly = M.top + 16;
  const present = SERIES.filter((s) => rows.some((r) => r.contender === s.id));
  for (const s of present) {
    parts.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 30}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(marker(s.marker, lx + 15, ly - 4, s.colour));
    parts.push(`<text x="${lx + 40}" y="${ly}" fill="#1a1a1a">${esc(s.label)}</text>`);
    ly += 20;
  }
  parts.push(marker('circle', lx + 15, ly - 4, '#666', true));
  parts.push(`<text x="${lx + 40}" y="${ly}" fill="#1a1a1a">hollow: over the cap;</text>`);
  parts.push(`<text x="${lx + 40}" y="${ly + 16}" fill="#1a1a1a">larger sizes skipped</text>`);
  const skippedTL = rows.some((r) => r.contender === 'timelinejs' && r.status === 'skipped' && /not run above/.test(r.note));
  if (skippedTL) {
    parts.push(`<text x="${lx}" y="${ly + 44}" fill="#555">TimelineJS3 is not run</text>`);
    parts.push(`<text x="${lx}" y="${ly + 60}" fill="#555">above ${meta.timelinejsMaxEvents.toLocaleString('en')} events</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
