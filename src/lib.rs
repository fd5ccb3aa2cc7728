//! annals: an in-browser timeline visualizer.
//!
//! The crate is layered (see ARCHITECTURE.md): [`model`] and [`layout`] are the
//! pure core, `state` is the reducer the view reads, `components` and
//! `hooks` are the yew view, and `browser` is the edge that touches the
//! DOM outside of yew.

//!
//! The public API is what embedders and the crate's own tests, benchmarks
//! and fuzz targets use: the yew [`Timeline`] component (and [`App`], the
//! whole page), [`Config`] and [`Theme`], the [`model`] types and parsers,
//! the parts of [`layout`] the benchmarks measure, and [`embed`] (the
//! component and the JS API the wasm binary exports). Everything else is
//! `pub(crate)`.

pub(crate) mod browser;
pub(crate) mod components;
pub mod config;
pub(crate) mod editing;
pub mod embed;
pub(crate) mod hooks;
pub mod i18n;
pub mod layout;
pub mod model;
pub(crate) mod order;
#[cfg(feature = "ssr")]
pub mod prerender;
pub(crate) mod search;
pub(crate) mod state;
pub(crate) mod url_state;

pub use components::{App, AppProps};
pub use config::{Config, Theme};
pub use embed::{Timeline, TimelineProps, STYLESHEET};

/// Shows the crash screen with `message`, as a panic would. Only for the
/// component tests (`tests/web.rs`), which live outside the crate.
#[doc(hidden)]
pub use browser::panic::show_panic_screen;

/// Mounts the standalone page into the element with id `annals`, or into
/// `<body>`: it owns the page's URL (see [`Config`]).
pub fn start() {
    start_with(Config::default());
}

/// Like [`start`], with settings: the single-file build passes its inlined data.
pub fn start_with(config: Config) {
    browser::panic::install();
    let props = AppProps { config };
    let mount = gloo::utils::document().get_element_by_id("annals");
    match mount {
        Some(element) => yew::Renderer::<App>::with_root_and_props(element, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
