//! annals: an in-browser timeline visualizer.
//!
//! The crate is layered (see ARCHITECTURE.md): [`model`] and [`layout`] are the
//! pure core, [`state`] is the reducer the view reads, [`components`] and
//! [`hooks`] are the yew view, and [`browser`] is the edge that touches the
//! DOM outside of yew.

pub mod browser;
pub mod components;
pub mod config;
pub mod embed;
pub mod hooks;
pub mod layout;
pub mod model;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod search;
pub mod state;
pub mod url_state;

pub use components::{App, AppProps};
pub use config::{Config, Theme};
pub use embed::{Timeline, TimelineProps};

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
