//! The event form's related events: the chosen ones, and a search to add more.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{title_in, use_annals, use_ids};
use crate::i18n::Msg;
use crate::search::search;

/// How many matches the search offers at once.
const OFFERED: usize = 6;

/// Props of [`RelatedPicker`].
#[derive(Properties, PartialEq)]
pub struct RelatedPickerProps {
    /// Ids of the related events chosen so far.
    pub related: Vec<String>,
    /// The id of the event being edited, which is never offered.
    #[prop_or_default]
    pub own_id: Option<String>,
    /// The language titles are shown in.
    pub lang: String,
    /// Called with the whole list after each change.
    pub on_change: Callback<Vec<String>>,
}

/// Chooses related events by searching for them.
#[component]
pub fn RelatedPicker(props: &RelatedPickerProps) -> Html {
    let state = use_annals();
    let ids = use_ids();
    let query = use_state(String::new);
    let dataset = &state.dataset;
    let l = state.locale();
    let label = |id: &str| {
        dataset
            .index_of(id)
            .map(|i| {
                let e = &dataset.events[i];
                format!("{}: {}", e.date_text(&props.lang), title_in(e, &props.lang))
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let set = |related: Vec<String>| {
        let on_change = props.on_change.clone();
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            on_change.emit(related.clone());
            query.set(String::new());
        })
    };
    let offered: Vec<usize> = search(dataset, &query, &props.lang)
        .into_iter()
        .map(|h| h.index)
        .filter(|&i| {
            let id = &dataset.events[i].id;
            Some(id) != props.own_id.as_ref() && !props.related.contains(id)
        })
        .take(OFFERED)
        .collect();
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let search_id = ids.id("edit-related-search");
    html! {
        <fieldset class="annals-fieldset" data-field="related">
            <legend>{ l.t(Msg::RelatedEvents) }</legend>
            <ul class="annals-chosen">
                { for props.related.iter().map(|id| {
                    let rest: Vec<String> = props.related.iter().filter(|r| *r != id).cloned().collect();
                    html! {
                        <li>
                            { label(id) }
                            <button type="button" class="annals-link-button" aria-label={l.f(Msg::RemoveRelated, &[("event", &label(id))])} onclick={set(rest)}>{ l.t(Msg::Remove) }</button>
                        </li>
                    }
                }) }
            </ul>
            <label for={search_id.clone()}>{ l.t(Msg::FindRelated) }</label>
            <input id={search_id} type="search" value={(*query).clone()} {oninput} />
            if !offered.is_empty() {
                <ul class="annals-offered">
                    { for offered.iter().map(|&i| {
                        let id = dataset.events[i].id.clone();
                        let mut more = props.related.clone();
                        more.push(id.clone());
                        html! {
                            <li><button type="button" class="annals-link-button" onclick={set(more)}>{ l.f(Msg::AddRelated, &[("event", &label(&id))]) }</button></li>
                        }
                    }) }
                </ul>
            }
        </fieldset>
    }
}
