//! Density of events: over the whole dataset for the overview strip, and
//! how a stretch of a lane's density histogram reads to a screen reader.

use crate::model::date::{civil_from_days, DateWriter};
use crate::model::{Dataset, Date, Days};

use super::index::TimeIndex;
#[cfg(test)]
use super::scale::Viewport;

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

    proptest! {
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
