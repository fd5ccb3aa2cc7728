//! Closing a popup (a menu) when the reader presses the pointer anywhere
//! outside it.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

/// While `open`, calls `on_dismiss` when a pointer goes down outside the
/// element behind `inside`. It listens on the document, and reads the
/// event's composed path, so it works inside a shadow root too (where the
/// document sees the shadow host as the target).
///
/// # Arguments
/// * `inside` - the popup and what opens it; presses in here are its own.
/// * `open` - whether to listen at all (only while the popup is open).
/// * `on_dismiss` - called on a press outside.
///
/// # Example
/// ```text
/// let wrapper = use_node_ref();
/// use_dismiss(wrapper.clone(), open, close);
/// html! { <div ref={wrapper}>{ button }{ menu }</div> }
/// ```
#[hook]
pub fn use_dismiss(inside: NodeRef, open: bool, on_dismiss: Callback<()>) {
    // The latest callback, without re-adding the listener on every render.
    let latest = use_mut_ref(Callback::noop);
    *latest.borrow_mut() = on_dismiss;
    use_effect_with(open, move |open| {
        let listener = open.then(|| {
            let document = gloo::utils::document();
            EventListener::new_with_options(
                &document,
                "pointerdown",
                EventListenerOptions::run_in_capture_phase(),
                move |event| {
                    let Some(inside) = inside.cast::<Node>() else {
                        return;
                    };
                    let path = event.composed_path();
                    let within = path
                        .iter()
                        .any(|target| target.dyn_ref::<Node>().is_some_and(|n| n == &inside));
                    if !within {
                        latest.borrow().emit(());
                    }
                },
            )
        });
        move || drop(listener)
    });
}
