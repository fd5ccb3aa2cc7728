// What bench/compare-load.mjs and bench/compare-network.mjs share: the
// builds they take turns with, each a release build inside dist/ (the only
// folder bench/serve.mjs serves builds from), and the median they report.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './generate.mjs';

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
