//! The root component: owns the state and lays out the page.

use std::rc::Rc;

use yew::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{
    use_annals, use_config, Card, DatasetForm, DraftNotice, EventForm, HelpDialog, Ids, ListView,
    LoadStatus, PrintList, ProblemsPanel, RichText, StateHandle, Timeline, Toolbar,
};
use crate::browser::load::data_param;
use crate::browser::{dom, url};
use crate::config::Config;
use crate::editing::{EditAction, Panel};
use crate::hooks::{
    refocus_after_render, use_drafts, use_focus_management, use_loader, use_print, use_url_sync,
    Loader,
};
use crate::i18n::{Locale, Msg};
use crate::state::{Action, State};

/// The app's settings; see [`Config`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// How this instance is set up; the default is the standalone page.
    #[prop_or_default]
    pub config: Config,
}

/// The whole annals app. The standalone page shows the dataset named by
/// `?data=`, or the default one; embedders say what to show in the config.
#[component]
pub fn App(props: &AppProps) -> Html {
    // The standalone page's settings come from its URL, read once.
    let config = use_memo(props.config.clone(), |given| {
        let given = given.clone();
        // Rendered ahead of time (natively), there is no page URL to read.
        if given.url_sync && cfg!(target_arch = "wasm32") {
            let data_url = given.data_url.clone().or_else(data_param);
            Config {
                data_url,
                ..given.with_page_params(url::page_pairs())
            }
        } else {
            given
        }
    });
    // The reader's language: the page's `?lang=` or the embedder's option,
    // then the browser's preferences (read once, at startup, and not when
    // rendered ahead of time), then English.
    let language = use_memo(config.language.clone(), |asked| {
        asked.clone().or_else(|| {
            cfg!(target_arch = "wasm32")
                .then(dom::preferred_languages)
                .map(|preferred| {
                    Locale::negotiate(preferred.iter().map(String::as_str))
                        .unwrap_or(Locale::ENGLISH.tag())
                        .to_owned()
                })
        })
    });
    let state = {
        let config = config.clone();
        let language = language.clone();
        use_reducer(move || {
            let mut state = match &config.dataset {
                // The host's dataset is shared, not copied, and checked first.
                Some(dataset) => State::for_host(dataset.clone()),
                // With data to load, start empty rather than flash an unrelated timeline.
                None if config.data_url.is_some() || config.data_text.is_some() => {
                    State::new(Default::default(), Vec::new())
                }
                None => State::with_default_dataset(),
            };
            // Laid out at once for a known width; the stage's measurement follows.
            if let Some(width) = config.layout_width.filter(|w| w.is_finite() && *w > 0.0) {
                state.width = width;
            }
            state.editing.on = config.editable && config.start_editing;
            // Without a language asked for or a browser to ask (rendered
            // ahead of time), the dataset's own.
            if let Some(lang) = language.as_ref() {
                state.lang = lang.clone();
            }
            state.lang_in_url = config.url_sync && config.language.is_some();
            state
        })
    };
    let ids = use_memo((), |_| Ids::unique());
    let loader = use_loader(state.clone());
    {
        // The data to load, at first and whenever the embedder gives other
        // data. Keyed on the config's identity and compared with the config
        // last loaded, so that no render copies the data's text.
        let loader = loader.clone();
        let last = use_mut_ref(|| None::<Rc<Config>>);
        use_effect_with(super::Same(config.clone()), move |super::Same(config)| {
            let same_data = last.borrow().as_ref().is_some_and(|last| {
                last.data_url == config.data_url && last.data_text == config.data_text
            });
            if !same_data {
                *last.borrow_mut() = Some(config.clone());
                if let Some(text) = config.data_text.as_ref() {
                    loader.open_text.emit(text.clone());
                } else if let Some(url) = config.data_url.as_ref() {
                    loader.open_url.emit(url.clone());
                }
            }
        });
    }
    {
        // A dataset the host gives later replaces the one on screen (the
        // first one is the initial state).
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(config.dataset.clone().map(super::Same), move |dataset| {
            if !first.replace(false) {
                if let Some(super::Same(dataset)) = dataset {
                    dispatcher.dispatch(Action::ShowDataset(dataset.clone()));
                }
            }
        });
    }
    {
        // An event the embedder asks for later opens too.
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(config.start_at.clone(), move |start_at| {
            if !first.replace(false) {
                if let Some(id) = start_at {
                    dispatcher.dispatch(Action::Select(Some(id.clone())));
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        use_effect_with((), move |_| {
            // Applied now, or once the dataset being loaded has arrived.
            if config.url_sync {
                let mut from_url = url::read();
                if from_url.event.is_none() {
                    from_url.event = config.start_at.clone();
                }
                if from_url != Default::default() {
                    dispatcher.dispatch(Action::ApplyUrl(from_url));
                }
            } else if let Some(id) = config.start_at.clone() {
                dispatcher.dispatch(Action::Select(Some(id)));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(config.control.clone(), move |control| {
            if let Some(control) = control {
                control.connect(Some(dispatcher));
            }
            let control = control.clone();
            move || {
                if let Some(control) = control {
                    control.connect(None);
                }
            }
        });
    }
    {
        // The JS handle's `getData()` reads the dataset on screen.
        let control = config.control.clone();
        use_effect_with(
            super::Same(state.dataset.clone()),
            move |super::Same(dataset)| {
                if let Some(control) = control {
                    control.show(dataset.clone());
                }
            },
        );
    }
    {
        // Tell the embedder when a card opens or closes, not about the first render.
        let selected = state
            .open
            .and_then(|i| state.dataset.events.get(i))
            .map(|e| e.id.clone());
        let on_select = use_mut_ref(Callback::noop);
        *on_select.borrow_mut() = config.on_select.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(selected, move |selected| {
            if !first.replace(false) || selected.is_some() {
                on_select.borrow().emit(selected.clone());
            }
        });
    }
    {
        // A language the embedder asks for later applies too (the first is
        // the initial state's; the reader's language stays across loads).
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(language.clone(), move |lang| {
            if !first.replace(false) {
                if let Some(lang) = lang.as_ref() {
                    dispatcher.dispatch(Action::SetLanguage(lang.clone()));
                }
            }
        });
    }
    use_url_sync(state.clone(), config.url_sync);
    use_drafts(state.clone(), config.clone());
    html! {
        <ContextProvider<Rc<Config>> context={config}>
            <ContextProvider<StateHandle> context={state}>
                <ContextProvider<Loader> context={loader}>
                    <ContextProvider<Ids> context={(*ids).clone()}>
                        <Shell />
                    </ContextProvider<Ids>>
                </ContextProvider<Loader>>
            </ContextProvider<StateHandle>>
        </ContextProvider<Rc<Config>>>
    }
}

/// The root element that automation and embedders rely on.
#[component]
fn Shell() -> Html {
    let state = use_annals();
    let config = use_config();
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
            let Some(transfer) = event.data_transfer() else {
                return;
            };
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
        let root = root.clone();
        Callback::from(move |event: KeyboardEvent| {
            let typing = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            let command = event.ctrl_key() || event.meta_key();
            let editing = state.editing.on && !typing;
            // Undo and redo can move the mark the key was pressed on, when
            // there is something to undo or redo (otherwise nothing renders).
            let history = &state.editing.history;
            match event.key().as_str() {
                "z" | "Z" if command && editing => {
                    event.prevent_default();
                    let (action, will_change) = if event.shift_key() {
                        (EditAction::Redo, history.can_redo())
                    } else {
                        (EditAction::Undo, history.can_undo())
                    };
                    state.dispatch(Action::Edit(action));
                    if will_change {
                        refocus_after_render(&root, &event);
                    }
                }
                "y" | "Y" if command && editing => {
                    event.prevent_default();
                    let will_change = history.can_redo();
                    state.dispatch(Action::Edit(EditAction::Redo));
                    if will_change {
                        refocus_after_render(&root, &event);
                    }
                }
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
                    *before_help.borrow_mut() =
                        root.get().and_then(|node| dom::active_element(&node));
                    state.dispatch(Action::SetHelp(true));
                }
                _ => {}
            }
        })
    };
    let dataset = &state.dataset;
    let l = state.locale();
    let title = match dataset.title.get(&state.lang) {
        "" => l.t(Msg::Untitled).to_owned(),
        title => title.to_owned(),
    };
    let description = dataset.description.get(&state.lang);
    // The standalone page's tab says which timeline it shows; an embedded
    // instance leaves its host's title alone.
    use_effect_with((config.url_sync, title.clone()), |(own_page, title)| {
        if *own_page {
            crate::browser::dom::set_document_title(&format!("{title} \u{2014} annals"));
        }
    });
    // The standalone page's `<html lang>` follows the reader's language.
    use_effect_with((config.url_sync, state.lang.clone()), |(own_page, lang)| {
        if *own_page {
            dom::set_document_lang(lang);
        }
    });
    // The standalone page's theme covers the whole page, not only the app.
    use_effect_with((config.url_sync, config.theme), |(own_page, theme)| {
        if *own_page {
            crate::browser::dom::set_page_theme(theme.name());
        }
    });
    // Every card as text, only while printing: rendered ahead of time the
    // page has the prerendered event list instead, and on screen the list
    // would be thousands of hidden elements at 100k events.
    let printing = use_print(state.clone(), root.clone());
    html! {
        <div class={classes!("annals", config.theme.class(), config.hide_controls.then_some("annals-no-controls"), state.editing.on.then_some("annals-editing"))}
            ref={root} data-annals-root=""
            data-ready={(state.ready() && state.loading.is_none()).to_string()}
            data-event-count={dataset.events.len().to_string()}
            lang={state.lang.clone()}
            {onkeydown} {ondragover} {ondragleave} {ondrop}>
            <header class="annals-header">
                <h1 class="annals-title">{ title }</h1>
                if !description.is_empty() {
                    <div class="annals-description"><RichText source={AttrValue::from(description.to_owned())} /></div>
                }
            </header>
            <ProblemsPanel />
            <DraftNotice />
            <LoadStatus />
            if !config.hide_controls {
                <Toolbar />
            }
            if *dragging {
                <div class="annals-drop-hint" aria-hidden="true">{ l.t(Msg::DropHint) }</div>
            }
            <div class={classes!("annals-body", (state.open.is_some() || state.editing.panel.is_some()).then_some("annals-body-card-open"))}>
                if state.list_view {
                    <ListView />
                } else {
                    <Timeline />
                }
                { match &state.editing.panel {
                    Some(Panel::NewEvent) => html! { <EventForm key="new" /> },
                    Some(Panel::Event(id)) => html! { <EventForm key={format!("event-{id}")} id={id.clone()} /> },
                    Some(Panel::Dataset) => html! { <DatasetForm /> },
                    None => html! { <Card /> },
                } }
            </div>
            if printing {
                <PrintList dataset={state.dataset.clone()} shown={state.visible.clone()} lang={AttrValue::from(state.lang.clone())} />
            }
            <div class="annals-visually-hidden" role="status" aria-live="polite">{ state.announcement.clone() }</div>
            if state.help_open {
                <HelpDialog />
            }
        </div>
    }
}
