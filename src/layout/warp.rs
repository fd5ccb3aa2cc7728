//! How time maps onto the axis before the view scales it to pixels.
//!
//! A [`Warp`] is a monotonic, invertible function from time ([`Days`]) to
//! axis units. The view ([`Viewport`]) stays a window of time, so links,
//! the JS API and its limits are unchanged, but zooming and panning happen
//! in axis units, and [`Scale`] turns a view, a warp and a width into the
//! pixel mapping one frame uses. There are three warps:
//!
//! - [`Warp::Linear`]: axis units are days, as before.
//! - [`Warp::Breaks`]: long stretches where no event lies are compressed
//!   into short marked breaks ([`Warp::for_dataset`] finds them), so a
//!   dataset with a few early events and a crowded present uses the width.
//!   Outside the breaks one axis unit is still one day.
//! - [`Warp::LogAgo`]: a logarithmic "years ago" axis for deep time, one
//!   unit per factor of ten, continued linearly through the last year
//!   before the present so the mapping stays invertible everywhere.

use std::rc::Rc;

use crate::model::date::{year_start, MAX_YEAR, MIN_YEAR};
use crate::model::{Dataset, Days};

use super::scale::{max_span, Viewport, MIN_SPAN};

/// Days in a mean Gregorian year.
const YEAR: Days = 365.2425;

/// A stretch of time with no event in it, drawn shorter than it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Break {
    /// Where the compressed stretch starts.
    pub start: Days,
    /// Where it ends.
    pub end: Days,
    /// The axis position of `start`.
    pub axis_start: f64,
    /// How many axis units the stretch takes (less than `end - start`).
    pub length: f64,
}

/// Which kind of axis the reader asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AxisKind {
    /// Time runs straight, with long empty stretches compressed.
    #[default]
    Linear,
    /// A logarithmic "years ago" axis (offered for deep time only).
    Log,
}

/// A time ↔ axis mapping; see the module's documentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Warp {
    /// Axis units are days.
    #[default]
    Linear,
    /// Days, with the listed stretches (sorted, disjoint) compressed.
    Breaks(Rc<[Break]>),
    /// Minus the decimal logarithm of the years before `present`.
    LogAgo {
        /// The time the axis counts back from.
        present: Days,
    },
}

/// A gap is compressed when it is longer than this share of the dataset's extent.
const BREAK_FROM: f64 = 1.0 / 3.0;
/// Part of a gap left uncompressed at each end, so a mark's point and the
/// start of its label sit on straight axis.
const BREAK_INSET: f64 = 0.04;
/// Axis length of a break, as a share of the uncompressed rest of the extent.
const BREAK_LENGTH: f64 = 0.05;

/// Datasets that reach further back than this (in years) offer the log axis.
pub const LOG_AXIS_FROM_YEARS: f64 = 1_000_000.0;

impl Warp {
    /// The warp for `dataset` on the `kind` of axis: for a straight axis,
    /// the gaps between events longer than a third of the whole extent
    /// become breaks (none when there are none); the log axis counts back
    /// from the year after the dataset's last date.
    pub fn for_dataset(dataset: &Dataset, kind: AxisKind) -> Warp {
        let Some((first, last)) = dataset.extent() else {
            return Warp::Linear;
        };
        if kind == AxisKind::Log && offers_log_axis(dataset) {
            let present =
                year_start(crate::model::date::civil_from_days(last.floor() as i64).0 + 1);
            return Warp::LogAgo { present };
        }
        // The covered stretches, merged, in order; events are sorted by start.
        let mut gaps = Vec::new();
        let mut reach = f64::NEG_INFINITY;
        for event in &dataset.events {
            let (start, end) = event.range;
            if reach.is_finite() && start > reach {
                gaps.push((reach, start));
            }
            reach = reach.max(end);
        }
        let extent = last - first;
        let long: Vec<(Days, Days)> = gaps
            .into_iter()
            .filter(|(a, b)| b - a > extent * BREAK_FROM)
            .map(|(a, b)| {
                let inset = (b - a) * BREAK_INSET;
                (a + inset, b - inset)
            })
            .collect();
        if long.is_empty() {
            return Warp::Linear;
        }
        let rest = extent - long.iter().map(|(a, b)| b - a).sum::<f64>();
        let mut breaks = Vec::with_capacity(long.len());
        let mut shift = 0.0;
        for (start, end) in long {
            let length = (rest * BREAK_LENGTH)
                .max((end - start) * 0.02)
                .min((end - start) * 0.5);
            breaks.push(Break {
                start,
                end,
                axis_start: start - shift,
                length,
            });
            shift += end - start - length;
        }
        Warp::Breaks(breaks.into())
    }

    /// The axis position of time `t`.
    pub fn to_axis(&self, t: Days) -> f64 {
        match self {
            Warp::Linear => t,
            Warp::Breaks(breaks) => {
                let k = breaks.partition_point(|b| b.start <= t);
                match k.checked_sub(1).map(|k| &breaks[k]) {
                    None => t,
                    Some(b) if t < b.end => {
                        b.axis_start + (t - b.start) * b.length / (b.end - b.start)
                    }
                    Some(b) => b.axis_start + b.length + (t - b.end),
                }
            }
            Warp::LogAgo { present } => {
                let ago = (present - t) / YEAR;
                if ago >= 1.0 {
                    -ago.log10()
                } else {
                    (1.0 - ago) / std::f64::consts::LN_10
                }
            }
        }
    }

    /// The time at axis position `u`; the inverse of [`Warp::to_axis`].
    pub fn to_time(&self, u: f64) -> Days {
        match self {
            Warp::Linear => u,
            Warp::Breaks(breaks) => {
                let k = breaks.partition_point(|b| b.axis_start <= u);
                match k.checked_sub(1).map(|k| &breaks[k]) {
                    None => u,
                    Some(b) if u < b.axis_start + b.length => {
                        b.start + (u - b.axis_start) * (b.end - b.start) / b.length
                    }
                    Some(b) => b.end + (u - b.axis_start - b.length),
                }
            }
            Warp::LogAgo { present } => {
                let ago = if u <= 0.0 {
                    10f64.powf(-u)
                } else {
                    1.0 - u * std::f64::consts::LN_10
                };
                present - ago * YEAR
            }
        }
    }

    /// The compressed stretches, for the axis to mark.
    pub fn breaks(&self) -> &[Break] {
        match self {
            Warp::Breaks(breaks) => breaks,
            _ => &[],
        }
    }

    /// The axis span of `view`.
    fn axis_range(&self, view: &Viewport) -> (f64, f64) {
        (self.to_axis(view.start), self.to_axis(view.end))
    }

    /// The view from axis position `u0` to `u1`, made valid. When the span
    /// had to be corrected, or the supported years cut it, it is corrected
    /// in time as [`Viewport::new`] does.
    fn view_between(&self, u0: f64, u1: f64) -> Viewport {
        Viewport::new(self.to_time(u0), self.to_time(u1))
    }

    /// The window showing `[start, end)` with `margin` (a fraction of its
    /// axis span) on each side.
    pub fn fit(&self, start: Days, end: Days, margin: f64) -> Viewport {
        if *self == Warp::Linear {
            return Viewport::fit(start, end, margin);
        }
        let (u0, u1) = (self.to_axis(start), self.to_axis(end));
        let margin = if margin.is_finite() {
            margin.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let pad = (u1 - u0) * margin;
        self.view_between(u0 - pad, u1 + pad)
    }

    /// Zooms `view` by `factor` (below 1 zooms in) in axis units, keeping
    /// `anchor` where it is on screen.
    pub fn zoom_at(&self, view: &Viewport, anchor: Days, factor: f64) -> Viewport {
        if *self == Warp::Linear {
            return view.zoom_at(anchor, factor);
        }
        if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
            return *view;
        }
        let (u0, u1) = self.axis_range(view);
        let ua = self.to_axis(anchor);
        let fraction = ((ua - u0) / (u1 - u0)).clamp(0.0, 1.0);
        let span = (u1 - u0) * factor;
        let zoomed = self.view_between(ua - fraction * span, ua + (1.0 - fraction) * span);
        // Near the narrowest or the widest view, a step that changes
        // nothing in time must not drift the window either.
        if (factor < 1.0 && view.span() <= MIN_SPAN * 1.0001)
            || (factor > 1.0 && view.span() >= max_span() * 0.9999)
        {
            return *view;
        }
        zoomed
    }

    /// Moves `view` by `fraction` of its own width (positive: later),
    /// stopping at the ends of the supported years.
    pub fn pan(&self, view: &Viewport, fraction: f64) -> Viewport {
        if !fraction.is_finite() {
            return *view;
        }
        if *self == Warp::Linear {
            return view.pan(fraction * view.span());
        }
        let (u0, u1) = self.axis_range(view);
        let (lo, hi) = (
            self.to_axis(year_start(MIN_YEAR)),
            self.to_axis(year_start(MAX_YEAR)),
        );
        let delta = ((u1 - u0) * fraction).clamp(lo - u0, (hi - u1).max(lo - u0));
        self.view_between(u0 + delta, u1 + delta)
    }

    /// Moves `view`, keeping its axis span, so that it covers `[start,
    /// end)` with `margin` (a fraction of the span) to spare on each side.
    pub fn reveal(&self, view: &Viewport, start: Days, end: Days, margin: f64) -> Viewport {
        if *self == Warp::Linear {
            return view.reveal(start, end, margin);
        }
        let (u0, u1) = self.axis_range(view);
        let (a, b) = (self.to_axis(start), self.to_axis(end));
        let pad = (u1 - u0) * margin;
        if a >= u0 + pad && b <= u1 - pad {
            return *view;
        }
        let centre = a + (b - a) / 2.0;
        self.pan(view, (centre - (u0 + (u1 - u0) / 2.0)) / (u1 - u0))
    }
}

/// Whether `dataset` reaches back far enough for the log axis to help.
pub fn offers_log_axis(dataset: &Dataset) -> bool {
    dataset
        .extent()
        .is_some_and(|(first, last)| (last - first) / YEAR > LOG_AXIS_FROM_YEARS)
}

/// One frame's pixel mapping: a view through a warp, `width` pixels wide.
#[derive(Clone, Copy, Debug)]
pub struct Scale<'a> {
    /// The warp.
    pub warp: &'a Warp,
    /// The window of time on screen.
    pub view: Viewport,
    /// Pixels across.
    pub width: f64,
    /// Axis position of the left edge.
    u0: f64,
    /// Axis units per pixel.
    per_px: f64,
}

impl<'a> Scale<'a> {
    /// The mapping of `view` through `warp` across `width` pixels.
    pub fn new(view: &Viewport, warp: &'a Warp, width: f64) -> Scale<'a> {
        let width = width.max(1.0);
        let (u0, u1) = (warp.to_axis(view.start), warp.to_axis(view.end));
        Scale {
            warp,
            view: *view,
            width,
            u0,
            per_px: (u1 - u0) / width,
        }
    }

    /// The pixel position of time `t`.
    pub fn x(&self, t: Days) -> f64 {
        match self.warp {
            Warp::Linear => self.view.x(t, self.width),
            _ => (self.warp.to_axis(t) - self.u0) / self.per_px,
        }
    }

    /// The time at pixel `x`.
    pub fn time_at(&self, x: f64) -> Days {
        match self.warp {
            Warp::Linear => self.view.time_at(x, self.width),
            _ => self.warp.to_time(self.u0 + x * self.per_px),
        }
    }

    /// Whether the mapping is the same slope everywhere.
    pub fn is_linear(&self) -> bool {
        *self.warp == Warp::Linear
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};
    use proptest::prelude::*;

    fn default_dataset() -> Dataset {
        parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset
    }

    fn deep_time() -> Dataset {
        parse_dataset(include_str!("../../tests/fixtures/deep-time.json"))
            .unwrap()
            .dataset
    }

    #[test]
    fn the_default_dataset_compresses_the_empty_decades() {
        let d = default_dataset();
        let warp = Warp::for_dataset(&d, AxisKind::Linear);
        let breaks = warp.breaks();
        assert_eq!(breaks.len(), 1, "{breaks:?}");
        let years = |t: Days| crate::model::date::civil_from_days(t.floor() as i64).0;
        assert_eq!((years(breaks[0].start), years(breaks[0].end)), (1962, 1997));
        // The log axis is only for deep time.
        assert_eq!(Warp::for_dataset(&d, AxisKind::Log), warp);
    }

    #[test]
    fn deep_time_offers_the_log_axis() {
        let d = deep_time();
        assert!(offers_log_axis(&d));
        let warp = Warp::for_dataset(&d, AxisKind::Log);
        let Warp::LogAgo { present } = warp else {
            panic!("{warp:?}")
        };
        assert_eq!(present, year_start(1970));
        // One axis unit per factor of ten.
        let ma = warp.to_axis(present - 1e6 * YEAR);
        let ga = warp.to_axis(present - 1e9 * YEAR);
        assert!((ma - ga - 3.0).abs() < 1e-9, "{ma} {ga}");
    }

    /// A dataset with events at the given days.
    fn with_days(days: &[(f64, f64)]) -> Dataset {
        let mut d = default_dataset();
        let template = d.events[0].clone();
        let mut sorted = days.to_vec();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        d.events = sorted
            .iter()
            .enumerate()
            .map(|(i, &(start, len))| crate::model::Event {
                id: format!("e{i}"),
                range: (start, start + len),
                related: Vec::new().into(),
                ..template.clone()
            })
            .collect();
        d
    }

    fn any_events() -> impl Strategy<Value = Vec<(f64, f64)>> {
        proptest::collection::vec(
            (
                prop_oneof![-5e5f64..5e5, -3e11f64..1e6, 0.0f64..100.0],
                prop_oneof![Just(0.0), 0.0f64..2_000.0],
            ),
            1..40,
        )
    }

    proptest! {
        /// The mapping is monotonic and invertible, every event lands
        /// inside the fitted stage, and breaks lie only where no event does.
        #[test]
        fn breaks_are_monotonic_invertible_and_empty(events in any_events(), probes in proptest::collection::vec(-1.0f64..2.0, 2..30)) {
            let d = with_days(&events);
            let warp = Warp::for_dataset(&d, AxisKind::Linear);
            let (first, last) = d.extent().unwrap();
            for b in warp.breaks() {
                prop_assert!(b.length > 0.0 && b.length < b.end - b.start);
                for e in &d.events {
                    prop_assert!(e.range.1 <= b.start || e.range.0 >= b.end, "{:?} lies in {:?}", e.range, b);
                }
            }
            let mut times: Vec<f64> = probes.iter().map(|p| first + (last - first + 1.0) * p).collect();
            times.sort_by(f64::total_cmp);
            let mut previous = f64::NEG_INFINITY;
            for &t in &times {
                let u = warp.to_axis(t);
                prop_assert!(u >= previous, "not monotonic at {}", t);
                previous = u;
                let back = warp.to_time(u);
                prop_assert!((back - t).abs() <= 1e-6 * t.abs().max(1.0), "{} -> {} -> {}", t, u, back);
            }
            let view = warp.fit(first, last, 0.04);
            let scale = Scale::new(&view, &warp, 1200.0);
            for e in &d.events {
                for t in [e.range.0, e.range.1] {
                    let x = scale.x(t);
                    prop_assert!((-0.5..=1200.5).contains(&x), "{} at {} px", t, x);
                }
            }
        }

        #[test]
        fn the_log_axis_is_monotonic_and_invertible(years_ago in proptest::collection::vec(-1e4f64..1.4e10, 2..30)) {
            let warp = Warp::LogAgo { present: year_start(2000) };
            let mut times: Vec<f64> = years_ago.iter().map(|y| year_start(2000) - y * YEAR).collect();
            times.sort_by(f64::total_cmp);
            let mut previous = f64::NEG_INFINITY;
            for &t in &times {
                let u = warp.to_axis(t);
                prop_assert!(u >= previous);
                previous = u;
                let back = warp.to_time(u);
                prop_assert!((back - t).abs() <= 1e-9 * t.abs().max(1e3), "{} -> {} -> {}", t, u, back);
            }
        }

        /// Whatever the zooms and pans, on any warp, the view stays valid.
        #[test]
        fn any_sequence_of_moves_stays_valid_on_every_warp(kind in 0u8..3, ops in proptest::collection::vec((0u8..3, -2.0f64..2.0), 0..40)) {
            let d = match kind { 0 => default_dataset(), _ => deep_time() };
            let warp = Warp::for_dataset(&d, if kind == 2 { AxisKind::Log } else { AxisKind::Linear });
            let (a, b) = d.extent().unwrap();
            let mut v = warp.fit(a, b, 0.04);
            for (op, value) in ops {
                v = match op {
                    0 => warp.pan(&v, value),
                    1 => warp.zoom_at(&v, v.start + v.span() / 2.0, value.abs().max(0.01) * 2.0),
                    _ => warp.zoom_at(&v, a + (b - a) * value.abs() / 2.0, 0.25),
                };
                prop_assert!(v.start.is_finite() && v.end.is_finite());
                prop_assert!(v.span() >= MIN_SPAN * 0.999 && v.span() <= max_span() * 1.001);
                prop_assert!(v.start >= year_start(MIN_YEAR) - 1.0 && v.end <= year_start(MAX_YEAR) + 1.0);
            }
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place_on_a_warp() {
        let d = default_dataset();
        let warp = Warp::for_dataset(&d, AxisKind::Linear);
        let (a, b) = d.extent().unwrap();
        let view = warp.fit(a, b, 0.04);
        let anchor = d.events[2].range.0;
        let before = Scale::new(&view, &warp, 1000.0).x(anchor);
        let zoomed = warp.zoom_at(&view, anchor, 0.5);
        let after = Scale::new(&zoomed, &warp, 1000.0).x(anchor);
        assert!((before - after).abs() < 1e-6, "{before} {after}");
        let panned = warp.pan(&view, 0.25);
        let moved = Scale::new(&panned, &warp, 1000.0).x(anchor);
        assert!((before - moved - 250.0).abs() < 1e-6, "{before} {moved}");
    }
}
