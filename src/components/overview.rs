//! The overview strip: the density of the whole dataset, with the visible
//! window drawn on it. Dragging the window pans; dragging its edges zooms.

use web_sys::{Element, PointerEvent};
use yew::prelude::*;

use super::{use_annals, InlineStyle};
use crate::i18n::{Locale, Msg};
use crate::layout::density::{histogram_at, histogram_path};

use crate::layout::scale::Viewport;
use crate::model::date::civil_from_days;
use crate::state::{Action, FIT_MARGIN};

/// Number of density bars.
const BINS: usize = 120;

#[derive(Clone, Copy, PartialEq)]
enum Grip {
    Window,
    Start,
    End,
}

fn year_of(l: Locale, t: f64) -> String {
    l.dates().year(civil_from_days(t.floor() as i64).0)
}

/// The strip under the timeline.
#[component]
pub fn Overview() -> Html {
    let state = use_annals();
    let strip = use_node_ref();
    let drag = use_mut_ref(|| None::<(Grip, f64, Viewport)>);
    let dataset = state.dataset.clone();
    // The extent walks every event: once per dataset, not once per frame.
    let extent = use_memo(super::Same(dataset.clone()), |d| d.0.extent());
    let (first, last) = extent.unwrap_or((state.view.start, state.view.end));
    // The strip is drawn on the same axis as the timeline (with its breaks,
    // or logarithmic), in axis units.
    let warp = state.warp.clone();
    let fitted = warp.fit(first, last, FIT_MARGIN);
    let (v0, v1) = (warp.to_axis(state.view.start), warp.to_axis(state.view.end));
    // The strip always shows the data and the window, whichever is wider.
    let (w0, w1) = (
        warp.to_axis(fitted.start).min(v0),
        warp.to_axis(fitted.end).max(v1),
    );
    let whole = Viewport::new(warp.to_time(w0), warp.to_time(w1));
    let counts = use_memo(
        (
            super::Same(state.index.clone()),
            super::Same(warp.clone()),
            w0.to_bits(),
            w1.to_bits(),
        ),
        {
            let dataset = dataset.clone();
            let index = state.index.clone();
            let warp = warp.clone();
            move |_| {
                let edges: Vec<f64> = (0..=BINS)
                    .map(|k| warp.to_time(w0 + (w1 - w0) * k as f64 / BINS as f64))
                    .collect();
                histogram_at(&dataset, &index, &edges)
            }
        },
    );
    // One path for the whole histogram: its bars change only with the data
    // or the strip's span, and a single element is cheap to redraw then.
    let bars = use_memo(counts.clone(), |counts| {
        AttrValue::from(histogram_path(counts))
    });
    let left = (v0 - w0) / (w1 - w0) * 100.0;
    let width = ((v1 - v0) / (w1 - w0) * 100.0).max(0.5);

    let strip_width = {
        let strip = strip.clone();
        move || {
            strip
                .cast::<Element>()
                .map(|e| e.client_width() as f64)
                .unwrap_or(1.0)
                .max(1.0)
        }
    };
    let start_drag = |grip: Grip| {
        let drag = drag.clone();
        let state = state.clone();
        let strip = strip.clone();
        Callback::from(move |event: PointerEvent| {
            event.stop_propagation();
            event.prevent_default();
            *drag.borrow_mut() = Some((grip, event.client_x() as f64, state.view));
            if let Some(element) = strip.cast::<Element>() {
                let _ = element.set_pointer_capture(event.pointer_id());
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let state = state.clone();
        let strip_width = strip_width.clone();
        Callback::from(move |event: PointerEvent| {
            let Some((grip, from, view)) = *drag.borrow() else {
                return;
            };
            let warp = &state.warp;
            let (u0, u1) = (warp.to_axis(view.start), warp.to_axis(view.end));
            let delta = (event.client_x() as f64 - from) / strip_width() * (w1 - w0);
            let next = match grip {
                Grip::Window => warp.pan(&view, delta / (u1 - u0)),
                Grip::Start => Viewport::new(
                    warp.to_time((u0 + delta).min(u1 - (u1 - u0) * 0.01)),
                    view.end,
                ),
                Grip::End => Viewport::new(
                    view.start,
                    warp.to_time((u1 + delta).max(u0 + (u1 - u0) * 0.01)),
                ),
            };
            state.dispatch(Action::Live(Box::new(Action::SetView(next))));
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    // A press on the strip outside the window centres the view there.
    let onpointerdown = {
        let state = state.clone();
        let strip = strip.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(element) = strip.cast::<Element>() else {
                return;
            };
            let rect = element.get_bounding_client_rect();
            let u =
                w0 + (event.client_x() as f64 - rect.left()) / rect.width().max(1.0) * (w1 - w0);
            state.dispatch(Action::Pan((u - (v0 + v1) / 2.0) / (v1 - v0)));
        })
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            let action = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => Action::Pan(-0.1),
                "ArrowRight" | "ArrowUp" => Action::Pan(0.1),
                "PageUp" => Action::Zoom(0.5),
                "PageDown" => Action::Zoom(2.0),
                _ => return,
            };
            event.prevent_default();
            state.dispatch(action);
        })
    };
    if extent.is_none() {
        return html! {};
    }
    let l = state.locale();
    let range_text = l.f(
        Msg::RangeTo,
        &[
            ("start", &year_of(l, state.view.start)),
            ("end", &year_of(l, state.view.end)),
        ],
    );
    let window_style = InlineStyle::new(format!("left:{left:.3}%;width:{width:.3}%"));
    html! {
        <div class="annals-overview" ref={strip.clone()} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
            <svg class="annals-density" aria-hidden="true" viewBox={format!("0 0 {BINS} 100")}
                preserveAspectRatio="none" width="100%" height="100%">
                <path d={(*bars).clone()} />
            </svg>
            <div class="annals-window" data-style={window_style.prerendered()} ~style={window_style}
                role="slider" tabindex="0" aria-label={l.t(Msg::VisibleRange)}
                aria-valuemin={format!("{:.0}", whole.start)} aria-valuemax={format!("{:.0}", whole.end)}
                aria-valuenow={format!("{:.0}", state.view.start)} aria-valuetext={range_text}
                onpointerdown={start_drag(Grip::Window)} {onkeydown}>
                <span class="annals-grip annals-grip-start" onpointerdown={start_drag(Grip::Start)}></span>
                <span class="annals-grip annals-grip-end" onpointerdown={start_drag(Grip::End)}></span>
            </div>
        </div>
    }
}
