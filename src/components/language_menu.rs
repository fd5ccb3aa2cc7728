//! The language menu: the interface's languages, and any other language the
//! data is written in.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::i18n::{Locale, Msg};
use crate::model::Dataset;
use crate::state::Action;

/// Every language the dataset's texts are written in, in order. A sorted
/// list (there are a few languages), not a `BTreeSet`: a set type of its own
/// would be one more copy of the B-tree in the wasm.
fn data_languages(dataset: &Dataset) -> Vec<String> {
    let mut found: Vec<String> = vec![dataset.language.clone()];
    let texts = dataset
        .events
        .iter()
        .flat_map(|e| [&e.title, &e.summary])
        .chain(dataset.eras.iter().map(|e| &e.title))
        .chain([&dataset.title, &dataset.description]);
    for text in texts {
        for tag in text.translations.keys() {
            if let Err(at) = found.binary_search(tag) {
                found.insert(at, tag.clone());
            }
        }
    }
    found
}

/// The menu's choices, as (tag, name): the interface's languages by their
/// own names, then the data's other languages by their tags (the interface
/// speaks English in those, and the data its translation).
pub(crate) fn choices(dataset: &Dataset) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = Locale::all()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    for tag in data_languages(dataset) {
        if !tag.is_empty() && Locale::find(&tag).is_none_or(|l| !l.tag().eq_ignore_ascii_case(&tag))
        {
            choices.push((tag.clone(), tag));
        }
    }
    choices
}

/// A `<select>` of languages; choosing one switches the interface and the
/// data's texts, and keeps the open card and the view.
#[component]
pub fn LanguageMenu() -> Html {
    let state = use_annals();
    let id = use_ids().id("language");
    let choices = use_memo(super::Same(state.dataset.clone()), |d| choices(&d.0));
    let onchange = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            state.dispatch(Action::ChooseLanguage(select.value()));
        })
    };
    let l = state.locale();
    // The reader's tag, or the interface language it falls back to.
    let current = choices
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(&state.lang))
        .map_or(l.tag().to_owned(), |(tag, _)| tag.clone());
    html! {
        <span class="annals-language">
            <label for={id.clone()}>{ l.t(Msg::Language) }</label>
            <select id={id} {onchange}>
                { for choices.iter().map(|(tag, name)| html! {
                    <option value={tag.clone()} lang={tag.clone()} selected={*tag == current}>{ name.clone() }</option>
                }) }
            </select>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;

    #[test]
    fn the_menu_offers_the_interface_languages_then_the_data_ones() {
        let text = r#"{"language": "en", "events": [{"id": "a", "start": "1999",
            "title": {"en": "Treaty", "fr": "Traité", "ja": "条約"}}]}"#;
        let dataset = parse_dataset(text).unwrap().dataset;
        assert_eq!(
            choices(&dataset),
            [
                ("en".to_owned(), "English".to_owned()),
                ("ja".to_owned(), "日本語".to_owned()),
                ("fr".to_owned(), "fr".to_owned()),
            ]
        );
    }
}
