//! The list view: the same filtered events as a chronological list.

use yew::prelude::*;

use super::use_annals;
use crate::state::Action;

/// Every visible event in date order, each a button that opens its card.
#[component]
pub fn ListView() -> Html {
    let state = use_annals();
    let matched: std::collections::HashSet<usize> = state.hits.iter().map(|h| h.index).collect();
    html! {
        <section class="annals-list" aria-label={format!("List of {} events", state.visible.len())}>
            if state.visible.is_empty() {
                <p class="annals-empty-list">{ "No events match the filters." }</p>
            }
            <ol>
                { for state.visible.iter().map(|&index| {
                    let event = &state.dataset.events[index];
                    let onclick = {
                        let state = state.clone();
                        Callback::from(move |_: MouseEvent| state.dispatch(Action::Open(index)))
                    };
                    html! {
                        <li class={classes!(format!("annals-status-{}", event.status.name()), matched.contains(&index).then_some("annals-match"))}>
                            <button type="button" class="annals-list-item" data-list-event-id={event.id.clone()}
                                aria-expanded={(state.open == Some(index)).to_string()} {onclick}>
                                <span class="annals-list-date">{ event.date_text() }</span>
                                <span class="annals-badge">{ event.status.name() }</span>
                                <span class="annals-list-title">{ super::title_in(event, &state.lang) }</span>
                                <span class="annals-list-lane">{ state.dataset.lanes[event.lane].label.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
