//! Density of events over the whole dataset, for the overview strip.

use crate::model::Dataset;

use super::index::TimeIndex;
use super::scale::Viewport;

/// Counts the indexed events that overlap `span` into `bins` equal slices of
/// it, each event in the slice where it starts (the first slice if it starts
/// before `span`). Costs a few binary searches per bin and lane, whatever the
/// number of events, so the strip can follow every frame of a pan.
pub fn histogram(dataset: &Dataset, index: &TimeIndex, span: &Viewport, bins: usize) -> Vec<u32> {
    let mut counts = vec![0u32; bins];
    for lane in 0..index.lanes() {
        for (total, n) in counts
            .iter_mut()
            .zip(index.histogram(dataset, lane, span.start, span.end, bins))
        {
            *total = total.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};
    use proptest::prelude::*;

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
