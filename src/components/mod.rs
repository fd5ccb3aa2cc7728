//! The yew view: one component per file, each thin, reading the shared state
//! from context and dispatching [`crate::state::Action`]s.

mod app;
mod axis;
mod card;
mod copy_link;
mod data_menu;
mod event_mark;
mod filter_panel;
mod help_dialog;
mod list_view;
mod load_status;
mod problems;
mod search_box;
mod share_dialog;
mod timeline;
mod toolbar;

pub use app::{App, AppProps};
pub use axis::AxisView;
pub use card::Card;
pub use copy_link::CopyLink;
pub use data_menu::{DataMenu, PastePanel};
pub use event_mark::EventMark;
pub use filter_panel::FilterPanel;
pub use help_dialog::HelpDialog;
pub use list_view::ListView;
pub use load_status::LoadStatus;
pub use problems::ProblemsPanel;
pub use search_box::SearchBox;
pub use share_dialog::ShareDialog;
pub use timeline::Timeline;
pub use toolbar::Toolbar;

use yew::prelude::*;

use std::rc::Rc;

use crate::config::Config;
use crate::state::State;

/// The shared state as components receive it from context.
pub type StateHandle = UseReducerHandle<State>;

/// The shared state; every component below [`App`] can call this.
///
/// # Example
/// ```text
/// let state = use_annals();
/// state.dispatch(Action::Fit);
/// ```
#[hook]
pub fn use_annals() -> StateHandle {
    use_context::<StateHandle>().expect("annals components must be rendered inside <App>, which provides the state")
}

/// The instance's settings; every component below [`App`] can call this.
///
/// # Example
/// ```text
/// let config = use_config();
/// if config.url_sync { /* the standalone page */ }
/// ```
#[hook]
pub fn use_config() -> Rc<Config> {
    use_context::<Rc<Config>>().expect("annals components must be rendered inside <App>, which provides the config")
}
