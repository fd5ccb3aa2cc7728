//! The timeline itself: axis, lanes and event marks, with zoom, pan and
//! keyboard movement.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_annals, AxisView, EventMark};
use crate::hooks::{use_element_width, use_pan_zoom};
use crate::layout::{layout, LayoutOptions};
use crate::state::{Action, ZOOM_STEP};

/// Draws the visible part of the dataset and handles input on it.
#[component]
pub fn Timeline() -> Html {
    let state = use_annals();
    let stage = use_node_ref();
    {
        let state = state.clone();
        use_element_width(stage.clone(), Callback::from(move |width| state.dispatch(Action::Resize(width))));
    }
    let handlers = use_pan_zoom(state.clone(), stage.clone());
    let dataset = state.dataset.clone();
    let frame = use_memo((Rc::as_ptr(&state.visible) as usize, state.view, state.width), {
        let dataset = dataset.clone();
        let visible = state.visible.clone();
        move |(_, view, width)| layout(&dataset, &visible, view, *width, &LayoutOptions::default())
    });

    let onkeydown = {
        let state = state.clone();
        let last = dataset.events.len().saturating_sub(1);
        Callback::from(move |event: KeyboardEvent| {
            // Keyboard zoom centres on the focused event, so it stays on
            // screen and keeps the focus.
            let zoom = |factor: f64| match state.focus.and_then(|i| state.dataset.events.get(i)) {
                Some(e) => Action::ZoomAt { anchor: (e.range.0 + e.range.1) / 2.0, factor },
                None => Action::Zoom(factor),
            };
            let action = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => Action::FocusStep(1),
                "ArrowLeft" | "ArrowUp" => Action::FocusStep(-1),
                "Home" => Action::Focus(0),
                "End" => Action::Focus(last),
                "+" | "=" => zoom(1.0 / ZOOM_STEP),
                "-" | "_" => zoom(ZOOM_STEP),
                _ => return,
            };
            event.prevent_default();
            state.dispatch(action);
        })
    };
    let on_open = {
        let state = state.clone();
        let take_drag_click = handlers.take_drag_click.clone();
        Callback::from(move |index: usize| {
            if !take_drag_click.emit(()) {
                state.dispatch(Action::Open(index));
            }
        })
    };
    let on_focus = {
        let state = state.clone();
        Callback::from(move |index: usize| {
            if state.focus != Some(index) {
                state.dispatch(Action::Focus(index));
            }
        })
    };

    let tab_stop = state
        .focus
        .filter(|f| frame.events.iter().any(|e| e.index == *f))
        .or_else(|| frame.events.first().map(|e| e.index));
    let related: &[usize] = state.open.and_then(|i| dataset.events.get(i)).map_or(&[], |e| &e.related);
    let searching = !state.query.trim().is_empty();
    let matched: std::collections::HashSet<usize> = state.hits.iter().map(|h| h.index).collect();
    let ready = state.ready();

    html! {
        <section class="annals-timeline" aria-label={format!("Timeline of {} events", dataset.events.len())}>
            <div class={classes!("annals-stage", (!handlers.dragging).then_some("annals-animate"))} ref={stage}
                ondblclick={handlers.ondblclick}
                onwheel={handlers.onwheel}
                onpointerdown={handlers.onpointerdown}
                onpointermove={handlers.onpointermove}
                onpointerup={handlers.onpointerup.clone()}
                onpointercancel={handlers.onpointerup}
                {onkeydown}>
                if ready {
                    <AxisView axis={Rc::new(frame.axis.clone())} />
                    <div class="annals-lanes" data-style={format!("height:{:.0}px", frame.height)}>
                        { for frame.axis.ticks.iter().map(|t| html! {
                            <span class="annals-gridline" aria-hidden="true" data-style={format!("left:{:.1}px", t.x)}></span>
                        }) }
                        { for frame.lanes.iter().map(|band| html! {
                            <div class="annals-lane" aria-hidden="true"
                                data-style={format!("top:{:.0}px;height:{:.0}px", band.y, band.height)}>
                                <span class="annals-lane-label">{ dataset.lanes[band.lane].label.clone() }</span>
                            </div>
                        }) }
                        <div class="annals-events" role="group" aria-label="Events, in date order">
                            { for frame.events.iter().map(|placed| {
                                let event = &dataset.events[placed.index];
                                html! {
                                    <EventMark key={event.id.clone()}
                                        index={placed.index}
                                        id={AttrValue::from(event.id.clone())}
                                        title={AttrValue::from(event.title.clone())}
                                        accessible_name={AttrValue::from(event.accessible_name())}
                                        status={event.status}
                                        instant={placed.instant}
                                        x0={placed.x0} x1={placed.x1} y={placed.y}
                                        label_x={placed.label_x} label_width={placed.label_width}
                                        tab_stop={tab_stop == Some(placed.index)}
                                        open={state.open == Some(placed.index)}
                                        related={related.contains(&placed.index)}
                                        matched={matched.contains(&placed.index)}
                                        dimmed={searching && !matched.contains(&placed.index)}
                                        on_open={on_open.clone()}
                                        on_focus={on_focus.clone()} />
                                }
                            }) }
                        </div>
                    </div>
                    if frame.events.is_empty() {
                        <p class="annals-empty">{ "No events in this range. Use Fit to see them all." }</p>
                    }
                }
            </div>
        </section>
    }
}
