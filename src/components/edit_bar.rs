//! The Edit button, and in edit mode the tools beside it: add an event,
//! the timeline's details, undo and redo.

use yew::prelude::*;

use super::use_annals;
use crate::editing::{EditAction, Panel};
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
    let undo_label = match history.next_undo() {
        Some(what) => format!("Undo: {what} (Ctrl+Z)"),
        None => "Nothing to undo".to_owned(),
    };
    let redo_label = match history.next_redo() {
        Some(what) => format!("Redo: {what} (Ctrl+Shift+Z)"),
        None => "Nothing to redo".to_owned(),
    };
    html! {
        <div class="annals-edit-bar" role="group" aria-label="Editing">
            <button type="button" class="annals-button" aria-pressed={editing.on.to_string()}
                data-edit-toggle="" onclick={dispatch(EditAction::SetOn(!editing.on))}>
                { "Edit" }
            </button>
            if editing.on {
                <button type="button" class="annals-button" data-edit-add=""
                    onclick={dispatch(EditAction::ShowPanel(Some(Panel::NewEvent)))}>{ "Add event" }</button>
                <button type="button" class="annals-button"
                    onclick={dispatch(EditAction::ShowPanel(Some(Panel::Dataset)))}>{ "Title, lanes, eras\u{2026}" }</button>
                <button type="button" class="annals-button" aria-label={undo_label.clone()} title={undo_label}
                    data-edit-undo="" disabled={!history.can_undo()} onclick={dispatch(EditAction::Undo)}>{ "\u{21b6} Undo" }</button>
                <button type="button" class="annals-button" aria-label={redo_label.clone()} title={redo_label}
                    data-edit-redo="" disabled={!history.can_redo()} onclick={dispatch(EditAction::Redo)}>{ "\u{21b7} Redo" }</button>
            }
        </div>
    }
}
