// Runs in <head>, before the page first paints (a classic blocking script,
// as loader.js is a deferred module).
//
// The theme: `?theme=` (light, dark, contrast or auto, as config.rs reads
// it) goes on <html> as data-annals-theme, so the whole page, and the
// prerendered timeline, has its colours from the first paint (annals.css).
//
// A page rendered ahead of time shows its own dataset's timeline in its own
// language (`<html lang>`):
// - opened with `?data=`, that timeline must not pass for the requested
//   file, so annals.css hides it (`annals-data-pending`) and shows a loading
//   line until the app replaces it;
// - read in another language (`?lang=`, else the first of the browser's
//   languages that annals speaks, as the app chooses), it must not flash in
//   the wrong language either, so it is hidden the same way
//   (`annals-lang-pending`), with the loading line in the reader's language,
//   until the app's root says it is ready.
// Without JavaScript none of this runs and the prerendered page reads as is.
(() => {
  const root = document.documentElement;
  // The app's code, which loader.js needs, starts downloading here, while the
  // page is still parsed: as a classic script after annals.css, this runs once
  // the stylesheet has arrived, so the wasm does not slow it down on a slow
  // link (as preload links in the markup would), and it is asked for well
  // before loader.js runs, after the whole page has been parsed.
  const here = document.currentScript && document.currentScript.src;
  if (here) {
    const module = document.createElement('link');
    module.rel = 'modulepreload';
    module.href = new URL('annals.js', here).href;
    const wasm = document.createElement('link');
    wasm.rel = 'preload';
    wasm.as = 'fetch';
    wasm.type = 'application/wasm';
    // As wasm-bindgen's init fetches it: cors mode, same-origin credentials.
    wasm.crossOrigin = 'anonymous';
    wasm.href = new URL('annals_bg.wasm', here).href;
    document.head.append(module, wasm);
  }
  const params = new URLSearchParams(location.search);
  const asked = (params.get('theme') || '').trim().toLowerCase();
  const theme = asked === 'high-contrast' ? 'contrast'
    : ['light', 'dark', 'contrast', 'auto'].includes(asked) ? asked : 'light';
  root.setAttribute('data-annals-theme', theme);
  if ((params.get('data') || '').trim()) {
    root.classList.add('annals-data-pending');
  }
  // The interface languages, src/i18n/*.toml (a test keeps this list true).
  var spoken = ['en', 'ja'];
  // The language annals speaks for a tag: the tag, or its primary language.
  const find = (tag) => {
    tag = String(tag).trim().toLowerCase();
    const primary = tag.split(/[-_]/)[0];
    if (spoken.includes(tag)) return tag;
    return spoken.includes(primary) ? primary : null;
  };
  const lang = (params.get('lang') || '').trim();
  let chosen = null;
  if (lang) {
    chosen = find(lang) || 'en';
  } else {
    const preferred = navigator.languages || [navigator.language || ''];
    for (const tag of preferred) {
      chosen = find(tag);
      if (chosen) break;
    }
    chosen = chosen || 'en';
  }
  const shown = find(root.lang || 'en') || 'en';
  if (chosen !== shown) {
    root.classList.add('annals-lang-pending');
    root.setAttribute('data-annals-pending-lang', chosen);
    // The app's own first frames settle (measured, its data loaded) out of
    // sight too; once its root says it is ready, the page is the reader's.
    const observer = new MutationObserver(() => {
      if (document.querySelector('#annals > [data-annals-root][data-ready="true"]')) {
        root.classList.remove('annals-lang-pending');
        observer.disconnect();
      }
    });
    observer.observe(root, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'],
    });
  }
})();
