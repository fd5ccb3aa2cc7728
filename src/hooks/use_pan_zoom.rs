//! Zoom and pan by pointer: the wheel and trackpad pinch anchored at the
//! cursor, double-click to zoom in, drag or swipe to pan, and a two-finger
//! pinch on touch screens. In edit mode, dragging a mark moves the event
//! instead (by whole units of its precision, or to the lane it is dropped
//! on), and dragging a span's right end resizes it; the view does not pan.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::layout::scale::Viewport;
use crate::layout::warp::Scale;
use crate::state::{Action, State};

/// Pixels a pointer must move before a press becomes a drag rather than a click.
const DRAG_THRESHOLD: f64 = 4.0;

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
    /// In edit mode, the mark being dragged.
    mark: Option<MarkDrag>,
}

/// A mark dragged in edit mode.
struct MarkDrag {
    /// The mark's element, moved with the pointer until it is dropped.
    element: web_sys::HtmlElement,
    /// The event's id.
    id: String,
    /// The drag started on a span's right end: it resizes.
    resize: bool,
    /// Where the pointer went down.
    from: (f64, f64),
}

/// How near a span's right end a press resizes rather than moves, in pixels.
const RESIZE_GRIP: f64 = 8.0;

/// The mark under a pointer press in edit mode, if any.
fn mark_at(event: &PointerEvent) -> Option<MarkDrag> {
    use wasm_bindgen::JsCast;
    let target: Element = event.target()?.dyn_into().ok()?;
    let element: web_sys::HtmlElement = target.closest("[data-event-id]").ok()??.dyn_into().ok()?;
    let id = element.get_attribute("data-event-id")?;
    let x = event.client_x() as f64;
    let resize = element
        .class_name()
        .split_whitespace()
        .any(|c| c == "annals-span")
        && element
            .query_selector(".annals-mark")
            .ok()
            .flatten()
            .map(|m| m.get_bounding_client_rect())
            // A narrow mark keeps most of itself for moving.
            .is_some_and(|r| {
                let grip = RESIZE_GRIP.min(r.width() / 4.0);
                x >= r.right() - grip && x <= r.right() + 2.0
            });
    Some(MarkDrag {
        element,
        id,
        resize,
        from: (x, event.client_y() as f64),
    })
}

/// The lane drawn at `client_y`, from the lane bands' `data-lane`.
fn lane_at(stage: &Element, client_y: f64) -> Option<usize> {
    let lanes = stage.query_selector_all("[data-lane]").ok()?;
    (0..lanes.length())
        .filter_map(|i| lanes.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .find(|lane| {
            let r = lane.get_bounding_client_rect();
            client_y >= r.top() && client_y < r.bottom()
        })
        .and_then(|lane| lane.get_attribute("data-lane")?.parse().ok())
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
        Callback::from(move |event: WheelEvent| {
            let Some((x, width)) = local_x(event.client_x() as f64) else {
                return;
            };
            // Line- and page-based deltas (mode 1 and 2) are far coarser than pixels.
            let unit = match event.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
            event.prevent_default();
            if dx.abs() > dy.abs() && !event.ctrl_key() {
                state.dispatch(Action::Live(Box::new(Action::Pan(dx / width.max(1.0)))));
            } else {
                // Trackpad pinches arrive as wheel events with ctrl held and small deltas.
                let sensitivity = if event.ctrl_key() { 0.01 } else { 0.0015 };
                let factor = (dy * sensitivity).clamp(-1.0, 1.0).exp();
                let anchor = Scale::new(&state.view, &state.warp, width).time_at(x);
                state.dispatch(Action::Live(Box::new(Action::ZoomAt { anchor, factor })));
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
                anchor: Scale::new(&state.view, &state.warp, width).time_at(x),
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
            if state.editing.on && g.pointers.is_empty() {
                g.mark = mark_at(&event);
            }
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
                if let Some(element) = stage.cast::<Element>() {
                    let _ = element.set_pointer_capture(id);
                }
            }
            if let Some(mark) = &g.mark {
                // The mark follows the pointer (through the CSSOM, which a
                // strict CSP allows); the event changes when it is dropped.
                let dx = event.client_x() as f64 - mark.from.0;
                let dy = if mark.resize {
                    0.0
                } else {
                    event.client_y() as f64 - mark.from.1
                };
                let _ = mark
                    .element
                    .style()
                    .set_property("transform", &format!("translate({dx:.0}px, {dy:.0}px)"));
                return;
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
                    let warp = &state.warp;
                    let anchor = Scale::new(&start_view, warp, width).time_at(mid);
                    let zoomed = warp.zoom_at(&start_view, anchor, before / after);
                    let shift = ((a1 + b1) - (a0 + b0)) / 2.0;
                    let view = warp.pan(&zoomed, -shift / width);
                    state.dispatch(Action::Live(Box::new(Action::SetView(view))));
                }
                (Some(&(from, to)), None) => {
                    let view = state.warp.pan(&start_view, -(to - from) / width);
                    state.dispatch(Action::Live(Box::new(Action::SetView(view))));
                }
                _ => {}
            }
        })
    };

    let onpointerup = {
        let gesture = gesture.clone();
        let state = state.clone();
        let stage = stage.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            if let Some(mark) = g.mark.take() {
                let _ = mark.element.style().remove_property("transform");
                if g.dragging && event.type_() == "pointerup" {
                    let stage = stage.cast::<Element>();
                    let lane = stage
                        .as_ref()
                        .and_then(|stage| lane_at(stage, event.client_y() as f64));
                    // Time moved, through the axis's warp: across a break a
                    // pixel is worth more days than elsewhere.
                    let left = stage.map_or(0.0, |s| s.get_bounding_client_rect().left());
                    let scale = Scale::new(&state.view, &state.warp, state.width.max(1.0));
                    let (from, to) = (mark.from.0 - left, event.client_x() as f64 - left);
                    let days = scale.time_at(to) - scale.time_at(from);
                    for edit in
                        crate::editing::drop_edits(&state, &mark.id, days, lane, mark.resize)
                    {
                        state.dispatch(Action::Edit(edit));
                    }
                }
            }
            let id = event.pointer_id();
            g.pointers.retain(|&(down, _)| down != id);
            if g.pointers.is_empty() {
                let swallow_click = g.dragging;
                *g = Gesture {
                    swallow_click,
                    ..Gesture::default()
                };
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
    }
}

fn take_after_drag(gesture: Rc<RefCell<Gesture>>) -> Callback<(), bool> {
    Callback::from(move |()| std::mem::take(&mut gesture.borrow_mut().swallow_click))
}
