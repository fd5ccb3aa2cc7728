//! annals' import module in the browser ([`crate::model::foreign`]): fetched
//! the first time a file in a format the app's module leaves out arrives,
//! and registered as the reader of such files.
//!
//! The page's script offers the module: `loader.js` and `embed.js` set
//! `globalThis.annalsImporter`, a function that imports `annals_import.js`
//! from beside them, starts its wasm, and resolves to the module (whose
//! `convert` this calls), sharing one fetch between callers and trying again
//! after a failure. A page without it (a yew app that builds the library
//! without the `importers` feature) gets the problem that says so.

use std::cell::Cell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Msg;
use crate::model::foreign::{read_converted, set_reader, unavailable};
use crate::model::Message;

thread_local! {
    static READY: Cell<bool> = const { Cell::new(false) };
}

/// The name of the function the page's script offers.
const OFFER: &str = "annalsImporter";

/// Makes sure files in other formats can be read: in a build without the
/// readers, fetches and registers the import module unless that was done;
/// when it cannot be had, registers the problem that says why, and tries
/// again next time. Never fails: reading such a file reports the problem.
pub async fn ensure() {
    if cfg!(feature = "importers") || READY.with(Cell::get) {
        return;
    }
    match load().await {
        Ok(convert) => {
            set_reader(
                move |text| match convert.call1(&JsValue::NULL, &JsValue::from_str(text)) {
                    Ok(answer) => read_converted(&answer.as_string().unwrap_or_default()),
                    Err(error) => Err(vec![unavailable(reason(&error))]),
                },
            );
            READY.with(|ready| ready.set(true));
        }
        Err(why) => set_reader(move |_| Err(vec![unavailable(why.clone())])),
    }
}

/// The import module's `convert` function, once the module has started.
async fn load() -> Result<Function, Message> {
    let offer = Reflect::get(&js_sys::global(), &JsValue::from_str(OFFER))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| Message::new(Msg::PImportModuleAbsent))?;
    let started = offer.call0(&JsValue::NULL).map_err(|e| reason(&e))?;
    let module = JsFuture::from(Promise::resolve(&started))
        .await
        .map_err(|e| reason(&e))?;
    Reflect::get(&module, &JsValue::from_str("convert"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| reason(&JsValue::from_str("it has no convert function")))
}

/// What went wrong, as the browser said it (the same in every language).
fn reason(error: &JsValue) -> Message {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| String::from("unknown error"));
    Message::written(Box::from([text]))
}
