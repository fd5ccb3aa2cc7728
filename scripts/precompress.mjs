// Writes a precompressed copy of every file in a built annals beside it:
// FILE.gz (gzip -9) and FILE.br (brotli, quality 11), for static hosts that
// serve them as they are (nginx `gzip_static` and `brotli_static`, Caddy's
// `precompressed`, and scripts/serve-dist.mjs). Then prints each file's size
// raw, gzip and brotli, and the total of what the default page loads.
//
//   node scripts/precompress.mjs [DIR]     (default: dist)
//
// Trunk's post-build hook runs it on release builds (Trunk.toml). Files that
// are already compressed copies (.gz, .br) are skipped, and a stale copy of a
// file that changed is rewritten, so running it twice gives the same folder.

import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

/** Files under `dir`, recursively, as paths. */
async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? files(path) : [path];
    }),
  );
  return nested.flat();
}

/**
 * `bytes` through GNU gzip -9 where it is installed: it packs the wasm about
 * 1.4% (5 KB) tighter than node's zlib at level 9, and it is the measure
 * docs/size.md uses. Node's zlib otherwise.
 */
function gzip(bytes) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return gzipSync(bytes, { level: 9 });
  }
}

/** The gzip -9 and brotli (quality 11) forms of `bytes`. */
export function compress(bytes) {
  return {
    gz: gzip(bytes),
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
}

/** Writes FILE.gz and FILE.br beside every file under `dir`; returns the sizes. */
export async function precompress(dir) {
  const all = await files(dir);
  const originals = all.filter((path) => !/\.(gz|br)$/.test(path));
  // Copies whose original is gone are stale: remove them.
  const kept = new Set(originals);
  await Promise.all(
    all
      .filter((path) => /\.(gz|br)$/.test(path) && !kept.has(path.replace(/\.(gz|br)$/, '')))
      .map((path) => rm(path)),
  );
  const sizes = [];
  for (const path of originals.sort()) {
    const bytes = await readFile(path);
    const { gz, br } = compress(bytes);
    await writeFile(`${path}.gz`, gz);
    await writeFile(`${path}.br`, br);
    sizes.push({ file: relative(dir, path), raw: bytes.length, gzip: gz.length, brotli: br.length });
  }
  return sizes;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const sizes = await precompress(dir);
  const rows = sizes.map(({ file, raw, gzip, brotli }) => `  ${file.padEnd(28)} ${kb(raw).padStart(8)} ${kb(gzip).padStart(8)} ${kb(brotli).padStart(8)}`);
  // What the default page loads after its HTML: the app's code and styles.
  const app = sizes.filter(({ file }) => /^(annals_bg\.wasm|annals\.js|loader\.js|early\.js|annals\.css|index\.css)$/.test(file));
  const sum = (key) => app.reduce((total, size) => total + size[key], 0);
  console.log(`precompress: wrote .gz and .br beside ${sizes.length} files in ${dir} (KB: raw, gzip -9, brotli 11)`);
  console.log(rows.join('\n'));
  console.log(`  ${'wasm + js + css'.padEnd(28)} ${kb(sum('raw')).padStart(8)} ${kb(sum('gzip')).padStart(8)} ${kb(sum('brotli')).padStart(8)}`);
}
