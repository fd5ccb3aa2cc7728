// Starts the example app (an external file, like the annals page, so no inline script).
import init from './annals-yew-host.js';

await init({ module_or_path: new URL('annals-yew-host_bg.wasm', import.meta.url) });
