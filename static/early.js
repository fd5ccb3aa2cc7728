// Runs in <head>, before the page first paints (a classic blocking script,
// as loader.js is a deferred module). A page rendered ahead of time shows
// its own dataset's timeline in its own language (`<html lang>`):
// - opened with `?data=`, that timeline must not pass for the requested
//   file, so annals.css hides it (`annals-data-pending`) and shows a loading
//   line until the app replaces it;
// - read in another language (`?lang=`, else the first of the browser's
//   languages that annals speaks, as the app chooses), it must not flash in
//   the wrong language either, so it is hidden the same way
//   (`annals-lang-pending`), with the loading line in the reader's language.
// Without JavaScript none of this runs and the prerendered page reads as is.
(function () {
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  if ((params.get('data') || '').trim()) {
    root.classList.add('annals-data-pending');
  }
  // The interface languages, src/i18n/*.toml (a test keeps this list true).
  var spoken = ['en', 'ja'];
  // The language annals speaks for a tag: the tag, or its primary language.
  var find = function (tag) {
    tag = String(tag).trim().toLowerCase();
    var primary = tag.split(/[-_]/)[0];
    if (spoken.indexOf(tag) >= 0) return tag;
    return spoken.indexOf(primary) >= 0 ? primary : null;
  };
  var asked = (params.get('lang') || '').trim();
  var chosen = null;
  if (asked) {
    chosen = find(asked) || 'en';
  } else {
    var preferred = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < preferred.length && !chosen; i++) chosen = find(preferred[i]);
    chosen = chosen || 'en';
  }
  var shown = find(root.lang || 'en') || 'en';
  if (chosen !== shown) {
    root.classList.add('annals-lang-pending');
    root.setAttribute('data-annals-pending-lang', chosen);
    // The app's own first frames settle (measured, its data loaded) out of
    // sight too; once its root says it is ready, the page is the reader's.
    var observer = new MutationObserver(function () {
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
