//! Reading datasets from the outside world (the bytes go to
//! [`crate::model::parse_bytes`], which detects the format): a URL (`?data=`), a chosen or
//! dropped file, or pasted text.
//!
//! Everything read here is untrusted. Bytes go to the parser, which returns
//! problems as values; nothing from the input reaches the DOM except as text.
//! Files are read in chunks so that large ones show progress and can be
//! cancelled between chunks, and the events that have arrived are checked
//! between chunks (see [`Pace`]); fetches are streamed, with progress, can be
//! cancelled through an `AbortController`, and are abandoned when the server
//! sends nothing for [`IDLE_TIMEOUT_MS`] (a slow but steady download
//! completes, however long it takes). A web page where a dataset was expected
//! (a sign-in page, a sheet's viewer) is reported as such.
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
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult};

use crate::browser::yield_now::yield_now;
use crate::i18n::Msg;
use crate::model::{Loaded, Location, Message, Problem, ProblemKind, Reader};

/// How long a fetch may go without receiving a byte (the answer, or the next
/// part of the body) before it is abandoned.
pub const IDLE_TIMEOUT_MS: u32 = 30_000;
/// Size of one chunk when reading a file, so progress shows and cancel works.
const FILE_CHUNK: u64 = 1 << 20;

/// Why a load produced no data at all.
pub type LoadFailure = Vec<Problem>;

fn failure(location: &str, message: impl Into<Message>) -> LoadFailure {
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

/// Aborts a fetch when [`IDLE_TIMEOUT_MS`] pass without [`Watchdog::feed`].
struct Watchdog {
    timed_out: Rc<Cell<bool>>,
    controller: AbortController,
    timer: Option<Timeout>,
}

impl Watchdog {
    fn start(controller: AbortController) -> Watchdog {
        let mut watchdog = Watchdog {
            timed_out: Rc::default(),
            controller,
            timer: None,
        };
        watchdog.feed();
        watchdog
    }

    /// Bytes arrived: the idle limit starts again (the old timer is dropped, which clears it).
    fn feed(&mut self) {
        let timed_out = self.timed_out.clone();
        let controller = self.controller.clone();
        self.timer = Some(Timeout::new(IDLE_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        }));
    }

    fn timed_out(&self) -> bool {
        self.timed_out.get()
    }
}

/// `url` resolved against the document, or a problem when it is no address at all.
fn resolve(url: &str) -> Result<String, LoadFailure> {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(url.trim(), &base)
        .map(|u| u.href())
        .map_err(|_| failure(url, Message::new(Msg::LoadNotAnAddress)))
}

/// Fetches `url` and starts reading it, reporting `(bytes read, total)` as
/// the body arrives (`total` is 0 when the server does not say), or returns
/// a problem that says what to do (keyed, shown in the reader's language).
pub async fn fetch_reader(
    url: &str,
    token: &CancelToken,
    mut progress: impl FnMut(u64, u64),
    mut checked: impl FnMut(&Reader),
) -> Result<Reader, LoadFailure> {
    let absolute = resolve(url)?;
    let early = take_prefetch(&absolute);
    let controller = match &early {
        Some(prefetch) => prefetch.controller.clone(),
        None => {
            AbortController::new().map_err(|_| failure(url, Message::new(Msg::LoadCannotFetch)))?
        }
    };
    let signal = controller.signal();
    token.abort.set(Some(controller.clone()));
    let mut watchdog = Watchdog::start(controller);
    let seconds = IDLE_TIMEOUT_MS / 1000;
    let silent = || Message::new(Msg::LoadSilent).with("seconds", seconds);
    let result = match send(&absolute, early, &signal).await {
        Err(_) if watchdog.timed_out() => Err(failure(
            url,
            Message::new(Msg::LoadNoAnswer).with("seconds", seconds),
        )),
        Err(_) if token.is_cancelled() => Err(failure(url, Message::new(Msg::LoadCancelled))),
        Err(_) => Err(failure(url, Message::new(Msg::LoadUnreachable))),
        Ok(response) if !response.ok() => Err(failure(
            url,
            Message::new(Msg::LoadHttpStatus)
                .with("status", response.status())
                .with("text", response.status_text()),
        )),
        Ok(response) => {
            let content_type = response.headers().get("content-type").unwrap_or_default();
            let mut reader = Reader::streaming();
            match read_body(
                &response,
                &mut reader,
                &mut watchdog,
                &mut progress,
                &mut checked,
            )
            .await
            {
                Ok(()) if looks_like_web_page(&content_type, reader.received()) => {
                    Err(failure(url, Message::new(Msg::LoadWebPage)))
                }
                Ok(()) => {
                    reader.end();
                    Ok(reader)
                }
                Err(()) if watchdog.timed_out() => Err(failure(url, silent())),
                Err(()) if token.is_cancelled() => {
                    Err(failure(url, Message::new(Msg::LoadCancelled)))
                }
                Err(()) => Err(failure(url, Message::new(Msg::LoadInterrupted))),
            }
        }
    };
    drop(watchdog);
    token.abort.set(None);
    result
}

/// Reads the body of `response` into `reader` as it arrives, checking the
/// events that have arrived between chunks, feeding the watchdog and
/// reporting progress about every 1% (or every megabyte when the size is not known).
async fn read_body(
    response: &Response,
    reader: &mut Reader,
    watchdog: &mut Watchdog,
    progress: &mut impl FnMut(u64, u64),
    checked: &mut impl FnMut(&Reader),
) -> Result<(), ()> {
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    if let Ok(total) = usize::try_from(total) {
        reader.expect(total);
    }
    let Some(body) = response.body() else {
        return Ok(());
    };
    let stream: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let step = if total > 0 {
        (total / 100).max(1)
    } else {
        1 << 20
    };
    let mut pace = Pace::default();
    let mut chunk = Vec::new();
    let (mut done, mut reported) = (0, 0);
    loop {
        let read: ReadableStreamReadResult = JsFuture::from(stream.read())
            .await
            .map_err(drop)?
            .unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(());
        }
        let array = Uint8Array::new(&read.get_value());
        chunk.resize(array.length() as usize, 0);
        array.copy_to(&mut chunk);
        watchdog.feed();
        done += chunk.len() as u64;
        if done - reported >= step {
            reported = done;
            // A compressed body can be longer than the length the server gave.
            progress(done, if total > 0 { total.max(done) } else { 0 });
        }
        pace.take(reader, &chunk, checked).await;
    }
}

/// How long one step of checking may hold the main thread, in milliseconds:
/// short enough that the page keeps painting and Cancel stays responsive.
pub const STEP_MS: f64 = 25.0;

/// Checks a reader's events a step at a time, each step sized so that it
/// takes about [`STEP_MS`], and gives the browser a turn when the main
/// thread has been held that long.
pub struct Pace {
    batch: usize,
    turn: f64,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            batch: 1_000,
            turn: js_sys::Date::now(),
        }
    }
}

impl Pace {
    /// One step of `reader`; its result once the reading is over.
    pub fn step(&mut self, reader: &mut Reader) -> Option<Result<Loaded, Vec<Problem>>> {
        let started = js_sys::Date::now();
        let result = reader.step(self.batch);
        let elapsed = (js_sys::Date::now() - started).max(1.0);
        self.batch = ((self.batch as f64 * STEP_MS / elapsed) as usize).clamp(100, 200_000);
        result
    }

    /// Gives the browser a turn if the main thread has been held for a step.
    pub async fn turn(&mut self) {
        if js_sys::Date::now() - self.turn >= STEP_MS {
            self.yield_now().await;
        }
    }

    async fn yield_now(&mut self) {
        yield_now().await;
        self.turn = js_sys::Date::now();
    }

    /// Gives `reader` the next chunk of its file and checks the events that
    /// arrived with it, taking turns with the browser. When checking holds
    /// the main thread for longer than a step and events are still waiting
    /// (the file arrives faster than it is checked), `checked` is told before
    /// the turn, so the page can show how many events have been checked; a
    /// chunk checked to its end leaves the download's progress on show.
    async fn take(&mut self, reader: &mut Reader, chunk: &[u8], checked: &mut impl FnMut(&Reader)) {
        reader.push(chunk);
        // Timed from here: the wait for the chunk is not checking.
        let mut held = js_sys::Date::now();
        while reader.pending() > 0 {
            // No result can come before the end of the file.
            let _ = self.step(reader);
            if js_sys::Date::now() - held >= STEP_MS {
                if reader.pending() > 0 {
                    checked(reader);
                }
                self.yield_now().await;
                held = js_sys::Date::now();
            }
        }
        self.turn().await;
    }
}

/// Whether a body is a web page rather than data: it opens like an HTML
/// document, or it is labelled as HTML and opens with a tag. No dataset
/// (JSON, or a sheet's CSV) starts with `<`.
fn looks_like_web_page(content_type: &str, bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 32)];
    let lower = head.to_ascii_lowercase();
    let html_type = content_type
        .to_ascii_lowercase()
        .split(';')
        .next()
        .is_some_and(|t| matches!(t.trim(), "text/html" | "application/xhtml+xml"));
    ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|opening| lower.starts_with(opening.as_bytes()))
        || (html_type && lower.first() == Some(&b'<'))
}

/// Reads a file in chunks, reporting `(bytes read, total)` after each one
/// and checking the events that have arrived between chunks; problems are
/// keyed, shown in the reader's language.
pub async fn read_file(
    file: &File,
    token: &CancelToken,
    mut progress: impl FnMut(u64, u64),
    mut checked: impl FnMut(&Reader),
) -> Result<Reader, LoadFailure> {
    let name = file.name();
    let total = file.size();
    let blob: &Blob = file;
    let mut reader = Reader::streaming();
    reader.expect(usize::try_from(total).unwrap_or(usize::MAX));
    let mut pace = Pace::default();
    let mut start = 0;
    while start < total {
        if token.is_cancelled() {
            return Err(failure(&name, Message::new(Msg::LoadCancelled)));
        }
        let end = (start + FILE_CHUNK).min(total);
        let chunk = gloo::file::futures::read_as_bytes(&blob.slice(start, end))
            .await
            .map_err(|e| failure(&name, Message::new(Msg::LoadUnreadable).with("reason", &e)))?;
        start = end;
        progress(start, total);
        pace.take(&mut reader, &chunk, &mut checked).await;
    }
    reader.end();
    Ok(reader)
}

/// The `data` query parameter of the page's URL, if there is one: resolved
/// against the page, or as given when it is no address at all (loading it
/// then says so, rather than ignoring it).
pub fn data_param() -> Option<String> {
    let location = web_sys::window()?.location();
    let search = location.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let value = params.get("data").filter(|v| !v.trim().is_empty())?;
    let href = location.href().ok()?;
    Some(
        web_sys::Url::new_with_base(&value, &href)
            .map(|url| url.href())
            .unwrap_or(value),
    )
}

#[cfg(test)]
mod tests {
    use super::looks_like_web_page;

    #[test]
    fn web_pages_are_told_from_datasets() {
        let page = b"\n  <!DOCTYPE html>\n<html><body>Sign in</body></html>";
        assert!(looks_like_web_page("text/html; charset=utf-8", page));
        assert!(
            looks_like_web_page("text/plain", page),
            "a page mislabelled as text"
        );
        assert!(looks_like_web_page("", b"\xEF\xBB\xBF<HTML lang=en>"));
        assert!(looks_like_web_page("text/html", b"<div>Not found</div>"));
        for data in [
            &b"{\"events\": []}"[..],
            b"Year,Month,Day,Headline\n1961,4,12,Gagarin",
            b"",
        ] {
            assert!(!looks_like_web_page("text/html", data));
            assert!(!looks_like_web_page("application/json", data));
        }
        assert!(
            !looks_like_web_page("text/csv", b"<b>Year</b>,Headline"),
            "a tag at the start of labelled data is left to the parser"
        );
    }
}
