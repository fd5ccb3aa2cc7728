//! Reading and writing the view in the page's URL and history.

use crate::url_state::{UrlState, KEYS};

fn params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// The view described by the page's URL.
pub fn read() -> UrlState {
    let Some(params) = params() else {
        return UrlState::default();
    };
    let mut pairs = Vec::new();
    for key in KEYS {
        for value in params.get_all(key).iter() {
            pairs.push((key.to_owned(), value.as_string().unwrap_or_default()));
        }
    }
    UrlState::from_pairs(pairs)
}

/// Writes `state` into the URL, keeping every other parameter (such as
/// `data`) and the fragment. `push` adds a history entry, so Back returns to
/// the previous one; otherwise the current entry is replaced.
pub fn write(state: &UrlState, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(params) = params() else { return };
    for key in KEYS {
        params.delete(key);
    }
    for (key, value) in state.to_pairs() {
        params.append(key, &value);
    }
    let location = window.location();
    let query = String::from(params.to_string());
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        },
        location.hash().unwrap_or_default()
    );
    if location
        .pathname()
        .ok()
        .zip(location.search().ok())
        .is_some_and(|(p, s)| format!("{p}{s}") == url)
    {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Every decoded query pair of the page's URL, for the standalone page's settings.
pub fn page_pairs() -> Vec<(String, String)> {
    let Some(params) = params() else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&params).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        pairs.push((
            pair.get(0).as_string().unwrap_or_default(),
            pair.get(1).as_string().unwrap_or_default(),
        ));
    }
    pairs
}

/// The page's full address, for the copy-link button.
pub fn href() -> Option<String> {
    web_sys::window()?.location().href().ok()
}
