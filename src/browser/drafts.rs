//! Drafts of edited datasets in the browser's IndexedDB, so that an
//! author's work survives a reload, a crash or closing the browser.
//!
//! One database (`annals`) with one object store (`drafts`), keyed by where
//! the dataset came from (its `?data=` address, or `default`); each value is
//! `{ json, exported }`: the dataset in the native JSON format, the same text
//! an export writes, and whether it was exported since its last change.
//! web-sys's IndexedDB bindings are used directly (no crate): the requests
//! are wrapped in promises here and awaited.
//!
//! The latest draft's text is also kept in memory ([`latest`]), so that the
//! crash screen can offer it as a download when the app itself is dead.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "annals";
const STORE: &str = "drafts";

thread_local! {
    /// The last draft saved, for the crash screen.
    static LATEST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The text of the last draft saved in this page, if any.
pub fn latest() -> Option<String> {
    LATEST.with(|latest| latest.borrow().clone())
}

/// Waits for an IndexedDB request to succeed, giving its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
        request.set_onerror(Some(
            Closure::once_into_js(move || {
                let _ = reject.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise)
        .await
        .map_err(|_| "the browser's storage refused the request".to_owned())
}

/// Opens the database, creating its store the first time.
async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser offers no IndexedDB storage")?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|_| "the browser's storage could not be opened")?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(result) = upgrading.result() {
            let db: IdbDatabase = result.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(finished(&request).await?.unchecked_into())
}

/// A saved draft.
pub struct Draft {
    /// The dataset in the native JSON format.
    pub json: String,
    /// It was exported after its last change.
    pub exported: bool,
}

/// Saves `draft` for `key`, replacing the one before.
pub async fn save(key: &str, draft: Draft) -> Result<(), String> {
    LATEST.with(|latest| *latest.borrow_mut() = Some(draft.json.clone()));
    let value = js_sys::Object::new();
    js_sys::Reflect::set(&value, &"json".into(), &JsValue::from_str(&draft.json))
        .and_then(|_| js_sys::Reflect::set(&value, &"exported".into(), &draft.exported.into()))
        .map_err(|_| "the draft could not be saved")?;
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "the draft could not be saved")?;
    let request = store
        .put_with_key(&value, &JsValue::from_str(key))
        .map_err(|_| "the draft could not be saved")?;
    finished(&request).await.map(drop)
}

/// The draft saved for `key`, if there is one.
pub async fn load(key: &str) -> Result<Option<Draft>, String> {
    let db = open().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "the draft could not be read")?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|_| "the draft could not be read")?;
    let value = finished(&request).await?;
    let get = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
    Ok(get("json").and_then(|j| j.as_string()).map(|json| Draft {
        json,
        exported: get("exported").and_then(|e| e.as_bool()).unwrap_or(false),
    }))
}

/// Deletes the draft for `key`.
pub async fn discard(key: &str) -> Result<(), String> {
    LATEST.with(|latest| *latest.borrow_mut() = None);
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "the draft could not be deleted")?;
    let request = store
        .delete(&JsValue::from_str(key))
        .map_err(|_| "the draft could not be deleted")?;
    finished(&request).await.map(drop)
}
