// Starts the standalone annals page. An external file rather than trunk's
// inline loader, so the page works under `script-src 'self'`.
import init, { startPage } from './annals.js';

const wasm = await init({ module_or_path: new URL('annals_bg.wasm', import.meta.url) });
// The same event trunk's own loader sends, so tools (the benchmark reads the
// WebAssembly memory) can find the instance.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
startPage();
