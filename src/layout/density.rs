//! Density of events: over the whole dataset for the overview strip, how a
//! lane's density histogram is drawn (one SVG path a lane, [`bars_path`]) and
//! pointed at ([`bin_at`]), and how a stretch of it reads to a screen reader.

use crate::model::date::{civil_from_days, DateWriter};
use crate::model::{Dataset, Date, Days};

use super::index::TimeIndex;
#[cfg(test)]
use super::scale::Viewport;
use super::DensityBin;

/// Counts the indexed events that overlap `span` into `bins` equal slices of
/// it, each event in the slice where it starts (the first slice if it starts
/// before `span`). Costs a few binary searches per bin and lane, whatever the
/// number of events, so the strip can follow every frame of a pan.
#[cfg(test)]
pub fn histogram(dataset: &Dataset, index: &TimeIndex, span: &Viewport, bins: usize) -> Vec<u32> {
    if bins == 0 {
        return Vec::new();
    }
    let edges: Vec<Days> = (0..=bins)
        .map(|k| span.start + span.span() * k as f64 / bins as f64)
        .collect();
    histogram_at(dataset, index, &edges)
}

/// Like `histogram`, into the slices between ascending `edges` (equal on
/// the axis, whatever its warp).
pub fn histogram_at(dataset: &Dataset, index: &TimeIndex, edges: &[Days]) -> Vec<u32> {
    let mut counts = vec![0u32; edges.len().saturating_sub(1)];
    for lane in 0..index.lanes() {
        for (total, n) in counts
            .iter_mut()
            .zip(index.histogram_at(dataset, lane, edges))
        {
            *total = total.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    counts
}

/// The dates of a stretch of a density histogram, as a reader says them:
/// whole years when it spans more than a year ("1990–1994", "66 million
/// years ago–65 million years ago"), else days ("March 3, 1990 – April 5,
/// 1990"), in the words of `words`.
pub fn stretch_range(words: &dyn DateWriter, start: Days, end: Days) -> String {
    let day = |t: Days| civil_from_days(t.floor() as i64);
    let (a, b) = (day(start), day((end - 1e-9).max(start)));
    let year = |y: i64| words.years_ago(y).unwrap_or_else(|| words.year(y));
    if end - start > 366.0 || a.0.abs() > 9999 {
        if a.0 == b.0 {
            year(a.0)
        } else {
            format!("{}\u{2013}{}", year(a.0), year(b.0))
        }
    } else {
        let text = |(y, m, d): (i64, u8, u8)| words.date(&Date::Day(y, m, d));
        if a == b {
            text(a)
        } else {
            format!("{} \u{2013} {}", text(a), text(b))
        }
    }
}

/// Gap between a bar's foot and the bottom of its row.
pub const BAR_BASE: f64 = 2.0;

/// The top-left corner, width and height of a stretch's bar, in the lanes'
/// pixels, when the frame's fullest stretch holds `peak` events and a row is
/// `row_height` tall ([`super::LayoutOptions::row_height`]): at least a
/// pixel wide, standing [`BAR_BASE`] above the bottom of the lane's first row.
pub fn bar_rect(bin: &DensityBin, peak: usize, row_height: f64) -> (f64, f64, f64, f64) {
    let height = bin.bar_height(peak);
    let width = (bin.x1 - bin.x0).max(1.0);
    let bottom = bin.y + row_height - BAR_BASE;
    (bin.x0, bottom - height, width, height)
}

/// One lane's bars as a single SVG path, a closed rectangle a stretch (so a
/// lane is one element to redraw, however many stretches it has): drawn
/// clockwise from the bar's foot, `M x bottom h width v -height h -width z`.
pub fn bars_path(bins: &[DensityBin], peak: usize, row_height: f64) -> String {
    use std::fmt::Write;
    let mut d = String::with_capacity(bins.len() * 36);
    for bin in bins {
        let (x, top, width, height) = bar_rect(bin, peak, row_height);
        let _ = write!(
            d,
            "M{x:.1} {:.1}h{width:.1}v-{height:.1}h-{width:.1}z",
            top + height
        );
    }
    d
}

/// The overview's histogram as one SVG path in a `0 0 N 100` view box (N
/// the number of bins, stretched to the strip): a bar a non-empty bin, one
/// unit wide, standing on the bottom, from 15 (one event) to 100 (the
/// fullest bin) tall, so even a lone event shows.
pub fn histogram_path(counts: &[u32]) -> String {
    use std::fmt::Write;
    let peak = f64::from(counts.iter().copied().max().unwrap_or(0).max(1));
    let mut d = String::with_capacity(counts.len() * 20);
    for (i, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        let height = 15.0 + 85.0 * f64::from(n) / peak;
        let _ = write!(d, "M{i} 100h1v-{height:.1}h-1z");
    }
    d
}

/// The stretch under `x` among a lane's `bins` (in order, not overlapping),
/// or else the nearest one within `slop` pixels; `None` when none is.
pub fn bin_at(bins: &[DensityBin], x: f64, slop: f64) -> Option<usize> {
    if !x.is_finite() {
        return None;
    }
    // The first stretch whose right edge (at least a pixel) is past x.
    let right = |b: &DensityBin| b.x0 + (b.x1 - b.x0).max(1.0);
    let after = bins.partition_point(|b| right(b) <= x);
    let distance = |i: usize| {
        let b = &bins[i];
        if x < b.x0 {
            b.x0 - x
        } else {
            (x - right(b)).max(0.0)
        }
    };
    let candidates = [after.checked_sub(1), (after < bins.len()).then_some(after)];
    candidates
        .into_iter()
        .flatten()
        .filter(|&i| distance(i) <= slop)
        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};
    use proptest::prelude::*;

    #[test]
    fn a_stretch_names_its_range() {
        let words = &crate::model::date::English;
        let year = |y: i64| crate::model::date::year_start(y);
        assert_eq!(
            stretch_range(words, year(1990), year(1995)),
            "1990\u{2013}1994"
        );
        assert_eq!(
            stretch_range(words, year(1990), year(1990) + 1.0),
            "January 1, 1990"
        );
        assert_eq!(
            stretch_range(words, year(1990) + 61.0, year(1990) + 95.0),
            "March 3, 1990 \u{2013} April 5, 1990"
        );
        assert_eq!(
            stretch_range(words, year(-66_000_000), year(-65_000_000)),
            "66 million years ago\u{2013}65 million years ago"
        );
    }

    #[test]
    fn every_event_inside_the_span_is_counted_once() {
        let d = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
        let (a, b) = d.extent().unwrap();
        let all: Vec<usize> = (0..d.events.len()).collect();
        let index = TimeIndex::build(&d, &all);
        let counts = histogram(&d, &index, &Viewport::fit(a, b, 0.05), 100);
        assert_eq!(counts.iter().sum::<u32>() as usize, d.events.len());
        assert!(
            counts[..10].iter().sum::<u32>() >= 2,
            "the two 1960 events sit at the left"
        );
    }

    fn bin(x0: f64, x1: f64, count: usize) -> DensityBin {
        DensityBin {
            lane: 0,
            count,
            start: x0,
            end: x1,
            x0,
            x1,
            y: 100.0,
        }
    }

    #[test]
    fn a_lane_is_one_path_of_one_rectangle_a_stretch() {
        let bins = [bin(0.5, 11.5, 10), bin(12.5, 23.5, 5), bin(40.0, 40.2, 1)];
        let d = bars_path(&bins, 10, 28.0);
        assert_eq!(
            d,
            "M0.5 126.0h11.0v-24.0h-11.0z\
             M12.5 126.0h11.0v-13.0h-11.0z\
             M40.0 126.0h1.0v-4.2h-1.0z"
        );
        assert_eq!(bars_path(&[], 1, 28.0), "");
    }

    #[test]
    fn the_overview_is_one_path_of_a_bar_a_busy_bin() {
        assert_eq!(
            histogram_path(&[0, 4, 0, 1, 2]),
            "M1 100h1v-100.0h-1zM3 100h1v-36.2h-1zM4 100h1v-57.5h-1z"
        );
        assert_eq!(histogram_path(&[0, 0]), "");
        assert_eq!(histogram_path(&[]), "");
    }

    #[test]
    fn the_pointer_finds_the_stretch_under_it_or_the_nearest() {
        let bins = [bin(0.5, 11.5, 10), bin(36.5, 47.5, 5)];
        assert_eq!(bin_at(&bins, 3.0, 0.0), Some(0));
        assert_eq!(bin_at(&bins, 11.4, 0.0), Some(0));
        assert_eq!(bin_at(&bins, 20.0, 0.0), None);
        assert_eq!(bin_at(&bins, 20.0, 9.0), Some(0));
        assert_eq!(bin_at(&bins, 30.0, 9.0), Some(1));
        assert_eq!(bin_at(&bins, 60.0, 6.0), None);
        assert_eq!(bin_at(&bins, f64::NAN, 6.0), None);
        assert_eq!(bin_at(&[], 1.0, 6.0), None);
    }

    proptest! {
        /// Pointing finds what a look along the row finds: the stretch under
        /// the pointer, else the nearest within the slop.
        #[test]
        fn bin_at_agrees_with_a_linear_search(
            widths in proptest::collection::vec((0.0f64..20.0, 0.0f64..30.0), 0..40),
            x in -50.0f64..900.0,
            slop in 0.0f64..12.0,
        ) {
            let mut bins = Vec::new();
            let mut left = 0.0;
            for (gap, width) in widths {
                let x0 = left + gap;
                bins.push(bin(x0, x0 + width, 1));
                left = x0 + width.max(1.0);
            }
            let distance = |b: &DensityBin| {
                let right = b.x0 + (b.x1 - b.x0).max(1.0);
                if x < b.x0 { b.x0 - x } else { (x - right).max(0.0) }
            };
            let best = bins.iter().map(distance).fold(f64::INFINITY, f64::min);
            match bin_at(&bins, x, slop) {
                Some(i) => {
                    prop_assert!(distance(&bins[i]) <= slop);
                    prop_assert_eq!(distance(&bins[i]), best);
                }
                None => prop_assert!(best > slop, "{} within {}", best, slop),
            }
        }

        /// Every stretch is one closed rectangle, standing on the row, as tall
        /// as its share of the peak.
        #[test]
        fn every_stretch_is_one_rectangle_on_the_row(counts in proptest::collection::vec(1usize..500, 0..60)) {
            let bins: Vec<DensityBin> = counts.iter().enumerate().map(|(k, &n)| bin(k as f64 * 12.0 + 0.5, k as f64 * 12.0 + 11.5, n)).collect();
            let peak = counts.iter().copied().max().unwrap_or(1);
            let d = bars_path(&bins, peak, 28.0);
            prop_assert_eq!(d.matches('M').count(), bins.len());
            prop_assert_eq!(d.matches('z').count(), bins.len());
            for (part, b) in d.split('M').skip(1).zip(&bins) {
                let (x, rest) = part.split_once(' ').unwrap();
                prop_assert_eq!(x.parse::<f64>().unwrap(), (b.x0 * 10.0).round() / 10.0);
                let (bottom, rest) = rest.split_once('h').unwrap();
                prop_assert_eq!(bottom, "126.0");
                let height: f64 = rest.split_once("v-").unwrap().1.split_once('h').unwrap().0.parse().unwrap();
                prop_assert!((DensityBin::MIN_BAR - 0.05..=DensityBin::MAX_BAR + 0.05).contains(&height));
            }
        }

        /// Whatever the span, every event that overlaps it is counted once:
        /// the strip neither loses nor repeats events while it follows a pan.
        #[test]
        fn counts_add_up_to_the_events_overlapping_any_span(from in -20_000.0f64..20_000.0, days in 1.0f64..30_000.0, bins in 1usize..300) {
            let d = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
            let all: Vec<usize> = (0..d.events.len()).collect();
            let index = TimeIndex::build(&d, &all);
            let span = Viewport { start: from, end: from + days };
            let counts = histogram(&d, &index, &span, bins);
            let overlapping = d.events.iter().filter(|e| e.range.0 < span.end && e.range.1 > span.start).count();
            prop_assert_eq!(counts.iter().sum::<u32>() as usize, overlapping);
        }

        #[test]
        fn counts_add_up_for_any_bin_count(bins in 0usize..500) {
            let d = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
            let (a, b) = d.extent().unwrap();
            let all: Vec<usize> = (0..d.events.len()).collect();
            let index = TimeIndex::build(&d, &all);
            let counts = histogram(&d, &index, &Viewport::fit(a, b, 0.05), bins);
            prop_assert_eq!(counts.len(), bins);
            if bins > 0 {
                prop_assert_eq!(counts.iter().sum::<u32>() as usize, d.events.len());
            }
        }
    }
}
