//! Stacking marks and labels into rows so that labels never overlap.
//!
//! Each lane grows rows as needed, up to a limit. Items arrive left to right;
//! an item takes the first row that is free where it starts (its mark, or its
//! label when the label sits to the left of the mark). When every row is taken,
//! the item goes to the row that frees up first, the label before it is
//! shortened to end before the item, and the item's own label is hidden unless
//! it fits to the right of every mark in the row. Marks may overlap when a
//! lane is full; labels never do.

/// One item to place: a mark with a label to its right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// The lane the item belongs to.
    pub lane: usize,
    /// Left edge of the mark, in pixels.
    pub x0: f64,
    /// Right edge of the mark, in pixels (equal to or after `x0`).
    pub x1: f64,
    /// Where the label starts: after the mark, or before `x0` when the
    /// label is flipped to the mark's left.
    pub label_x: f64,
    /// The label's full width, in pixels.
    pub label_width: f64,
}

/// Limits for [`stack`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackOptions {
    /// Rows a lane may grow to.
    pub max_rows: usize,
    /// Space kept between a label and the next item in its row.
    pub gap: f64,
    /// A label shortened below this many pixels is hidden instead.
    pub min_label: f64,
}

impl Default for StackOptions {
    fn default() -> Self {
        StackOptions {
            max_rows: 8,
            gap: 8.0,
            min_label: 28.0,
        }
    }
}

/// Where an item went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Row within its lane, from 0.
    pub row: usize,
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
}

/// Space kept between two marks in a full lane, where there is room.
const MARK_GAP: f64 = 2.0;

#[derive(Clone, Copy)]
struct Row {
    /// Rightmost pixel covered by any mark in the row.
    mark_right: f64,
    /// Rightmost pixel covered by any mark or label in the row.
    right: f64,
    /// The last item placed in the row.
    last: usize,
}

/// Places `items` (sorted by `x0` within each lane) into rows of `lanes` lanes.
pub fn stack(items: &[Item], lanes: usize, options: StackOptions) -> Stacked {
    let max_rows = options.max_rows.max(1);
    let mut rows: Vec<Vec<Row>> = vec![Vec::new(); lanes];
    let mut placements = vec![
        Placement {
            row: 0,
            label_width: 0.0
        };
        items.len()
    ];
    for (index, item) in items.iter().enumerate() {
        let Some(lane_rows) = rows.get_mut(item.lane) else {
            continue;
        };
        let full = item.label_width.max(0.0);
        let flipped = item.label_x < item.x0;
        let start = if full > 0.0 {
            item.x0.min(item.label_x)
        } else {
            item.x0
        };
        let free = lane_rows
            .iter()
            .position(|row| row.right + options.gap <= start);
        let (row, width) = match free {
            Some(row) => (row, full),
            None if lane_rows.len() < max_rows => {
                lane_rows.push(Row {
                    mark_right: f64::NEG_INFINITY,
                    right: f64::NEG_INFINITY,
                    last: index,
                });
                (lane_rows.len() - 1, full)
            }
            None => {
                // Prefer a row where at least the mark is clear, so marks stay
                // apart as long as possible; labels make way below.
                let row = lane_rows
                    .iter()
                    .position(|r| r.mark_right + MARK_GAP <= item.x0)
                    .or_else(|| {
                        (0..lane_rows.len())
                            .min_by(|&a, &b| lane_rows[a].right.total_cmp(&lane_rows[b].right))
                    })
                    .expect("a full lane has rows");
                let previous = lane_rows[row].last;
                let before = &items[previous];
                if before.label_x >= before.x0 {
                    // A label to the right of its mark gives way to the new item.
                    let room = item.x0 - options.gap - before.label_x;
                    let shortened = placements[previous].label_width.min(room);
                    placements[previous].label_width = if shortened >= options.min_label {
                        shortened
                    } else {
                        0.0
                    };
                }
                let blocked = flipped
                    || lane_rows[row].mark_right.max(before.x1) + options.gap > item.label_x;
                (row, if blocked { 0.0 } else { full })
            }
        };
        let width = if width >= options.min_label.min(full) {
            width
        } else {
            0.0
        };
        placements[index] = Placement {
            row,
            label_width: width,
        };
        let entry = &mut lane_rows[row];
        entry.mark_right = entry.mark_right.max(item.x1);
        let label_right = if width > 0.0 {
            item.label_x + width
        } else {
            item.x1
        };
        let previous_label_right =
            if entry.last != index && placements[entry.last].label_width > 0.0 {
                items[entry.last].label_x + placements[entry.last].label_width
            } else {
                f64::NEG_INFINITY
            };
        entry.right = entry.mark_right.max(label_right).max(previous_label_right);
        entry.last = index;
    }
    let rows_per_lane = rows.iter().map(|r| r.len().max(1)).collect();
    Stacked {
        placements,
        rows_per_lane,
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
        }
    }

    #[test]
    fn far_apart_items_share_a_row() {
        let s = stack(
            &[point(0, 10.0, 50.0), point(0, 200.0, 50.0)],
            1,
            StackOptions::default(),
        );
        assert_eq!(
            s.placements.iter().map(|p| p.row).collect::<Vec<_>>(),
            [0, 0]
        );
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
            StackOptions::default(),
        );
        assert_eq!(
            s.placements.iter().map(|p| p.row).collect::<Vec<_>>(),
            [0, 1, 0]
        );
        assert_eq!(s.rows_per_lane, [2, 1]);
        assert!(s.placements.iter().all(|p| p.label_width == 100.0));
    }

    #[test]
    fn a_full_lane_shortens_the_label_before() {
        let options = StackOptions {
            max_rows: 1,
            gap: 8.0,
            min_label: 20.0,
        };
        let s = stack(&[point(0, 0.0, 200.0), point(0, 100.0, 200.0)], 1, options);
        // The first label starts at 9 and must end by 100 - 5 - 8 = 87.
        assert_eq!(s.placements[0].label_width, 78.0);
        assert_eq!(s.placements[1].label_width, 200.0);
    }

    #[test]
    fn a_label_flipped_left_needs_a_free_row_where_it_starts() {
        let flipped = Item {
            lane: 0,
            x0: 195.0,
            x1: 205.0,
            label_x: 90.0,
            label_width: 100.0,
        };
        let s = stack(&[point(0, 10.0, 70.0), flipped], 1, StackOptions::default());
        assert_eq!(
            s.placements[1].row, 1,
            "the first label ends at 89, too close to 90"
        );
        let s = stack(&[point(0, 10.0, 40.0), flipped], 1, StackOptions::default());
        assert_eq!(s.placements[1].row, 0);
    }

    #[test]
    fn labels_too_short_to_read_are_hidden() {
        let options = StackOptions {
            max_rows: 1,
            gap: 8.0,
            min_label: 40.0,
        };
        let s = stack(&[point(0, 0.0, 200.0), point(0, 30.0, 200.0)], 1, options);
        assert_eq!(s.placements[0].label_width, 0.0);
    }

    fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    proptest! {
        #[test]
        fn labels_never_overlap_labels_or_other_marks(
            raw in proptest::collection::vec((0usize..3, 0f64..2000.0, 0f64..150.0, 0f64..300.0, any::<bool>()), 0..120),
            max_rows in 1usize..6,
        ) {
            let mut items: Vec<Item> = raw.iter().map(|&(lane, x, len, w, bar)| {
                if bar { Item { lane, x0: x, x1: x + len, label_x: x + 4.0, label_width: w } }
                else if len > 100.0 { Item { lane, x0: x - 5.0, x1: x + 5.0, label_x: x - 10.0 - w, label_width: w } }
                else { point(lane, x, w) }
            }).collect();
            items.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let options = StackOptions { max_rows, ..StackOptions::default() };
            let s = stack(&items, 3, options);
            prop_assert_eq!(s.placements.len(), items.len());
            for (i, a) in items.iter().enumerate() {
                let pa = s.placements[i];
                prop_assert!(pa.row < max_rows);
                prop_assert!(pa.label_width <= a.label_width + 1e-9);
                prop_assert!(pa.label_width == 0.0 || pa.label_width >= options.min_label.min(a.label_width));
                if pa.label_width == 0.0 { continue; }
                let label = (a.label_x, a.label_x + pa.label_width);
                for (j, b) in items.iter().enumerate() {
                    let pb = s.placements[j];
                    if i == j || a.lane != b.lane || pa.row != pb.row { continue; }
                    prop_assert!(!overlaps(label, (b.x0, b.x1.max(b.x0 + 1e-9))), "label {i} covers mark {j}");
                    if pb.label_width > 0.0 {
                        prop_assert!(!overlaps(label, (b.label_x, b.label_x + pb.label_width)), "label {i} overlaps label {j}");
                    }
                }
            }
        }
    }
}
