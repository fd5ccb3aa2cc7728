//! The Share / Embed dialog of the standalone page: a link to the current
//! view and a ready iframe snippet, each with a copy button.

use crate::browser::clipboard::copy_text;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::browser::url;
use crate::embed::iframe_snippet;
use crate::hooks::use_focus_on_mount;
use crate::i18n::Msg;

/// Properties of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// Called when the reader closes the dialog.
    pub on_close: Callback<()>,
}

/// Which text was copied last, for the confirmation.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Link,
    Snippet,
}

/// A modal dialog with the link and the embed code; Escape or Close closes it.
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let state = use_annals();
    let ids = use_ids();
    let (title_id, link_id, snippet_id) = (
        ids.id("share-title"),
        ids.id("share-link"),
        ids.id("share-snippet"),
    );
    let copied = use_state(|| None::<Result<Copied, Copied>>);
    let first = use_node_ref();
    use_focus_on_mount(first.clone());
    let link = url::href().unwrap_or_default();
    let l = state.locale();
    let title = match state.dataset.title.get(&state.lang) {
        "" => l.t(Msg::Untitled).to_owned(),
        title => title.to_owned(),
    };
    let snippet = iframe_snippet(&link, &title);
    let copy = |what: Copied, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            spawn_local(async move {
                let done = copy_text(&text).await;
                copied.set(Some(if done { Ok(what) } else { Err(what) }));
            });
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = super::close_on_escape(props.on_close.clone());
    let status = match *copied {
        Some(Ok(Copied::Link)) => l.t(Msg::LinkCopied),
        Some(Ok(Copied::Snippet)) => l.t(Msg::EmbedCodeCopied),
        Some(Err(_)) => l.t(Msg::CopyRefused),
        None => "",
    };
    // Edits live in this browser only: offer them as a file to host.
    let edited = state.editing.history.can_undo() || state.editing.unsaved;
    let download_edited = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let dataset = &state.dataset;
            let name = format!(
                "{}.json",
                crate::browser::download::file_stem(dataset.title.default_text())
            );
            let json = crate::model::to_native_json(dataset);
            match crate::browser::download::download(&name, "application/json", &json) {
                Ok(()) => state.dispatch(crate::state::Action::Edit(
                    crate::editing::EditAction::Exported,
                )),
                Err(problem) => gloo::console::error!(format!("export failed: {problem}")),
            }
        })
    };
    html! {
        <div class="annals-dialog-backdrop">
            <div class="annals-dialog annals-share" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()} {onkeydown}>
                <h2 id={title_id}>{ l.t(Msg::ShareTitle) }</h2>
                <label for={link_id.clone()}>{ l.t(Msg::Link) }</label>
                <div class="annals-share-row">
                    <input id={link_id} class="annals-share-text" ref={first} readonly=true value={link.clone()} />
                    <button type="button" class="annals-button" onclick={copy(Copied::Link, link)}>{ l.t(Msg::CopyTheLink) }</button>
                </div>
                <label for={snippet_id.clone()}>{ l.t(Msg::EmbedCode) }</label>
                <div class="annals-share-row">
                    <textarea id={snippet_id} class="annals-share-text" readonly=true rows="4" value={snippet.clone()} />
                    <button type="button" class="annals-button" onclick={copy(Copied::Snippet, snippet)}>{ l.t(Msg::CopyEmbedCode) }</button>
                </div>
                <p class="annals-share-note">
                    { l.t(Msg::ShareNote) }
                </p>
                if edited {
                    <p class="annals-share-note" data-share-edited="">
                        { l.t(Msg::ShareEdited) }{ " " }
                        <button type="button" class="annals-button" onclick={download_edited}>{ l.t(Msg::DownloadEdited) }</button>
                    </p>
                }
                <p class="annals-copied" role="status">{ status }</p>
                <button type="button" class="annals-button annals-primary" onclick={close}>{ l.t(Msg::Close) }</button>
            </div>
        </div>
    }
}
