// Static server for the benchmark: serves the repository root (dist/, the
// peers in node_modules/, bench/pages/ and bench/.data/) on 127.0.0.1, with
// the right MIME types and no compression or caching, so that every page
// load fetches the same bytes. Transfer sizes are measured by the harness.
//
//   node bench/serve.mjs [port]      (or import { startServer })

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from '../scripts/content-types.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

// Only these top-level folders are served.
const allowed = ['dist/', 'node_modules/', 'bench/pages/', 'bench/.data/'];

export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + '/') || !allowed.some((a) => (relative + '/').startsWith(a))) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      let path = file;
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      res.writeHead(200, {
        'content-type': contentType(path),
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      done({ origin: `http://127.0.0.1:${bound}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer(Number(process.argv[2] ?? 4180));
  console.log(`serving ${root} at ${origin}/ (dist/, node_modules/, bench/pages/, bench/.data/)`);
}
