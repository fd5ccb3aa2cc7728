//! Starting, tracking and cancelling loads of datasets.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::load::{fetch_reader, read_file, CancelToken, Pace};
use crate::browser::yield_now::yield_now;
use crate::i18n::{Locale, Msg};
use crate::model::{Loaded, Problem, Reader};
use crate::state::{Action, ProgressUnit, State};

/// Ways to load a dataset; each replaces any load in progress.
#[derive(Clone, PartialEq)]
pub struct Loader {
    /// Fetches and loads a URL.
    pub open_url: Callback<String>,
    /// Reads and loads a file the reader chose or dropped.
    pub open_file: Callback<web_sys::File>,
    /// Loads pasted text.
    pub open_text: Callback<String>,
    /// Cancels the load in progress.
    pub cancel: Callback<()>,
    /// Loads the last address again (see [`Loader::can_retry`]).
    pub retry: Callback<()>,
    last_url: LastUrl,
}

impl Loader {
    /// Whether the last load was of an address, which [`Loader::retry`] can
    /// fetch again (a file or pasted text would only fail the same way).
    pub fn can_retry(&self) -> bool {
        self.last_url.0.borrow().is_some()
    }
}

/// The address of the last load, if it was one; compared by identity.
#[derive(Clone, Default)]
struct LastUrl(Rc<RefCell<Option<String>>>);

impl PartialEq for LastUrl {
    fn eq(&self, other: &LastUrl) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Default)]
struct Current {
    id: u64,
    token: CancelToken,
}

/// Loads datasets into `state` from URLs, files and text, with progress and
/// cancellation. Input that cannot be loaded leaves the timeline as it is.
///
/// # Arguments
/// * `state` - the reducer handle that receives the load actions.
///
/// # Example
/// ```text
/// let loader = use_loader(state.clone());
/// loader.open_url.emit("data/timeline.json".into());
/// ```
#[hook]
pub fn use_loader(state: UseReducerHandle<State>) -> Loader {
    let current = use_mut_ref(Current::default);
    let dispatcher = state.dispatcher();
    // The reader's language now, for the problems a load reports.
    let locale = use_mut_ref(Locale::default);
    *locale.borrow_mut() = state.locale();
    use_memo((), move |_| {
        let last_url = LastUrl::default();
        let begin = {
            let current = current.clone();
            let dispatcher = dispatcher.clone();
            let last_url = last_url.clone();
            Rc::new(
                move |name: String, url: Option<String>| -> (u64, CancelToken) {
                    *last_url.0.borrow_mut() = url;
                    let mut c = current.borrow_mut();
                    c.token.cancel();
                    c.id += 1;
                    c.token = CancelToken::default();
                    dispatcher.dispatch(Action::LoadStarted { id: c.id, name });
                    (c.id, c.token.clone())
                },
            )
        };
        let open_url = {
            let begin = begin.clone();
            let dispatcher = dispatcher.clone();
            Callback::from(move |url: String| {
                let (id, token) = begin(url.clone(), Some(url.clone()));
                let dispatcher = dispatcher.clone();
                spawn_local(async move {
                    let progress = bytes_progress(&dispatcher, id);
                    let checked = events_progress(&dispatcher, id);
                    let read = fetch_reader(&url, &token, progress, checked).await;
                    check_and_finish(read, id, url, &token, &dispatcher).await;
                });
            })
        };
        let open_file = {
            let begin = begin.clone();
            let dispatcher = dispatcher.clone();
            Callback::from(move |file: web_sys::File| {
                let file = File::from(file);
                let name = file.name();
                let (id, token) = begin(name.clone(), None);
                let dispatcher = dispatcher.clone();
                spawn_local(async move {
                    let progress = bytes_progress(&dispatcher, id);
                    let checked = events_progress(&dispatcher, id);
                    let read = read_file(&file, &token, progress, checked).await;
                    check_and_finish(read, id, name, &token, &dispatcher).await;
                });
            })
        };
        let open_text = {
            let dispatcher = dispatcher.clone();
            let locale = locale.clone();
            Callback::from(move |text: String| {
                let name = locale.borrow().t(Msg::PastedText).to_owned();
                let (id, token) = begin(name.clone(), None);
                let dispatcher = dispatcher.clone();
                spawn_local(async move {
                    // Paint "Loading" before reading the text's outline.
                    yield_now().await;
                    check_and_finish(Ok(Reader::from_text(text)), id, name, &token, &dispatcher)
                        .await;
                });
            })
        };
        let cancel = {
            let current: Rc<RefCell<Current>> = current.clone();
            Callback::from(move |()| {
                current.borrow().token.cancel();
                dispatcher.dispatch(Action::LoadCancelled);
            })
        };
        let retry = {
            let open_url = open_url.clone();
            let last_url = last_url.clone();
            Callback::from(move |()| {
                let url = last_url.0.borrow().clone();
                if let Some(url) = url {
                    open_url.emit(url);
                }
            })
        };
        Loader {
            open_url,
            open_file,
            open_text,
            cancel,
            retry,
            last_url,
        }
    })
    .as_ref()
    .clone()
}

/// Reports the bytes of load `id` read so far, as a download or a file
/// read goes.
fn bytes_progress(dispatcher: &UseReducerDispatcher<State>, id: u64) -> impl Fn(u64, u64) + '_ {
    move |done, total| {
        dispatcher.dispatch(Action::LoadProgress {
            id,
            done,
            total,
            unit: ProgressUnit::Bytes,
            problems: 0,
        })
    }
}

/// Reports the events of load `id` checked so far, out of those that have
/// arrived.
fn events_progress(dispatcher: &UseReducerDispatcher<State>, id: u64) -> impl Fn(&Reader) + '_ {
    move |reader| {
        dispatcher.dispatch(Action::LoadProgress {
            id,
            done: reader.done() as u64,
            total: reader.total() as u64,
            unit: ProgressUnit::Events,
            problems: reader.problems() as u64,
        })
    }
}

/// Checks what was read and reports the result, unless the load was
/// cancelled or superseded meanwhile.
async fn check_and_finish(
    read: Result<Reader, Vec<Problem>>,
    id: u64,
    name: String,
    token: &CancelToken,
    dispatcher: &UseReducerDispatcher<State>,
) {
    let result = match read {
        Ok(reader) => {
            // A TimelineJS3, CSV or plain text file: a release page reads it
            // through the import module, fetched the first time one comes.
            if reader.read_in_one_go() {
                crate::browser::importer::ensure().await;
            }
            check_in_steps(reader, id, token, dispatcher).await
        }
        Err(problems) => Some(Err(problems)),
    };
    if let Some(result) = result.filter(|_| !token.is_cancelled()) {
        dispatcher.dispatch(Action::LoadFinished { id, name, result });
    }
}

/// Checks the events that remain a step at a time, yielding to the browser
/// between steps and reporting progress; `None` when the load was cancelled
/// meanwhile. The step size adapts so that each step takes about
/// [`crate::browser::load::STEP_MS`].
async fn check_in_steps(
    mut reader: Reader,
    id: u64,
    token: &CancelToken,
    dispatcher: &UseReducerDispatcher<State>,
) -> Option<Result<Loaded, Vec<Problem>>> {
    let mut pace = Pace::default();
    loop {
        // Lets the browser paint the progress, and take a Cancel, first.
        yield_now().await;
        if token.is_cancelled() {
            return None;
        }
        if let Some(result) = pace.step(&mut reader) {
            return Some(result);
        }
        events_progress(dispatcher, id)(&reader);
    }
}
