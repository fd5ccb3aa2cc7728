//! The edge: code that talks to the browser outside of yew's view.

pub mod panic;
