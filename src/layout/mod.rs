//! Layout math: from a dataset and a viewport to pixel positions.
//!
//! Pure functions of their inputs, with no yew or DOM: [`scale`] maps time to
//! pixels, `ticks` chooses the axis labels, `rows` stacks marks and labels
//! so nothing collides, [`measure`] says how wide text is, and [`layout`] puts
//! it all together for one frame; [`arrows`] draws the open event's relations
//! on a frame, and [`svg`] writes the whole timeline as an SVG document.

pub mod arrows;
pub(crate) mod density;
pub mod index;
pub mod measure;
pub(crate) mod rows;
pub mod scale;
pub mod svg;
pub(crate) mod ticks;
pub mod warp;

use crate::model::{Dataset, Days, Status};
use index::TimeIndex;
use measure::{Measure, TextStyle};
use rows::{stack, Item, StackOptions};
use scale::Viewport;
use ticks::{warped_axis, Axis};
use warp::{Scale, Warp};

/// What the layout needs to know about text: how wide it is, and which
/// language's titles are shown.
#[derive(Clone, Copy)]
pub struct Typeset<'a> {
    /// Text widths, in CSS pixels.
    pub measure: &'a dyn Measure,
    /// The language titles are shown in.
    pub lang: &'a str,
}

/// Room added to a measured label, for rounding.
const LABEL_SLACK: f64 = 4.0;
/// An instant's label has a backdrop with 3 px of padding each side
/// (`.annals-instant .annals-label`), inside its width.
const INSTANT_LABEL_PADDING: f64 = 6.0;

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
    /// Height of one row of era labels, below the lanes.
    pub era_row_height: f64,
    /// Era label rows at most; an era label that finds no room is hidden.
    pub max_era_rows: usize,
    /// An era label with less of its band than this (and less than its full
    /// width) is hidden; the band stays. Smaller than an event label's
    /// minimum (`StackOptions::min_label`), as a narrow era's short name
    /// ("Mesozoic") is still worth reading in the room its band gives it.
    pub min_era_label: f64,
    /// Label stacking limits.
    pub stack: StackOptions,
    /// Events drawn one by one, across all lanes; a lane over its share is
    /// drawn as clusters.
    pub event_budget: usize,
    /// Width of one cluster, in pixels.
    pub cluster_width: f64,
    /// A dense lane with at least this many events in view is drawn as a
    /// density histogram rather than clusters.
    pub density_from: usize,
    /// Width of one bar of a density histogram, in pixels.
    pub density_bin: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            row_height: 28.0,
            lane_header: 22.0,
            lane_padding: 8.0,
            point_radius: 7.0,
            min_bar: 10.0,
            era_row_height: 18.0,
            max_era_rows: 2,
            min_era_label: 28.0,
            stack: StackOptions::default(),
            event_budget: 300,
            cluster_width: 44.0,
            density_from: 100,
            density_bin: 12.0,
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

/// One bar of a lane's density histogram: the events of a stretch of time
/// too dense for marks or clusters.
#[derive(Clone, Debug, PartialEq)]
pub struct DensityBin {
    /// The lane.
    pub lane: usize,
    /// How many events start in the stretch.
    pub count: usize,
    /// The time range it covers; activating it zooms there.
    pub start: Days,
    /// End of that range.
    pub end: Days,
    /// Left edge, in pixels.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top of the lane's first row.
    pub y: f64,
}

impl DensityBin {
    /// Height of the tallest bar, in pixels.
    pub const MAX_BAR: f64 = 24.0;
    /// Every non-empty stretch shows at least this much bar.
    pub const MIN_BAR: f64 = 2.0;
    /// Lane colours: the lane's index picks one (`annals-hue-N` in the CSS).
    pub const HUES: usize = 6;

    /// The bar's height when the frame's fullest stretch holds `peak` events.
    pub fn bar_height(&self, peak: usize) -> f64 {
        Self::MIN_BAR + (Self::MAX_BAR - Self::MIN_BAR) * self.count as f64 / peak.max(1) as f64
    }
}

/// An era's band and label on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEra {
    /// Index into the dataset's eras.
    pub index: usize,
    /// Left edge of the band, clipped to the view.
    pub x0: f64,
    /// Right edge of the band, clipped to the view.
    pub x1: f64,
    /// Row of the label in the era strip below the lanes, from 0 at the bottom.
    pub label_row: usize,
    /// Width the label may use, from 6 px inside the band's left edge; 0 hides it.
    pub label_width: f64,
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
    /// Density histograms of the lanes with the most events in view, bar by
    /// bar, lane by lane; empty stretches have no bar.
    pub density: Vec<DensityBin>,
    /// The largest count of a density bar, the top of the legend's scale.
    pub density_peak: usize,
    /// Eras in view, with their labels in a strip below the lanes so they
    /// never cover a mark or an event's label.
    pub eras: Vec<PlacedEra>,
    /// Total height of the lanes area, the era strip included.
    pub height: f64,
}

/// Lays out the events in `index` (usually those the filters let through)
/// that fall inside `view`, `width` pixels wide, time mapped onto the axis by
/// `warp` (`&Warp::Linear` for a straight axis). A lane with more events in
/// view than [`LayoutOptions::event_budget`] allows, or whose marks would need
/// more than `StackOptions::max_mark_rows` rows to stay apart, is drawn as
/// clusters with counts instead, or, from [`LayoutOptions::density_from`]
/// events in view, as a density histogram; so a frame's work and DOM stay
/// bounded at any dataset size and no two marks ever overlap.
pub fn layout(
    dataset: &Dataset,
    index: &TimeIndex,
    view: &Viewport,
    warp: &Warp,
    width: f64,
    options: &LayoutOptions,
    text: Typeset,
) -> TimelineLayout {
    let width = width.max(1.0);
    let scale = Scale::new(view, warp, width);
    // Keep marks that are partly on screen: a point's radius or a label may
    // still show when its date is just off the edge.
    let margin = options.point_radius + 2.0;
    let (t0, t1) = (scale.time_at(-margin), scale.time_at(width + margin));
    let lane_count = dataset.lanes.len().min(index.lanes());
    let lane_budget = (options.event_budget / lane_count.max(1)).max(12);
    let mut items = Vec::new();
    let mut indexes = Vec::new();
    let mut dense = vec![false; dataset.lanes.len()];
    let mut in_view = vec![0; dataset.lanes.len()];
    for (lane, dense) in dense.iter_mut().enumerate().take(lane_count) {
        in_view[lane] = index.count(dataset, lane, t0, t1);
        if in_view[lane] > lane_budget {
            *dense = true;
            continue;
        }
        for i in index.overlapping(dataset, lane, t0, t1) {
            items.push(place(&dataset.events[i], &scale, options, text));
            indexes.push(i);
        }
    }
    let stacked = stack(&items, dataset.lanes.len(), width, options.stack);
    for (lane, full) in stacked.overfull.iter().enumerate() {
        dense[lane] |= *full;
    }

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
        .filter(|((item, _), _)| !dense[item.lane])
        .map(|((item, placement), index)| PlacedEvent {
            index,
            x0: item.x0,
            x1: item.x1,
            y: lanes[item.lane].y + options.lane_header + placement.row as f64 * options.row_height,
            label_x: placement.label_x,
            label_width: placement.label_width,
            instant: dataset.events[index].is_instant(),
        })
        .collect();
    // Date order in the document, for screen readers browsing the marks.
    crate::order::sort_by_key(&mut events, |e| (e.index as u64, 0));

    // Bucket edges are equal in pixels, so they follow the warp.
    let edges = |bucket: f64| {
        let buckets = (((width + 2.0 * margin) / bucket).floor() as usize).max(1);
        let step = (width + 2.0 * margin) / buckets as f64;
        let mut edges: Vec<Days> = (0..=buckets)
            .map(|k| scale.time_at(-margin + step * k as f64))
            .collect();
        (edges[0], edges[buckets]) = (t0, t1);
        edges
    };
    let cluster_edges = edges(options.cluster_width);
    let density_edges = edges(options.density_bin);
    let mut clusters = Vec::new();
    let mut density = Vec::new();
    for lane in (0..lane_count).filter(|&l| dense[l]) {
        let y = lanes[lane].y + options.lane_header;
        let (edges, inset) = if in_view[lane] >= options.density_from {
            (&density_edges, 0.5)
        } else {
            (&cluster_edges, 1.0)
        };
        let counts = index.histogram_at(dataset, lane, edges);
        for (k, count) in counts.into_iter().enumerate().filter(|(_, n)| *n > 0) {
            let (start, end) = (edges[k], edges[k + 1]);
            let (x0, x1) = (scale.x(start) + inset, scale.x(end) - inset);
            if in_view[lane] >= options.density_from {
                density.push(DensityBin {
                    lane,
                    count,
                    start,
                    end,
                    x0,
                    x1,
                    y,
                });
            } else {
                clusters.push(PlacedCluster {
                    lane,
                    count,
                    start,
                    end,
                    x0,
                    x1,
                    y,
                });
            }
        }
    }
    let density_peak = density.iter().map(|b| b.count).max().unwrap_or(0);

    let eras = place_eras(dataset, &scale, options, text);
    let era_rows = eras
        .iter()
        .filter(|e| e.label_width > 0.0)
        .map(|e| e.label_row + 1)
        .max()
        .unwrap_or(0);
    TimelineLayout {
        axis: warped_axis(
            &scale,
            text.measure,
            crate::i18n::Locale::of(text.lang).dates(),
        ),
        lanes,
        events,
        clusters,
        density,
        density_peak,
        eras,
        height: y + era_rows as f64 * options.era_row_height,
    }
}

/// The eras in view, each label in the lowest row of the era strip where it
/// is clear of the others; a label that finds no row, or has less of its
/// band than [`LayoutOptions::min_era_label`], is hidden (the band stays).
fn place_eras(
    dataset: &Dataset,
    scale: &Scale,
    options: &LayoutOptions,
    text: Typeset,
) -> Vec<PlacedEra> {
    const INSET: f64 = 6.0;
    let mut rows: Vec<Vec<(f64, f64)>> = vec![Vec::new(); options.max_era_rows];
    let mut out = Vec::new();
    for (index, era) in dataset.eras.iter().enumerate() {
        if !scale.view.overlaps(era.range.0, era.range.1) {
            continue;
        }
        let x0 = scale.x(era.range.0).max(0.0);
        let x1 = scale.x(era.range.1).min(scale.width);
        let wanted = text
            .measure
            .width(era.title.get(text.lang), TextStyle::Heading)
            + LABEL_SLACK;
        let room = (x1 - x0 - 2.0 * INSET).max(0.0);
        let label_width = wanted.min(room);
        let span = (x0 + INSET, x0 + INSET + label_width);
        let free = (label_width >= options.min_era_label.min(wanted))
            .then(|| {
                rows.iter().position(|row| {
                    row.iter().all(|r| {
                        span.1 + options.stack.gap <= r.0 || r.1 + options.stack.gap <= span.0
                    })
                })
            })
            .flatten();
        if let Some(row) = free {
            rows[row].push(span);
        }
        out.push(PlacedEra {
            index,
            x0,
            x1,
            label_row: free.unwrap_or(0),
            label_width: if free.is_some() { label_width } else { 0.0 },
        });
    }
    out
}

/// Where an event's mark and label go on one row.
fn place(
    event: &crate::model::Event,
    scale: &Scale,
    options: &LayoutOptions,
    text: Typeset,
) -> Item {
    let width = scale.width;
    let style = match event.status {
        Status::Planned | Status::Proposed => TextStyle::LabelItalic,
        _ => TextStyle::Label,
    };
    let title = event.title.get(text.lang);
    let label_width = if title.is_empty() {
        0.0
    } else {
        let padding = if event.is_instant() {
            INSTANT_LABEL_PADDING
        } else {
            0.0
        };
        text.measure.width(title, style) + LABEL_SLACK + padding
    };
    let (x0, x1, label_x) = if event.is_instant() {
        let x = scale.x((event.range.0 + event.range.1) / 2.0);
        (
            x - options.point_radius,
            x + options.point_radius,
            x + options.point_radius + 5.0,
        )
    } else {
        let x0 = scale.x(event.range.0).max(-options.min_bar);
        let x1 = scale
            .x(event.range.1)
            .min(width + options.min_bar)
            .max(x0 + options.min_bar);
        // A bar wide enough holds its label; a narrower one has it beside
        // it, so the text never runs across the bar's own edge.
        let inside = x0.max(0.0) + 6.0;
        let label_x = if inside + label_width <= x1 - 6.0 {
            inside
        } else {
            x1 + 5.0
        };
        (x0, x1, label_x)
    };
    Item {
        lane: event.lane,
        x0,
        x1,
        label_x,
        label_width,
        priority: event.label_priority(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;
    use crate::model::{Date, DEFAULT_DATASET_JSON};
    use measure::Advances;

    const NATIVE: Typeset<'static> = Typeset {
        measure: &Advances,
        lang: "",
    };

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
        let l = layout(
            &d,
            &all(&d),
            &view,
            &Warp::Linear,
            1200.0,
            &LayoutOptions::default(),
            NATIVE,
        );
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
            &Warp::Linear,
            1000.0,
            &LayoutOptions::default(),
            NATIVE,
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
            &Warp::Linear,
            900.0,
            &LayoutOptions::default(),
            NATIVE,
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
            let l = layout(&d, &index, &view, &Warp::Linear, width, &options, NATIVE);
            let margin = view.span() / width * (options.point_radius + 2.0);
            let expected = d.events.iter().filter(|e| e.range.0 < view.end + margin && e.range.1 > view.start - margin).count();
            let mut placed: Vec<usize> = l.events.iter().map(|e| e.index).collect();
            placed.sort();
            placed.dedup();
            proptest::prop_assert_eq!(placed.len(), l.events.len(), "an event drawn twice");
            let clustered: usize = l.clusters.iter().map(|c| c.count).sum::<usize>()
                + l.density.iter().map(|b| b.count).sum::<usize>();
            proptest::prop_assert_eq!(placed.len() + clustered, expected, "counts add up");
            proptest::prop_assert!(l.events.len() <= options.event_budget.max(12 * d.lanes.len()), "{} marks", l.events.len());
            proptest::prop_assert!(l.clusters.len() <= d.lanes.len() * (width / options.cluster_width) as usize + d.lanes.len());
            proptest::prop_assert!(l.density.len() <= d.lanes.len() * ((width + 2.0 * (options.point_radius + 2.0)) / options.density_bin) as usize + d.lanes.len());
            for lane in 0..d.lanes.len() {
                let clusters = l.clusters.iter().filter(|c| c.lane == lane).count();
                let bars = l.density.iter().filter(|b| b.lane == lane).count();
                proptest::prop_assert!(clusters == 0 || bars == 0, "lane {} is both clusters and density", lane);
            }
        }
    }

    /// Every box a frame draws, as (x0, x1, y0, y1, owner): marks and event
    /// labels (owned by their event), and era labels, positioned as
    /// `static/annals.css` draws them.
    fn boxes(l: &TimelineLayout, options: &LayoutOptions) -> Vec<(f64, f64, f64, f64, usize)> {
        let mut out = Vec::new();
        for e in &l.events {
            out.push((e.x0, e.x1, e.y + 3.0, e.y + 25.0, e.index));
            if e.label_width > 0.0 {
                out.push((
                    e.label_x,
                    e.label_x + e.label_width,
                    e.y + 5.0,
                    e.y + 23.0,
                    e.index,
                ));
            }
        }
        for era in l.eras.iter().filter(|e| e.label_width > 0.0) {
            let bottom = l.height - 2.0 - era.label_row as f64 * options.era_row_height;
            out.push((
                era.x0 + 6.0,
                era.x0 + 6.0 + era.label_width,
                bottom - 16.0,
                bottom,
                usize::MAX - era.index,
            ));
        }
        out
    }

    fn collisions(l: &TimelineLayout, options: &LayoutOptions) -> Vec<String> {
        let b = boxes(l, options);
        let mut out = Vec::new();
        for (i, p) in b.iter().enumerate() {
            for q in &b[i + 1..] {
                if p.4 != q.4 && p.0 < q.1 && q.0 < p.1 && p.2 < q.3 && q.2 < p.3 {
                    out.push(format!("{p:?} and {q:?}"));
                }
            }
        }
        out
    }

    #[test]
    fn the_default_view_shows_the_story_s_anchors_whole() {
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let options = LayoutOptions::default();
        // The first view: the empty decades compressed, as the app shows it.
        let warp = Warp::for_dataset(&d, warp::AxisKind::Linear);
        assert_eq!(warp.breaks().len(), 1);
        let mut view = warp.fit(a, b, 0.04);
        // The stage is the page width less its padding.
        let width = 1248.0;
        let l = layout(&d, &all(&d), &view, &warp, width, &options, NATIVE);
        let anchors = d
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.importance == Some(5) || e.status == Status::Planned);
        let mut count = 0;
        for (i, e) in anchors {
            count += 1;
            let placed = l.events.iter().find(|p| p.index == i).unwrap();
            let wanted = Advances.width(
                e.title.default_text(),
                if e.status == Status::Planned {
                    TextStyle::LabelItalic
                } else {
                    TextStyle::Label
                },
            );
            assert!(
                placed.label_width >= wanted,
                "{} gets {} of {wanted} px",
                e.id,
                placed.label_width
            );
            assert!(
                placed.label_x >= 0.0 && placed.label_x + placed.label_width <= width,
                "{} runs off screen",
                e.id
            );
        }
        assert_eq!(count, 4, "1960, 1998 and the two planned events");
        for step in 0..6 {
            let l = layout(&d, &all(&d), &view, &warp, width, &options, NATIVE);
            assert_eq!(
                collisions(&l, &options),
                Vec::<String>::new(),
                "after {step} zoom steps"
            );
            view = warp.zoom_at(&view, Date::parse("2005-06").unwrap().range().0, 1.0 / 1.6);
        }
    }

    /// Shown event labels narrower than both their minimum and their whole
    /// width (by more than `slack`), each as "ID shows W of X px".
    fn cut_event_labels(
        d: &Dataset,
        l: &TimelineLayout,
        scale: &Scale,
        options: &LayoutOptions,
        slack: f64,
    ) -> Vec<String> {
        l.events
            .iter()
            .filter(|e| e.label_width > 0.0)
            .filter_map(|e| {
                let wanted = place(&d.events[e.index], scale, options, NATIVE).label_width;
                (e.label_width < options.stack.min_label.min(wanted) - slack).then(|| {
                    format!(
                        "{} shows {} of {wanted} px",
                        d.events[e.index].id, e.label_width
                    )
                })
            })
            .collect()
    }

    #[test]
    fn no_label_in_the_default_view_reads_as_a_letter_and_an_ellipsis() {
        // "I Corps (Forward) activated at Camp Zama" was cut at the right
        // edge to "I …"; it now takes a row where it fits left of its mark.
        let d = default_dataset();
        let (a, b) = d.extent().unwrap();
        let options = LayoutOptions::default();
        let warp = Warp::for_dataset(&d, warp::AxisKind::Linear);
        let view = warp.fit(a, b, 0.04);
        // 1230 px: the prerender's width (`prerender::WIDTH`).
        for width in [1230.0, 1248.0, 994.0, 700.0, 360.0] {
            let scale = Scale::new(&view, &warp, width);
            let l = layout(&d, &all(&d), &view, &warp, width, &options, NATIVE);
            let cut = cut_event_labels(&d, &l, &scale, &options, 0.0);
            assert!(cut.is_empty(), "at {width} px: {}", cut.join("; "));
            let zama = d.index_of("i-corps-forward-camp-zama").unwrap();
            let placed = l.events.iter().find(|e| e.index == zama).unwrap();
            let wanted = place(&d.events[zama], &scale, &options, NATIVE).label_width;
            assert_eq!(placed.label_width, wanted, "at {width} px");
        }
    }

    fn random_dataset(n: usize, seed: u64) -> Dataset {
        let mut x = seed
            .wrapping_mul(2862933555777941757)
            .wrapping_add(3037000493);
        let mut next = move |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let words = [
            "Treaty", "signed", "in", "Kyoto", "WWWW", "iii", "missile", "defense", "talks", "—",
            "2+2",
        ];
        let events: Vec<String> = (0..n)
            .map(|i| {
                let title: Vec<&str> = (0..1 + next(8)).map(|_| words[next(words.len() as u64) as usize]).collect();
                let year = 1950 + next(60);
                let start = format!("{year}-{:02}-{:02}", 1 + next(12), 1 + next(28));
                let end = if next(3) == 0 { format!(r#", "end": "{}""#, year + next(5)) } else { String::new() };
                let status = ["occurred", "planned", "proposed", "cancelled"][next(4) as usize];
                let importance = if next(4) == 0 { format!(r#", "importance": {}"#, 1 + next(5)) } else { String::new() };
                format!(r#"{{"id": "e{i}", "title": "{}", "start": "{start}"{end}, "status": "{status}"{importance}, "lane": "l{}"}}"#, title.join(" "), next(3))
            })
            .collect();
        let eras: Vec<String> = (0..next(4))
            .map(|k| {
                let y = 1950 + next(60);
                format!(
                    r#"{{"title": "Era {k} of the long name", "start": "{y}", "end": "{}"}}"#,
                    y + next(20)
                )
            })
            .collect();
        parse_dataset(&format!(
            r#"{{"eras": [{}], "events": [{}]}}"#,
            eras.join(","),
            events.join(",")
        ))
        .unwrap()
        .dataset
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        #[test]
        fn nothing_collides_at_any_zoom(n in 1usize..200, seed in 0u64..10_000, zoom in 0.002f64..1.5, at in 0.0f64..1.0, width in 300f64..2000.0) {
            let d = random_dataset(n, seed);
            let (a, b) = d.extent().unwrap();
            let span = (b - a) * zoom;
            let start = a + (b - a) * at - span / 2.0;
            let view = Viewport::new(start, start + span);
            let options = LayoutOptions::default();
            let warp = Warp::for_dataset(&d, warp::AxisKind::Linear);
            let l = layout(&d, &all(&d), &view, &warp, width, &options, NATIVE);
            let found = collisions(&l, &options);
            proptest::prop_assert!(found.is_empty(), "{}", found.join("\n"));
            // A shown label is whole or at least its minimum: an event's
            // (never a letter and an ellipsis), or an era's smaller one.
            let scale = Scale::new(&view, &warp, width.max(1.0));
            let cut = cut_event_labels(&d, &l, &scale, &options, 1e-6);
            proptest::prop_assert!(cut.is_empty(), "{}", cut.join("; "));
            for era in l.eras.iter().filter(|e| e.label_width > 0.0) {
                let wanted = Advances.width(d.eras[era.index].title.default_text(), TextStyle::Heading) + LABEL_SLACK;
                proptest::prop_assert!(era.label_width >= options.min_era_label.min(wanted) - 1e-6,
                    "era {} shows {} of {wanted} px", era.index, era.label_width);
            }
            // The most important label in view that was hidden or cut lost
            // its room to one at least as important.
            for e in &l.events {
                let event = &d.events[e.index];
                let (italic, upright) = (Advances.width(event.title.default_text(), TextStyle::LabelItalic), Advances.width(event.title.default_text(), TextStyle::Label));
                let wanted = italic.min(upright);
                // A bar holds its label only when the whole label fits
                // inside; where the style decides that, this check cannot tell.
                let inside = e.x0.max(0.0) + 6.0;
                let fits_inside = |w: f64| inside + w + LABEL_SLACK <= e.x1 - 6.0;
                if !e.instant && fits_inside(italic.min(upright)) != fits_inside(italic.max(upright)) { continue; }
                let right_start = if !e.instant && fits_inside(wanted) { inside } else { e.x1 + 5.0 };
                let left_end = e.x0 - rows::LABEL_SPACING;
                let fits_somewhere = right_start + wanted <= width || (left_end - wanted >= 0.0 && left_end <= width);
                if e.label_width + 1e-6 >= wanted || !fits_somewhere { continue; }
                let rival = l.events.iter().any(|o| o.index != e.index && o.y == e.y
                    && d.events[o.index].label_priority() >= event.label_priority());
                proptest::prop_assert!(rival, "{} lost its label to nothing more important", event.id);
            }
        }
    }

    #[test]
    fn a_narrow_era_keeps_a_label_an_event_could_not() {
        // An era band about 48 px wide leaves its name 36 px (a first word
        // and an ellipsis, as "Mesozoic" has in the plain-text sample): an
        // era keeps it under its own minimum, though an event label that
        // short would be hidden.
        let d = parse_dataset(
            r#"{"eras": [{"title": "Mesozoic", "start": "1950-01-01", "end": "1954-10-01"}],
                "events": [{"id": "a", "title": "Something happens", "start": "1930"}]}"#,
        )
        .unwrap()
        .dataset;
        let view = Viewport::new(Date::Year(1900).range().0, Date::Year(1999).range().1);
        let options = LayoutOptions::default();
        let l = layout(&d, &all(&d), &view, &Warp::Linear, 1000.0, &options, NATIVE);
        let era = &l.eras[0];
        assert!(
            era.label_width >= options.min_era_label && era.label_width < options.stack.min_label,
            "{era:?}"
        );
        assert!(
            era.label_width < Advances.width("Mesozoic", TextStyle::Heading),
            "the label is cut"
        );
    }

    #[test]
    fn a_dense_view_becomes_a_density_histogram() {
        let d = synthetic(5000, 7);
        let (a, b) = d.extent().unwrap();
        let options = LayoutOptions::default();
        let l = layout(
            &d,
            &all(&d),
            &Viewport::fit(a, b, 0.02),
            &Warp::Linear,
            1200.0,
            &options,
            NATIVE,
        );
        assert!(l.events.is_empty() && l.clusters.is_empty());
        assert_eq!(l.density.iter().map(|b| b.count).sum::<usize>(), 5000);
        // One bar per 12 px at most, per lane, whatever the dataset's size.
        assert!(l.density.len() <= 4 * 102, "{} bars", l.density.len());
        assert!(l.density.len() > 4 * 80, "a uniform spread fills the strip");
        assert_eq!(
            l.density_peak,
            l.density.iter().map(|b| b.count).max().unwrap()
        );
        // The bars of a lane tile the view, left to right.
        for pair in l.density.windows(2).filter(|w| w[0].lane == w[1].lane) {
            assert!(pair[0].end <= pair[1].start && pair[0].x1 <= pair[1].x0);
        }
    }

    #[test]
    fn a_handful_too_dense_for_marks_stays_clusters() {
        // About 60 events a lane: over a lane's budget of 12, under the 100
        // that make a histogram.
        let d = synthetic(240, 7);
        let (a, b) = d.extent().unwrap();
        let options = LayoutOptions {
            event_budget: 48,
            ..LayoutOptions::default()
        };
        let l = layout(
            &d,
            &all(&d),
            &Viewport::fit(a, b, 0.02),
            &Warp::Linear,
            1200.0,
            &options,
            NATIVE,
        );
        assert!(l.density.is_empty());
        assert!(l.events.is_empty());
        assert_eq!(l.clusters.iter().map(|c| c.count).sum::<usize>(), 240);
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
            &Warp::Linear,
            900.0,
            &LayoutOptions::default(),
            NATIVE,
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
            let text = Typeset {
                measure: &Advances,
                lang,
            };
            let l = layout(
                &d,
                &all(&d),
                &Viewport::fit(a, b, 0.4),
                &Warp::Linear,
                1200.0,
                &options,
                text,
            );
            l.events[0].label_width
        };
        let wanted = |title: &str| Advances.width(title, TextStyle::Label);
        assert!(width_in("en") >= wanted("Pact"));
        assert!(width_in("en") < wanted("Freundschaftsvertrag unterzeichnet"));
        assert!(width_in("de") >= wanted("Freundschaftsvertrag unterzeichnet"));
    }
}
