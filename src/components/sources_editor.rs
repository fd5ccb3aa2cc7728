//! The event form's list of sources: title, link and publisher of each.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_ids;
use crate::i18n::Msg;
use crate::model::edit::SourceFields;

/// Props of [`SourcesEditor`].
#[derive(Properties, PartialEq)]
pub struct SourcesEditorProps {
    /// The sources as typed.
    pub sources: Vec<SourceFields>,
    /// Called with the whole list after each change.
    pub on_change: Callback<Vec<SourceFields>>,
}

/// Edits a list of sources: add, change, remove.
#[component]
pub fn SourcesEditor(props: &SourcesEditorProps) -> Html {
    let ids = use_ids();
    let l = super::use_annals().locale();
    let change = |i: usize, set: fn(&mut SourceFields, String)| {
        let sources = props.sources.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let mut sources = sources.clone();
            if let Some(source) = sources.get_mut(i) {
                set(
                    source,
                    e.target_unchecked_into::<HtmlInputElement>().value(),
                );
            }
            on_change.emit(sources);
        })
    };
    let remove = |i: usize| {
        let sources = props.sources.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut sources = sources.clone();
            sources.remove(i);
            on_change.emit(sources);
        })
    };
    let add = {
        let sources = props.sources.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut sources = sources.clone();
            sources.push(SourceFields::default());
            on_change.emit(sources);
        })
    };
    let input =
        |i: usize, name: &str, label: &str, value: &str, set: fn(&mut SourceFields, String)| {
            let id = ids.id(&format!("edit-source-{i}-{name}"));
            html! {
                <div class="annals-field">
                    <label for={id.clone()}>{ label.to_owned() }</label>
                    <input {id} type="text" value={value.to_owned()} oninput={change(i, set)} />
                </div>
            }
        };
    html! {
        <fieldset class="annals-fieldset">
            <legend>{ l.t(Msg::Sources) }</legend>
            { for props.sources.iter().enumerate().map(|(i, s)| html! {
                <div class="annals-field-row annals-source-fields">
                    { input(i, "title", l.t(Msg::SourceTitle), &s.title, |s, v| s.title = v) }
                    { input(i, "url", l.t(Msg::SourceLink), &s.url, |s, v| s.url = v) }
                    { input(i, "publisher", l.t(Msg::SourcePublisher), &s.publisher, |s, v| s.publisher = v) }
                    <button type="button" class="annals-button" aria-label={l.f(Msg::RemoveSource, &[("n", &(i + 1))])} onclick={remove(i)}>{ l.t(Msg::Remove) }</button>
                </div>
            }) }
            <button type="button" class="annals-button" onclick={add}>{ l.t(Msg::AddSource) }</button>
        </fieldset>
    }
}
