//! Positions under a strict Content-Security-Policy.
//!
//! `style-src 'self'` blocks `style="…"` attributes, which is how yew would
//! set them, but not the CSSOM. So components write the position of marks,
//! ticks and lanes into `data-style`, and a `MutationObserver` on the app's
//! root copies it into `element.style` as the DOM changes. Observer callbacks
//! are microtasks, so this happens before the browser paints.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit, MutationRecord};

/// The attribute that carries an element's inline style.
pub const ATTRIBUTE: &str = "data-style";

fn apply(element: &Element) {
    if let (Some(html), Some(css)) = (
        element.dyn_ref::<HtmlElement>(),
        element.get_attribute(ATTRIBUTE),
    ) {
        html.style().set_css_text(&css);
    }
}

/// Applies `data-style` to `root` and every element inside it.
pub fn apply_within(root: &Element) {
    apply(root);
    if let Ok(list) = root.query_selector_all(&format!("[{ATTRIBUTE}]")) {
        for node in (0..list.length()).filter_map(|i| list.item(i)) {
            if let Ok(element) = node.dyn_into::<Element>() {
                apply(&element);
            }
        }
    }
}

/// Keeps `data-style` applied inside `root` until dropped.
pub struct StyleSync {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl StyleSync {
    /// Applies the styles now and follows every later change inside `root`.
    pub fn start(root: &Element) -> Option<StyleSync> {
        apply_within(root);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
            for record in records
                .iter()
                .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
            {
                if record.type_() == "attributes" {
                    if let Some(element) =
                        record.target().and_then(|t| t.dyn_into::<Element>().ok())
                    {
                        apply(&element);
                    }
                } else {
                    let added = record.added_nodes();
                    for node in (0..added.length()).filter_map(|i| added.item(i)) {
                        if let Ok(element) = node.dyn_into::<Element>() {
                            apply_within(&element);
                        }
                    }
                }
            }
        });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&ATTRIBUTE.into()));
        observer.observe_with_options(root, &options).ok()?;
        Some(StyleSync {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for StyleSync {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
