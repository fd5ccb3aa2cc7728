// Serves a built annals (dist/, or the folder given) as static files, with
// the headers embedding from another origin needs: every file is sent with
// `Access-Control-Allow-Origin: *` (embed.js, annals.js, the wasm and the
// stylesheet are all fetched cross-origin by a host page) and its right
// content type (the wasm as application/wasm, for streaming compilation).
// A release build holds FILE.br and FILE.gz beside each file
// (scripts/precompress.mjs): they are sent, with their Content-Encoding, to
// clients that accept them. Binds 127.0.0.1 unless told otherwise.
//
//   node scripts/serve-dist.mjs [--port 8090] [--host 127.0.0.1] [--dir dist]
//
// For production, give your web server the same two headers instead.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentType } from './content-types.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.ANNALS_PORT ?? '8090' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: resolve(here, '..', 'dist') },
  },
});
const root = resolve(values.dir);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve-dist: --port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

/** The file for a request path inside `root`, or null when it points outside. */
function fileFor(rootDir, pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = normalize(join(rootDir, relative));
  return file === rootDir || file.startsWith(rootDir + sep) ? file : null;
}

/** The best precompressed copy of `path` the client accepts, else the file itself. */
async function precompressed(path, acceptEncoding) {
  const accepted = new Set(acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.has(encoding)) continue;
    try {
      return { body: await readFile(path + suffix), encoding };
    } catch {
      // No copy in this encoding: try the next.
    }
  }
  return { body: await readFile(path), encoding: null };
}

const server = createServer(async (req, res) => {
  const headers = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(root, new URL(req.url, 'http://localhost').pathname);
  if (!file) {
    res.writeHead(403, headers).end();
    return;
  }
  try {
    const info = await stat(file);
    const path = info.isDirectory() ? join(file, 'index.html') : file;
    const { body, encoding } = await precompressed(path, req.headers['accept-encoding'] ?? '');
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, { ...headers, 'content-type': contentType(path), 'cache-control': 'no-cache', vary: 'accept-encoding' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
});

server.listen(port, values.host, () => {
  const { port: bound } = server.address();
  console.log(`serving ${root} at http://${values.host}:${bound}/ (with Access-Control-Allow-Origin: *)`);
});
