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

use web_sys::{Element, MouseEvent, PointerEvent};
use yew::prelude::*;

use super::{use_annals, InlineStyle};
use crate::i18n::{Locale, Msg};
use crate::layout::density::{bar_rect, bars_path, bin_at, stretch_range};
use crate::layout::{DensityBin, LayoutOptions, TimelineLayout};
use crate::state::Action;

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
    let zoom_to = |bin: &DensityBin| {
        let state = state.clone();
        let (start, end) = (bin.start, bin.end);
        move || state.dispatch(Action::SetView(state.warp.fit(start, end, 0.1)))
    };
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
    let lane_view = |n: usize, bins: &[DensityBin]| {
        let lane = bins[0].lane;
        let label = state
            .dataset
            .lanes
            .get(lane)
            .map_or("", |lane| lane.label.get(&state.lang));
        let hover = hovered.filter(|(at, _)| *at == lane).map(|(_, k)| k);
        let focus = focused.filter(|(at, _)| *at == lane).map(|(_, k)| k);
        let bins_rc: Rc<[DensityBin]> = bins.into();
        // The row the bars stand in, where the pointer finds them.
        let x_in = |event: &MouseEvent| {
            let target = event.current_target()?;
            let element: &Element = wasm_bindgen::JsCast::dyn_ref(&target)?;
            Some(f64::from(event.client_x()) - element.get_bounding_client_rect().left())
        };
        let onpointermove = {
            let hovered = hovered.clone();
            let bins = bins_rc.clone();
            Callback::from(move |event: PointerEvent| {
                let at = x_in(&event).and_then(|x| bin_at(&bins, x, SLOP));
                hovered.set(at.map(|k| (lane, k)));
            })
        };
        let onpointerleave = {
            let hovered = hovered.clone();
            Callback::from(move |_: PointerEvent| hovered.set(None))
        };
        let onclick = {
            let bins = bins_rc.clone();
            let take_drag_click = props.take_drag_click.clone();
            let state = state.clone();
            Callback::from(move |event: MouseEvent| {
                if take_drag_click.emit(()) {
                    return;
                }
                if let Some(bin) = x_in(&event)
                    .and_then(|x| bin_at(&bins, x, SLOP))
                    .map(|k| &bins[k])
                {
                    state.dispatch(Action::SetView(state.warp.fit(bin.start, bin.end, 0.1)));
                }
            })
        };
        let row_style =
            InlineStyle::new(format!("top:{:.1}px;height:{row_height:.0}px", bins[0].y));
        let tooltip = hover
            .and_then(|k| bins.get(k))
            .map(|bin| stretch_name(&l, bin));
        let stretch = |(k, bin): (usize, &DensityBin)| {
            let onclick = {
                let zoom = zoom_to(bin);
                Callback::from(move |_: MouseEvent| zoom())
            };
            let onfocus = {
                let focused = focused.clone();
                Callback::from(move |_: FocusEvent| focused.set(Some((lane, k))))
            };
            let onblur = {
                let focused = focused.clone();
                Callback::from(move |_: FocusEvent| focused.set(None))
            };
            html! {
                <button type="button" class="annals-stretch" data-cluster=""
                    aria-label={stretch_name(&l, bin)}
                    tabindex={if props.tab_stop && n == 0 && k == 0 { "0" } else { "-1" }}
                    {onclick} {onfocus} {onblur}>
                </button>
            }
        };
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
                <div class="annals-density-stretches">
                    { for bins.iter().enumerate().map(stretch) }
                </div>
            </div>
        }
    };
    html! {
        <>
            { for frame.density.chunk_by(|a, b| a.lane == b.lane).enumerate().map(|(n, bins)| lane_view(n, bins)) }
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
