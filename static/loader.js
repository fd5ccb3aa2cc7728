// Starts the standalone annals page. An external file rather than trunk's
// inline loader, so the page works under `script-src 'self'`.
import init, { startPage } from './annals.js';

await init({ module_or_path: new URL('annals_bg.wasm', import.meta.url) });
startPage();
