//! Arrows from the open event to its related events, as curves on the stage.
//!
//! Pure geometry over a laid-out frame ([`TimelineLayout`]): each arrow is a
//! cubic Bézier from the open event's mark to a related event's mark, with a
//! small filled head. A related event outside the view gets an arrow that
//! ends at the stage's left or right edge, at the height of its lane, with a
//! bar across the edge that says "continues off screen". A related event that
//! is in view but drawn inside a cluster gets an arrow to that cluster. The
//! filters' hidden events get none: a hidden event cannot be opened either.
//!
//! Every control point lies inside the stage, so the whole curve does (a
//! Bézier stays inside the hull of its control points). The timeline's
//! overlay (`components::arrows`) and the SVG export draw the same arrows.

use crate::model::Dataset;

use super::scale::Viewport;
use super::{LayoutOptions, TimelineLayout};

/// A point in stage pixels, from the top left of the lanes area.
pub type Point = (f64, f64);

/// Which edge an arrow to an off-screen event ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The related event is earlier than the view.
    Left,
    /// The related event is later than the view.
    Right,
}

impl Edge {
    /// The lower-case word for `data-edge`.
    pub fn name(self) -> &'static str {
        match self {
            Edge::Left => "left",
            Edge::Right => "right",
        }
    }
}

/// One arrow: a cubic Bézier with a head at its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index of the related event the arrow points to.
    pub target: usize,
    /// Where it leaves the open event's mark.
    pub start: Point,
    /// First control point.
    pub c1: Point,
    /// Second control point.
    pub c2: Point,
    /// Where it ends: on the target's mark or cluster, or at the edge.
    pub end: Point,
    /// Set when the target is outside the view.
    pub edge: Option<Edge>,
}

/// Length of an arrow's head along the curve, in pixels.
const HEAD_LENGTH: f64 = 8.0;
/// Half the width of an arrow's head.
const HEAD_HALF_WIDTH: f64 = 4.0;
/// How far inside the stage an edge arrow ends, so its head shows whole.
const EDGE_INSET: f64 = 2.0;
/// Half the length of the bar across the edge.
const EDGE_BAR: f64 = 9.0;

impl Arrow {
    /// The curve as SVG path data: `M x y C x y, x y, x y`.
    pub fn curve(&self) -> String {
        format!(
            "M{:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
            self.start.0,
            self.start.1,
            self.c1.0,
            self.c1.1,
            self.c2.0,
            self.c2.1,
            self.end.0,
            self.end.1
        )
    }

    /// The head (a triangle with its tip on [`Arrow::end`], along the
    /// curve's last direction) and, for an edge arrow, the bar across the
    /// edge, as SVG path data.
    pub fn head(&self) -> String {
        let (tip_x, tip_y) = self.end;
        let (mut dx, mut dy) = (tip_x - self.c2.0, tip_y - self.c2.1);
        if dx.hypot(dy) < 1e-6 {
            (dx, dy) = (tip_x - self.start.0, tip_y - self.start.1);
        }
        let length = dx.hypot(dy).max(1e-6);
        let (ux, uy) = (dx / length, dy / length);
        let (bx, by) = (tip_x - ux * HEAD_LENGTH, tip_y - uy * HEAD_LENGTH);
        let (px, py) = (-uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH);
        let mut d = format!(
            "M{tip_x:.1} {tip_y:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            bx + px,
            by + py,
            bx - px,
            by - py
        );
        if self.edge.is_some() {
            d.push_str(&format!(
                "M{tip_x:.1} {:.1}V{:.1}",
                tip_y - EDGE_BAR,
                tip_y + EDGE_BAR
            ));
        }
        d
    }
}

/// What [`arrows`] needs besides the frame.
#[derive(Clone, Copy)]
pub struct ArrowInput<'a> {
    /// The dataset the frame was laid out from.
    pub dataset: &'a Dataset,
    /// The events the filters show, in index order.
    pub shown: &'a [usize],
    /// The view the frame was laid out for.
    pub view: &'a Viewport,
    /// The stage's width in pixels.
    pub width: f64,
    /// The sizes the frame was laid out with.
    pub options: &'a LayoutOptions,
}

/// A box on the stage: left, right, top, bottom.
type Box4 = (f64, f64, f64, f64);

/// The box of an event's mark as `static/annals.css` draws it: a bar 22 px
/// high from 3 px below its row's top, or a point 14 px across centred in
/// the row; cut to the stage's width.
fn mark_box(x0: f64, x1: f64, y: f64, instant: bool, options: &LayoutOptions, width: f64) -> Box4 {
    let middle = y + options.row_height / 2.0;
    let half = if instant {
        options.point_radius
    } else {
        options.row_height / 2.0 - 3.0
    };
    let left = x0.clamp(0.0, width);
    (left, x1.clamp(left, width), middle - half, middle + half)
}

/// The arrows from `open` to each related event the filters show, in the
/// order the dataset lists them; none when the open event has no mark in the
/// frame (it is off screen, or inside a cluster).
pub fn arrows(frame: &TimelineLayout, open: usize, input: ArrowInput) -> Vec<Arrow> {
    let ArrowInput {
        dataset,
        shown,
        view,
        width,
        options,
    } = input;
    let width = width.max(1.0);
    let height = frame.height;
    let Some(source) = frame.events.iter().find(|e| e.index == open) else {
        return Vec::new();
    };
    let Some(event) = dataset.events.get(open) else {
        return Vec::new();
    };
    let from = mark_box(
        source.x0,
        source.x1,
        source.y,
        source.instant,
        options,
        width,
    );
    // Arrows between marks nearly above each other bow out on the side
    // away from the open event's label: labels in a column of marks tend
    // to sit on the same side.
    let bow = if source.label_width > 0.0 && source.label_x < source.x0 {
        1.0
    } else {
        -1.0
    };
    let mut out = Vec::new();
    for &target in event.related.iter() {
        if target == open || shown.binary_search(&target).is_err() {
            continue;
        }
        let Some(related) = dataset.events.get(target) else {
            continue;
        };
        let placed = frame.events.iter().find(|e| e.index == target);
        let (to, edge) = if let Some(p) = placed {
            (mark_box(p.x0, p.x1, p.y, p.instant, options, width), None)
        } else if related.range.1 <= view.start || related.range.0 >= view.end {
            let edge = if related.range.1 <= view.start {
                Edge::Left
            } else {
                Edge::Right
            };
            let Some(band) = frame.lanes.get(related.lane) else {
                continue;
            };
            let y = (band.y + options.lane_header + options.row_height / 2.0)
                .min(band.y + band.height - 1.0);
            let x = match edge {
                Edge::Left => EDGE_INSET,
                Edge::Right => width - EDGE_INSET,
            };
            ((x, x, y, y), Some(edge))
        } else {
            let middle = (related.range.0 + related.range.1) / 2.0;
            let cluster = frame
                .clusters
                .iter()
                .find(|c| c.lane == related.lane && c.start <= middle && middle < c.end);
            let Some(c) = cluster else {
                continue;
            };
            let top = c.y + 2.0;
            ((c.x0.max(0.0), c.x1.min(width), top, top + 24.0), None)
        };
        out.push(curve(target, from, to, edge, bow, width, height));
    }
    out
}

/// The curve from the box `from` to the box `to` (or to the point of an
/// edge); `bow` is -1 to bow out to the left, 1 to the right.
fn curve(
    target: usize,
    from: Box4,
    to: Box4,
    edge: Option<Edge>,
    bow: f64,
    width: f64,
    height: f64,
) -> Arrow {
    let inside = |(x, y): Point| (x.clamp(0.0, width), y.clamp(0.0, height));
    let centre = |b: Box4| ((b.0 + b.1) / 2.0, (b.2 + b.3) / 2.0);
    let (fx, fy) = centre(from);
    let (tx, ty) = centre(to);
    let (start, c1, c2, end) = match edge {
        Some(edge) => {
            // Leave the mark on the side the edge is on, and come in level.
            let start = match edge {
                Edge::Left => (from.0, fy),
                Edge::Right => (from.1, fy),
            };
            let reach = ((start.0 - tx).abs() / 2.0).min(80.0);
            let toward = if edge == Edge::Left { -1.0 } else { 1.0 };
            let end = (tx, ty);
            (
                start,
                (start.0 + toward * reach, fy),
                (tx - toward * reach, ty),
                end,
            )
        }
        None if (fy - ty).abs() < 1.0 => {
            // Same row: an arc over the row, from top to top.
            let lift = ((tx - fx).abs() / 4.0).clamp(16.0, 48.0);
            let start = (fx, from.2);
            let end = (tx, to.2);
            let third = (tx - fx) / 3.0;
            (
                start,
                (fx + third, from.2 - lift),
                (tx - third, to.2 - lift),
                end,
            )
        }
        None => {
            // Another row: leave from the side facing it, an S between rows.
            let down = ty > fy;
            let start = (fx, if down { from.3 } else { from.2 });
            let end = (tx, if down { to.2 } else { to.3 });
            let middle = (start.1 + end.1) / 2.0;
            let rise = end.1 - start.1;
            if (tx - fx).abs() < rise.abs() {
                // Nearly above each other: bow out, the further the taller,
                // so arrows fan out instead of running down a column of marks.
                let out = bow * (rise.abs() / 3.0).clamp(12.0, 64.0);
                (
                    start,
                    (fx + out, start.1 + rise / 4.0),
                    (tx + out, end.1 - rise / 4.0),
                    end,
                )
            } else {
                (start, (fx, middle), (tx, middle), end)
            }
        }
    };
    Arrow {
        target,
        start: inside(start),
        c1: inside(c1),
        c2: inside(c2),
        end: inside(end),
        edge,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::index::TimeIndex;
    use crate::layout::measure::Advances;
    use crate::layout::Warp;
    use crate::layout::{layout, Typeset};
    use crate::model::{parse_dataset, Date, DEFAULT_DATASET_JSON};

    const NATIVE: Typeset<'static> = Typeset {
        measure: &Advances,
        lang: "",
    };

    fn default_dataset() -> Dataset {
        parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset
    }

    fn index_of(d: &Dataset, id: &str) -> usize {
        d.events.iter().position(|e| e.id == id).unwrap()
    }

    fn arrows_in(
        d: &Dataset,
        view: Viewport,
        width: f64,
        open: usize,
    ) -> (TimelineLayout, Vec<Arrow>) {
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let options = LayoutOptions::default();
        let frame = layout(
            d,
            &TimeIndex::build(d, &shown),
            &view,
            &Warp::Linear,
            width,
            &options,
            NATIVE,
        );
        let input = ArrowInput {
            dataset: d,
            shown: &shown,
            view: &view,
            width,
            options: &options,
        };
        let found = arrows(&frame, open, input);
        (frame, found)
    }

    #[test]
    fn the_planned_declaration_points_at_each_related_event() {
        let d = default_dataset();
        let open = index_of(&d, "joint-declaration-planned");
        let (a, b) = d.extent().unwrap();
        let (frame, found) = arrows_in(&d, Viewport::fit(a, b, 0.03), 1248.0, open);
        let targets: Vec<&str> = found
            .iter()
            .map(|a| d.events[a.target].id.as_str())
            .collect();
        assert_eq!(
            targets,
            d.events[open]
                .related
                .iter()
                .map(|&r| d.events[r].id.as_str())
                .collect::<Vec<_>>()
        );
        for id in [
            "scc-transformation-realignment",
            "kyoto-summit",
            "alliance-new-century-statement",
        ] {
            let arrow = found.iter().find(|a| d.events[a.target].id == id).unwrap();
            let mark = frame
                .events
                .iter()
                .find(|e| e.index == arrow.target)
                .unwrap();
            assert!(arrow.edge.is_none());
            assert!(
                arrow.end.0 >= mark.x0 - 0.5 && arrow.end.0 <= mark.x1 + 0.5,
                "{id}: ends at {:?}, mark {mark:?}",
                arrow.end
            );
        }
    }

    #[test]
    fn an_event_before_the_view_gets_an_arrow_to_the_left_edge() {
        let d = default_dataset();
        let open = index_of(&d, "joint-declaration-planned");
        let view = Viewport::new(
            Date::parse("2005-01").unwrap().range().0,
            Date::parse("2006-12").unwrap().range().1,
        );
        let (_, found) = arrows_in(&d, view, 1000.0, open);
        let treaty = index_of(&d, "treaty-signed-1960");
        let arrow = found.iter().find(|a| a.target == treaty).unwrap();
        assert_eq!(arrow.edge, Some(Edge::Left));
        assert_eq!(arrow.end.0, EDGE_INSET);
        assert!(arrow.head().contains('V'), "the edge bar is drawn");
        let kyoto = found
            .iter()
            .find(|a| a.target == index_of(&d, "kyoto-summit"))
            .unwrap();
        assert_eq!(kyoto.edge, None);
        assert!(!kyoto.head().contains('V'));
    }

    #[test]
    fn no_arrows_when_the_open_event_is_off_screen_or_hidden_targets() {
        let d = default_dataset();
        let open = index_of(&d, "joint-declaration-planned");
        let view = Viewport::new(
            Date::parse("1959").unwrap().range().0,
            Date::parse("1961").unwrap().range().1,
        );
        assert!(arrows_in(&d, view, 1000.0, open).1.is_empty());

        // A related event the filters hide gets no arrow.
        let (a, b) = d.extent().unwrap();
        let view = Viewport::fit(a, b, 0.03);
        let kyoto = index_of(&d, "kyoto-summit");
        let shown: Vec<usize> = (0..d.events.len()).filter(|&i| i != kyoto).collect();
        let options = LayoutOptions::default();
        let frame = layout(
            &d,
            &TimeIndex::build(&d, &shown),
            &view,
            &Warp::Linear,
            1200.0,
            &options,
            NATIVE,
        );
        let input = ArrowInput {
            dataset: &d,
            shown: &shown,
            view: &view,
            width: 1200.0,
            options: &options,
        };
        let found = arrows(&frame, open, input);
        assert_eq!(found.len(), d.events[open].related.len() - 1);
        assert!(found.iter().all(|a| a.target != kyoto));
    }

    #[test]
    fn path_data_reads_as_svg() {
        let arrow = Arrow {
            target: 0,
            start: (1.0, 2.0),
            c1: (3.0, 4.0),
            c2: (5.0, 6.0),
            end: (7.25, 8.0),
            edge: None,
        };
        assert_eq!(arrow.curve(), "M1.0 2.0C3.0 4.0 5.0 6.0 7.2 8.0");
        assert!(arrow.head().starts_with("M7.2 8.0L"));
    }

    fn random_dataset(n: usize, seed: u64) -> Dataset {
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let mut next = move |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let events: Vec<String> = (0..n)
            .map(|i| {
                let year = 1950 + next(60);
                let start = if next(3) == 0 {
                    format!("{year}")
                } else {
                    format!("{year}-{:02}-{:02}", 1 + next(12), 1 + next(28))
                };
                let related: Vec<String> = (0..next(5)).map(|_| format!(r#""e{}""#, next(n as u64))).collect();
                format!(
                    r#"{{"id": "e{i}", "title": "Event {i}", "start": "{start}", "lane": "l{}", "related": [{}]}}"#,
                    next(3),
                    related.join(",")
                )
            })
            .collect();
        parse_dataset(&format!(r#"{{"events": [{}]}}"#, events.join(",")))
            .unwrap()
            .dataset
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn every_arrow_runs_from_the_open_mark_to_its_target_or_the_edge_inside_the_stage(
            n in 2usize..120, seed in 0u64..10_000, zoom in 0.01f64..1.5, at in 0.0f64..1.0,
            width in 300f64..2000.0, pick in 0usize..1000,
        ) {
            let d = random_dataset(n, seed);
            let (a, b) = d.extent().unwrap();
            let span = (b - a).max(1.0) * zoom;
            let start = a + (b - a) * at - span / 2.0;
            let view = Viewport::new(start, start + span);
            let open = pick % d.events.len();
            let (frame, found) = arrows_in(&d, view, width, open);
            let options = LayoutOptions::default();
            let inside = |(x, y): Point| x >= 0.0 && x <= width && y >= 0.0 && y <= frame.height;
            let Some(source) = frame.events.iter().find(|e| e.index == open) else {
                proptest::prop_assert!(found.is_empty());
                return Ok(());
            };
            let near = |(x, y): Point, b: Box4| x >= b.0 - 0.5 && x <= b.1 + 0.5 && y >= b.2 - 0.5 && y <= b.3 + 0.5;
            let from = mark_box(source.x0, source.x1, source.y, source.instant, &options, width);
            let wanted = d.events[open].related.iter().filter(|&&r| r != open).count();
            let mut drawn = 0;
            for arrow in &found {
                for p in [arrow.start, arrow.c1, arrow.c2, arrow.end] {
                    proptest::prop_assert!(inside(p), "{p:?} outside {width} x {}", frame.height);
                }
                proptest::prop_assert!(near(arrow.start, from), "starts at {:?}, not on {from:?}", arrow.start);
                let target = &d.events[arrow.target];
                match (arrow.edge, frame.events.iter().find(|e| e.index == arrow.target)) {
                    (Some(edge), None) => {
                        let x = if edge == Edge::Left { EDGE_INSET } else { width - EDGE_INSET };
                        proptest::prop_assert_eq!(arrow.end.0, x);
                        proptest::prop_assert!(target.range.1 <= view.start || target.range.0 >= view.end);
                    }
                    (None, Some(p)) => {
                        let to = mark_box(p.x0, p.x1, p.y, p.instant, &options, width);
                        proptest::prop_assert!(near(arrow.end, to), "ends at {:?}, not on {to:?}", arrow.end);
                    }
                    (None, None) => {
                        let c = frame.clusters.iter().find(|c| c.lane == target.lane && arrow.end.0 >= c.x0.max(0.0) - 0.5 && arrow.end.0 <= c.x1 + 0.5);
                        proptest::prop_assert!(c.is_some(), "ends at {:?}, on no cluster", arrow.end);
                    }
                    (Some(_), Some(_)) => proptest::prop_assert!(false, "a placed target at the edge"),
                }
                drawn += 1;
            }
            proptest::prop_assert!(drawn <= wanted);
            // A related event with a mark, or outside the view, always gets one.
            for &r in d.events[open].related.iter().filter(|&&r| r != open) {
                let target = &d.events[r];
                let placed = frame.events.iter().any(|e| e.index == r);
                let outside = target.range.1 <= view.start || target.range.0 >= view.end;
                if placed || outside {
                    proptest::prop_assert!(found.iter().any(|a| a.target == r), "no arrow to {}", target.id);
                }
            }
        }
    }
}
