//! One sort for the whole crate.
//!
//! Every `sort_by` call site gets its own copy of the standard library's
//! sort in the wasm (about 4 KB each before compression, ten of them). Call
//! sites here describe their order as a [`Key`] per item instead, and the one
//! sort of keys puts them in order: an unstable sort of `(key, position)`,
//! which is exact and stable because the position breaks every tie. Keys
//! compare as plain integers, so this is no slower than a comparison
//! closure.

/// What an item sorts by: the first number, then the second.
pub(crate) type Key = (u64, u64);

/// An `f64` as a `u64` that orders as [`f64::total_cmp`] does.
pub(crate) fn float_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The positions of `keys` in ascending order of key; equal keys keep their
/// order.
pub(crate) fn sorted_positions(keys: Vec<Key>) -> Vec<usize> {
    let mut tagged: Vec<(u64, u64, usize)> = keys
        .into_iter()
        .enumerate()
        .map(|(position, (a, b))| (a, b, position))
        .collect();
    tagged.sort_unstable();
    tagged.into_iter().map(|(.., position)| position).collect()
}

/// The positions `0..len` in the order `compare` gives them, for orders
/// that integer keys cannot say (ties broken by an id). `compare` must be a
/// total order with no ties between distinct positions (break the last tie
/// by position), so the unstable sort is exact. Every such call site shares
/// this one copy of the sort: the comparison is a `dyn` call.
pub(crate) fn positions_by(
    len: usize,
    compare: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` by `key`, stably.
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let order = sorted_positions(items.iter().map(key).collect());
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|position| slots[position].take()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn floats_order_as_total_cmp_does() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -1.5,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            2.0,
            f64::INFINITY,
        ];
        for a in values {
            for b in values {
                assert_eq!(float_key(a).cmp(&float_key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    proptest! {
        #[test]
        fn float_keys_agree_with_total_cmp(a in proptest::num::f64::ANY, b in proptest::num::f64::ANY) {
            prop_assert_eq!(float_key(a).cmp(&float_key(b)), a.total_cmp(&b));
        }

        /// The same order as the standard library's sort with the same comparison.
        #[test]
        fn positions_by_sorts_as_the_standard_sort_does(items in proptest::collection::vec((0u64..4, any::<u16>()), 0..60)) {
            let compare = |a: usize, b: usize| items[a].0.cmp(&items[b].0).then(a.cmp(&b));
            let ours: Vec<_> = positions_by(items.len(), &compare).into_iter().map(|i| items[i]).collect();
            let mut std = items.clone();
            std.sort_by_key(|&(a, _)| a);
            prop_assert_eq!(ours, std);
        }

        /// The same order as the standard library's stable sort by key.
        #[test]
        fn sorts_as_the_stable_sort_does(items in proptest::collection::vec((0u64..4, 0u64..4, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(a, b, _)| (a, b));
            let mut std = items;
            std.sort_by_key(|&(a, b, _)| (a, b));
            prop_assert_eq!(ours, std);
        }
    }
}
