// Assembles the single-file build (see scripts/single-file.sh): the
// no-modules JS, the wasm as base64, the stylesheet and, optionally, a
// dataset, inlined into one HTML page.
//
//   node scripts/single-file.mjs JS WASM CSS OUT [DATA]

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

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
const dataset = data ? JSON.stringify(await readFile(data, 'utf8')) : 'undefined';

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>annals</title>
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
