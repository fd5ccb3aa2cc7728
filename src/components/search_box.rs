//! Incremental, ranked search with its list of results.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::i18n::Msg;
use crate::state::Action;

/// How many results are listed under the search box.
const LISTED: usize = 8;

/// A search field: matches are listed here and highlighted on the timeline;
/// Enter opens the best one, the down arrow moves into the list.
#[component]
pub fn SearchBox() -> Html {
    let state = use_annals();
    let ids = use_ids();
    let (input_id, count_id) = (ids.id("search-input"), ids.id("search-count"));
    let list = use_node_ref();
    let oninput = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::SetQuery(input.value()));
        })
    };
    let onkeydown = {
        let state = state.clone();
        let list = list.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                if let Some(hit) = state.hits.first() {
                    event.prevent_default();
                    state.dispatch(Action::Open(hit.index));
                }
            }
            "ArrowDown" => {
                if let Some(first) = list
                    .cast::<web_sys::Element>()
                    .and_then(|l| l.query_selector("button").ok().flatten())
                {
                    event.prevent_default();
                    let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            "Escape" if !state.query.is_empty() => {
                event.stop_propagation();
                state.dispatch(Action::SetQuery(String::new()));
            }
            _ => {}
        })
    };
    let onlistkey = Callback::from(|event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        event.prevent_default();
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let Some(current) = crate::browser::dom::active_element(&target) else {
            return;
        };
        let Some(item) = current.parent_element() else {
            return;
        };
        let sibling = if step > 0 {
            item.next_element_sibling()
        } else {
            item.previous_element_sibling()
        };
        if let Some(button) = sibling.and_then(|s| s.query_selector("button").ok().flatten()) {
            let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let l = state.locale();
    let searching = !state.query.trim().is_empty();
    let count = state.hits.len();
    html! {
        <div class="annals-search" role="search">
            <label class="annals-visually-hidden" for={input_id.clone()}>{ l.t(Msg::SearchLabel) }</label>
            <input id={input_id} type="search" placeholder={l.t(Msg::SearchLabel)}
                autocomplete="off" value={state.query.clone()} {oninput} {onkeydown}
                aria-describedby={count_id.clone()} />
            if searching {
                <div class="annals-search-results">
                    <p id={count_id} class="annals-search-count">
                        { match count { 0 => l.t(Msg::NoMatches).to_owned(), 1 => l.t(Msg::OneMatch).to_owned(), n => l.f(Msg::Matches, &[("count", &l.count(n))]) } }
                    </p>
                    <ul ref={list} aria-label={l.t(Msg::SearchResults)} onkeydown={onlistkey}>
                        { for state.hits.iter().take(LISTED).map(|hit| {
                            let event = &state.dataset.events[hit.index];
                            let index = hit.index;
                            let onclick = {
                                let state = state.clone();
                                Callback::from(move |_: MouseEvent| state.dispatch(Action::Open(index)))
                            };
                            html! {
                                <li>
                                    <button type="button" class="annals-search-result" {onclick}>
                                        <span class="annals-search-date">{ event.date_text(&state.lang) }</span>
                                        { super::title_in(event, &state.lang) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}

use wasm_bindgen::JsCast;
