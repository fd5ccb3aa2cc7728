//! The "Share" menu of the standalone page: copy the link to the current
//! view, or open the Share / Embed dialog.

use web_sys::HtmlElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{use_annals, MenuButton, MenuItem, ShareDialog};
use crate::browser::clipboard::copy_text;
use crate::browser::url;
use crate::i18n::Msg;

/// "Copy link" copies the link to the current view; if the clipboard is not
/// available, the link shows selected so the reader can copy it by hand.
/// "Embed…" opens the dialog with the link and the iframe snippet; closing
/// it returns focus to the menu's button.
#[component]
pub fn ShareMenu() -> Html {
    let l = use_annals().locale();
    let status = use_state(|| None::<Result<(), String>>);
    let dialog_open = use_state(|| false);
    let button = use_node_ref();
    let copy = {
        let status = status.clone();
        Callback::from(move |()| {
            let Some(link) = url::href() else { return };
            let status = status.clone();
            spawn_local(async move {
                let copied = copy_text(&link).await;
                status.set(Some(if copied { Ok(()) } else { Err(link) }));
            });
        })
    };
    let embed = {
        let dialog_open = dialog_open.clone();
        Callback::from(move |()| dialog_open.set(true))
    };
    let close_dialog = {
        let dialog_open = dialog_open.clone();
        let button = button.clone();
        Callback::from(move |()| {
            dialog_open.set(false);
            if let Some(button) = button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let items = vec![
        MenuItem::new(l.t(Msg::CopyLink), copy),
        MenuItem::new(l.t(Msg::Embed), embed),
    ];
    html! {
        <span class="annals-share-menu">
            <MenuButton label={l.t(Msg::ShareMenu)} name="share" {items} button_ref={button} />
            { match &*status {
                Some(Ok(())) => html! { <span class="annals-copied" role="status">{ l.t(Msg::LinkCopied) }</span> },
                Some(Err(link)) => html! {
                    <input class="annals-link-text" readonly=true value={link.clone()} aria-label={l.t(Msg::LinkToView)} />
                },
                None => html! {},
            } }
            if *dialog_open {
                <ShareDialog on_close={close_dialog} />
            }
        </span>
    }
}
