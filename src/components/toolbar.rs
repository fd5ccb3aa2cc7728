//! Zoom buttons and the legend.

use yew::prelude::*;

use web_sys::HtmlElement;

use super::{use_annals, use_config, CopyLink, DataMenu, FilterPanel, SearchBox, ShareDialog};
use crate::model::Status;
use crate::state::{Action, ZOOM_STEP};

/// Zoom, view switch, search, filters, data and sharing controls, and a
/// legend for the status styles.
#[component]
pub fn Toolbar() -> Html {
    let state = use_annals();
    let config = use_config();
    let filters_open = use_state(|| false);
    let share_open = use_state(|| false);
    let share_button = use_node_ref();
    let open_share = {
        let share_open = share_open.clone();
        Callback::from(move |_: MouseEvent| share_open.set(true))
    };
    let close_share = {
        let share_open = share_open.clone();
        let share_button = share_button.clone();
        Callback::from(move |()| {
            share_open.set(false);
            if let Some(button) = share_button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    let close_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |()| filters_open.set(false))
    };
    let hidden = state.dataset.events.len() - state.visible.len();
    let view_button = |list: bool, text: &'static str| {
        let pressed = (state.list_view == list).to_string();
        let state = state.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetListView(list)));
        html! {
            <button type="button" class="annals-button" aria-pressed={pressed} {onclick}>{ text }</button>
        }
    };
    let help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetHelp(true)))
    };
    let button = |label: &'static str, text: &'static str, action: Action| {
        let state = state.clone();
        let onclick = Callback::from(move |_| state.dispatch(action.clone()));
        html! {
            <button type="button" class="annals-button" aria-label={label} title={label} {onclick}>{ text }</button>
        }
    };
    // Walks every event: once per dataset, not once per frame.
    let present = use_memo(super::Same(state.dataset.clone()), |d| {
        Status::ALL
            .into_iter()
            .filter(|s| d.0.events.iter().any(|e| e.status == *s))
            .collect::<Vec<Status>>()
    });
    html! {
        <>
        <div class="annals-toolbar">
            <div class="annals-zoom" role="group" aria-label="Zoom">
                { button("Zoom in", "+", Action::Zoom(1.0 / ZOOM_STEP)) }
                { button("Zoom out", "\u{2212}", Action::Zoom(ZOOM_STEP)) }
                { button("Fit all events", "Fit", Action::Fit) }
            </div>
            <div class="annals-view-switch" role="group" aria-label="View">
                { view_button(false, "Timeline") }
                { view_button(true, "List") }
            </div>
            <SearchBox />
            <button type="button" class="annals-button" aria-expanded={filters_open.to_string()} onclick={toggle_filters}>
                { if hidden > 0 { format!("Filters ({hidden} hidden)") } else { "Filters".to_owned() } }
            </button>
            <DataMenu />
            // Only the standalone page owns its address; embedded instances have none to share.
            if config.url_sync {
                <CopyLink />
                <button type="button" class="annals-button" ref={share_button} aria-haspopup="dialog" onclick={open_share}>
                    { "Share / Embed" }
                </button>
            }
            <button type="button" class="annals-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onclick={help}>{ "?" }</button>
        </div>
        if *filters_open {
            <FilterPanel on_close={close_filters} />
        }
        if *share_open {
            <ShareDialog on_close={close_share} />
        }
        <div class="annals-legend-row">
            <ul class="annals-legend" aria-label="Legend">
                { for present.iter().copied().map(|status| html! {
                    <li class={classes!("annals-legend-item", format!("annals-status-{}", status.name()))}>
                        <span class="annals-legend-swatch" aria-hidden="true"></span>
                        { capitalised(status.name()) }
                    </li>
                }) }
            </ul>
            <p class="annals-hint">{ "Scroll to zoom, drag to pan, arrow keys move between events, ? lists every shortcut." }</p>
        </div>
        </>
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
