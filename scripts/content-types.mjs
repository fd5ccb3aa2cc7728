// Content types by file extension, for the local static servers of the
// end-to-end tests (e2e/serve.mjs, e2e/hosts.mjs) and the benchmark
// (bench/serve.mjs).
import { extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/** The content type to send for `path`; unknown extensions are sent as bytes. */
export function contentType(path) {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}
