//! Filters by lane, theme and status, each with its count.

use yew::prelude::*;

use super::{use_annals, use_ids};
use crate::i18n::Msg;
use crate::search::filter_counts;
use crate::state::Action;

/// Props of [`FilterPanel`].
#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    /// Called when the reader closes the panel.
    pub on_close: Callback<()>,
}

/// Checkboxes for every lane, theme and status: unchecking hides those events
/// from the timeline, the list and the keyboard order.
#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let state = use_annals();
    let ids = use_ids();
    let counts = use_memo(super::Same(state.dataset.clone()), {
        let dataset = state.dataset.clone();
        move |_| filter_counts(&dataset)
    });
    let toggle = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(action.clone()))
    };
    let check = |id: AttrValue, label: String, count: usize, shown: bool, action: Action| {
        html! {
            <li>
                <input type="checkbox" id={id.clone()} checked={shown} onchange={toggle(action)} />
                <label for={id}>{ label }<span class="annals-count">{ format!(" ({count})") }</span></label>
            </li>
        }
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ClearFilters))
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let f = &state.filters;
    let l = state.locale();
    html! {
        <section class="annals-filters" aria-label={l.t(Msg::Filters)}>
            <fieldset>
                <legend>{ l.t(Msg::Lanes) }</legend>
                <ul>
                    { for state.dataset.lanes.iter().enumerate().map(|(i, lane)| check(
                        ids.id(&format!("filter-lane-{i}")), lane.label.get(&state.lang).to_owned(), counts.lanes[i], !f.lanes.contains(&i), Action::ToggleLane(i))) }
                </ul>
            </fieldset>
            <fieldset>
                <legend>{ l.t(Msg::Themes) }</legend>
                <ul>
                    { for counts.tags.iter().enumerate().map(|(i, (tag, n))| check(
                        ids.id(&format!("filter-tag-{i}")), state.dataset.theme_label(tag, &state.lang).to_owned(), *n, !f.tags.contains(tag), Action::ToggleTag(tag.clone()))) }
                </ul>
            </fieldset>
            <fieldset>
                <legend>{ l.t(Msg::Status) }</legend>
                <ul>
                    { for counts.statuses.iter().map(|(status, n)| check(
                        ids.id(&format!("filter-status-{}", status.name())), l.status(*status).to_owned(), *n,
                        !f.statuses.contains(status), Action::ToggleStatus(*status))) }
                </ul>
            </fieldset>
            <div class="annals-filter-actions">
                <p class="annals-filter-summary">{ l.f(Msg::ShowingOf, &[("shown", &l.count(state.visible.len())), ("total", &l.count(state.dataset.events.len()))]) }</p>
                <button type="button" class="annals-button" disabled={f.is_empty()} onclick={clear}>{ l.t(Msg::ShowAll) }</button>
                <button type="button" class="annals-button" onclick={close}>{ l.t(Msg::Close) }</button>
            </div>
        </section>
    }
}
