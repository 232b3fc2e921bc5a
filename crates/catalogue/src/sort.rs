//! The crate's one stable sort: lists of any type are sorted through their
//! indices and a `dyn` comparator (see [`sort_indices`]).

use std::cmp::Ordering;

/// Stable sort of indices through a `dyn` comparator: the one copy of the
/// sort code in the wasm bundle, where a sort per element type or closure
/// would each be compiled in again.
pub(crate) fn sort_indices(indices: &mut [usize], compare: &dyn Fn(&usize, &usize) -> Ordering) {
    indices.sort_by(|a, b| compare(a, b));
}

/// Stable sort of any list, by sorting its indices with [`sort_indices`].
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[*a], &items[*b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sort_by_is_a_stable_sort_of_any_list() {
        // Sorted by length only: equal lengths keep their order.
        let mut words: Vec<String> = ["ccc", "a", "bb", "b", "aaa", "c"]
            .map(String::from)
            .to_vec();
        sort_by(&mut words, &|a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["a", "b", "c", "bb", "ccc", "aaa"]);
        let mut empty: Vec<String> = Vec::new();
        sort_by(&mut empty, &|a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
