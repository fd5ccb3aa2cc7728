//! Lanes too dense for marks, drawn as a small histogram in the lane's
//! colour: one bar per stretch of a few pixels, as tall as its share of the
//! busiest stretch in view.
//!
//! A lane's bars are one SVG path (`layout::density::bars_path`), so a zoom
//! redraws one element a lane however many stretches it has. Pointing is done
//! on the lane's row: the stretch under the pointer (`layout::density::bin_at`)
//! is outlined and named in the row's tooltip, and a click zooms there. For
//! the keyboard and screen readers every stretch is also a button, named with
//! its count and dates ("2,345 events, 1990–1994"), in a visually hidden list:
//! the arrows move between them, Enter zooms there, and the focused one is
//! outlined on the bars.

use std::rc::Rc;

use web_sys::{Element, Event, MouseEvent, PointerEvent};
use yew::prelude::*;

use super::{use_annals, zoom_into, InlineStyle};
use crate::i18n::{Locale, Msg};
use crate::layout::density::{bar_rect, bars_path, bin_at, stretch_range};
use crate::layout::{DensityBin, LayoutOptions, TimelineLayout};

/// Lane colours; the lane's index picks one, as in the CSS (`annals-hue-N`).
pub(crate) const HUES: usize = DensityBin::HUES;

/// Props of [`DensityStrip`].
#[derive(Properties, PartialEq)]
pub struct DensityStripProps {
    /// The frame whose `density` bars are drawn.
    pub frame: Rc<TimelineLayout>,
    /// The first bar holds the timeline's tab stop (nothing else can).
    pub tab_stop: bool,
    /// True once after a drag: the click that ends a drag does not zoom.
    pub take_drag_click: Callback<(), bool>,
}

/// How far from a bar, in pixels, the pointer still points at it.
const SLOP: f64 = 6.0;

/// A stretch's accessible name: its count and dates.
fn stretch_name(l: &Locale, bin: &DensityBin) -> String {
    let range = stretch_range(l.dates(), bin.start, bin.end);
    if bin.count == 1 {
        l.f(Msg::StretchLabelOne, &[("range", &range)])
    } else {
        l.f(
            Msg::StretchLabel,
            &[("count", &l.count(bin.count)), ("range", &range)],
        )
    }
}

/// The index a stretch's button carries (`data-stretch`), for the handlers
/// its lane's list shares: an event's target is the button.
fn stretch_of(event: &Event) -> Option<usize> {
    let target = event.target()?;
    let element: &Element = wasm_bindgen::JsCast::dyn_ref(&target)?;
    element.get_attribute("data-stretch")?.parse().ok()
}

/// The density bars of every dense lane, lane by lane, with the legend.
#[component]
pub fn DensityStrip(props: &DensityStripProps) -> Html {
    let state = use_annals();
    // The stretch the pointer is over, and the one that has focus, as (lane,
    // index within the lane's bars); both are outlined on the bars.
    let hovered = use_state_eq(|| None::<(usize, usize)>);
    let focused = use_state_eq(|| None::<(usize, usize)>);
    let l = state.locale();
    let frame = &props.frame;
    let peak = frame.density_peak.max(1);
    let row_height = LayoutOptions::default().row_height;
    // A stretch's box in its row: the hover's backdrop and the focus ring.
    let outline = |bins: &[DensityBin], at: Option<usize>, class: &'static str| {
        at.and_then(|k| bins.get(k)).map(|bin| {
            let (x, _, width, _) = bar_rect(bin, peak, row_height);
            html! {
                <rect {class} x={format!("{x:.1}")} y={format!("{:.1}", bin.y)}
                    width={format!("{width:.1}")} height={format!("{row_height:.0}")} />
            }
        })
    };
    // A lane is a run of the frame's bars; its handlers keep the frame and
    // the run's place in it rather than a copy of the bars.
    let lane_view = |n: usize, lane_bars: std::ops::Range<usize>| {
        let bins = &frame.density[lane_bars.clone()];
        let lane = bins[0].lane;
        let label = state
            .dataset
            .lanes
            .get(lane)
            .map_or("", |lane| lane.label.get(&state.lang));
        let hover = hovered.filter(|(at, _)| *at == lane).map(|(_, k)| k);
        let focus = focused.filter(|(at, _)| *at == lane).map(|(_, k)| k);
        // The stretch under the pointer, in the row the bars stand in.
        let bin_under = {
            let frame = frame.clone();
            let lane_bars = lane_bars.clone();
            move |event: &MouseEvent| {
                let target = event.current_target()?;
                let element: &Element = wasm_bindgen::JsCast::dyn_ref(&target)?;
                let x = f64::from(event.client_x()) - element.get_bounding_client_rect().left();
                let bins = &frame.density[lane_bars.clone()];
                bin_at(bins, x, SLOP).map(|k| (k, bins[k].start, bins[k].end))
            }
        };
        let onpointermove = {
            let hovered = hovered.clone();
            let bin_under = bin_under.clone();
            Callback::from(move |event: PointerEvent| {
                hovered.set(bin_under(&event).map(|(k, ..)| (lane, k)));
            })
        };
        let onpointerleave = {
            let hovered = hovered.clone();
            Callback::from(move |_: PointerEvent| hovered.set(None))
        };
        let onclick = {
            let take_drag_click = props.take_drag_click.clone();
            let state = state.clone();
            Callback::from(move |event: MouseEvent| {
                if take_drag_click.emit(()) {
                    return;
                }
                if let Some((_, start, end)) = bin_under(&event) {
                    zoom_into(&state, start, end);
                }
            })
        };
        // The stretches' buttons share their list's handlers.
        let on_stretch_click = {
            let state = state.clone();
            let frame = frame.clone();
            let lane_bars = lane_bars.clone();
            Callback::from(move |event: MouseEvent| {
                if let Some(bin) =
                    stretch_of(&event).and_then(|k| frame.density[lane_bars.clone()].get(k))
                {
                    zoom_into(&state, bin.start, bin.end);
                }
            })
        };
        let on_stretch_focus = {
            let focused = focused.clone();
            Callback::from(move |event: FocusEvent| {
                if let Some(k) = stretch_of(&event) {
                    focused.set(Some((lane, k)));
                }
            })
        };
        let on_stretch_blur = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(None))
        };
        let row_style =
            InlineStyle::new(format!("top:{:.1}px;height:{row_height:.0}px", bins[0].y));
        let tooltip = hover
            .and_then(|k| bins.get(k))
            .map(|bin| stretch_name(&l, bin));
        html! {
            <div class="annals-density-lane" role="group" aria-label={l.f(Msg::DensityGroup, &[("lane", &label)])}>
                <svg class={classes!("annals-density-bars", format!("annals-hue-{}", lane % HUES))}
                    aria-hidden="true" width="100%" height="100%">
                    { for outline(bins, hover, "annals-density-hover") }
                    <path d={bars_path(bins, peak, row_height)} />
                    { for outline(bins, focus, "annals-density-focus") }
                </svg>
                <div class="annals-density-row" aria-hidden="true" title={tooltip}
                    data-style={row_style.prerendered()} ~style={row_style}
                    {onpointermove} {onpointerleave} {onclick}>
                </div>
                <div class="annals-density-stretches" onclick={on_stretch_click}
                    onfocusin={on_stretch_focus} onfocusout={on_stretch_blur}>
                    { for bins.iter().enumerate().map(|(k, bin)| html! {
                        <button type="button" class="annals-stretch" data-cluster="" data-stretch={k.to_string()}
                            aria-label={stretch_name(&l, bin)}
                            tabindex={if props.tab_stop && n == 0 && k == 0 { "0" } else { "-1" }}>
                        </button>
                    }) }
                </div>
            </div>
        }
    };
    // The frame's bars come lane by lane: each lane is the run that shares it.
    let mut runs = Vec::new();
    let mut at = 0;
    for bins in frame.density.chunk_by(|a, b| a.lane == b.lane) {
        runs.push(at..at + bins.len());
        at += bins.len();
    }
    html! {
        <>
            { for runs.into_iter().enumerate().map(|(n, run)| lane_view(n, run)) }
            <p class="annals-density-legend">
                <span class="annals-legend-bars" aria-hidden="true">
                    <span class="annals-legend-bar annals-legend-low"></span>
                    <span class="annals-legend-bar annals-legend-high"></span>
                </span>
                { l.f(Msg::DensityLegend, &[("count", &l.count(peak))]) }
            </p>
        </>
    }
}
