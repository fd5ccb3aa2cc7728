// End-to-end tests against the release build (dist/), served from a sub-path
// on 127.0.0.1, in Debian's Chromium. Run through scripts/test.sh, which
// builds dist/ first. The embedding tests load host pages from a second
// server on the next port (another origin). ANNALS_E2E_PORT moves both, for
// machines where someone else's tests hold 4173.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const port = Number(process.env.ANNALS_E2E_PORT ?? 4173);
const hostPort = port + 1;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/nested/path/annals/`,
    viewport: { width: 1280, height: 900 },
    // Positions are measured right after actions; animations would blur them.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `node e2e/serve.mjs ${port}`,
      url: `http://127.0.0.1:${port}/nested/path/annals/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node e2e/hosts.mjs ${hostPort} ${port}`,
      url: `http://127.0.0.1:${hostPort}/iframe.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
