//! Zoom buttons and the legend.

use yew::prelude::*;

use super::{use_annals, DataMenu};
use crate::model::Status;
use crate::state::{Action, ZOOM_STEP};

/// The +, - and Fit buttons, and a legend for the status styles.
#[component]
pub fn Toolbar() -> Html {
    let state = use_annals();
    let button = |label: &'static str, text: &'static str, action: Action| {
        let state = state.clone();
        let onclick = Callback::from(move |_| state.dispatch(action.clone()));
        html! {
            <button type="button" class="annals-button" aria-label={label} title={label} {onclick}>{ text }</button>
        }
    };
    let present: Vec<Status> =
        Status::ALL.into_iter().filter(|s| state.dataset.events.iter().any(|e| e.status == *s)).collect();
    html! {
        <div class="annals-toolbar">
            <div class="annals-zoom" role="group" aria-label="Zoom">
                { button("Zoom in", "+", Action::Zoom(1.0 / ZOOM_STEP)) }
                { button("Zoom out", "\u{2212}", Action::Zoom(ZOOM_STEP)) }
                { button("Fit all events", "Fit", Action::Fit) }
            </div>
            <ul class="annals-legend" aria-label="Legend">
                { for present.into_iter().map(|status| html! {
                    <li class={classes!("annals-legend-item", format!("annals-status-{}", status.name()))}>
                        <span class="annals-legend-swatch" aria-hidden="true"></span>
                        { capitalised(status.name()) }
                    </li>
                }) }
            </ul>
            <DataMenu />
            <p class="annals-hint">{ "Scroll to zoom, drag to pan, arrow keys move between events." }</p>
        </div>
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
