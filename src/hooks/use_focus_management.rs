//! Moving keyboard focus with the state: to the card when it opens, back to
//! the event when it closes, and along the events as the tab stop moves; and
//! into a dialog or panel when it opens.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};
use yew::prelude::*;

use crate::state::State;

/// The element that stands for the event with this id inside `root`: its
/// mark on the timeline or its entry in the list view. Found by comparing
/// attributes rather than by building a selector from data.
pub(crate) fn event_element(root: &Element, id: &str) -> Option<HtmlElement> {
    ["data-event-id", "data-list-event-id"]
        .into_iter()
        .find_map(|attribute| {
            let marks = root.query_selector_all(&format!("[{attribute}]")).ok()?;
            (0..marks.length())
                .filter_map(|i| marks.item(i))
                .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
                .find(|el| el.get_attribute(attribute).as_deref() == Some(id))
        })
}

fn focus_within(root: &Element) -> Option<Element> {
    let active = crate::browser::dom::active_element(root)?;
    root.contains(Some(&active)).then_some(active)
}

/// Whether focus is on nothing: the page's body, or no element.
fn nothing_focused() -> bool {
    gloo::utils::document()
        .active_element()
        .is_none_or(|el| el.tag_name() == "BODY")
}

/// Whether focus fell out of `root` to nothing, as when the focused element
/// was moved or removed.
fn focus_lost(root: &Element) -> bool {
    focus_within(root).is_none() && nothing_focused()
}

/// Gives focus back to the mark a key was pressed on (`event`'s target,
/// found inside `root` by its `data-event-id`) if the render of an action
/// dispatched just before this call takes it away. Nothing for a key pressed
/// elsewhere.
///
/// A keyed re-order moves the focused mark's element, which blurs it, and
/// [`use_focus_management`]'s effect focuses it again. But yew may yield to
/// the browser between a render and its effects (after 16 ms of work), and a
/// key pressed in that gap goes to the page's body and is lost: a second
/// quick Alt+Arrow on a slow machine. So this watches `root` for the render's
/// changes: a `MutationObserver`'s callback runs right after the script that
/// changed the DOM, before the browser's next turn, whether the render ran
/// at once or after yew had yielded for earlier work. It looks once, at the
/// first changes, and stops; it stops too if nothing changes for a second.
pub(crate) fn refocus_after_render(root: &NodeRef, event: &KeyboardEvent) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let Some(id) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| target.get_attribute("data-event-id"))
    else {
        return;
    };
    let observer: Rc<Cell<Option<MutationObserver>>> = Rc::default();
    let watching = observer.clone();
    let within = root.clone();
    let look = Closure::once_into_js(move || {
        if let Some(observer) = watching.take() {
            observer.disconnect();
        }
        if focus_lost(&within) {
            if let Some(element) = event_element(&within, &id) {
                let _ = element.focus();
            }
        }
    });
    let Ok(created) = MutationObserver::new(look.unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    if created.observe_with_options(&root, &options).is_ok() {
        observer.set(Some(created));
        // An action that changes nothing renders nothing: stop watching soon,
        // so that a later change cannot pull focus back to the mark.
        gloo::timers::callback::Timeout::new(WATCH_MS, move || {
            if let Some(observer) = observer.take() {
                observer.disconnect();
            }
        })
        .forget();
    }
}

/// How long [`refocus_after_render`] waits for the render's changes. The
/// render runs in the same turn as the key, or in yew's next turn (a timer
/// of 0 ms queued before this one), so this is only a bound.
const WATCH_MS: u32 = 1_000;

/// Focuses the element behind `node` once, when the component that calls it
/// first renders: the first control of a dialog or panel that just opened.
///
/// # Example
/// ```text
/// let close_button = use_node_ref();
/// use_focus_on_mount(close_button.clone());
/// ```
#[hook]
pub fn use_focus_on_mount(node: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(element) = node.cast::<HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// Keeps DOM focus in step with `state`.
///
/// # Arguments
/// * `state` - the view state.
/// * `root` - the app's root element; focus is only moved inside it.
///
/// # Example
/// ```text
/// use_focus_management(&state, root.clone());
/// ```
#[hook]
pub fn use_focus_management(state: &State, root: NodeRef) {
    let previous_open = use_mut_ref(|| None::<usize>);
    let open = state.open;
    let focus = state.focus;
    let dataset = state.dataset.clone();

    {
        let root = root.clone();
        let dataset = dataset.clone();
        use_effect_with(open, move |open| {
            let before = previous_open.replace(*open);
            if let Some(root) = root.cast::<Element>() {
                match (before, *open) {
                    (_, Some(_)) => {
                        if let Ok(Some(heading)) = root.query_selector("[data-card-heading]") {
                            if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
                                let _ = heading.focus();
                            }
                        }
                    }
                    (Some(closed), None) => {
                        if let Some(mark) = dataset
                            .events
                            .get(closed)
                            .and_then(|e| event_element(&root, &e.id))
                        {
                            let _ = mark.focus();
                        }
                    }
                    (None, None) => {}
                }
            }
        });
    }

    // An edit that moves a mark can re-order the marks, and a moved element
    // loses focus: after an edit, focus that fell to nothing returns to the
    // event with the tab stop.
    let editing = state.editing.on;
    use_effect_with(
        (focus, crate::components::Same(dataset.clone())),
        move |(focus, _)| {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            // Only follow the tab stop while the keyboard is already on an event.
            let lost = editing && focus_lost(&root);
            let on_event =
                lost || focus_within(&root).is_some_and(|el| el.has_attribute("data-event-id"));
            if let (true, Some(event)) = (on_event, focus.and_then(|i| dataset.events.get(i))) {
                if let Some(mark) = event_element(&root, &event.id) {
                    let _ = mark.focus();
                }
            }
        },
    );
}
