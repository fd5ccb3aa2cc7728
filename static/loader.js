// Starts the standalone annals page. An external file rather than trunk's
// inline loader, so the page works under `script-src 'self'`.

// A `?data=` file is fetched at once, while the app's code downloads and
// compiles, and the fetch is handed to the app, which reads its response
// (and reports any failure) instead of asking again.
function prefetchData() {
  const value = new URLSearchParams(location.search).get('data');
  if (!value || !value.trim()) return undefined;
  let url;
  try {
    url = new URL(value, location.href).href;
  } catch {
    return undefined;
  }
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  // Failures are reported by the app when it reads the response.
  response.catch(() => {});
  return { url, response, controller };
}

const prefetch = prefetchData();
// A page rendered ahead of time (annals-cli) carries its dataset as inert
// JSON beside the prerendered markup; a `?data=` file replaces it. A page
// with neither (index.html before its prerender) fetches the default
// dataset, which the wasm does not carry.
const asked = (new URLSearchParams(location.search).get('data') || '').trim();
const pageData = asked ? undefined : document.getElementById('annals-data')?.textContent;
const defaultUrl = asked || pageData !== undefined ? undefined : new URL('data/alliance.json', import.meta.url).href;
// annals' import module, which reads TimelineJS3, CSV and plain text files:
// fetched the first time the app meets one (src/browser/importer.rs), once,
// and again after a failure.
let importer;
globalThis.annalsImporter = () => (importer ||= import('./annals_import.js')
  .then(async (module) => {
    await module.default({ module_or_path: new URL('annals_import_bg.wasm', import.meta.url) });
    return module;
  })
  .catch((error) => {
    importer = undefined;
    throw error;
  }));
const { default: init, startPage } = await import('./annals.js');
const wasm = await init({ module_or_path: new URL('annals_bg.wasm', import.meta.url) });
// The same event trunk's own loader sends, so tools (the benchmark reads the
// WebAssembly memory) can find the instance.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
startPage(pageData, prefetch, defaultUrl);
