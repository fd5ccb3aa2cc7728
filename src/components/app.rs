//! The root component: owns the state and lays out the page.

use yew::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{use_annals, Card, HelpDialog, RichText, ListView, LoadStatus, ProblemsPanel, StateHandle, Timeline, Toolbar};
use crate::browser::load::data_param;
use crate::browser::url;
use crate::hooks::{use_focus_management, use_loader, use_url_sync, Loader};
use crate::state::{Action, State};

/// The whole annals app: the dataset named by `?data=`, or the default one.
#[component]
pub fn App() -> Html {
    let data_url = use_memo((), |_| data_param());
    let state = {
        let data_url = data_url.clone();
        // With `?data=`, start empty rather than flash an unrelated timeline.
        use_reducer(move || if data_url.is_some() { State::new(Default::default(), Vec::new()) } else { State::with_default_dataset() })
    };
    let loader = use_loader(state.clone());
    {
        let loader = loader.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(url) = data_url.as_ref() {
                loader.open_url.emit(url.clone());
            }
            // Applied now, or once the dataset named by `?data=` has loaded.
            let from_url = url::read();
            if from_url != Default::default() {
                dispatcher.dispatch(Action::ApplyUrl(from_url));
            }
        });
    }
    use_url_sync(state.clone());
    html! {
        <ContextProvider<StateHandle> context={state}>
            <ContextProvider<Loader> context={loader}>
                <Shell />
            </ContextProvider<Loader>>
        </ContextProvider<StateHandle>>
    }
}

/// The root element that automation and embedders rely on.
#[component]
fn Shell() -> Html {
    let state = use_annals();
    let loader = use_context::<Loader>().expect("Shell is rendered by App");
    let root = use_node_ref();
    let dragging = use_state(|| false);
    use_focus_management(&state, root.clone());
    // Where focus was before the shortcuts dialog opened, to return it there.
    let before_help = use_mut_ref(|| None::<Element>);
    {
        let before_help = before_help.clone();
        use_effect_with(state.help_open, move |open| {
            if !*open {
                if let Some(element) = before_help.borrow_mut().take() {
                    if let Ok(element) = element.dyn_into::<HtmlElement>() {
                        let _ = element.focus();
                    }
                }
            }
        });
    }

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Accepting the drag is what allows the drop.
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let loader = loader.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let Some(transfer) = event.data_transfer() else { return };
            if let Some(file) = transfer.files().and_then(|files| files.get(0)) {
                loader.open_file.emit(file);
            } else if let Ok(text) = transfer.get_data("text/plain") {
                if !text.trim().is_empty() {
                    loader.open_text.emit(text);
                }
            }
        })
    };

    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            let typing = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            match event.key().as_str() {
                "Escape" if state.help_open => {
                    event.prevent_default();
                    state.dispatch(Action::SetHelp(false));
                }
                "Escape" if state.open.is_some() => {
                    event.prevent_default();
                    state.dispatch(Action::Close);
                }
                "?" if !typing && !state.help_open => {
                    event.prevent_default();
                    *before_help.borrow_mut() = gloo::utils::document().active_element();
                    state.dispatch(Action::SetHelp(true));
                }
                _ => {}
            }
        })
    };
    let dataset = &state.dataset;
    let title = if dataset.title.is_empty() { "Timeline".to_owned() } else { dataset.title.get(&state.lang).to_owned() };
    html! {
        <div class="annals" ref={root} data-annals-root=""
            data-ready={(state.ready() && state.loading.is_none()).to_string()}
            data-event-count={dataset.events.len().to_string()}
            lang={state.lang.clone()}
            {onkeydown} {ondragover} {ondragleave} {ondrop}>
            <header class="annals-header">
                <h1 class="annals-title">{ title }</h1>
                if !dataset.description.is_empty() {
                    <div class="annals-description"><RichText source={AttrValue::from(dataset.description.get(&state.lang).to_owned())} /></div>
                }
            </header>
            <ProblemsPanel />
            <LoadStatus />
            <Toolbar />
            if *dragging {
                <div class="annals-drop-hint" aria-hidden="true">{ "Drop a JSON or CSV file to load it" }</div>
            }
            <div class={classes!("annals-body", state.open.map(|_| "annals-body-card-open"))}>
                if state.list_view {
                    <ListView />
                } else {
                    <Timeline />
                }
                <Card />
            </div>
            <div class="annals-visually-hidden" role="status" aria-live="polite">{ state.announcement.clone() }</div>
            if state.help_open {
                <HelpDialog />
            }
        </div>
    }
}
