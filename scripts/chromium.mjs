// The Chromium every browser tool here launches: Debian's (scripts/setup.sh
// installs it; ANNALS_CHROMIUM names another), headless, with the flags the
// project's machines need. Used by the end-to-end tests
// (playwright.config.mjs), the benchmark (bench/run.mjs,
// bench/compare-load.mjs) and scripts/screenshots.mjs.

export const CHROMIUM_PATH = process.env.ANNALS_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
