//! The Edit button, and in edit mode the tools beside it: add an event,
//! the timeline's details, undo and redo.

use yew::prelude::*;

use super::use_annals;
use crate::editing::{EditAction, Panel};
use crate::i18n::Msg;
use crate::state::Action;

/// The toolbar's edit controls (only shown when the instance is editable).
#[component]
pub fn EditBar() -> Html {
    let state = use_annals();
    let editing = &state.editing;
    let dispatch = |action: EditAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(action.clone())))
    };
    let history = &editing.history;
    let l = state.locale();
    let undo_label = match history.next_undo() {
        Some(what) => l.f(Msg::UndoWhat, &[("what", &what)]),
        None => l.t(Msg::NothingToUndo).to_owned(),
    };
    let redo_label = match history.next_redo() {
        Some(what) => l.f(Msg::RedoWhat, &[("what", &what)]),
        None => l.t(Msg::NothingToRedo).to_owned(),
    };
    html! {
        <div class="annals-edit-bar" role="group" aria-label={l.t(Msg::EditingGroup)}>
            <button type="button" class="annals-button" aria-pressed={editing.on.to_string()}
                data-edit-toggle="" onclick={dispatch(EditAction::SetOn(!editing.on))}>
                { l.t(Msg::EditMode) }
            </button>
            if editing.on {
                <button type="button" class="annals-button" data-edit-add=""
                    onclick={dispatch(EditAction::ShowPanel(Some(Panel::NewEvent)))}>{ l.t(Msg::AddEvent) }</button>
                <button type="button" class="annals-button"
                    onclick={dispatch(EditAction::ShowPanel(Some(Panel::Dataset)))}>{ l.t(Msg::EditDataset) }</button>
                <button type="button" class="annals-button" aria-label={undo_label.clone()} title={undo_label}
                    data-edit-undo="" disabled={!history.can_undo()} onclick={dispatch(EditAction::Undo)}>{ format!("\u{21b6} {}", l.t(Msg::Undo)) }</button>
                <button type="button" class="annals-button" aria-label={redo_label.clone()} title={redo_label}
                    data-edit-redo="" disabled={!history.can_redo()} onclick={dispatch(EditAction::Redo)}>{ format!("\u{21b7} {}", l.t(Msg::Redo)) }</button>
            }
        </div>
    }
}
