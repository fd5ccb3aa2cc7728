//! DOM helpers that work the same in a page and inside a shadow root.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, ShadowRoot};

/// The focused element in the tree that holds `node`: inside a shadow root
/// `document.activeElement` is only the shadow host, so ask the root itself.
pub fn active_element(node: &Node) -> Option<Element> {
    let root = node.get_root_node();
    match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    }
}

/// Sets the page's title (the standalone page only: embedded instances must
/// leave their host's title alone).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Puts the standalone page's theme on `<html>` (`data-annals-theme`), so
/// the page around the app follows it (`annals.css`); `early.js` does the
/// same before the first paint, from `?theme=`.
pub fn set_page_theme(name: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-annals-theme", name);
    }
}

/// The width of the timeline's stage in markup rendered ahead of time
/// (`annals-cli`) that is on screen in the page's `#annals`, so the app's
/// first frame can be laid out exactly as wide before it replaces it.
pub fn prerendered_width() -> Option<f64> {
    let stage = gloo::utils::document()
        .query_selector("#annals > [data-prerendered] .annals-stage")
        .ok()??;
    let width = stage.client_width();
    (width > 0).then_some(width as f64)
}

/// The reader's preferred languages, best first (`navigator.languages`, or
/// `navigator.language`); empty where there is no navigator.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Sets the page's language, `<html lang>` (the standalone page only).
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}
