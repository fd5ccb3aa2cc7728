//! Zoom and pan by pointer: the wheel and trackpad pinch anchored at the
//! cursor, double-click to zoom in, drag or swipe to pan, and a two-finger
//! pinch on touch screens.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::layout::scale::Viewport;
use crate::state::{Action, State};

/// Pixels a pointer must move before a press becomes a drag rather than a click.
const DRAG_THRESHOLD: f64 = 4.0;

/// How long after the last wheel event the wheel counts as still turning.
/// Wheels and trackpads send a stream of events; animating each step would
/// restart transitions of every mark on every frame.
const WHEEL_REST_MS: u32 = 200;

/// Event handlers to attach to the timeline's stage.
pub struct PanZoomHandlers {
    /// Zooms at the cursor; horizontal wheel motion pans.
    pub onwheel: Callback<WheelEvent>,
    /// Zooms in at the cursor.
    pub ondblclick: Callback<MouseEvent>,
    /// Starts a possible drag or pinch.
    pub onpointerdown: Callback<PointerEvent>,
    /// Pans or pinches.
    pub onpointermove: Callback<PointerEvent>,
    /// Ends a drag or pinch.
    pub onpointerup: Callback<PointerEvent>,
    /// Returns true once after a drag, so the click that ends a drag never
    /// opens a card.
    pub take_drag_click: Callback<(), bool>,
    /// A drag or pinch is under way (animations are paused meanwhile).
    pub dragging: bool,
    /// The wheel is turning, or did within the last [`WHEEL_REST_MS`]
    /// (animations are paused meanwhile, as for a drag).
    pub wheeling: bool,
}

#[derive(Default)]
struct Gesture {
    /// Pointers that are down, with their start and current x, in order of
    /// id (a list, not a `BTreeMap`: there are one or two, and a map type
    /// of its own is several KB of wasm).
    pointers: Vec<(i32, (f64, f64))>,
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
    let gesture = use_mut_ref(Gesture::default);
    let dragging = use_state(|| false);
    let wheeling = use_state(|| false);
    let wheel_rest = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let local_x = {
        let stage = stage.clone();
        move |client_x: f64| -> Option<(f64, f64)> {
            // Marks are positioned inside the stage's border, so measure from there.
            let element = stage.cast::<Element>()?;
            let rect = element.get_bounding_client_rect();
            let inner_left = rect.left() + element.client_left() as f64;
            Some((client_x - inner_left, element.client_width() as f64))
        }
    };

    let onwheel = {
        let state = state.clone();
        let local_x = local_x.clone();
        let wheeling = wheeling.clone();
        Callback::from(move |event: WheelEvent| {
            let Some((x, width)) = local_x(event.client_x() as f64) else {
                return;
            };
            if !*wheeling {
                wheeling.set(true);
            }
            let rest = wheeling.clone();
            *wheel_rest.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                WHEEL_REST_MS,
                move || rest.set(false),
            ));
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

    let ondblclick = {
        let state = state.clone();
        let local_x = local_x.clone();
        Callback::from(move |event: MouseEvent| {
            let Some((x, width)) = local_x(event.client_x() as f64) else {
                return;
            };
            let factor = if event.shift_key() { 2.0 } else { 0.5 };
            state.dispatch(Action::ZoomAt {
                anchor: state.view.time_at(x, width),
                factor,
            });
        })
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let state = state.clone();
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() == "mouse" && event.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            let x = event.client_x() as f64;
            let id = event.pointer_id();
            match g.pointers.binary_search_by_key(&id, |&(id, _)| id) {
                Ok(i) => g.pointers[i].1 = (x, x),
                Err(i) => g.pointers.insert(i, (id, (x, x))),
            }
            // Every change in the number of pointers restarts the gesture from here.
            for (_, pointer) in &mut g.pointers {
                pointer.0 = pointer.1;
            }
            g.start_view = Some(state.view);
        })
    };

    let onpointermove = {
        let gesture = gesture.clone();
        let state = state.clone();
        let stage = stage.clone();
        let dragging = dragging.clone();
        let local_x = local_x.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(start_view) = g.start_view else {
                return;
            };
            let id = event.pointer_id();
            let Some((_, pointer)) = g.pointers.iter_mut().find(|(down, _)| *down == id) else {
                return;
            };
            pointer.1 = event.client_x() as f64;
            let moved = g
                .pointers
                .iter()
                .any(|(_, (from, to))| (to - from).abs() >= DRAG_THRESHOLD);
            if !g.dragging && !moved {
                return;
            }
            if !g.dragging {
                g.dragging = true;
                dragging.set(true);
                if let Some(element) = stage.cast::<Element>() {
                    let _ = element.set_pointer_capture(id);
                }
            }
            let width = state.width.max(1.0);
            let mut fingers = g.pointers.iter().map(|(_, pointer)| pointer);
            match (fingers.next(), fingers.next()) {
                (Some(&(a0, a1)), Some(&(b0, b1))) => {
                    // Pinch: the span scales with the distance between the
                    // fingers, anchored at their starting midpoint.
                    let (before, after) = ((a0 - b0).abs().max(10.0), (a1 - b1).abs().max(10.0));
                    let Some((mid, _)) = local_x((a0 + b0) / 2.0) else {
                        return;
                    };
                    let anchor = start_view.time_at(mid, width);
                    let zoomed = start_view.zoom_at(anchor, before / after);
                    let shift = ((a1 + b1) - (a0 + b0)) / 2.0;
                    state.dispatch(Action::SetView(zoomed.pan(-shift / width * zoomed.span())));
                }
                (Some(&(from, to)), None) => {
                    state.dispatch(Action::SetView(
                        start_view.pan(-(to - from) / width * start_view.span()),
                    ));
                }
                _ => {}
            }
        })
    };

    let onpointerup = {
        let gesture = gesture.clone();
        let state = state.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let id = event.pointer_id();
            g.pointers.retain(|&(down, _)| down != id);
            if g.pointers.is_empty() {
                let swallow_click = g.dragging;
                *g = Gesture {
                    swallow_click,
                    ..Gesture::default()
                };
                dragging.set(false);
            } else {
                for (_, pointer) in &mut g.pointers {
                    pointer.0 = pointer.1;
                }
                g.start_view = Some(state.view);
            }
        })
    };

    let take_drag_click = take_after_drag(gesture);

    PanZoomHandlers {
        onwheel,
        ondblclick,
        onpointerdown,
        onpointermove,
        onpointerup,
        take_drag_click,
        dragging: *dragging,
        wheeling: *wheeling,
    }
}

fn take_after_drag(gesture: Rc<RefCell<Gesture>>) -> Callback<(), bool> {
    Callback::from(move |()| std::mem::take(&mut gesture.borrow_mut().swallow_click))
}
