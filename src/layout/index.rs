//! A time index over the shown events, so a frame's work depends on what is
//! visible, not on how large the dataset is.
//!
//! Per lane, short events are kept sorted by start with a bound on their
//! length; a window query is two binary searches plus a short scan of the
//! events that start just before the window. The few long spans (longer than
//! 1/64 of the whole dataset) are kept apart and checked one by one. Built
//! once per dataset and filter change.

use std::ops::Range;

use crate::model::{Dataset, Days};

/// Events of one lane.
#[derive(Clone, Debug, Default)]
struct LaneIndex {
    /// Starts of the short events, ascending.
    starts: Vec<Days>,
    /// Ends of the short events, in the same order.
    ends: Vec<Days>,
    /// Dataset indexes of the short events, in the same order.
    events: Vec<u32>,
    /// The longest short event.
    max_short: Days,
    /// Dataset indexes of the long events, by start.
    long: Vec<u32>,
}

/// The index over every lane.
#[derive(Clone, Debug, Default)]
pub struct TimeIndex {
    lanes: Vec<LaneIndex>,
}

impl TimeIndex {
    /// Indexes the events listed in `shown`.
    pub fn build(dataset: &Dataset, shown: &[usize]) -> TimeIndex {
        let extent = dataset.extent().map_or(1.0, |(a, b)| (b - a).max(1e-9));
        let long_from = extent / 64.0;
        let mut lanes = vec![LaneIndex::default(); dataset.lanes.len()];
        let mut order: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| i < dataset.events.len())
            .collect();
        crate::order::sort_by_key(&mut order, |&i| {
            (crate::order::float_key(dataset.events[i].range.0), 0)
        });
        for i in order {
            let event = &dataset.events[i];
            let Some(lane) = lanes.get_mut(event.lane) else {
                continue;
            };
            let (start, end) = event.range;
            if end - start > long_from {
                lane.long.push(i as u32);
            } else {
                lane.starts.push(start);
                lane.ends.push(end);
                lane.events.push(i as u32);
                lane.max_short = lane.max_short.max(end - start);
            }
        }
        TimeIndex { lanes }
    }

    /// Number of lanes.
    pub fn lanes(&self) -> usize {
        self.lanes.len()
    }

    /// Positions of the short events of `lane` that may overlap `[t0, t1)`:
    /// those starting up to `max_short` before `t0`.
    fn candidates(&self, lane: usize, t0: Days, t1: Days) -> (Range<usize>, usize) {
        let l = &self.lanes[lane];
        let first = l.starts.partition_point(|&s| s < t0 - l.max_short);
        let inside = l.starts.partition_point(|&s| s < t0);
        let last = l.starts.partition_point(|&s| s < t1);
        (first..last, inside)
    }

    /// Dataset indexes of the events of `lane` that overlap `[t0, t1)`, long
    /// spans first, then short events in start order.
    pub fn overlapping(&self, dataset: &Dataset, lane: usize, t0: Days, t1: Days) -> Vec<usize> {
        let Some(l) = self.lanes.get(lane) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = l
            .long
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| dataset.events[i].range.0 < t1 && dataset.events[i].range.1 > t0)
            .collect();
        let (range, _) = self.candidates(lane, t0, t1);
        out.extend(
            range
                .filter(|&p| l.ends[p] > t0)
                .map(|p| l.events[p] as usize),
        );
        out
    }

    /// How many events of `lane` overlap `[t0, t1)`, without listing them.
    pub fn count(&self, dataset: &Dataset, lane: usize, t0: Days, t1: Days) -> usize {
        let Some(l) = self.lanes.get(lane) else {
            return 0;
        };
        let long = l
            .long
            .iter()
            .filter(|&&i| {
                dataset.events[i as usize].range.0 < t1 && dataset.events[i as usize].range.1 > t0
            })
            .count();
        let (range, inside) = self.candidates(lane, t0, t1);
        let before = (range.start..inside.min(range.end))
            .filter(|&p| l.ends[p] > t0)
            .count();
        long + before + range.end.saturating_sub(inside.max(range.start))
    }

    /// Counts the events of `lane` overlapping `[t0, t1)` into `buckets`
    /// equal slices, each event in the slice where it starts (or the first
    /// slice, if it starts before `t0`). The counts add up to [`TimeIndex::count`].
    pub fn histogram(
        &self,
        dataset: &Dataset,
        lane: usize,
        t0: Days,
        t1: Days,
        buckets: usize,
    ) -> Vec<usize> {
        if buckets == 0 {
            return Vec::new();
        }
        let width = (t1 - t0) / buckets as f64;
        let edges: Vec<Days> = (0..=buckets)
            .map(|k| match k {
                0 => t0,
                k if k == buckets => t1,
                k => t0 + width * k as f64,
            })
            .collect();
        self.histogram_at(dataset, lane, &edges)
    }

    /// Like [`TimeIndex::histogram`], with slices between the given
    /// ascending `edges` (one more than the slices) rather than equal ones:
    /// equal in pixels on a warped axis. A binary search per edge.
    pub fn histogram_at(&self, dataset: &Dataset, lane: usize, edges: &[Days]) -> Vec<usize> {
        let buckets = edges.len().saturating_sub(1);
        let mut counts = vec![0; buckets];
        let Some(l) = self.lanes.get(lane).filter(|_| buckets > 0) else {
            return counts;
        };
        let (t0, t1) = (edges[0], edges[buckets]);
        let bucket_of = |t: Days| {
            edges[1..buckets]
                .partition_point(|&e| e <= t)
                .min(buckets - 1)
        };
        for &i in &l.long {
            let (s, e) = dataset.events[i as usize].range;
            if s < t1 && e > t0 {
                counts[bucket_of(s)] += 1;
            }
        }
        let (range, inside) = self.candidates(lane, t0, t1);
        counts[0] += (range.start..inside.min(range.end))
            .filter(|&p| l.ends[p] > t0)
            .count();
        let mut previous = inside.max(range.start);
        for (k, count) in counts.iter_mut().enumerate() {
            let next = l
                .starts
                .partition_point(|&s| s < edges[k + 1])
                .max(previous);
            *count += next - previous;
            previous = next;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;
    use proptest::prelude::*;

    fn dataset(events: &[(i64, i64, usize)]) -> Dataset {
        let lanes = ["a", "b", "c"];
        let body: Vec<String> = events
            .iter()
            .enumerate()
            .map(|(i, &(start, len, lane))| {
                let end = if len > 0 {
                    format!(r#", "end": "{}""#, start + len)
                } else {
                    String::new()
                };
                format!(
                    r#"{{"id": "e{i}", "title": "E{i}", "start": "{start}"{end}, "lane": "{}"}}"#,
                    lanes[lane]
                )
            })
            .collect();
        let text = format!(
            r#"{{"lanes": [{{"id": "a"}}, {{"id": "b"}}, {{"id": "c"}}], "events": [{}]}}"#,
            body.join(",")
        );
        parse_dataset(&text).unwrap().dataset
    }

    fn brute(d: &Dataset, lane: usize, t0: Days, t1: Days) -> Vec<usize> {
        (0..d.events.len())
            .filter(|&i| {
                d.events[i].lane == lane && d.events[i].range.0 < t1 && d.events[i].range.1 > t0
            })
            .collect()
    }

    proptest! {
        #[test]
        fn queries_match_a_full_scan(
            events in proptest::collection::vec((1000i64..1200, 0i64..60, 0usize..3), 1..80),
            a in 990i64..1210, len in 1i64..100, buckets in 1usize..40,
        ) {
            let d = dataset(&events);
            let all: Vec<usize> = (0..d.events.len()).collect();
            let index = TimeIndex::build(&d, &all);
            let (t0, t1) = (Date::Year(a).range().0, Date::Year(a + len).range().0);
            for lane in 0..3 {
                let mut found = index.overlapping(&d, lane, t0, t1);
                found.sort();
                let expected = brute(&d, lane, t0, t1);
                prop_assert_eq!(&found, &expected);
                prop_assert_eq!(index.count(&d, lane, t0, t1), expected.len());
                let histogram = index.histogram(&d, lane, t0, t1, buckets);
                prop_assert_eq!(histogram.iter().sum::<usize>(), expected.len(), "counts add up");
            }
        }

        #[test]
        fn only_shown_events_are_indexed(events in proptest::collection::vec((1000i64..1200, 0i64..60, 0usize..3), 1..40), keep in any::<u64>()) {
            let d = dataset(&events);
            let shown: Vec<usize> = (0..d.events.len()).filter(|i| keep >> (i % 64) & 1 == 1).collect();
            let index = TimeIndex::build(&d, &shown);
            let (t0, t1) = (Date::Year(900).range().0, Date::Year(1300).range().0);
            let mut found: Vec<usize> = (0..3).flat_map(|lane| index.overlapping(&d, lane, t0, t1)).collect();
            found.sort();
            prop_assert_eq!(found, shown);
        }
    }

    use crate::model::Date;
}
