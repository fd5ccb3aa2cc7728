//! The yew view: one component per file, each thin, reading the shared state
//! from context and dispatching [`crate::state::Action`]s.

mod app;
mod arrows;
mod axis;
mod card;
mod data_menu;
mod dataset_form;
mod density_strip;
mod draft_notice;
mod edit_bar;
mod event_form;
mod event_mark;
mod filter_panel;
mod help_dialog;
mod inline_style;
mod language_menu;
mod list_view;
mod load_status;
mod menu_button;
mod overview;
mod print_list;
mod problems;
mod related_picker;
mod rich_text;
mod search_box;
mod share_dialog;
mod share_menu;
mod sources_editor;
mod timeline;
mod toolbar;

pub use app::{App, AppProps};
pub use arrows::Arrows;
pub use axis::AxisView;
pub(crate) use card::source;
pub use card::Card;
pub use data_menu::DataMenu;
pub use dataset_form::DatasetForm;
pub use density_strip::DensityStrip;
pub use draft_notice::DraftNotice;
pub use edit_bar::EditBar;
pub(crate) use event_form::edit_event;
pub use event_form::EventForm;
pub use event_mark::EventMark;
pub use filter_panel::FilterPanel;
pub use help_dialog::HelpDialog;
pub use inline_style::InlineStyle;
pub use language_menu::LanguageMenu;
pub use list_view::ListView;
pub use load_status::LoadStatus;
pub use menu_button::{MenuButton, MenuItem};
pub use overview::Overview;
pub use print_list::PrintList;
pub use problems::ProblemsPanel;
pub use related_picker::RelatedPicker;
pub use rich_text::RichText;
pub use search_box::SearchBox;
pub use share_dialog::ShareDialog;
pub use share_menu::ShareMenu;
pub use sources_editor::SourcesEditor;
pub use timeline::Timeline;
pub use toolbar::Toolbar;

use yew::prelude::*;

use std::rc::Rc;

use crate::config::Config;
use crate::state::State;

use crate::model::Event;

/// An event's title in the reader's language.
pub(crate) fn title_in(event: &Event, lang: &str) -> String {
    event.title.get(lang).to_owned()
}

/// A memo dependency that compares an `Rc` by identity and keeps it alive.
/// Keying a memo on a bare pointer is unsound: yew drops an outdated memo
/// before computing the new one, so the new value can land at the old address
/// and a memo keyed on that address would never see the change.
pub(crate) struct Same<T>(pub std::rc::Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What activating a cluster or a stretch of a density lane does: the view
/// zooms to its range, with a tenth of it as margin.
pub(crate) fn zoom_into(state: &StateHandle, start: crate::model::Days, end: crate::model::Days) {
    state.dispatch(crate::state::Action::SetView(
        state.warp.fit(start, end, 0.1),
    ));
}

/// A keydown handler for panels and dialogs: Escape closes this one (and
/// stops there, so an open card underneath stays open).
pub(crate) fn close_on_escape(on_close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            on_close.emit(());
        }
    })
}

/// This instance's element ids: each instance has its own prefix, so that
/// several instances in one document (yew components side by side) never
/// share an id, and `for`, `aria-labelledby` and `aria-describedby` point
/// into the right one.
#[derive(Clone, PartialEq)]
pub(crate) struct Ids(Rc<str>);

impl Ids {
    /// A prefix no other instance in this document has.
    pub(crate) fn unique() -> Ids {
        thread_local! {
            static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
        }
        let n = NEXT.with(|next| next.replace(next.get() + 1));
        Ids(Rc::from(format!("annals-{n}-")))
    }

    /// The id of the element called `name` in this instance.
    pub(crate) fn id(&self, name: &str) -> AttrValue {
        AttrValue::from(format!("{}{name}", self.0))
    }
}

/// This instance's element ids; every component below [`App`] can call this.
#[hook]
pub(crate) fn use_ids() -> Ids {
    use_context::<Ids>()
        .expect("annals components must be rendered inside <App>, which provides the ids")
}

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
    use_context::<StateHandle>()
        .expect("annals components must be rendered inside <App>, which provides the state")
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
    use_context::<Rc<Config>>()
        .expect("annals components must be rendered inside <App>, which provides the config")
}
