//! The list view: the same filtered events as a chronological list.

use yew::prelude::*;

use super::use_annals;
use crate::i18n::Msg;
use crate::state::Action;

/// Entries shown at first, and added by each "Show more": the list stays a
/// bounded number of DOM nodes however large the dataset.
const PAGE: usize = 200;

/// Every visible event in date order, each a button that opens its card,
/// a page at a time.
#[component]
pub fn ListView() -> Html {
    let state = use_annals();
    let limit = use_state(|| PAGE);
    let matched = crate::search::matched(&state.hits, state.dataset.events.len());
    // The open event is always listed, even past the current page.
    let open_position = state
        .open
        .and_then(|i| state.visible.binary_search(&i).ok());
    let shown = (*limit)
        .max(open_position.map_or(0, |p| p + 1))
        .min(state.visible.len());
    let l = state.locale();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(shown + PAGE))
    };
    html! {
        <section class="annals-list" aria-label={l.f(Msg::ListLabel, &[("count", &l.count(state.visible.len()))])}>
            if state.visible.is_empty() {
                <p class="annals-empty-list">{ l.t(Msg::ListEmpty) }</p>
            }
            <ol>
                { for state.visible[..shown].iter().map(|&index| {
                    let event = &state.dataset.events[index];
                    let onclick = {
                        let state = state.clone();
                        Callback::from(move |_: MouseEvent| state.dispatch(Action::Open(index)))
                    };
                    html! {
                        <li class={classes!(format!("annals-status-{}", event.status.name()), matched.get(index).copied().unwrap_or(false).then_some("annals-match"))}>
                            <button type="button" class="annals-list-item" data-list-event-id={event.id.clone()}
                                aria-expanded={(state.open == Some(index)).to_string()} {onclick}>
                                <span class="annals-list-date">{ event.date_text(&state.lang) }</span>
                                <span class="annals-badge">{ l.status(event.status) }</span>
                                <span class="annals-list-title">{ super::title_in(event, &state.lang) }</span>
                                <span class="annals-list-lane">{ state.dataset.lanes[event.lane].label.get(&state.lang).to_owned() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if shown < state.visible.len() {
                <div class="annals-list-more">
                    <span>{ l.f(Msg::ShowingOf, &[("shown", &l.count(shown)), ("total", &l.count(state.visible.len()))]) }</span>
                    <button type="button" class="annals-button" onclick={more}>
                        { l.f(Msg::ShowMore, &[("count", &l.count(PAGE.min(state.visible.len() - shown)))]) }
                    </button>
                </div>
            }
        </section>
    }
}
