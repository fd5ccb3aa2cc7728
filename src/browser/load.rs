//! Reading datasets from the outside world (the bytes go to
//! [`crate::model::parse_bytes`], which detects the format): a URL (`?data=`), a chosen or
//! dropped file, or pasted text.
//!
//! Everything read here is untrusted. Bytes go to the parser, which returns
//! problems as values; nothing from the input reaches the DOM except as text.
//! Files are read in chunks so that large ones show progress and can be
//! cancelled between chunks; fetches can be cancelled through an
//! `AbortController` and time out on their own.
//!
//! The standalone page's `loader.js` starts fetching the `?data=` file before
//! the app's code has arrived, and hands the fetch over with
//! [`adopt_prefetch`]; [`fetch_reader`] then reads that response instead of
//! asking again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::file::{Blob, File};
use gloo::timers::callback::Timeout;
use gloo_net::http::{Request, Response};
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use crate::model::{Location, Problem, ProblemKind, Reader};

/// How long a `?data=` fetch may take before it is abandoned.
pub const FETCH_TIMEOUT_MS: u32 = 30_000;
/// Size of one chunk when reading a file, so progress shows and cancel works.
const FILE_CHUNK: u64 = 1 << 20;

/// Why a load produced no data at all.
pub type LoadFailure = Vec<Problem>;

fn failure(location: &str, message: impl Into<String>) -> LoadFailure {
    vec![Problem {
        kind: ProblemKind::Error,
        location: Location::Named(location.to_owned()),
        message: message.into(),
    }]
}

/// A cancellation token shared between a load in flight and the Cancel button.
#[derive(Clone, Default)]
pub struct CancelToken {
    cancelled: Rc<Cell<bool>>,
    abort: Rc<Cell<Option<AbortController>>>,
}

impl CancelToken {
    /// Cancels the load: aborts a fetch, or stops reading a file after the current chunk.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = self.abort.take() {
            controller.abort();
        }
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

/// A fetch started by the page before the app ran: its absolute URL, the
/// promise of its response, and the controller that aborts it.
struct Prefetch {
    url: String,
    response: Promise,
    controller: AbortController,
}

thread_local! {
    static PREFETCH: RefCell<Option<Prefetch>> = const { RefCell::new(None) };
}

/// Takes over a fetch the page started early: `{url, response, controller}`
/// as `loader.js` makes it. Anything else is ignored, and the app fetches
/// the file itself.
pub fn adopt_prefetch(handoff: &JsValue) {
    let field = |name: &str| Reflect::get(handoff, &JsValue::from_str(name)).ok();
    let url = field("url").and_then(|v| v.as_string());
    let response = field("response").and_then(|v| v.dyn_into::<Promise>().ok());
    let controller = field("controller").and_then(|v| v.dyn_into::<AbortController>().ok());
    if let (Some(url), Some(response), Some(controller)) = (url, response, controller) {
        PREFETCH.with(|p| {
            *p.borrow_mut() = Some(Prefetch {
                url,
                response,
                controller,
            })
        });
    }
}

/// The early fetch of `url`, if the page started one and it was not used.
fn take_prefetch(url: &str) -> Option<Prefetch> {
    PREFETCH.with(|p| {
        let mut slot = p.borrow_mut();
        match slot.take() {
            Some(prefetch) if prefetch.url == url => Some(prefetch),
            other => {
                // A different URL: the early fetch is of no use any more.
                if let Some(unused) = other {
                    unused.controller.abort();
                }
                None
            }
        }
    })
}

/// The response to a fetch of `url`, sent now or taken over from the page.
async fn send(
    url: &str,
    early: Option<Prefetch>,
    signal: &web_sys::AbortSignal,
) -> Result<Response, ()> {
    match early {
        Some(Prefetch { response, .. }) => {
            let raw = JsFuture::from(response).await.map_err(drop)?;
            raw.dyn_into::<web_sys::Response>()
                .map(Response::from)
                .map_err(drop)
        }
        None => Request::get(url)
            .abort_signal(Some(signal))
            .send()
            .await
            .map_err(drop),
    }
}

/// Fetches `url` and starts reading it, or returns a problem that says what
/// to do.
pub async fn fetch_reader(url: &str, token: &CancelToken) -> Result<Reader, LoadFailure> {
    let early = take_prefetch(url);
    let controller = match &early {
        Some(prefetch) => prefetch.controller.clone(),
        None => {
            AbortController::new().map_err(|_| failure(url, "this browser cannot fetch data"))?
        }
    };
    let signal = controller.signal();
    token.abort.set(Some(controller.clone()));
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        Timeout::new(FETCH_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let response = send(url, early, &signal).await;
    let result = match response {
        Err(_) if timed_out.get() => Err(failure(
            url,
            format!("the server did not answer within {} seconds", FETCH_TIMEOUT_MS / 1000),
        )),
        Err(_) if token.is_cancelled() => Err(failure(url, "loading was cancelled")),
        Err(_) => Err(failure(
            url,
            "the browser could not fetch this address: it may be unreachable, or its server does not allow \
             other sites to read it (CORS). Check the address, or download the file and open it with \"Open file\"",
        )),
        Ok(response) if !response.ok() => Err(failure(
            url,
            format!("the server answered HTTP {} {}; check the address", response.status(), response.status_text()),
        )),
        Ok(response) => response.binary().await.map(Reader::new).map_err(|_| {
            if timed_out.get() {
                failure(url, format!("the download took longer than {} seconds", FETCH_TIMEOUT_MS / 1000))
            } else {
                failure(url, "the download was interrupted")
            }
        }),
    };
    drop(timer);
    token.abort.set(None);
    result
}

/// Reads a file in chunks, reporting `(bytes read, total)` after each one.
pub async fn read_file(
    file: &File,
    token: &CancelToken,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<u8>, LoadFailure> {
    let name = file.name();
    let total = file.size();
    let blob: &Blob = file;
    let mut bytes = Vec::with_capacity(total.min(256 << 20) as usize);
    let mut start = 0;
    while start < total {
        if token.is_cancelled() {
            return Err(failure(&name, "loading was cancelled"));
        }
        let end = (start + FILE_CHUNK).min(total);
        let chunk = gloo::file::futures::read_as_bytes(&blob.slice(start, end))
            .await
            .map_err(|e| failure(&name, format!("the file could not be read: {e}")))?;
        bytes.extend_from_slice(&chunk);
        start = end;
        progress(start, total);
    }
    Ok(bytes)
}

/// The `data` query parameter of the page's URL, resolved against the page,
/// if there is one.
pub fn data_param() -> Option<String> {
    let location = web_sys::window()?.location();
    let search = location.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let value = params.get("data").filter(|v| !v.trim().is_empty())?;
    let href = location.href().ok()?;
    web_sys::Url::new_with_base(&value, &href)
        .ok()
        .map(|url| url.href())
}
