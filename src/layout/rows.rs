//! Stacking marks and labels into rows so that nothing collides.
//!
//! Each lane grows rows as needed. Items are placed in order of priority
//! (then left to right), so when not every label fits, the more important
//! ones keep theirs. An item takes the first row where its mark and its whole
//! label are free (the label right of the mark, or left of it when that is
//! the side with room on screen; a label too long for either side is cut on
//! the side with more room). A label is cut there only at the screen's edge,
//! and a row where that leaves it under [`StackOptions::min_label`] does not
//! count, so a label near the edge looks on for a row where it fits on its
//! other side. Failing all that, a new row while the lane has fewer than
//! [`StackOptions::max_rows`]; failing that, the existing row where its mark
//! fits with the most room for a shortened label (hidden below
//! [`StackOptions::min_label`]); failing that, a new row up to
//! [`StackOptions::max_mark_rows`]. A lane that needs more rows than that is
//! reported as overfull, and the layout draws it as clusters.
//!
//! Within a row no two marks overlap, and no label overlaps a mark or another
//! label: every placed mark and label keeps its interval reserved.

/// One item to place: a mark with its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// The lane the item belongs to.
    pub lane: usize,
    /// Left edge of the mark, in pixels.
    pub x0: f64,
    /// Right edge of the mark, in pixels (equal to or after `x0`).
    pub x1: f64,
    /// Where the label starts when it sits to the right of (or inside) the mark.
    pub label_x: f64,
    /// The label's full width, in pixels; 0 for no label.
    pub label_width: f64,
    /// Higher goes first when labels compete for room.
    pub priority: u32,
}

impl Item {
    /// Where a label `width` wide starts when it sits left of the mark.
    pub fn left_label_x(&self, width: f64) -> f64 {
        self.x0 - LABEL_SPACING - width
    }
}

/// Space between a mark and a label placed to its left.
pub const LABEL_SPACING: f64 = 6.0;

/// Limits for [`stack`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackOptions {
    /// Rows a lane grows to for the sake of labels.
    pub max_rows: usize,
    /// Rows a lane grows to so that marks stay apart; past this it is overfull.
    pub max_mark_rows: usize,
    /// Space kept between a label and anything else in its row.
    pub gap: f64,
    /// An event label shortened below this many pixels (unless that is its
    /// full width) is hidden instead, and the item looks for a row where it
    /// keeps at least this much: a first letter and an ellipsis ("I …") tells
    /// a reader nothing, and a hidden label's event stays named on hover, on
    /// focus and in the list. (Era labels have their own, smaller minimum,
    /// `LayoutOptions::min_era_label`: an era's name sits inside its band.)
    pub min_label: f64,
}

impl Default for StackOptions {
    fn default() -> Self {
        StackOptions {
            max_rows: 8,
            max_mark_rows: 20,
            gap: 8.0,
            min_label: MIN_EVENT_LABEL,
        }
    }
}

/// The default [`StackOptions::min_label`]: room for a short word and an
/// ellipsis ("Treaty …", "I Corps …") in the label font.
pub const MIN_EVENT_LABEL: f64 = 44.0;

/// Where an item went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Row within its lane, from 0.
    pub row: usize,
    /// Where the label starts (left of the mark when it is flipped).
    pub label_x: f64,
    /// Width the label may use; 0 hides it.
    pub label_width: f64,
}

/// The result of [`stack`].
#[derive(Clone, Debug, PartialEq)]
pub struct Stacked {
    /// One placement per input item, in input order.
    pub placements: Vec<Placement>,
    /// Rows used by each lane (at least 1).
    pub rows_per_lane: Vec<usize>,
    /// Lanes whose marks needed more than [`StackOptions::max_mark_rows`]
    /// rows; their placements are meaningless and they should be clustered.
    pub overfull: Vec<bool>,
}

/// Space kept between two marks.
pub const MARK_GAP: f64 = 2.0;

/// What a row has reserved: marks and labels, as intervals.
#[derive(Clone, Default)]
struct Row {
    marks: Vec<(f64, f64)>,
    labels: Vec<(f64, f64)>,
}

impl Row {
    fn mark_fits(&self, m: (f64, f64), gap: f64) -> bool {
        self.marks.iter().all(|&r| apart(m, r, MARK_GAP))
            && self.labels.iter().all(|&r| apart(m, r, gap))
    }

    fn label_fits(&self, l: (f64, f64), gap: f64) -> bool {
        self.marks
            .iter()
            .chain(&self.labels)
            .all(|&r| apart(l, r, gap))
    }

    /// How far a label starting at `from` may run to the right before it
    /// meets something in the row or `right_edge`.
    fn room_from(&self, from: f64, right_edge: f64, gap: f64) -> f64 {
        let end = self
            .marks
            .iter()
            .chain(&self.labels)
            .filter(|r| r.1 + gap > from)
            .map(|r| r.0 - gap)
            .fold(right_edge, f64::min);
        // Something already covering the start leaves no room at all.
        let blocked = self
            .marks
            .iter()
            .chain(&self.labels)
            .any(|r| r.0 - gap < from && r.1 + gap > from);
        if blocked {
            0.0
        } else {
            (end - from).max(0.0)
        }
    }
}

/// Whether intervals `a` and `b` are at least `gap` apart.
fn apart(a: (f64, f64), b: (f64, f64), gap: f64) -> bool {
    a.1 + gap <= b.0 || b.1 + gap <= a.0
}

/// Places `items` into rows of `lanes` lanes, for a view `width` pixels wide.
pub fn stack(items: &[Item], lanes: usize, width: f64, options: StackOptions) -> Stacked {
    let max_rows = options.max_rows.max(1);
    let max_mark_rows = options.max_mark_rows.max(max_rows);
    let gap = options.gap;
    let mut rows: Vec<Vec<Row>> = vec![Vec::new(); lanes];
    let mut overfull = vec![false; lanes];
    let mut placements = vec![
        Placement {
            row: 0,
            label_x: 0.0,
            label_width: 0.0,
        };
        items.len()
    ];
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Highest priority first, then from the left.
    crate::order::sort_by_key(&mut order, |&i| {
        (
            u64::from(u32::MAX - items[i].priority),
            crate::order::float_key(items[i].x0),
        )
    });
    for index in order {
        let item = items[index];
        let Some(lane_rows) = rows.get_mut(item.lane) else {
            continue;
        };
        if overfull[item.lane] {
            continue;
        }
        let mark = (item.x0, item.x1.max(item.x0));
        let wanted = item.label_width.max(0.0);
        // The sides a label may take, best first: the right, unless it runs
        // off screen there and fits on the left; when it fits whole on
        // neither, the side with more room on screen, where it is cut.
        let right = (item.label_x, item.label_x + wanted);
        let left = (item.left_label_x(wanted), item.x0 - LABEL_SPACING);
        let sides: Vec<(f64, f64)> = if wanted <= 0.0 {
            Vec::new()
        } else if right.1 <= width || (left.0 < 0.0 && width - right.0 >= left.1) {
            vec![right, left]
        } else {
            vec![left, right]
        };
        // A label left of its mark is cut at the screen's left edge; one on
        // the right, at its right edge.
        let on_screen = |l: (f64, f64)| -> (f64, f64) {
            if l.1 <= item.x0 {
                (l.0.max(0.0), l.1.min(width))
            } else {
                (l.0, l.1.min(width.max(l.0)))
            }
        };
        let readable = |l: &(f64, f64)| l.1 - l.0 >= options.min_label.min(wanted) - 1e-6;
        let whole = |row: &Row| {
            row.mark_fits(mark, gap).then_some(()).and_then(|_| {
                sides
                    .iter()
                    .map(|&l| on_screen(l))
                    .filter(readable)
                    .find(|&l| row.label_fits(l, gap))
            })
        };
        let mut chosen: Option<(usize, Option<(f64, f64)>)> = if wanted > 0.0 {
            lane_rows
                .iter()
                .enumerate()
                .find_map(|(r, row)| whole(row).map(|l| (r, Some(l))))
        } else {
            lane_rows
                .iter()
                .position(|row| row.mark_fits(mark, gap))
                .map(|r| (r, None))
        };
        if chosen.is_none() && lane_rows.len() < max_rows {
            lane_rows.push(Row::default());
            chosen = Some((
                lane_rows.len() - 1,
                sides.iter().map(|&l| on_screen(l)).find(readable),
            ));
        }
        if chosen.is_none() {
            // A row where the mark fits, with the most room for a shortened label.
            chosen = lane_rows
                .iter()
                .enumerate()
                .filter(|(_, row)| row.mark_fits(mark, gap))
                .map(|(r, row)| {
                    let room = if wanted > 0.0 {
                        row.room_from(item.label_x, width, gap).min(wanted)
                    } else {
                        0.0
                    };
                    (r, room)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(r, room)| {
                    let label = (room >= options.min_label.min(wanted) - 1e-6 && room > 0.0)
                        .then_some((item.label_x, item.label_x + room));
                    (r, label)
                });
        }
        if chosen.is_none() && lane_rows.len() < max_mark_rows {
            lane_rows.push(Row::default());
            chosen = Some((
                lane_rows.len() - 1,
                sides.iter().map(|&l| on_screen(l)).find(readable),
            ));
        }
        let Some((row, label)) = chosen else {
            overfull[item.lane] = true;
            continue;
        };
        // (A tolerance, as `label_x + wanted - label_x` may round below `wanted`.)
        let label =
            label.filter(|l| l.1 - l.0 >= options.min_label.min(wanted) - 1e-6 && l.1 > l.0);
        let entry = &mut lane_rows[row];
        entry.marks.push(mark);
        if let Some(l) = label {
            entry.labels.push(l);
        }
        placements[index] = Placement {
            row,
            label_x: label.map_or(item.label_x, |l| l.0),
            label_width: label.map_or(0.0, |l| l.1 - l.0),
        };
    }
    let rows_per_lane = rows
        .iter()
        .zip(&overfull)
        .map(|(r, &full)| if full { 1 } else { r.len().max(1) })
        .collect();
    Stacked {
        placements,
        rows_per_lane,
        overfull,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn point(lane: usize, x: f64, label_width: f64) -> Item {
        Item {
            lane,
            x0: x - 5.0,
            x1: x + 5.0,
            label_x: x + 9.0,
            label_width,
            priority: 0,
        }
    }

    fn rows(s: &Stacked) -> Vec<usize> {
        s.placements.iter().map(|p| p.row).collect()
    }

    #[test]
    fn far_apart_items_share_a_row() {
        let s = stack(
            &[point(0, 10.0, 50.0), point(0, 200.0, 50.0)],
            1,
            1000.0,
            StackOptions::default(),
        );
        assert_eq!(rows(&s), [0, 0]);
        assert_eq!(s.rows_per_lane, [1]);
    }

    #[test]
    fn close_items_stack() {
        let s = stack(
            &[
                point(0, 10.0, 100.0),
                point(0, 40.0, 100.0),
                point(1, 40.0, 100.0),
            ],
            2,
            1000.0,
            StackOptions::default(),
        );
        assert_eq!(rows(&s), [0, 1, 0]);
        assert_eq!(s.rows_per_lane, [2, 1]);
        assert!(s.placements.iter().all(|p| p.label_width == 100.0));
    }

    #[test]
    fn a_full_lane_shortens_a_label_where_the_mark_fits() {
        let options = StackOptions {
            max_rows: 1,
            max_mark_rows: 1,
            gap: 8.0,
            min_label: 20.0,
        };
        let s = stack(
            &[point(0, 0.0, 200.0), point(0, 100.0, 200.0)],
            1,
            1000.0,
            options,
        );
        // The first label is placed first and keeps its room; the second
        // mark sits inside it, so the lane is overfull.
        assert!(s.overfull[0]);
        let mut later = point(0, 100.0, 200.0);
        later.priority = 1;
        let s = stack(&[point(0, 0.0, 200.0), later], 1, 1000.0, options);
        // The more important item goes first; the other label must end 8 px
        // before its mark (at 95): it starts at 9, so 78 px.
        assert_eq!(s.placements[1].label_width, 200.0);
        assert_eq!(s.placements[0].label_width, 78.0);
    }

    #[test]
    fn a_label_cut_to_a_letter_is_hidden_rather_than_shown() {
        // One row, a labelled mark placed first, and a second mark near the
        // stage's right edge whose label has 31 px left there ("I …", as
        // "I Corps (Forward) activated at Camp Zama" read): that names
        // nothing, so it is hidden; the event keeps its mark, and its name
        // on hover, on focus and in the list.
        let options = StackOptions {
            max_rows: 1,
            max_mark_rows: 1,
            ..StackOptions::default()
        };
        assert_eq!(options.min_label, MIN_EVENT_LABEL);
        let mut first = point(0, 870.0, 60.0);
        first.priority = 1;
        let items = [first, point(0, 960.0, 200.0)];
        let s = stack(&items, 1, 1000.0, options);
        assert!(!s.overfull[0]);
        assert_eq!(s.placements[0].label_width, 60.0);
        assert_eq!(s.placements[1].label_width, 0.0);
        // Under the era labels' smaller minimum the same 31 px were kept.
        let s = stack(
            &items,
            1,
            1000.0,
            StackOptions {
                min_label: 28.0,
                ..options
            },
        );
        assert_eq!(s.placements[1].label_width, 31.0);
    }

    #[test]
    fn a_label_that_would_read_as_a_letter_finds_a_row_where_it_fits() {
        // The default view's "I …": row 0 holds a mark left of the last
        // one, so there its label could only run right, to the edge, 31 px.
        // It takes the next row instead, whole, on the left of its mark.
        let mut first = point(0, 870.0, 60.0);
        first.priority = 1;
        let items = [first, point(0, 960.0, 200.0)];
        let s = stack(&items, 1, 1000.0, StackOptions::default());
        assert_eq!(rows(&s), [0, 1]);
        let p = s.placements[1];
        assert_eq!(p.label_width, 200.0);
        assert_eq!(p.label_x + p.label_width, 955.0 - LABEL_SPACING);
        // A label that is short in full is shown whole, under the minimum.
        let s = stack(
            &[first, point(0, 960.0, 20.0)],
            1,
            1000.0,
            StackOptions::default(),
        );
        assert_eq!(rows(&s), [0, 0]);
        assert_eq!(s.placements[1].label_width, 20.0);
    }

    #[test]
    fn marks_get_rows_of_their_own_rather_than_overlap() {
        let options = StackOptions {
            max_rows: 1,
            max_mark_rows: 3,
            ..StackOptions::default()
        };
        let s = stack(
            &[
                point(0, 0.0, 60.0),
                point(0, 4.0, 60.0),
                point(0, 8.0, 60.0),
            ],
            1,
            1000.0,
            options,
        );
        assert_eq!(rows(&s), [0, 1, 2]);
        assert!(!s.overfull[0]);
        let s = stack(
            &[
                point(0, 0.0, 60.0),
                point(0, 4.0, 60.0),
                point(0, 8.0, 60.0),
                point(0, 12.0, 60.0),
            ],
            1,
            1000.0,
            options,
        );
        assert!(s.overfull[0], "a fourth mark has nowhere to go");
    }

    #[test]
    fn near_the_right_edge_a_label_goes_left() {
        let s = stack(
            &[point(0, 950.0, 120.0)],
            1,
            1000.0,
            StackOptions::default(),
        );
        let p = s.placements[0];
        assert_eq!(p.label_width, 120.0);
        assert_eq!(p.label_x + p.label_width, 945.0 - LABEL_SPACING);
    }

    #[test]
    fn a_label_too_long_for_either_side_takes_the_roomier_one() {
        // 360 px wide, a point at 275: 76 px to its right, 264 to its left.
        // (It used to take the right and read "North …".)
        let s = stack(&[point(0, 275.0, 300.0)], 1, 360.0, StackOptions::default());
        let p = s.placements[0];
        assert_eq!(p.label_x, 0.0);
        assert_eq!(p.label_width, 270.0 - LABEL_SPACING);
    }

    #[test]
    fn importance_decides_which_label_shows() {
        let options = StackOptions {
            max_rows: 1,
            max_mark_rows: 1,
            gap: 8.0,
            min_label: 40.0,
        };
        let first = point(0, 0.0, 200.0);
        let mut second = point(0, 60.0, 200.0);
        second.priority = 5;
        let s = stack(&[first, second], 1, 1000.0, options);
        assert_eq!(
            s.placements[1].label_width, 200.0,
            "the important label is whole"
        );
        assert_eq!(
            s.placements[0].label_width, 0.0,
            "the other is too short to read"
        );
        second.priority = 0;
        let s = stack(&[first, second], 1, 1000.0, options);
        assert!(
            s.overfull[0],
            "without priority the first label blocks the mark"
        );
    }

    fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    proptest! {
        #[test]
        fn nothing_collides_and_priority_decides(
            raw in proptest::collection::vec((0usize..3, -50f64..2000.0, 0f64..150.0, 0f64..300.0, any::<bool>(), 0u32..4), 0..120),
            max_rows in 1usize..6,
            extra_rows in 0usize..10,
            width in 200f64..2000.0,
            min_label in proptest::sample::select(vec![MIN_EVENT_LABEL, 28.0, 0.0, 120.0]),
        ) {
            let items: Vec<Item> = raw.iter().map(|&(lane, x, len, w, bar, priority)| {
                if bar { Item { lane, x0: x, x1: x + len, label_x: x.max(0.0) + 6.0, label_width: w, priority } }
                else { Item { priority, ..point(lane, x, w) } }
            }).collect();
            let options = StackOptions { max_rows, max_mark_rows: max_rows + extra_rows, min_label, ..StackOptions::default() };
            let s = stack(&items, 3, width, options);
            prop_assert_eq!(s.placements.len(), items.len());
            let live = |i: usize| !s.overfull[items[i].lane];
            for (i, a) in items.iter().enumerate().filter(|&(i, _)| live(i)) {
                let pa = s.placements[i];
                prop_assert!(pa.row < options.max_mark_rows);
                prop_assert!(pa.label_width <= a.label_width + 1e-9);
                // A shown label is whole, or at least its minimum.
                prop_assert!(pa.label_width == 0.0 || pa.label_width >= options.min_label.min(a.label_width) - 1e-9,
                    "label {i} is {} of {} px", pa.label_width, a.label_width);
                let label = (pa.label_x, pa.label_x + pa.label_width);
                if pa.label_width > 0.0 {
                    prop_assert!(label.1 <= width.max(label.0) + 1e-9, "label {i} runs off screen");
                }
                for (j, b) in items.iter().enumerate().filter(|&(j, _)| live(j)) {
                    let pb = s.placements[j];
                    if i == j || a.lane != b.lane || pa.row != pb.row { continue; }
                    prop_assert!(!overlaps((a.x0, a.x1 + MARK_GAP), (b.x0, b.x1 + 1e-9)), "mark {i} overlaps mark {j}");
                    if pa.label_width == 0.0 { continue; }
                    prop_assert!(!overlaps(label, (b.x0, b.x1.max(b.x0 + 1e-9))), "label {i} covers mark {j}");
                    if pb.label_width > 0.0 {
                        prop_assert!(!overlaps(label, (pb.label_x, pb.label_x + pb.label_width)), "label {i} overlaps label {j}");
                    }
                }
            }
            // A label cut short or hidden met something at least as
            // important in its row, or the edge of the screen.
            for (i, a) in items.iter().enumerate().filter(|&(i, _)| live(i)) {
                let pa = s.placements[i];
                if pa.label_width >= a.label_width - 1e-9 { continue; }
                let blocked = |side: (f64, f64)| side.0 < 0.0 || side.1 > width || items.iter().enumerate().any(|(j, b)| {
                    let pb = s.placements[j];
                    let grown = (side.0 - options.gap, side.1 + options.gap);
                    j != i && live(j) && b.lane == a.lane && pb.row == pa.row && b.priority >= a.priority
                        && (overlaps(grown, (b.x0, b.x1.max(b.x0 + 1e-9)))
                            || (pb.label_width > 0.0 && overlaps(grown, (pb.label_x, pb.label_x + pb.label_width))))
                });
                let right = (a.label_x, a.label_x + a.label_width);
                let left = (a.left_label_x(a.label_width), a.x0 - LABEL_SPACING);
                let met = blocked(right) && blocked(left);
                prop_assert!(met, "label {i} was cut with nothing as important in the way");
            }
        }
    }
}
