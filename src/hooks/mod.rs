//! Hooks that connect the view to the browser: measuring, pointer and wheel
//! input, focus management, and loading data. They turn DOM events into [`crate::state::Action`]s.

mod use_dismiss;
mod use_drafts;
mod use_element_width;
mod use_focus_management;
mod use_loader;
mod use_pan_zoom;
mod use_print;
mod use_url_sync;

pub use use_dismiss::use_dismiss;
pub(crate) use use_drafts::draft_key;
pub use use_drafts::use_drafts;
pub use use_element_width::use_element_width;
pub(crate) use use_focus_management::refocus_after_render;
pub use use_focus_management::{use_focus_management, use_focus_on_mount};
pub use use_loader::{use_loader, Loader};
pub use use_pan_zoom::use_pan_zoom;
pub use use_print::{printing, use_print};
pub use use_url_sync::use_url_sync;
