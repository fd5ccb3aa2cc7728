// Release builds: the stylesheet and the scripts without their comments and
// whitespace. Run by Trunk.toml's post-build hook on the staging directory,
// before annals-cli renders into its index.html.
//
//   - annals.css with lightningcss (the engine of trunk's own `minify`
//     option), with no targets, so nothing is lowered: light-dark(),
//     @property and :has() pass through as written; the page's integrity
//     attribute for it is recomputed.
//   - annals.js and annals_import.js (wasm-bindgen's glue, for the app and
//     for the import module), loader.js and embed.js as ES modules,
//     early.js as a classic script, with terser: names inside them are
//     shortened, their exports and the globals they set are not.
//
// trunk's `minify` option would also minify the HTML template (whose
// unquoted attributes annals-cli does not read), and its JS minifier fails
// to parse the wasm-bindgen glue, so the build does this itself.
//
//   node scripts/minify.mjs DIR

import { transform } from 'lightningcss';
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs DIR (a trunk build: DIR/annals.css, DIR/index.html and the scripts)');
  process.exit(2);
}

const fail = (message) => {
  console.error(`minify: ${message}`);
  process.exit(1);
};

// The stylesheet, and its integrity in the page.
const cssPath = join(dir, 'annals.css');
const htmlPath = join(dir, 'index.html');
const css = readFileSync(cssPath);
let result;
try {
  result = transform({ filename: 'annals.css', code: css, minify: true });
} catch (error) {
  const at = error.loc ? `:${error.loc.line}:${error.loc.column}` : '';
  fail(`static/annals.css${at}: ${error.message}; fix the stylesheet, or build without --release`);
}
for (const warning of result.warnings) {
  console.error(`minify: warning: static/annals.css:${warning.loc.line}:${warning.loc.column}: ${warning.message}`);
}
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const html = readFileSync(htmlPath, 'utf8');
const old = integrity(css);
if (!html.includes(`"${old}"`)) {
  fail(`${htmlPath} has no integrity="${old}" for annals.css; were trunk's filehash or integrity settings changed?`);
}
writeFileSync(cssPath, result.code);
writeFileSync(htmlPath, html.replace(`"${old}"`, `"${integrity(result.code)}"`));
const sizes = [`annals.css ${css.length} -> ${result.code.length}`];

// The scripts.
for (const [name, module] of [['annals.js', true], ['annals_import.js', true], ['loader.js', true], ['embed.js', true], ['early.js', false]]) {
  const path = join(dir, name);
  const code = readFileSync(path, 'utf8');
  let out;
  try {
    out = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  } catch (error) {
    fail(`${name}:${error.line}:${error.col}: ${error.message}`);
  }
  writeFileSync(path, out.code);
  sizes.push(`${name} ${code.length} -> ${out.code.length}`);
}
console.log(`minify: ${sizes.join(', ')} bytes`);
