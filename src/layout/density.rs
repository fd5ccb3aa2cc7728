//! Density of events over the whole dataset, for the overview strip.

use crate::model::Dataset;

use super::scale::Viewport;

/// Counts the `shown` events whose start falls into each of `bins` equal
/// slices of `span`. Events outside `span` are not counted.
pub fn histogram(dataset: &Dataset, shown: &[usize], span: &Viewport, bins: usize) -> Vec<u32> {
    let mut counts = vec![0u32; bins];
    if bins == 0 {
        return counts;
    }
    let width = span.span();
    for event in shown.iter().filter_map(|&i| dataset.events.get(i)) {
        let middle = (event.range.0 + event.range.1) / 2.0;
        let fraction = (middle - span.start) / width;
        if (0.0..1.0).contains(&fraction) {
            counts[(fraction * bins as f64) as usize] += 1;
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
        let counts = histogram(&d, &all, &Viewport::fit(a, b, 0.05), 100);
        assert_eq!(counts.iter().sum::<u32>() as usize, d.events.len());
        assert!(counts[..10].iter().sum::<u32>() >= 2, "the two 1960 events sit at the left");
    }

    proptest! {
        #[test]
        fn counts_add_up_for_any_bin_count(bins in 0usize..500) {
            let d = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
            let (a, b) = d.extent().unwrap();
            let all: Vec<usize> = (0..d.events.len()).collect();
            let counts = histogram(&d, &all, &Viewport::fit(a, b, 0.05), bins);
            prop_assert_eq!(counts.len(), bins);
            if bins > 0 {
                prop_assert_eq!(counts.iter().sum::<u32>() as usize, d.events.len());
            }
        }
    }
}
