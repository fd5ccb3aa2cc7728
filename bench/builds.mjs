// What bench/compare-load.mjs, compare-network.mjs and compare-zoom.mjs
// share: the builds they take turns with, each a release build inside dist/
// (the only folder bench/serve.mjs serves builds from), the synthetic data
// file they open, and the median they report.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDir, root } from './generate.mjs';

/** Exits with a message unless every DIR is a build inside dist/. */
export function checkBuildDirs(dirs) {
  for (const dir of dirs) {
    if (!dir.startsWith('dist') || !existsSync(resolve(root, dir, 'index.html'))) {
      console.error(`${dir}: not a build inside dist/ (no ${dir}/index.html)`);
      process.exit(2);
    }
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The query that opens `size` synthetic events (`?data=` naming the file
 * bench/generate.mjs made), or '' for the default dataset (`size` empty or
 * 'alliance'); exits with a message when the file has not been made.
 */
export function dataQuery(size) {
  if (!size || size === 'alliance') return '';
  const file = `synth-${size}.native.json`;
  if (!existsSync(resolve(dataDir, file))) {
    console.error(`bench/.data/${file} is missing: run node bench/generate.mjs --sizes ${size}`);
    process.exit(2);
  }
  return `?data=${encodeURIComponent(`/bench/.data/${file}`)}`;
}
