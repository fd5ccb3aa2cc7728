// Runs in <head>, before the page first paints (a classic blocking script,
// as loader.js is a deferred module). A page rendered ahead of time shows
// its own dataset's timeline; opened with `?data=`, that timeline must not
// pass for the requested file, so annals.css hides it (`data-prerendered`)
// and shows a loading line until the app replaces it.
if ((new URLSearchParams(location.search).get('data') || '').trim()) {
  document.documentElement.classList.add('annals-data-pending');
}
