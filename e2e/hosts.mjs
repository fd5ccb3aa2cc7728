// Serves the host pages of the embedding tests (e2e/hosts/) from another
// origin than the app: another port on 127.0.0.1. `{{APP}}` in a page becomes
// the app's address, and /fixtures/ serves the test data from this origin.
//
//   node e2e/hosts.mjs HOST_PORT APP_PORT

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from '../scripts/content-types.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? 4174);
const appPort = Number(process.argv[3] ?? 4173);
const app = `http://127.0.0.1:${appPort}/nested/path/annals/`;
const roots = { '/fixtures/': resolve(here, '..', 'tests', 'fixtures'), '/': resolve(here, 'hosts') };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  const prefix = path.startsWith('/fixtures/') ? '/fixtures/' : '/';
  const root = roots[prefix];
  const file = normalize(join(root, decodeURIComponent(path.slice(prefix.length)) || 'index.html'));
  try {
    if (!file.startsWith(root)) throw new Error('outside the served folder');
    let body = await readFile(file);
    if (extname(file) === '.html') body = body.toString('utf8').replaceAll('{{APP}}', app);
    res.writeHead(200, { 'content-type': contentType(file) }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.listen(port, '127.0.0.1', () => console.log(`serving host pages at http://127.0.0.1:${port}/ for ${app}`));
