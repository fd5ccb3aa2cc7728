// Assembles the single-file build (see scripts/single-file.sh): the
// no-modules JS, the wasm as base64, the stylesheet and, optionally, a
// dataset, inlined into one HTML page titled with the dataset's title.
//
//   node scripts/single-file.mjs JS WASM CSS OUT [DATA]

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Text as HTML element content. */
const escapeHtml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The title of a dataset given as text: a native file's `title` (in its
 * default language), a TimelineJS3 file's title slide headline (without its
 * markup), or a TimelineJS sheet's title row. `undefined` when it has none.
 */
export function datasetTitle(text) {
  let json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return sheetTitle(text);
  }
  const title = json?.title;
  if (typeof title === 'string') return title.trim() || undefined;
  if (title && typeof title === 'object') {
    const headline = title.text?.headline;
    if (typeof headline === 'string') return headline.replace(/<[^>]*>/g, '').trim() || undefined;
    const language = typeof json.language === 'string' ? json.language : 'en';
    const texts = Object.entries(title).filter(([, v]) => typeof v === 'string');
    texts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const chosen = title[language] ?? texts[0]?.[1];
    return typeof chosen === 'string' ? chosen.trim() || undefined : undefined;
  }
  return undefined;
}

/** The headline of the row of type "title" in a TimelineJS sheet, for plain (unquoted) rows. */
function sheetTitle(text) {
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = header.split(',').map((c) => c.trim().toLowerCase());
  const type = columns.indexOf('type');
  const headline = columns.indexOf('headline');
  if (type < 0 || headline < 0) return undefined;
  const row = rows.map((r) => r.split(',')).find((cells) => cells[type]?.trim().toLowerCase() === 'title');
  return row?.[headline]?.trim() || undefined;
}

async function main() {
  const [js, wasm, css, out, data] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node scripts/single-file.mjs JS WASM CSS OUT [DATA]');
    process.exit(2);
  }

  /** Text that must not close the element it is inlined into. */
  const inline = (text, tag) => text.replaceAll(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

  const script = await readFile(js, 'utf8');
  const bytes = (await readFile(wasm)).toString('base64');
  const style = await readFile(css, 'utf8');
  // As a JSON string literal, so any text (JSON or CSV) survives inside <script>.
  const text = data ? await readFile(data, 'utf8') : undefined;
  const dataset = text === undefined ? 'undefined' : JSON.stringify(text);
  const title = (text === undefined ? undefined : datasetTitle(text)) ?? 'annals';

  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${inline(style, 'style')}
</style>
</head>
<body>
<div id="annals"><noscript>annals needs JavaScript and WebAssembly to show the timeline.</noscript></div>
<script>
${inline(script, 'script')}
</script>
<script>
(function () {
  var text = atob(${JSON.stringify(bytes)});
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  var data = ${inline(dataset, 'script')};
  wasm_bindgen({ module_or_path: bytes }).then(function () { wasm_bindgen.startPage(data); });
})();
</script>
</body>
</html>
`;

  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  console.log(`${out}: ${(html.length / 1024).toFixed(1)} KB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
