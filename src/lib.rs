//! annals: an in-browser timeline visualizer.
//!
//! The crate is layered (see ARCHITECTURE.md): [`model`] and [`layout`] are the
//! pure core, [`state`] is the reducer the view reads, [`components`] and
//! [`hooks`] are the yew view, and [`browser`] is the edge that touches the
//! DOM outside of yew.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod layout;
pub mod model;
pub mod search;
pub mod state;
pub mod url_state;

pub use components::App;

/// Mounts annals into the element with id `annals`, or into `<body>`.
pub fn start() {
    browser::panic::install();
    let mount = gloo::utils::document().get_element_by_id("annals");
    match mount {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
