//! Lanes too dense for marks, drawn as a small histogram in the lane's
//! colour: one bar per stretch of a few pixels, as tall as its share of the
//! busiest stretch in view. Each bar is a button named with its count and
//! dates ("2,345 events, 1990–1994"); activating it zooms there. The bar is
//! drawn by the button's own `::before`, so a stretch is one element: during
//! a zoom every stretch moves, and fewer elements is less to restyle.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_annals, InlineStyle};
use crate::i18n::Msg;
use crate::layout::density::stretch_range;
use crate::layout::{DensityBin, TimelineLayout};
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
}

/// The density bars of every dense lane, lane by lane, with the legend.
#[component]
pub fn DensityStrip(props: &DensityStripProps) -> Html {
    let state = use_annals();
    let l = state.locale();
    let frame = &props.frame;
    let peak = frame.density_peak.max(1);
    let lanes = frame.density.chunk_by(|a, b| a.lane == b.lane);
    let bar = |(k, bin): (usize, &DensityBin), first: bool| {
        let onclick = {
            let state = state.clone();
            let (start, end) = (bin.start, bin.end);
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::SetView(state.warp.fit(start, end, 0.1)));
            })
        };
        let height = bin.bar_height(peak);
        let range = stretch_range(l.dates(), bin.start, bin.end);
        let name = if bin.count == 1 {
            l.f(Msg::StretchLabelOne, &[("range", &range)])
        } else {
            l.f(
                Msg::StretchLabel,
                &[("count", &l.count(bin.count)), ("range", &range)],
            )
        };
        let style = InlineStyle::new(format!(
            "left:{:.1}px;top:{:.1}px;width:{:.1}px;--annals-bar:{height:.1}px",
            bin.x0,
            bin.y,
            (bin.x1 - bin.x0).max(1.0)
        ));
        html! {
            <button type="button" class={classes!("annals-stretch", format!("annals-hue-{}", bin.lane % HUES))}
                data-cluster="" aria-label={name.clone()} title={name}
                tabindex={if first && k == 0 { "0" } else { "-1" }}
                data-style={style.prerendered()} ~style={style}
                {onclick}>
            </button>
        }
    };
    html! {
        <>
            { for lanes.enumerate().map(|(n, bins)| {
                let lane = bins[0].lane;
                let label = state.dataset.lanes.get(lane).map_or("", |lane| lane.label.get(&state.lang));
                html! {
                    <div class="annals-density-lane" role="group" aria-label={l.f(Msg::DensityGroup, &[("lane", &label)])}>
                        { for bins.iter().enumerate().map(|b| bar(b, props.tab_stop && n == 0)) }
                    </div>
                }
            }) }
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
