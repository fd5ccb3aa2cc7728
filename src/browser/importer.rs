//! annals' import module in the browser ([`crate::model::foreign`]): fetched
//! the first time a file in a format the app's module leaves out arrives,
//! and registered as the reader of such files; it also writes the CSV and
//! plain text exports ([`export`]).
//!
//! The page's script offers the module: `loader.js` and `embed.js` set
//! `globalThis.annalsImporter`, a function that imports `annals_import.js`
//! from beside them, starts its wasm, and resolves to the module (whose
//! `convert` this calls), sharing one fetch between callers and trying again
//! after a failure. A page without it (a yew app that builds the library
//! without the `importers` feature) gets the problem that says so.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Msg;
use crate::model::foreign::{read_converted, set_reader, unavailable};
use crate::model::{Dataset, Message};

thread_local! {
    static READY: Cell<bool> = const { Cell::new(false) };
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
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
    match module().await.and_then(|m| function(&m, "convert")) {
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

/// `dataset` as a spreadsheet (`"csv"`) or in the plain text format
/// (`"text"`): written here with the `importers` feature, else by the import
/// module, fetched the first time. The error says why it could not be.
pub async fn export(dataset: &Dataset, format: &str) -> Result<String, Message> {
    #[cfg(feature = "importers")]
    {
        let json = crate::model::to_native_json(dataset);
        crate::model::foreign::export(&json, format)
            .ok_or_else(|| reason(&JsValue::from_str("no such export")))
    }
    #[cfg(not(feature = "importers"))]
    {
        let export = function(&module().await?, "exportAs")?;
        let json = crate::model::to_native_json(dataset);
        let written = export
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(&json),
                &JsValue::from_str(format),
            )
            .map_err(|e| reason(&e))?;
        written
            .as_string()
            .ok_or_else(|| reason(&JsValue::from_str("it wrote nothing")))
    }
}

/// The import module, once it has started: fetched through the page's offer
/// the first time, and kept.
async fn module() -> Result<JsValue, Message> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let offer = Reflect::get(&js_sys::global(), &JsValue::from_str(OFFER))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| Message::new(Msg::PImportModuleAbsent))?;
    let started = offer.call0(&JsValue::NULL).map_err(|e| reason(&e))?;
    let module = JsFuture::from(Promise::resolve(&started))
        .await
        .map_err(|e| reason(&e))?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// The module's function `name`.
fn function(module: &JsValue, name: &str) -> Result<Function, Message> {
    Reflect::get(module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| reason(&JsValue::from_str(&format!("it has no {name} function"))))
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
