//! The copy-link button.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::clipboard::copy_text;
use crate::browser::url;
use crate::i18n::Msg;

use super::use_annals;

/// Copies the link to the current view; if the clipboard is not available,
/// shows the link selected so the reader can copy it by hand.
#[component]
pub fn CopyLink() -> Html {
    let l = use_annals().locale();
    let status = use_state(|| None::<Result<(), String>>);
    let onclick = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(link) = url::href() else { return };
            let status = status.clone();
            spawn_local(async move {
                let copied = copy_text(&link).await;
                status.set(Some(if copied { Ok(()) } else { Err(link) }));
            });
        })
    };
    html! {
        <span class="annals-copy-link">
            <button type="button" class="annals-button" {onclick}>{ l.t(Msg::CopyLink) }</button>
            { match &*status {
                Some(Ok(())) => html! { <span class="annals-copied" role="status">{ l.t(Msg::LinkCopied) }</span> },
                Some(Err(link)) => html! {
                    <input class="annals-link-text" readonly=true value={link.clone()} aria-label={l.t(Msg::LinkToView)} />
                },
                None => html! {},
            } }
        </span>
    }
}
