// A small static file server for the end-to-end tests. It serves the release
// build in dist/ under a sub-path, to prove the build works away from the
// site root, and binds to 127.0.0.1 only.
//
//   node e2e/serve.mjs [port] [mount]   (defaults: 4173, /nested/path/annals/)
//
// The app's files are sent with `Access-Control-Allow-Origin: *`, so host
// pages on another origin (e2e/hosts.mjs) can import embed.js; test data under
// /fixtures/ is not, so a cross-origin fetch of it is still refused. Also:
//   /csp/            dist/ again, under a strict Content-Security-Policy;
//   /yew-host/       the example yew app in examples/yew-host/dist/.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from '../scripts/content-types.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', 'dist');
const port = Number(process.argv[2] ?? 4173);
const mount = process.argv[3] ?? '/nested/path/annals/';

const fixtures = resolve(here, '..', 'tests', 'fixtures');
const yewHost = resolve(here, '..', 'examples', 'yew-host', 'dist');

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const cors = { 'access-control-allow-origin': '*' };

/** Answers with the file `relative` inside `root`, or index.html for a directory. */
async function sendFile(res, root, relative, headers) {
  const file = normalize(join(root, relative || 'index.html'));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const info = await stat(file);
    const path = info.isDirectory() ? join(file, 'index.html') : file;
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': contentType(path), ...headers }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  // Test data from tests/fixtures, at /fixtures/NAME; /status/CODE answers with that HTTP status.
  const status = url.pathname.match(/^\/status\/(\d{3})$/);
  if (status) {
    res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end(`status ${status[1]}`);
    return;
  }
  if (url.pathname.startsWith('/fixtures/')) {
    const file = normalize(join(fixtures, decodeURIComponent(url.pathname.slice('/fixtures/'.length))));
    try {
      if (!file.startsWith(fixtures)) throw new Error('outside fixtures');
      res.writeHead(200, { 'content-type': contentType(file) }).end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    return;
  }
  if (url.pathname.startsWith('/csp/')) {
    const relative = decodeURIComponent(url.pathname.slice('/csp/'.length));
    await sendFile(res, dist, relative, { 'content-security-policy': STRICT_CSP });
    return;
  }
  if (url.pathname.startsWith('/yew-host/')) {
    await sendFile(res, yewHost, decodeURIComponent(url.pathname.slice('/yew-host/'.length)), {});
    return;
  }
  if (!url.pathname.startsWith(mount)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: the app is served under ${mount}`);
    return;
  }
  await sendFile(res, dist, decodeURIComponent(url.pathname.slice(mount.length)), cors);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dist} at http://127.0.0.1:${port}${mount}`);
});
