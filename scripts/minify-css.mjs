// Release builds: the stylesheet without its comments and whitespace, and
// the page's integrity attribute for it recomputed. Run by Trunk.toml's
// post-build hook on the staging directory, before annals-cli renders into
// its index.html.
//
// lightningcss is the engine trunk's own `minify` option uses; that option
// would also minify the HTML template (whose unquoted attributes annals-cli
// does not read) and the wasm-bindgen glue (which trunk's JS minifier fails
// to parse), so the build minifies the stylesheet alone. No targets are
// given, so nothing is lowered: light-dark(), @property and :has() pass
// through as written.
//
//   node scripts/minify-css.mjs DIR

import { transform } from 'lightningcss';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify-css.mjs DIR (a trunk build: DIR/annals.css and DIR/index.html)');
  process.exit(2);
}
const cssPath = join(dir, 'annals.css');
const htmlPath = join(dir, 'index.html');
const before = readFileSync(cssPath);
let result;
try {
  result = transform({ filename: 'annals.css', code: before, minify: true });
} catch (error) {
  const at = error.loc ? `:${error.loc.line}:${error.loc.column}` : '';
  console.error(`minify-css: static/annals.css${at}: ${error.message}; fix the stylesheet, or build without --release`);
  process.exit(1);
}
for (const warning of result.warnings) {
  console.error(`minify-css: warning: static/annals.css:${warning.loc.line}:${warning.loc.column}: ${warning.message}`);
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const html = readFileSync(htmlPath, 'utf8');
const old = integrity(before);
if (!html.includes(`"${old}"`)) {
  console.error(`minify-css: ${htmlPath} has no integrity="${old}" for annals.css; was it built with trunk's filehash or integrity settings changed?`);
  process.exit(1);
}
writeFileSync(cssPath, result.code);
writeFileSync(htmlPath, html.replace(`"${old}"`, `"${integrity(result.code)}"`));
console.log(`minify-css: annals.css ${before.length} -> ${result.code.length} bytes`);
