// annals on any page: `mount(element, { url | data, options })` and the
// <annals-timeline> custom element. Load it as a module from the app's
// origin; it loads the wasm and the stylesheet from next to itself.
//
//   <script type="module">
//     import { mount } from 'https://example.org/annals/embed.js';
//     const timeline = mount(document.querySelector('#t'), { url: 'data.json', options: { theme: 'dark' } });
//     timeline.on('select', (id) => console.log(id));
//   </script>
//
//   <script type="module" src="https://example.org/annals/embed.js"></script>
//   <annals-timeline src="data.json" theme="dark" start-at="some-id"></annals-timeline>
//
// `theme` is light (the default), dark, contrast (high contrast) or auto
// (follows the reader's light or dark preference).
//
// Once it is ready it sets `window.annals = { mount }` and dispatches
// `annals-ready` on `window` (with `{ mount }` as `event.detail`), for
// scripts that are not modules: `window.annals` is not there yet at
// DOMContentLoaded or load, since the wasm loads first.
import init, { mount as mountWasm } from './annals.js';

const here = new URL('.', import.meta.url);
// annals' import module, which reads TimelineJS3, CSV and plain text files:
// fetched the first time a timeline meets one (src/browser/importer.rs),
// once for the page, and again after a failure.
let importer;
globalThis.annalsImporter ||= () => (importer ||= import(new URL('annals_import.js', here).href)
  .then(async (module) => {
    await module.default({ module_or_path: new URL('annals_import_bg.wasm', here) });
    return module;
  })
  .catch((error) => {
    importer = undefined;
    throw error;
  }));
await init({ module_or_path: new URL('annals_bg.wasm', here) });

/**
 * Renders an independent timeline into a shadow root on `element` and returns
 * its handle. Without `url` or `data` it shows the default dataset, fetched
 * from beside this script (the wasm does not carry it).
 */
export function mount(element, spec = {}) {
  const data = spec.url === undefined && spec.data === undefined ? { url: new URL('data/alliance.json', here).href } : {};
  return mountWasm(element, { ...spec, ...data, stylesheet: new URL('annals.css', here).href });
}

/** `<annals-timeline src theme start-at controls lang editable>`: reacts to changes of each attribute. */
class AnnalsTimeline extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme', 'start-at', 'controls', 'lang', 'editable']; }

  #handle = null;

  connectedCallback() { this.#mount(); }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#handle || before === after) return;
    // Other data loads into the same instance, so that data that cannot be
    // loaded leaves the timeline on screen; without src, the default dataset.
    if (name === 'src' && after) this.#handle.load({ url: new URL(after, document.baseURI).href });
    else if (name === 'src') this.#mount();
    else if (name === 'start-at') this.#handle.select(after || null);
    else this.#handle.setOptions(this.#options());
  }

  /** The handle of the current instance, for scripts that want the JS API. */
  get handle() { return this.#handle; }

  #options() {
    return {
      theme: this.getAttribute('theme') || 'light',
      startAt: this.getAttribute('start-at') || undefined,
      hideControls: this.getAttribute('controls') === '0',
      language: this.getAttribute('lang') || undefined,
      // Read-only unless the host opts in.
      editable: this.hasAttribute('editable') && this.getAttribute('editable') !== 'false',
    };
  }

  #mount() {
    this.#handle?.destroy();
    const src = this.getAttribute('src');
    this.#handle = mount(this, { url: src ? new URL(src, document.baseURI).href : undefined, options: this.#options() });
    this.#handle.on('select', (id) => this.dispatchEvent(new CustomEvent('annals-select', { detail: { id }, bubbles: true })));
    this.#handle.on('change', (data) => this.dispatchEvent(new CustomEvent('annals-change', { detail: { data }, bubbles: true })));
  }
}

if (!customElements.get('annals-timeline')) customElements.define('annals-timeline', AnnalsTimeline);

globalThis.annals = { mount };
globalThis.dispatchEvent(new CustomEvent('annals-ready', { detail: { mount } }));
