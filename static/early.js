// Runs in <head>, before the page first paints (a classic blocking script,
// as loader.js is a deferred module).
//
// The theme: `?theme=` (light, dark, contrast or auto, as config.rs reads
// it) goes on <html> as data-annals-theme, so the whole page, and the
// prerendered timeline, has its colours from the first paint (annals.css).
//
// A page rendered ahead of time shows its own dataset's timeline; opened
// with `?data=`, that timeline must not pass for the requested file, so
// annals.css hides it (`data-prerendered`) and shows a loading line until
// the app replaces it.
(() => {
  const params = new URLSearchParams(location.search);
  const asked = (params.get('theme') || '').trim().toLowerCase();
  const theme = asked === 'high-contrast' ? 'contrast'
    : ['light', 'dark', 'contrast', 'auto'].includes(asked) ? asked : 'light';
  document.documentElement.setAttribute('data-annals-theme', theme);
  if ((params.get('data') || '').trim()) {
    document.documentElement.classList.add('annals-data-pending');
  }
})();
