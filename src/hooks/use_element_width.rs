//! Measuring an element's width as it changes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// Reports the width of the element behind `node`, in CSS pixels, now and
/// whenever it changes.
///
/// # Arguments
/// * `node` - the element to watch.
/// * `on_width` - called with each new width.
///
/// # Example
/// ```text
/// let stage = use_node_ref();
/// use_element_width(stage.clone(), dispatch_resize);
/// html! { <div ref={stage} /> }
/// ```
#[hook]
pub fn use_element_width(node: NodeRef, on_width: Callback<f64>) {
    use_effect_with(node, move |node| {
        let watched = node.cast::<Element>().map(|element| {
            let measure = {
                let element = element.clone();
                let on_width = on_width.clone();
                // The inner width: marks are laid out inside the border.
                move || on_width.emit(element.client_width() as f64)
            };
            measure();
            let closure =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| measure());
            let observer = ResizeObserver::new(closure.as_ref().unchecked_ref()).ok();
            if let Some(observer) = &observer {
                observer.observe(&element);
            }
            (observer, closure)
        });
        move || {
            if let Some((Some(observer), _closure)) = watched {
                observer.disconnect();
            }
        }
    });
}
