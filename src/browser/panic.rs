//! What the reader sees if annals panics: a short message and a Reload
//! link instead of a blank or frozen page.
//!
//! After a panic the wasm instance is dead (release builds abort), so the
//! screen is built with plain DOM calls from the panic hook, and its Reload
//! runs no Rust and no script at all: it is a plain link to the page itself
//! (no handler, nothing a strict CSP could refuse). Text is set with
//! `text_content`, never as HTML. When the reader has edited the data, the
//! screen offers the edited dataset as a download (`browser::drafts` keeps
//! the latest one in memory for this).

use std::cell::RefCell;

use web_sys::{Document, Element};

use crate::i18n::{Locale, Msg};

thread_local! {
    /// Mount points of embedded instances: inside shadow roots, where a
    /// document query cannot find them.
    static EMBEDDED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers an embedded instance's mount point, so that a panic shows the
/// message there rather than replacing the host page.
pub fn register_root(root: &Element) {
    EMBEDDED.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets a mount point registered with [`register_root`].
pub fn unregister_root(root: &Element) {
    EMBEDDED.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

/// Installs the panic hook; call before rendering (yew would install its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("annals panicked: {message}").into());
        show_panic_screen(&message);
    }));
}

fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    el.set_text_content(Some(text));
    Some(el)
}

/// Replaces every annals view on the page (they share the dead instance), or
/// the whole body if no view was mounted yet, with an error message and a
/// reload link.
pub fn show_panic_screen(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut hosts = Vec::new();
    if let Ok(roots) = document.query_selector_all("[data-annals-root]") {
        for i in 0..roots.length() {
            let host = roots.item(i).and_then(|root| root.parent_element());
            hosts.extend(host);
        }
    }
    let embedded = EMBEDDED.with(|roots| roots.borrow().clone());
    let on_host_page = !embedded.is_empty();
    hosts.extend(embedded);
    // Only the standalone page may be replaced whole; a host page never is.
    if hosts.is_empty() && !on_host_page {
        hosts.extend(document.body().map(Element::from));
    }
    for host in hosts {
        // In the language the view spoke: its root's, or the page's.
        let lang = host
            .query_selector("[data-annals-root]")
            .ok()
            .flatten()
            .and_then(|root| root.get_attribute("lang"))
            .or_else(|| document.document_element()?.get_attribute("lang"))
            .unwrap_or_default();
        if let Some(panel) = panic_panel(&document, detail, Locale::of(&lang)) {
            host.set_text_content(None);
            let _ = host.append_child(&panel);
        }
    }
}

fn panic_panel(document: &Document, detail: &str, l: Locale) -> Option<Element> {
    let panel = element(document, "div", "annals-crash", "")?;
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("lang", l.tag());
    let _ = panel.set_attribute("data-annals-crash", "");
    let parts = [
        element(document, "h2", "annals-crash-title", l.t(Msg::CrashTitle)),
        element(document, "p", "", l.t(Msg::CrashText)),
        element(document, "pre", "annals-crash-detail", detail),
        draft_link(document, l),
        reload_link(document, l),
    ];
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    Some(panel)
}

/// A link that downloads the edited dataset, when there are edits: the
/// draft is in the browser's storage too, but the author should not have to
/// know that. The file is made now, so the link needs no script.
fn draft_link(document: &Document, l: Locale) -> Option<Element> {
    let json = super::drafts::latest()?;
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = element(
        document,
        "a",
        "annals-button annals-crash-download",
        l.t(Msg::CrashDownload),
    )?;
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", "timeline-edited.json")
        .ok()?;
    link.set_attribute("data-crash-download", "").ok()?;
    Some(link)
}

/// A link that reloads the page by navigating to it: the page's URL without
/// its fragment (a link that differs only in the fragment would just scroll).
fn reload_link(document: &Document, l: Locale) -> Option<Element> {
    let link = element(
        document,
        "a",
        "annals-button annals-crash-reload",
        l.t(Msg::Reload),
    )?;
    let href = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    link.set_attribute("href", page).ok()?;
    Some(link)
}
