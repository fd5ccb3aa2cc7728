//! The keyboard shortcuts dialog, opened with `?`.

use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::hooks::use_focus_on_mount;
use crate::state::Action;

const SHORTCUTS: [(&str, &str); 14] = [
    (
        "Tab",
        "Move into the timeline, then to the card and controls",
    ),
    (
        "\u{2190} \u{2192} \u{2191} \u{2193}",
        "Previous / next event in date order",
    ),
    ("Home / End", "First / last event"),
    ("Enter or Space", "Open the event's card"),
    ("Escape", "Close the card or this dialog"),
    ("+ / -", "Zoom in / out around the focused event"),
    ("Mouse wheel, pinch", "Zoom at the pointer"),
    ("Drag, swipe", "Pan"),
    ("Double-click", "Zoom in at that point"),
    ("?", "Show this list"),
    (
        "Alt+\u{2190} / Alt+\u{2192}",
        "In edit mode: move the focused event by one unit of its date",
    ),
    (
        "Alt+\u{2191} / Alt+\u{2193}",
        "In edit mode: move the focused event to the lane above or below",
    ),
    (
        "Alt+Shift+\u{2190} / \u{2192}",
        "In edit mode: move the focused event's end",
    ),
    ("Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", "In edit mode: undo, redo"),
];

/// A modal dialog listing every shortcut; Escape or Close returns focus.
#[component]
pub fn HelpDialog() -> Html {
    let state = use_annals();
    let title_id = use_ids().id("help-title");
    let close_button = use_node_ref();
    use_focus_on_mount(close_button.clone());
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetHelp(false)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                state.dispatch(Action::SetHelp(false));
            } else if event.key() == "Tab" {
                // One focusable control: keep focus inside the dialog.
                event.prevent_default();
            }
        })
    };
    html! {
        <div class="annals-dialog-backdrop">
            <div class="annals-dialog" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()} {onkeydown}>
                <h2 id={title_id}>{ "Keyboard shortcuts" }</h2>
                <dl class="annals-shortcuts">
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                    }) }
                </dl>
                <button type="button" class="annals-button annals-primary" ref={close_button} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
