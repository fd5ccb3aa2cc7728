//! Wheel zoom anchored at the cursor, and drag to pan.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::layout::scale::Viewport;
use crate::state::{Action, State};

/// Pixels a pointer must move before a press becomes a drag rather than a click.
const DRAG_THRESHOLD: f64 = 4.0;

/// Event handlers to attach to the timeline's stage.
pub struct PanZoomHandlers {
    /// Zooms at the cursor; horizontal wheel motion pans.
    pub onwheel: Callback<WheelEvent>,
    /// Starts a possible drag.
    pub onpointerdown: Callback<PointerEvent>,
    /// Pans while dragging.
    pub onpointermove: Callback<PointerEvent>,
    /// Ends a drag.
    pub onpointerup: Callback<PointerEvent>,
    /// Returns true once after a drag, so the click that ends a drag never
    /// opens a card.
    pub take_drag_click: Callback<(), bool>,
}

#[derive(Default)]
struct Drag {
    pointer: Option<i32>,
    start_x: f64,
    start_view: Option<Viewport>,
    dragging: bool,
    swallow_click: bool,
}

/// Wheel and pointer handlers that pan and zoom the view in `state`.
///
/// # Arguments
/// * `state` - the reducer handle to dispatch to.
/// * `stage` - the element the pointer coordinates are measured against.
///
/// # Example
/// ```text
/// let handlers = use_pan_zoom(state.clone(), stage.clone());
/// html! { <div ref={stage} onwheel={handlers.onwheel} /> }
/// ```
#[hook]
pub fn use_pan_zoom(state: UseReducerHandle<State>, stage: NodeRef) -> PanZoomHandlers {
    let drag = use_mut_ref(Drag::default);
    let local_x = {
        let stage = stage.clone();
        move |client_x: i32| -> Option<(f64, f64)> {
            // Marks are positioned inside the stage's border, so measure from there.
            let element = stage.cast::<Element>()?;
            let rect = element.get_bounding_client_rect();
            let inner_left = rect.left() + element.client_left() as f64;
            Some((client_x as f64 - inner_left, element.client_width() as f64))
        }
    };

    let onwheel = {
        let state = state.clone();
        let local_x = local_x.clone();
        Callback::from(move |event: WheelEvent| {
            let Some((x, width)) = local_x(event.client_x()) else { return };
            // Line- and page-based deltas (mode 1 and 2) are far coarser than pixels.
            let unit = match event.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
            event.prevent_default();
            if dx.abs() > dy.abs() && !event.ctrl_key() {
                state.dispatch(Action::Pan(dx / width.max(1.0) * state.view.span()));
            } else {
                // Trackpad pinches arrive as wheel events with ctrl held and small deltas.
                let sensitivity = if event.ctrl_key() { 0.01 } else { 0.0015 };
                let factor = (dy * sensitivity).clamp(-1.0, 1.0).exp();
                let anchor = state.view.time_at(x, width);
                state.dispatch(Action::ZoomAt { anchor, factor });
            }
        })
    };

    let onpointerdown = {
        let drag = drag.clone();
        let state = state.clone();
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            *drag.borrow_mut() = Drag {
                pointer: Some(event.pointer_id()),
                start_x: event.client_x() as f64,
                start_view: Some(state.view),
                dragging: false,
                swallow_click: false,
            };
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let state = state.clone();
        let stage = stage.clone();
        Callback::from(move |event: PointerEvent| {
            let mut d = drag.borrow_mut();
            let (Some(pointer), Some(start_view)) = (d.pointer, d.start_view) else { return };
            if pointer != event.pointer_id() {
                return;
            }
            let dx = event.client_x() as f64 - d.start_x;
            if !d.dragging && dx.abs() < DRAG_THRESHOLD {
                return;
            }
            if !d.dragging {
                d.dragging = true;
                if let Some(element) = stage.cast::<Element>() {
                    let _ = element.set_pointer_capture(pointer);
                }
            }
            let width = state.width.max(1.0);
            state.dispatch(Action::SetView(start_view.pan(-dx / width * start_view.span())));
        })
    };

    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_event: PointerEvent| {
            let mut d = drag.borrow_mut();
            let swallow_click = d.dragging;
            *d = Drag { swallow_click, ..Drag::default() };
        })
    };

    let take_drag_click = take_after_drag(drag);

    PanZoomHandlers { onwheel, onpointerdown, onpointermove, onpointerup, take_drag_click }
}

fn take_after_drag(drag: Rc<RefCell<Drag>>) -> Callback<(), bool> {
    Callback::from(move |()| std::mem::take(&mut drag.borrow_mut().swallow_click))
}
