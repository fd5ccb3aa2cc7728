//! The keyboard shortcuts dialog, opened with `?`.

use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::hooks::use_focus_on_mount;
use crate::i18n::Msg;
use crate::state::Action;

/// Each shortcut: its keys (a message, or as written when the keys read
/// the same in every language) and what it does.
const SHORTCUTS: [(Keys, Msg); 14] = [
    (Keys::Msg(Msg::KeyTab), Msg::DoesTab),
    (
        Keys::Fixed("\u{2190} \u{2192} \u{2191} \u{2193}"),
        Msg::DoesArrows,
    ),
    (Keys::Msg(Msg::KeyHomeEnd), Msg::DoesHomeEnd),
    (Keys::Msg(Msg::KeyEnter), Msg::DoesEnter),
    (Keys::Msg(Msg::KeyEscape), Msg::DoesEscape),
    (Keys::Fixed("+ / -"), Msg::DoesZoomKeys),
    (Keys::Msg(Msg::KeyWheel), Msg::DoesWheel),
    (Keys::Msg(Msg::KeyDrag), Msg::DoesDrag),
    (Keys::Msg(Msg::KeyDoubleClick), Msg::DoesDoubleClick),
    (Keys::Fixed("?"), Msg::DoesHelp),
    (
        Keys::Fixed("Alt+\u{2190} / Alt+\u{2192}"),
        Msg::DoesAltArrows,
    ),
    (
        Keys::Fixed("Alt+\u{2191} / Alt+\u{2193}"),
        Msg::DoesAltUpDown,
    ),
    (
        Keys::Fixed("Alt+Shift+\u{2190} / \u{2192}"),
        Msg::DoesAltShiftArrows,
    ),
    (
        Keys::Fixed("Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y"),
        Msg::DoesUndoRedo,
    ),
];

/// How a shortcut's keys are named.
enum Keys {
    /// In the reader's language.
    Msg(Msg),
    /// The same in every language.
    Fixed(&'static str),
}

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
    let l = state.locale();
    html! {
        <div class="annals-dialog-backdrop">
            <div class="annals-dialog" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()} {onkeydown}>
                <h2 id={title_id}>{ l.t(Msg::Shortcuts) }</h2>
                <dl class="annals-shortcuts">
                    { for SHORTCUTS.iter().map(|(keys, what)| {
                        let keys = match keys {
                            Keys::Msg(msg) => l.t(*msg),
                            Keys::Fixed(keys) => keys,
                        };
                        html! { <><dt><kbd>{ keys }</kbd></dt><dd>{ l.t(*what) }</dd></> }
                    }) }
                </dl>
                <button type="button" class="annals-button annals-primary" ref={close_button} onclick={close}>{ l.t(Msg::Close) }</button>
            </div>
        </div>
    }
}
