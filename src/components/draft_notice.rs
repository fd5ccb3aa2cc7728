//! The notice that edits from an earlier visit were brought back, with a
//! way to throw them away.

use yew::platform::spawn_local;
use yew::prelude::*;

use super::{use_annals, use_config};
use crate::browser::drafts;
use crate::editing::EditAction;
use crate::hooks::draft_key;
use crate::i18n::Msg;
use crate::state::Action;

/// Shown while a restored draft replaces the loaded data.
#[component]
pub fn DraftNotice() -> Html {
    let state = use_annals();
    let config = use_config();
    if state.editing.before_draft.is_none() {
        return html! {};
    }
    let discard = {
        let state = state.clone();
        let key = draft_key(&config);
        Callback::from(move |_: MouseEvent| {
            let key = key.clone();
            spawn_local(async move {
                if let Err(problem) = drafts::discard(&key).await {
                    gloo::console::warn!(format!("drafts: {problem}"));
                }
            });
            state.dispatch(Action::Edit(EditAction::DiscardDraft));
        })
    };
    let keep = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(EditAction::KeepDraft)))
    };
    let l = state.locale();
    html! {
        <div class="annals-draft-notice" role="status" data-draft-notice="">
            <p>{ l.t(Msg::DraftRestored) }</p>
            <button type="button" class="annals-button" onclick={keep}>{ l.t(Msg::KeepEditing) }</button>
            <button type="button" class="annals-button" data-draft-discard="" onclick={discard}>{ l.t(Msg::DiscardEdits) }</button>
        </div>
    }
}
