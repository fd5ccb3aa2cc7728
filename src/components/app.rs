//! The root component: owns the state and lays out the page.

use yew::prelude::*;

use super::{use_annals, Card, ProblemsPanel, StateHandle, Timeline, Toolbar};
use crate::hooks::use_focus_management;
use crate::state::{Action, State};

/// The whole annals app with the default dataset.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::with_default_dataset);
    html! {
        <ContextProvider<StateHandle> context={state}>
            <Shell />
        </ContextProvider<StateHandle>>
    }
}

/// The root element that automation and embedders rely on.
#[component]
fn Shell() -> Html {
    let state = use_annals();
    let root = use_node_ref();
    use_focus_management(&state, root.clone());

    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && state.open.is_some() {
                event.prevent_default();
                state.dispatch(Action::Close);
            }
        })
    };
    let dataset = &state.dataset;
    let title = if dataset.title.is_empty() { "Timeline".to_owned() } else { dataset.title.to_string() };
    html! {
        <div class="annals" ref={root} data-annals-root=""
            data-ready={state.ready().to_string()}
            data-event-count={dataset.events.len().to_string()}
            lang={dataset.language.clone()}
            {onkeydown}>
            <header class="annals-header">
                <h1 class="annals-title">{ title }</h1>
                if !dataset.description.is_empty() {
                    <p class="annals-description">{ dataset.description.to_string() }</p>
                }
            </header>
            <ProblemsPanel />
            <Toolbar />
            <div class={classes!("annals-body", state.open.map(|_| "annals-body-card-open"))}>
                <Timeline />
                <Card />
            </div>
        </div>
    }
}
