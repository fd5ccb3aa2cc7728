// A small static file server for the end-to-end tests. It serves the release
// build in dist/ under a sub-path, to prove the build works away from the
// site root, and binds to 127.0.0.1 only.
//
//   node e2e/serve.mjs [port] [mount]   (defaults: 4173, /nested/path/annals/)
//
// The app's files are sent with `Access-Control-Allow-Origin: *`, so host
// pages on another origin (e2e/hosts.mjs) can import embed.js; test data under
// /fixtures/ is not, so a cross-origin fetch of it is still refused. Also:
//   /csp/            dist/ again, under the strict Content-Security-Policy the
//                    README documents;
//   /csp-no-blob/    the same without `img-src blob:`, as a host page's own
//                    policy may be (the PNG export cannot draw there);
//   /yew-host/       the example yew app in examples/yew-host/dist/;
//   /status/CODE     an answer with that HTTP status;
//   /trickle/ID      tests/fixtures/good.json, padded, a chunk at a time: each
//                    request to /trickle/ID/next sends the next chunk, so the
//                    test sets the pace (with the page's clock faked);
//   /flaky/ID        HTTP 503 the first time, good.json after that;
//   /web-page        a web page with status 200 (?type= sets its content type).

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

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:";
const NO_BLOB_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
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

/** Chunks of /trickle/ responses in flight, by ID. */
const trickles = new Map();
const TRICKLE_CHUNKS = 5;
const TRICKLE_CHUNK = 1000;
/** IDs of /flaky/ addresses asked for once already. */
const flaky = new Set();

async function trickle(res, id) {
  const text = await readFile(join(fixtures, 'good.json'), 'utf8');
  const body = Buffer.from(text.padEnd(TRICKLE_CHUNKS * TRICKLE_CHUNK, ' '));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
  // Sends the headers now, before any of the body.
  res.flushHeaders();
  trickles.set(id, { res, body, sent: 0 });
}

function trickleNext(res, id) {
  const open = trickles.get(id);
  if (!open) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`no trickle ${id}`);
    return;
  }
  const end = Math.min(open.sent + TRICKLE_CHUNK, open.body.length);
  open.res.write(open.body.subarray(open.sent, end));
  open.sent = end;
  if (end === open.body.length) {
    open.res.end();
    trickles.delete(id);
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(String(end));
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const trickled = url.pathname.match(/^\/trickle\/([\w-]+)(\/next)?$/);
  if (trickled) {
    if (trickled[2]) trickleNext(res, trickled[1]);
    else await trickle(res, trickled[1]);
    return;
  }
  const flakyId = url.pathname.match(/^\/flaky\/([\w-]+)$/);
  if (flakyId) {
    if (flaky.has(flakyId[1])) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(join(fixtures, 'good.json')));
    } else {
      flaky.add(flakyId[1]);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('try again later');
    }
    return;
  }
  if (url.pathname === '/web-page') {
    const type = url.searchParams.get('type') ?? 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type }).end('\n<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><p>Sign in, to see this, please</p></body></html>\n');
    return;
  }
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
  const csp = url.pathname.match(/^\/(csp|csp-no-blob)\//);
  if (csp) {
    const relative = decodeURIComponent(url.pathname.slice(csp[0].length));
    const policy = csp[1] === 'csp' ? STRICT_CSP : NO_BLOB_CSP;
    await sendFile(res, dist, relative, { 'content-security-policy': policy });
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
