//! annals: an in-browser timeline visualizer.
//!
//! The crate is layered (see ARCHITECTURE.md): [`model`] and [`layout`] are the
//! pure core, [`state`] is the reducer the view reads, `components` and
//! `hooks` are the yew view, and `browser` is the edge that touches the DOM.

pub mod layout;
pub mod model;
