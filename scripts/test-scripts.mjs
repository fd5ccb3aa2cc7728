// Tests of the helper scripts, run by scripts/test.sh after the release
// builds (node's own test runner):
//   - serve-dist.mjs sends CORS and the right content types, binds
//     127.0.0.1, and keeps requests inside the folder it serves;
//   - single-file.sh reads DATA and OUT from the caller's directory, takes
//     paths with spaces, and titles the page with the dataset's title;
//   - precompress.mjs writes .gz and .br copies that decompress to the
//     originals, and serve-dist.mjs sends them to clients that accept them;
//   - bench/builds.mjs reads the comparison tools' command lines and takes
//     the benchmark's percentile;
//   - minify.mjs strips the stylesheet and the scripts, keeps what they
//     export and set, updates the stylesheet's integrity in the page, and
//     refuses a page whose integrity is not the stylesheet's.
//
//   node --test scripts/test-scripts.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const scripts = fileURLToPath(new URL('.', import.meta.url));

/** Starts serve-dist.mjs on a free port; resolves to its base URL and the process. */
async function serveDist(dir) {
  const child = spawn(process.execPath, [join(scripts, 'serve-dist.mjs'), '--port', '0', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const found = String(chunk).match(/at (http:\/\/[\d.]+:\d+\/)/);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
  });
  return { base, child };
}

test('serve-dist.mjs serves dist/ with CORS and content types, only from 127.0.0.1 and inside its folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'annals serve '));
  await mkdir(join(dir, 'dist'));
  for (const name of ['embed.js', 'annals.js', 'annals.css', 'index.html']) await writeFile(join(dir, 'dist', name), `/* ${name} */`);
  await writeFile(join(dir, 'dist', 'annals_bg.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(dir, 'secret.txt'), 'outside');
  const { base, child } = await serveDist(join(dir, 'dist'));
  try {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const expected = {
      'embed.js': 'text/javascript; charset=utf-8',
      'annals.js': 'text/javascript; charset=utf-8',
      'annals_bg.wasm': 'application/wasm',
      'annals.css': 'text/css; charset=utf-8',
      '': 'text/html; charset=utf-8',
    };
    for (const [name, type] of Object.entries(expected)) {
      const response = await fetch(base + name);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', name);
      assert.equal(response.headers.get('content-type'), type, name);
    }
    for (const escape of ['%2e%2e/secret.txt', '..%2fsecret.txt', '%2e%2e%5csecret.txt']) {
      const response = await fetch(base + escape);
      assert.notEqual(response.status, 200, escape);
      assert.doesNotMatch(await response.text(), /outside/, escape);
    }
    assert.equal((await fetch(`${base}missing.js`)).status, 404);
  } finally {
    child.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('single-file.sh reads paths from the caller\'s directory, with spaces, and uses the dataset\'s title', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'annals single '));
  try {
    await mkdir(join(dir, 'my data'));
    const dataset = { title: 'Cats & <dogs>', events: [{ id: 'a', title: 'A first event', start: '1999' }] };
    await writeFile(join(dir, 'my data', 'my timeline.json'), JSON.stringify(dataset));
    await promisify(execFile)('bash', [join(scripts, 'single-file.sh'), 'my data/my timeline.json', 'out dir/page one.html'], {
      cwd: dir,
      maxBuffer: 64 << 20,
    });
    const html = await readFile(join(dir, 'out dir', 'page one.html'), 'utf8');
    assert.match(html, /<title>Cats &amp; &lt;dogs&gt;<\/title>/);
    assert.ok(html.includes('A first event'), 'the dataset is inlined');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('precompress.mjs writes .gz and .br copies of every file, and serve-dist.mjs sends the one the client accepts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'annals precompress '));
  try {
    await mkdir(join(dir, 'data'));
    const files = {
      'annals.js': 'export default function start() {}\n'.repeat(50),
      'data/alliance.json': JSON.stringify({ title: 'Tōkyō — 東京', events: [] }),
      'annals_bg.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
    // A copy whose original is gone must not be served or kept.
    await writeFile(join(dir, 'gone.js.br'), 'stale');
    const { precompress } = await import(join(scripts, 'precompress.mjs'));
    const sizes = await precompress(dir);
    assert.deepEqual(sizes.map((size) => size.file).sort(), Object.keys(files).sort());
    for (const [name, body] of Object.entries(files)) {
      const original = Buffer.from(body);
      assert.deepEqual(gunzipSync(await readFile(join(dir, `${name}.gz`))), original, `${name}.gz`);
      assert.deepEqual(brotliDecompressSync(await readFile(join(dir, `${name}.br`))), original, `${name}.br`);
    }
    await assert.rejects(readFile(join(dir, 'gone.js.br')), 'the stale copy is removed');
    // Running it again compresses the originals, not the copies.
    assert.equal((await precompress(dir)).length, Object.keys(files).length);
    const { base, child } = await serveDist(dir);
    try {
      const brotli = await fetch(`${base}annals.js`, { headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(brotli.headers.get('content-encoding'), 'br');
      assert.equal(await brotli.text(), files['annals.js'], 'fetch decodes the brotli copy to the original');
      const gzip = await fetch(`${base}annals.js`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzip.headers.get('content-encoding'), 'gzip');
      assert.equal(await gzip.text(), files['annals.js']);
      const plain = await fetch(`${base}annals.js`, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(await plain.text(), files['annals.js']);
    } finally {
      child.kill();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('minify.mjs strips the stylesheet and the scripts, keeps what they say, and updates the integrity in the page', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'annals minify '));
  const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const run = () => promisify(execFile)(process.execPath, [join(scripts, 'minify.mjs'), dir]);
  try {
    const css = [
      '/* A comment that must go. */',
      ':root { --bg: light-dark(#ffffff, #000000); }',
      '@property --w { syntax: "*"; inherits: false; }',
      '.a:has(> .b)   {  color :  var(--bg) ;  }',
      '',
    ].join('\n');
    await writeFile(join(dir, 'annals.css'), css);
    const page = (hash) => `<link rel="stylesheet" href="./annals.css" integrity="${hash}"/>`;
    await writeFile(join(dir, 'index.html'), page(integrity(css)));
    const modules = {
      'annals.js': '// The glue.\nexport function startPage(data) {\n  const longLocalName = data;\n  return longLocalName;\n}\nexport default startPage;\n',
      'annals_import.js': '// The import module.\nexport function convert(text) {\n  const longLocalName = text;\n  return longLocalName;\n}\n',
      'loader.js': "// Starts it.\nconst { startPage } = await import('./annals.js');\nglobalThis.started = startPage(1);\n",
      'embed.js': '// Embeds.\nexport function mount(element) {\n  return element;\n}\nglobalThis.annals = { mount };\n',
    };
    const early = '// Before the first paint.\n(() => {\n  const theme = "dark";\n  globalThis.earlyTheme = theme;\n})();\n';
    for (const [name, body] of Object.entries(modules)) await writeFile(join(dir, name), body);
    // So that node imports them as the browser does, as modules.
    await writeFile(join(dir, 'package.json'), '{"type": "module"}');
    await writeFile(join(dir, 'early.js'), early);
    await run();
    for (const name of [...Object.keys(modules), 'early.js']) {
      const text = await readFile(join(dir, name), 'utf8');
      assert.ok(!text.includes('//'), `${name} loses its comments: ${text}`);
    }
    const glue = await import(join(dir, 'annals.js'));
    assert.equal(glue.startPage(7), 7, 'the glue still exports startPage');
    assert.equal(glue.default, glue.startPage);
    const { convert } = await import(join(dir, 'annals_import.js'));
    assert.equal(convert('x'), 'x', 'the import module still exports convert');
    const { mount } = await import(join(dir, 'embed.js'));
    assert.equal(mount('el'), 'el');
    assert.equal(globalThis.annals.mount, mount, 'embed.js still sets window.annals');
    await import(join(dir, 'loader.js'));
    assert.equal(globalThis.started, 1, 'loader.js still runs the glue');
    new Function(await readFile(join(dir, 'early.js'), 'utf8'))();
    assert.equal(globalThis.earlyTheme, 'dark', 'early.js still runs as a classic script');
    const out = await readFile(join(dir, 'annals.css'));
    const text = String(out);
    assert.ok(out.length < css.length, 'smaller');
    assert.ok(!text.includes('comment'), 'comments are gone');
    for (const kept of ['light-dark(', '@property --w', 'inherits:false', ':has(>', 'var(--bg)']) {
      assert.ok(text.includes(kept), `${kept} is kept as written: ${text}`);
    }
    assert.equal(await readFile(join(dir, 'index.html'), 'utf8'), page(integrity(out)));
    // Minified again, it stays as it is, and so does the page.
    await run();
    assert.deepEqual(await readFile(join(dir, 'annals.css')), out);
    assert.equal(await readFile(join(dir, 'index.html'), 'utf8'), page(integrity(out)));
    // A page whose integrity is not the stylesheet's is refused, not left
    // pointing at a stylesheet the browser would block.
    await writeFile(join(dir, 'index.html'), page(integrity('something else')));
    await assert.rejects(run(), (error) => error.code === 1 && /has no integrity/.test(error.stderr));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the benchmark gives the peers the default dataset as plain strings, in its own language', async () => {
  const { toVis, toTimelineJS, plain } = await import(join(scripts, '..', 'bench', 'generate.mjs'));
  assert.equal(plain('Tokyo'), 'Tokyo');
  assert.equal(plain({ en: 'Japan', ja: '日本' }, 'en'), 'Japan');
  assert.equal(plain({ ja: '日本' }, 'en'), '日本', 'another language rather than nothing');
  assert.equal(plain(undefined), '');
  const native = JSON.parse(await readFile(join(scripts, '..', 'static', 'data', 'alliance.json'), 'utf8'));
  const vis = toVis(native);
  const tl = toTimelineJS(native);
  for (const value of [...vis.groups.map((g) => g.content), ...vis.items.map((i) => i.content),
    ...tl.events.map((e) => e.text.headline), ...tl.events.map((e) => e.group), tl.title.text.headline]) {
    assert.equal(typeof value, 'string');
    assert.ok(value.length > 0);
  }
  assert.ok(vis.items.some((i) => i.content === 'North Korea fires Taepodong-1 over Japan'));
});

test('the comparison tools read their command line alike, and take the benchmark\'s percentile', async () => {
  const { parseBuildArgs, percentile } = await import(join(scripts, '..', 'bench', 'builds.mjs'));
  const spec = {
    usage: 'compare [--size N] [--rounds R] [--after-pan] DIR...',
    defaults: { size: '1000', rounds: 5, latency: 40 },
    flags: ['after-pan'],
    valid: (a) => a.rounds > 0,
  };
  // dist/ is the release build scripts/test.sh makes before these tests.
  assert.deepEqual(parseBuildArgs(['dist/'], spec), { size: '1000', rounds: 5, latency: 40, afterPan: false, dirs: ['dist'] });
  assert.deepEqual(
    parseBuildArgs(['--rounds', '3', '--after-pan', 'dist', '--size', 'alliance', '--latency', '0'], spec),
    { size: 'alliance', rounds: 3, latency: 0, afterPan: true, dirs: ['dist'] },
  );
  // Nearest rank, as bench/run.mjs has always taken it: the 95th of 100 is the 95th value.
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(hundred, 95), 95);
  assert.equal(percentile(hundred, 50), 50);
  assert.equal(percentile([16.7, 33.3], 95), 33.3);
  assert.equal(percentile([], 95), null);
});
