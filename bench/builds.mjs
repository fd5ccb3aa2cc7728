// What bench/compare-load.mjs, compare-network.mjs and compare-zoom.mjs
// share: their command line, the builds they take turns with, each a release
// build inside dist/ (the only folder bench/serve.mjs serves builds from), the synthetic data
// file they open, and the median they report; and the percentile they and
// bench/run.mjs take of frame intervals, so that a comparison's p95 is the
// benchmark's.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDir, root } from './generate.mjs';

/**
 * Reads a comparison's command line: `--NAME VALUE` for each option of
 * `defaults` (a number when its default is one), `--NAME` for each of
 * `flags` (false unless given; `--after-pan` is `afterPan`), and any other
 * word a build DIR, its trailing slashes dropped. Exits with `usage` unless
 * there is a DIR and `valid(args)` holds, then checks the DIRs.
 */
export function parseBuildArgs(argv, { usage, defaults, flags = [], valid = () => true }) {
  const key = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const args = { ...defaults, dirs: [] };
  for (const flag of flags) args[key(flag)] = false;
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name !== null && name in defaults) {
      const value = argv[++i];
      args[name] = typeof defaults[name] === 'number' ? Number(value) : value;
    } else if (name !== null && flags.includes(name)) {
      args[key(name)] = true;
    } else {
      args.dirs.push(argv[i].replace(/\/+$/, ''));
    }
  }
  if (args.dirs.length === 0 || !valid(args)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  checkBuildDirs(args.dirs);
  return args;
}

/** Exits with a message unless every DIR is a build inside dist/. */
function checkBuildDirs(dirs) {
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

/** The value at or below which `p` percent of `values` lie (nearest rank); null for none. */
export const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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
