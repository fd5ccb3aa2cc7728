//! The visible window of the time axis, and the mapping between time and pixels.
//!
//! A [`Viewport`] is a span of [`Days`]; it knows nothing of pixels until a
//! width is given. Zooming keeps the anchor under the cursor fixed, and the
//! span is kept between one hour and the age of the universe, so no sequence
//! of user actions can produce an empty or infinite view.

use crate::model::date::{year_start, MAX_YEAR, MIN_YEAR};
use crate::model::Days;

/// The narrowest view: one hour.
pub const MIN_SPAN: Days = 1.0 / 24.0;

/// The widest view: about the age of the universe plus the supported future.
pub fn max_span() -> Days {
    year_start(MAX_YEAR) - year_start(MIN_YEAR)
}

/// `t` inside the supported years; NaN stays NaN.
fn bounded(t: Days) -> Days {
    t.clamp(year_start(MIN_YEAR), year_start(MAX_YEAR))
}

/// A window `[start, end)` of the time axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// The time at the left edge.
    pub start: Days,
    /// The time at the right edge.
    pub end: Days,
}

impl Viewport {
    /// A window, corrected to a valid span. Any two numbers will do, from a
    /// link, the JS API or a file: each is first brought into the supported
    /// years (an infinity to its end), so that no arithmetic below can
    /// overflow; NaN gives the year 1970.
    pub fn new(start: Days, end: Days) -> Viewport {
        let (start, end) = if start.is_nan() || end.is_nan() {
            (0.0, 365.0)
        } else {
            (bounded(start), bounded(end))
        };
        let (start, end) = if end < start {
            (end, start)
        } else {
            (start, end)
        };
        let span = (end - start).clamp(MIN_SPAN, max_span());
        let centre = start + (end - start) / 2.0;
        Viewport {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
        .clamped()
    }

    /// The window that shows `[start, end)` with `margin` (a fraction of the
    /// span) of empty axis on each side.
    pub fn fit(start: Days, end: Days, margin: f64) -> Viewport {
        let (start, end) = (bounded(start), bounded(end));
        let margin = if margin.is_finite() {
            margin.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let span = (end - start).max(MIN_SPAN);
        Viewport::new(start - span * margin, end + span * margin)
    }

    /// The length of the window.
    pub fn span(&self) -> Days {
        self.end - self.start
    }

    /// The pixel position of `t` in a view `width` pixels wide.
    pub fn x(&self, t: Days, width: f64) -> f64 {
        (t - self.start) / self.span() * width
    }

    /// The time at pixel `x` of a view `width` pixels wide.
    pub fn time_at(&self, x: f64, width: f64) -> Days {
        self.start + x / width.max(1.0) * self.span()
    }

    /// Zooms by `factor` (below 1 zooms in) keeping `anchor` where it is on screen.
    pub fn zoom_at(&self, anchor: Days, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
            return *self;
        }
        let span = (self.span() * factor).clamp(MIN_SPAN, max_span());
        let fraction = ((anchor - self.start) / self.span()).clamp(0.0, 1.0);
        let start = anchor - fraction * span;
        Viewport {
            start,
            end: start + span,
        }
        .clamped()
    }

    /// Zooms by `factor` around the middle of the window.
    pub fn zoom(&self, factor: f64) -> Viewport {
        self.zoom_at(self.start + self.span() / 2.0, factor)
    }

    /// Moves the window by `delta` days (positive moves later in time).
    pub fn pan(&self, delta: Days) -> Viewport {
        if !delta.is_finite() {
            return *self;
        }
        Viewport {
            start: self.start + delta,
            end: self.end + delta,
        }
        .clamped()
    }

    /// Whether `[start, end)` overlaps the window.
    pub fn overlaps(&self, start: Days, end: Days) -> bool {
        start < self.end && end > self.start
    }

    /// Moves the window, keeping its span, so that it covers the time `t`
    /// with at least `margin` (a fraction of the span) to spare on each side.
    pub fn reveal(&self, start: Days, end: Days, margin: f64) -> Viewport {
        let pad = self.span() * margin;
        if start >= self.start + pad && end <= self.end - pad {
            return *self;
        }
        let centre = start + (end - start) / 2.0;
        self.pan(centre - (self.start + self.span() / 2.0))
    }

    /// Keeps the window inside the supported years, and its span between
    /// [`MIN_SPAN`] and [`max_span`].
    fn clamped(self) -> Viewport {
        let (lo, hi) = (year_start(MIN_YEAR), year_start(MAX_YEAR));
        let span = self.span().clamp(MIN_SPAN, hi - lo);
        if self.start < lo {
            Viewport::from_start(lo, span)
        } else if self.end > hi {
            Viewport::from_start(hi - span, span)
        } else if self.span() < MIN_SPAN {
            Viewport::from_start(self.start, span)
        } else {
            self
        }
    }

    /// `[start, start + span)`, never narrower than `span`. Far from 1970 the
    /// f64 grid is coarse (neighbouring values near the earliest year are
    /// 1/1024 day apart), and a sum rounded down, or a pan that rounds both
    /// edges, would otherwise leave a window a little under an hour.
    fn from_start(start: Days, span: Days) -> Viewport {
        let mut end = start + span;
        while end - start < span {
            end += end.abs().max(1.0) * f64::EPSILON;
        }
        Viewport { start, end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn maps_time_to_pixels_and_back() {
        let v = Viewport::new(0.0, 100.0);
        assert_eq!(v.x(25.0, 400.0), 100.0);
        assert_eq!(v.time_at(100.0, 400.0), 25.0);
    }

    #[test]
    fn fit_adds_margin() {
        let v = Viewport::fit(100.0, 200.0, 0.05);
        assert_eq!((v.start, v.end), (95.0, 205.0));
    }

    #[test]
    fn zoom_is_bounded() {
        let v = Viewport::new(0.0, 1.0);
        assert!((v.zoom(1e-9).span() - MIN_SPAN).abs() < 1e-12);
        assert!(v.zoom(1e30).span() <= max_span());
        assert_eq!(v.zoom(f64::NAN), v);
    }

    #[test]
    fn an_hour_stays_an_hour_at_the_earliest_year() {
        // Found by `any_sequence_of_moves_stays_valid`: zoomed in to an hour,
        // then panned far into the past, the window came out 0.0415 day wide,
        // under an hour (0.0417), as neighbouring f64 values there are 1/4096
        // day apart.
        let mut v = Viewport::new(0.0, 365.0);
        for _ in 0..9 {
            v = v.zoom_at(0.0, 0.5);
        }
        v = v
            .zoom(1e-3)
            .zoom_at(-353_514_044_479.465_15, 0.5)
            .pan(-912_451_144_548.687_3);
        assert!(v.span() >= MIN_SPAN, "{} at {}", v.span(), v.start);
        for delta in [-1e12, 3e-3, 0.1, 7.77, 1e6] {
            let moved = v.pan(delta);
            assert!(moved.span() >= MIN_SPAN, "panned {delta}: {}", moved.span());
        }
    }

    #[test]
    fn reveal_moves_only_when_needed() {
        let v = Viewport::new(0.0, 100.0);
        assert_eq!(v.reveal(40.0, 50.0, 0.1), v);
        let moved = v.reveal(300.0, 310.0, 0.1);
        assert_eq!(moved.span(), 100.0);
        assert!(moved.start <= 300.0 && moved.end >= 310.0);
    }

    /// Whether `v` is a window the rest of the app can loop over.
    fn valid(v: &Viewport) -> bool {
        v.start.is_finite()
            && v.end.is_finite()
            && v.span() >= MIN_SPAN * 0.999
            && v.span() <= max_span() * 1.001
            && v.start >= year_start(MIN_YEAR) - 1.0
            && v.end <= year_start(MAX_YEAR) + 1.0
    }

    #[test]
    fn extreme_finite_bounds_give_a_valid_view() {
        // `?view=-1e308,1e308` froze the tab: the span overflowed to
        // infinity, the window came out NaN, and the axis looped for ever.
        for (a, b) in [
            (-1e308, 1e308),
            (f64::MIN, f64::MAX),
            (1e308, 1e308),
            (-1e308, -1e307),
        ] {
            let v = Viewport::new(a, b);
            assert!(valid(&v), "{a}, {b}: {v:?}");
            let fitted = Viewport::fit(a, b, 0.1);
            assert!(valid(&fitted), "fit {a}, {b}: {fitted:?}");
            assert!(
                !crate::layout::ticks::axis(
                    &v,
                    1200.0,
                    &crate::layout::measure::Advances,
                    &crate::model::date::English
                )
                .ticks
                .is_empty()
                    || v.span() < 1.0
            );
        }
        assert_eq!(
            Viewport::new(-1e308, 1e308),
            Viewport::new(year_start(MIN_YEAR), year_start(MAX_YEAR))
        );
    }

    /// Any f64, with the edge cases drawn often.
    fn any_bound() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(f64::MAX),
            Just(f64::MIN),
            Just(1e308),
            Just(-1e308),
            -1e13f64..1e13,
        ]
    }

    proptest! {
        /// Whatever two numbers a link, the JS API or a file gives, the view
        /// is valid and the axis of it can be laid out.
        #[test]
        fn any_pair_of_bounds_gives_a_valid_view(a in any_bound(), b in any_bound(), margin in 0.0f64..1.0) {
            let v = Viewport::new(a, b);
            prop_assert!(valid(&v), "{} {} -> {:?}", a, b, v);
            prop_assert!(valid(&Viewport::fit(a, b, margin)));
            let axis = crate::layout::ticks::axis(&v, 1000.0, &crate::layout::measure::Advances, &crate::model::date::English);
            prop_assert!(axis.ticks.len() <= 2_000);
        }

        #[test]
        fn zoom_keeps_the_anchor_in_place(start in -1e6f64..1e6, span in 1.0f64..1e5, frac in 0.0f64..1.0, factor in 0.1f64..10.0) {
            let v = Viewport::new(start, start + span);
            let anchor = v.start + frac * v.span();
            let z = v.zoom_at(anchor, factor);
            let before = (anchor - v.start) / v.span();
            let after = (anchor - z.start) / z.span();
            prop_assert!((before - after).abs() < 1e-9);
            prop_assert!((z.span() - v.span() * factor).abs() < 1e-6 * v.span() * factor);
        }

        #[test]
        fn any_sequence_of_moves_stays_valid(ops in proptest::collection::vec((0u8..3, -1e12f64..1e12), 0..40)) {
            let mut v = Viewport::new(0.0, 365.0);
            for (op, value) in ops {
                v = match op {
                    0 => v.pan(value),
                    1 => v.zoom((value.abs() / 1e11).max(1e-3)),
                    _ => v.zoom_at(value, 0.5),
                };
                prop_assert!(v.start.is_finite() && v.end.is_finite());
                prop_assert!(v.span() >= MIN_SPAN * 0.999 && v.span() <= max_span() * 1.001);
                prop_assert!(v.start >= year_start(MIN_YEAR) - 1.0 && v.end <= year_start(MAX_YEAR) + 1.0);
            }
        }
    }
}
