//! Layout math: from a dataset and a viewport to pixel positions.
//!
//! Pure functions of their inputs, with no yew or DOM: [`scale`] maps time to
//! pixels, `ticks` chooses the axis labels, `rows` stacks labels so they
//! never overlap, and [`layout`] puts it all together for one frame.

pub(crate) mod density;
pub mod index;
pub(crate) mod rows;
pub mod scale;
pub(crate) mod ticks;

use crate::model::{Dataset, Days};
use index::TimeIndex;
use rows::{stack, Item, StackOptions};
use scale::Viewport;
use ticks::{axis, Axis};

/// Space between a mark and a label placed to its left.
const LABEL_SPACING: f64 = 6.0;

/// Sizes used by [`layout`], in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Height of one row of marks.
    pub row_height: f64,
    /// Height of the lane's name strip above its rows.
    pub lane_header: f64,
    /// Space below the last row of a lane.
    pub lane_padding: f64,
    /// Radius of an instant's point.
    pub point_radius: f64,
    /// Narrowest bar drawn, so a short span stays visible and clickable.
    pub min_bar: f64,
    /// Estimated width of one label character.
    pub char_width: f64,
    /// Label stacking limits.
    pub stack: StackOptions,
    /// Events drawn one by one, across all lanes; a lane over its share is
    /// drawn as clusters.
    pub event_budget: usize,
    /// Width of one cluster, in pixels.
    pub cluster_width: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            row_height: 28.0,
            lane_header: 22.0,
            lane_padding: 8.0,
            point_radius: 7.0,
            min_bar: 10.0,
            char_width: 7.2,
            stack: StackOptions::default(),
            event_budget: 300,
            cluster_width: 44.0,
        }
    }
}

/// A lane's band on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBand {
    /// Index into the dataset's lanes.
    pub lane: usize,
    /// Top edge, in pixels from the top of the lanes area.
    pub y: f64,
    /// Height of the band.
    pub height: f64,
}

/// An event's mark and label on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEvent {
    /// Index into the dataset's events.
    pub index: usize,
    /// Left edge of the mark.
    pub x0: f64,
    /// Right edge of the mark.
    pub x1: f64,
    /// Top edge of the event's row.
    pub y: f64,
    /// Where the label starts.
    pub label_x: f64,
    /// Width the label may use; 0 hides the label (the mark stays).
    pub label_width: f64,
    /// Drawn as a point rather than a bar.
    pub instant: bool,
}

/// A group of events too dense to draw one by one, with their count.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedCluster {
    /// The lane.
    pub lane: usize,
    /// How many events it stands for.
    pub count: usize,
    /// The time range it covers; activating it zooms there.
    pub start: Days,
    /// End of that range.
    pub end: Days,
    /// Left edge, in pixels.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top of its row.
    pub y: f64,
}

/// Everything one frame draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// The axis ticks and context row.
    pub axis: Axis,
    /// Lane bands, top to bottom.
    pub lanes: Vec<LaneBand>,
    /// Visible events drawn one by one.
    pub events: Vec<PlacedEvent>,
    /// Clusters standing for the events of dense lanes.
    pub clusters: Vec<PlacedCluster>,
    /// Total height of the lanes area.
    pub height: f64,
}

/// Lays out the events in `index` (usually those the filters let through)
/// that fall inside `view`, `width` pixels wide, with labels in `lang` (their
/// widths are measured on the text drawn). A lane with more events in
/// view than [`LayoutOptions::event_budget`] allows is drawn as clusters with
/// counts instead, so a frame's work and DOM stay bounded at any dataset size.
pub fn layout(
    dataset: &Dataset,
    index: &TimeIndex,
    view: &Viewport,
    width: f64,
    lang: &str,
    options: &LayoutOptions,
) -> TimelineLayout {
    let width = width.max(1.0);
    // Keep marks that are partly on screen: a point's radius or a label may
    // still show when its date is just off the edge.
    let margin = view.span() / width * (options.point_radius + 2.0);
    let (t0, t1) = (view.start - margin, view.end + margin);
    let lane_count = dataset.lanes.len().min(index.lanes());
    let lane_budget = (options.event_budget / lane_count.max(1)).max(12);
    let mut items = Vec::new();
    let mut indexes = Vec::new();
    let mut dense = vec![false; dataset.lanes.len()];
    for (lane, dense) in dense.iter_mut().enumerate().take(lane_count) {
        if index.count(dataset, lane, t0, t1) > lane_budget {
            *dense = true;
            continue;
        }
        let mut lane_items: Vec<(Item, usize)> = index
            .overlapping(dataset, lane, t0, t1)
            .into_iter()
            .map(|i| (place(&dataset.events[i], view, width, lang, options), i))
            .collect();
        // Stacking reads marks left to right.
        lane_items.sort_by(|a, b| a.0.x0.total_cmp(&b.0.x0));
        for (item, i) in lane_items {
            items.push(item);
            indexes.push(i);
        }
    }
    let stacked = stack(&items, dataset.lanes.len(), options.stack);

    let mut lanes = Vec::with_capacity(dataset.lanes.len());
    let mut y = 0.0;
    for (lane, rows) in stacked.rows_per_lane.iter().enumerate() {
        let height = options.lane_header + *rows as f64 * options.row_height + options.lane_padding;
        lanes.push(LaneBand { lane, y, height });
        y += height;
    }

    let mut events: Vec<PlacedEvent> = items
        .iter()
        .zip(&stacked.placements)
        .zip(indexes)
        .map(|((item, placement), index)| PlacedEvent {
            index,
            x0: item.x0,
            x1: item.x1,
            y: lanes[item.lane].y + options.lane_header + placement.row as f64 * options.row_height,
            label_x: item.label_x,
            label_width: placement.label_width,
            instant: dataset.events[index].is_instant(),
        })
        .collect();
    // Date order in the document, for screen readers browsing the marks.
    events.sort_by_key(|e| e.index);

    let buckets = ((width / options.cluster_width).floor() as usize).max(1);
    let bucket_span = (t1 - t0) / buckets as f64;
    let mut clusters = Vec::new();
    for lane in (0..lane_count).filter(|&l| dense[l]) {
        for (k, count) in index
            .histogram(dataset, lane, t0, t1, buckets)
            .into_iter()
            .enumerate()
        {
            if count == 0 {
                continue;
            }
            let (start, end) = (
                t0 + bucket_span * k as f64,
                t0 + bucket_span * (k + 1) as f64,
            );
            clusters.push(PlacedCluster {
                lane,
                count,
                start,
                end,
                x0: view.x(start, width) + 1.0,
                x1: view.x(end, width) - 1.0,
                y: lanes[lane].y + options.lane_header,
            });
        }
    }

    TimelineLayout {
        axis: axis(view, width),
        lanes,
        events,
        clusters,
        height: y,
    }
}

/// Where an event's mark and label go on one row.
fn place(
    event: &crate::model::Event,
    view: &Viewport,
    width: f64,
    lang: &str,
    options: &LayoutOptions,
) -> Item {
    let (x0, x1, label_x) = if event.is_instant() {
        let x = view.x((event.range.0 + event.range.1) / 2.0, width);
        (
            x - options.point_radius,
            x + options.point_radius,
            x + options.point_radius + 5.0,
        )
    } else {
        let x0 = view.x(event.range.0, width).max(-options.min_bar);
        let x1 = view
            .x(event.range.1, width)
            .min(width + options.min_bar)
            .max(x0 + options.min_bar);
        (x0, x1, x0.max(0.0) + 6.0)
    };
    let wanted = event.title.get(lang).chars().count() as f64 * options.char_width + 4.0;
    // Near the right edge a label goes to the left of its mark, if there
    // is more room there.
    let room_right = width - label_x;
    let room_left = x0 - LABEL_SPACING;
    let (label_x, label_width) = if wanted > room_right && room_left > room_right {
        let w = wanted.min(room_left);
        (x0 - LABEL_SPACING + 2.0 - w, w)
    } else {
        (label_x, wanted.min(room_right).max(0.0))
    };
    Item {
        lane: event.lane,
        x0,
        x1,
        label_x,
        label_width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;
    use crate::model::DEFAULT_DATASET_JSON;

    fn default_dataset() -> Dataset {
        parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset
    }

    fn all(d: &Dataset) -> TimeIndex {
        TimeIndex::build(d, &(0..d.events.len()).collect::<Vec<_>>())
    }

    #[test]
    fn fit_view_shows_every_event_once() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let view = Viewport::fit(a, b, 0.03);
        let l = layout(&d, &all(&d), &view, 1200.0, "en", &LayoutOptions::default());
        let shown: Vec<usize> = l.events.iter().map(|e| e.index).collect();
        assert_eq!(
            shown,
            (0..d.events.len()).collect::<Vec<_>>(),
            "every event, in date order"
        );
        assert!(l.clusters.is_empty(), "26 events never need clusters");
        for e in &l.events {
            assert!(e.x0 >= -10.0 && e.x1 <= 1210.0, "{e:?} is off screen");
        }
    }

    #[test]
    fn culls_events_outside_the_view() {
        let d = default_dataset();
        let year_1998 = crate::model::Date::Year(1998).range();
        let l = layout(
            &d,
            &all(&d),
            &Viewport::new(year_1998.0, year_1998.1),
            1000.0,
            "en",
            &LayoutOptions::default(),
        );
        assert!(!l.events.is_empty());
        for e in &l.events {
            let event = &d.events[e.index];
            assert!(
                event.range.0 < year_1998.1 + 1.0 && event.range.1 > year_1998.0 - 1.0,
                "{} is not in 1998",
                event.id
            );
        }
    }

    #[test]
    fn only_shown_events_are_laid_out() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let shown = [0, 5, 9];
        let l = layout(
            &d,
            &TimeIndex::build(&d, &shown),
            &Viewport::fit(a, b, 0.03),
            900.0,
            "en",
            &LayoutOptions::default(),
        );
        let mut placed: Vec<usize> = l.events.iter().map(|e| e.index).collect();
        placed.sort();
        assert_eq!(placed, shown);
    }

    fn synthetic(n: usize, seed: u64) -> Dataset {
        // A small linear congruential generator keeps the test reproducible.
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 33
        };
        let events: Vec<String> = (0..n)
            .map(|i| {
                let day = 1 + next() % 28;
                let month = 1 + next() % 12;
                let year = 1900 + next() % 120;
                format!(r#"{{"id": "e{i}", "title": "Event {i}", "start": "{year}-{month:02}-{day:02}", "lane": "l{}"}}"#, next() % 4)
            })
            .collect();
        parse_dataset(&format!(r#"{{"events": [{}]}}"#, events.join(",")))
            .unwrap()
            .dataset
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        #[test]
        fn culling_and_clusters_never_lose_or_duplicate_an_event(n in 1usize..3000, seed in 0u64..1000, zoom in 0.001f64..1.5, at in 0.0f64..1.0, width in 300f64..2000.0) {
            let d = synthetic(n, seed);
            let index = all(&d);
            let (a, b) = d.extent().unwrap();
            let span = (b - a) * zoom;
            let start = a + (b - a) * at - span / 2.0;
            let view = Viewport::new(start, start + span);
            let options = LayoutOptions::default();
            let l = layout(&d, &index, &view, width, "en", &options);
            let margin = view.span() / width * (options.point_radius + 2.0);
            let expected = d.events.iter().filter(|e| e.range.0 < view.end + margin && e.range.1 > view.start - margin).count();
            let mut placed: Vec<usize> = l.events.iter().map(|e| e.index).collect();
            placed.sort();
            placed.dedup();
            proptest::prop_assert_eq!(placed.len(), l.events.len(), "an event drawn twice");
            let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
            proptest::prop_assert_eq!(placed.len() + clustered, expected, "counts add up");
            proptest::prop_assert!(l.events.len() <= options.event_budget.max(12 * d.lanes.len()), "{} marks", l.events.len());
            proptest::prop_assert!(l.clusters.len() <= d.lanes.len() * (width / options.cluster_width) as usize + d.lanes.len());
        }
    }

    #[test]
    fn label_widths_are_measured_on_the_title_in_the_chosen_language() {
        let d = parse_dataset(
            r#"{"events": [{"id": "a", "title": {"en": "Pact", "de": "Freundschaftsvertrag unterzeichnet"}, "start": "2000-01-01"}]}"#,
        )
        .unwrap()
        .dataset;
        let (a, b) = d.extent().unwrap();
        let options = LayoutOptions::default();
        let width_in = |lang: &str| {
            let l = layout(
                &d,
                &all(&d),
                &Viewport::fit(a, b, 0.4),
                1200.0,
                lang,
                &options,
            );
            l.events[0].label_width
        };
        let wanted = |title: &str| title.chars().count() as f64 * options.char_width + 4.0;
        assert_eq!(width_in("en"), wanted("Pact"));
        assert_eq!(width_in("de"), wanted("Freundschaftsvertrag unterzeichnet"));
    }

    #[test]
    fn a_dense_view_becomes_clusters() {
        let d = synthetic(5000, 7);
        let (a, b) = d.extent().unwrap();
        let l = layout(
            &d,
            &all(&d),
            &Viewport::fit(a, b, 0.02),
            1200.0,
            "en",
            &LayoutOptions::default(),
        );
        assert!(l.events.is_empty());
        assert_eq!(l.clusters.iter().map(|c| c.count).sum::<usize>(), 5000);
        assert!(l.clusters.len() <= 4 * 28);
    }

    #[test]
    fn lanes_are_stacked_without_gaps() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let l = layout(
            &d,
            &all(&d),
            &Viewport::fit(a, b, 0.03),
            900.0,
            "en",
            &LayoutOptions::default(),
        );
        assert_eq!(l.lanes.len(), d.lanes.len());
        let mut y = 0.0;
        for band in &l.lanes {
            assert_eq!(band.y, y);
            y += band.height;
        }
        assert_eq!(l.height, y);
        for e in &l.events {
            let band = &l.lanes[d.events[e.index].lane];
            assert!(e.y >= band.y && e.y < band.y + band.height);
        }
    }
}
