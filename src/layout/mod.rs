//! Layout math: from a dataset and a viewport to pixel positions.
//!
//! Pure functions of their inputs, with no yew or DOM: [`scale`] maps time to
//! pixels, [`ticks`] chooses the axis labels, [`rows`] stacks labels so they
//! never overlap, and [`layout`] puts it all together for one frame.

pub mod density;
pub mod rows;
pub mod scale;
pub mod ticks;

use crate::model::Dataset;
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

/// Everything one frame draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// The axis ticks and context row.
    pub axis: Axis,
    /// Lane bands, top to bottom.
    pub lanes: Vec<LaneBand>,
    /// Visible events, in chronological order.
    pub events: Vec<PlacedEvent>,
    /// Total height of the lanes area.
    pub height: f64,
}

/// Lays out the events of `dataset` listed in `shown` (indexes in date order,
/// usually those the filters let through) that fall inside `view`, `width`
/// pixels wide.
pub fn layout(dataset: &Dataset, shown: &[usize], view: &Viewport, width: f64, options: &LayoutOptions) -> TimelineLayout {
    let width = width.max(1.0);
    // Keep marks that are partly on screen: a point's radius or a label may
    // still show when its date is just off the edge.
    let margin = view.span() / width * (options.point_radius + 2.0);
    let mut items = Vec::new();
    let mut indexes = Vec::new();
    for (index, event) in shown.iter().filter_map(|&i| dataset.events.get(i).map(|e| (i, e))) {
        if !view.overlaps(event.range.0 - margin, event.range.1 + margin) {
            continue;
        }
        let instant = event.is_instant();
        let (x0, x1, label_x) = if instant {
            let x = view.x((event.range.0 + event.range.1) / 2.0, width);
            (x - options.point_radius, x + options.point_radius, x + options.point_radius + 5.0)
        } else {
            let x0 = view.x(event.range.0, width).max(-options.min_bar);
            let x1 = view.x(event.range.1, width).min(width + options.min_bar).max(x0 + options.min_bar);
            (x0, x1, x0.max(0.0) + 6.0)
        };
        let wanted = event.title.chars().count() as f64 * options.char_width + 4.0;
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
        items.push(Item { lane: event.lane, x0, x1, label_x, label_width });
        indexes.push(index);
    }
    let stacked = stack(&items, dataset.lanes.len(), options.stack);

    let mut lanes = Vec::with_capacity(dataset.lanes.len());
    let mut y = 0.0;
    for (lane, rows) in stacked.rows_per_lane.iter().enumerate() {
        let height = options.lane_header + *rows as f64 * options.row_height + options.lane_padding;
        lanes.push(LaneBand { lane, y, height });
        y += height;
    }

    let events = items
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

    TimelineLayout { axis: axis(view, width), lanes, events, height: y }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;
    use crate::model::DEFAULT_DATASET_JSON;

    fn default_dataset() -> Dataset {
        parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset
    }

    fn all(d: &Dataset) -> Vec<usize> {
        (0..d.events.len()).collect()
    }

    #[test]
    fn fit_view_shows_every_event_once() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let view = Viewport::fit(a, b, 0.03);
        let l = layout(&d, &all(&d), &view, 1200.0, &LayoutOptions::default());
        let shown: Vec<usize> = l.events.iter().map(|e| e.index).collect();
        assert_eq!(shown, (0..d.events.len()).collect::<Vec<_>>());
        for e in &l.events {
            assert!(e.x0 >= -10.0 && e.x1 <= 1210.0, "{e:?} is off screen");
        }
    }

    #[test]
    fn culls_events_outside_the_view() {
        let d = default_dataset();
        let year_1998 = crate::model::Date::Year(1998).range();
        let l = layout(&d, &all(&d), &Viewport::new(year_1998.0, year_1998.1), 1000.0, &LayoutOptions::default());
        assert!(!l.events.is_empty());
        for e in &l.events {
            let event = &d.events[e.index];
            assert!(event.range.0 < year_1998.1 + 1.0 && event.range.1 > year_1998.0 - 1.0, "{} is not in 1998", event.id);
        }
    }

    #[test]
    fn only_shown_events_are_laid_out() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let shown = [0, 5, 9];
        let l = layout(&d, &shown, &Viewport::fit(a, b, 0.03), 900.0, &LayoutOptions::default());
        assert_eq!(l.events.iter().map(|e| e.index).collect::<Vec<_>>(), shown);
    }

    #[test]
    fn lanes_are_stacked_without_gaps() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let l = layout(&d, &all(&d), &Viewport::fit(a, b, 0.03), 900.0, &LayoutOptions::default());
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
