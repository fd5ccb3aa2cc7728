//! Keeps edits safe: saves each change as a draft in the browser's storage,
//! brings a draft back after a reload, asks before the page is left with
//! changes not exported, and tells the embedder about each change.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::drafts;
use crate::components::Same;
use crate::config::Config;
use crate::editing::EditAction;
use crate::model::{parse_dataset, to_native_json};
use crate::state::{Action, State};

/// The key a dataset's draft is kept under: where the data came from.
pub(crate) fn draft_key(config: &Config) -> String {
    match &config.data_url {
        Some(url) => format!("data:{url}"),
        None if config.data_text.is_some() => "text".to_owned(),
        None => "default".to_owned(),
    }
}

/// Saves every change to the dataset as a draft (the standalone page only:
/// embedders get `on_change` instead), restores the draft once on start,
/// asks before leaving with unexported changes, and calls
/// `config.on_change` after each edit, undo or redo.
///
/// # Arguments
/// * `state` - the app's state handle.
/// * `config` - the instance's settings.
///
/// # Example
/// ```text
/// use_drafts(state.clone(), config.clone());
/// ```
#[hook]
pub fn use_drafts(state: UseReducerHandle<State>, config: Rc<Config>) {
    let keep_drafts = config.url_sync && config.editable;
    {
        // Once, on start: a draft left by an earlier visit comes back.
        let dispatcher = state.dispatcher();
        let key = draft_key(&config);
        use_effect_with((), move |_| {
            if keep_drafts {
                spawn_local(async move {
                    match drafts::load(&key).await {
                        Ok(Some(draft)) => {
                            if let Ok(loaded) = parse_dataset(&draft.json) {
                                dispatcher.dispatch(Action::Edit(EditAction::RestoreDraft {
                                    dataset: Rc::new(loaded.dataset),
                                    exported: draft.exported,
                                }));
                            }
                        }
                        Ok(None) => {}
                        Err(problem) => gloo::console::warn!(format!("drafts: {problem}")),
                    }
                });
            }
        });
    }
    {
        // Each change, as it happens; an exported dataset stays as a draft
        // too, until the author discards it.
        let key = draft_key(&config);
        let editing = &state.editing;
        let edited = editing.history.can_undo() || editing.history.can_redo() || editing.unsaved;
        let on_change = use_mut_ref(Callback::noop);
        *on_change.borrow_mut() = config.on_change.clone();
        let last = use_mut_ref(|| None::<Rc<crate::model::Dataset>>);
        use_effect_with(
            (Same(state.dataset.clone()), editing.unsaved),
            move |(Same(dataset), unsaved)| {
                let changed = !last
                    .borrow()
                    .as_ref()
                    .is_some_and(|last| Rc::ptr_eq(last, dataset));
                *last.borrow_mut() = Some(dataset.clone());
                if edited {
                    if changed {
                        on_change.borrow().emit(dataset.clone());
                    }
                    if keep_drafts {
                        let draft = drafts::Draft {
                            json: to_native_json(dataset),
                            exported: !unsaved,
                        };
                        spawn_local(async move {
                            if let Err(problem) = drafts::save(&key, draft).await {
                                gloo::console::warn!(format!("drafts: {problem}"));
                            }
                        });
                    }
                }
            },
        );
    }
    // Leaving with changes that were not exported asks first.
    use_effect_with(state.editing.unsaved && keep_drafts, |unsaved| {
        let listener = unsaved.then(|| {
            EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |event| {
                    event.prevent_default();
                    if let Some(event) =
                        wasm_bindgen::JsCast::dyn_ref::<web_sys::BeforeUnloadEvent>(event)
                    {
                        // Browsers show their own words; any text here is ignored.
                        event.set_return_value("");
                    }
                },
            )
        });
        move || drop(listener)
    });
}
