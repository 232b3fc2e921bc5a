//! The checks a catalogue's values share (lengths, non-empty names, inline
//! text and links, list sizes, ids), and the `Validator` that collects
//! their problems.

use crate::inline::{check_link, parse_inline, Segment};
use crate::load::limits;
use crate::sort::sort_indices;

use super::Problem;

/// Whether `id` is usable in URLs and comma-separated lists.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// Whether `id` is usable as a release id in URLs (`release=1.24`).
pub fn is_valid_release(id: &str) -> bool {
    !id.is_empty()
        // `..` joins two releases in a range (`changed=1.20..1.30`).
        && !id.contains("..")
        && id.chars().count() <= limits::MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

pub(super) fn join_ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.len() > 12 {
        format!("{}, … ({} in all)", ids[..12].join(", "), ids.len())
    } else {
        ids.join(", ")
    }
}

#[derive(Default)]
pub(super) struct Validator {
    pub(super) problems: Vec<Problem>,
}

impl Validator {
    pub(super) fn problem(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            message,
        });
    }

    fn too_long(&mut self, path: &str, text: &str, max: usize) -> bool {
        let chars = text.chars().count();
        if chars > max {
            self.problem(
                path,
                format!("is {chars} characters long; the limit is {max}"),
            );
        }
        chars > max
    }

    pub(super) fn name(&mut self, path: &str, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty".into());
        } else {
            self.too_long(path, text, max);
        }
    }

    pub(super) fn optional_name(&mut self, path: &str, text: &str, max: usize) {
        self.too_long(path, text, max);
    }

    pub(super) fn inline(&mut self, path: &str, text: &str) {
        if self.too_long(path, text, limits::MAX_TEXT_CHARS) {
            return;
        }
        for segment in parse_inline(text) {
            if let Segment::Link { url, .. } = segment {
                self.link(path, &url);
            }
        }
    }

    pub(super) fn link(&mut self, path: &str, url: &str) {
        if self.too_long(path, url, limits::MAX_LINK_CHARS) {
            return;
        }
        if let Err(e) = check_link(url) {
            self.problem(path, format!("{e} (got {:?})", truncate(url, 60)));
        }
    }

    pub(super) fn count(&mut self, path: &str, len: usize, min: usize, max: usize) {
        if len < min {
            self.problem(path, format!("needs at least {min} entry"));
        } else if len > max {
            self.problem(path, format!("has {len} entries; the limit is {max}"));
        }
    }

    /// Checks ids for form and uniqueness; returns the ids for lookups.
    ///
    /// Duplicates are found by sorting (with the crate's one sort), not with
    /// a hash map: the wasm bundle then carries no hash map code of its own.
    pub(super) fn ids<'a>(&mut self, list: &str, ids: Vec<&'a str>) -> IdSet<'a> {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        // Stable: equal ids stay in list order, so the first of a run is the first seen.
        sort_indices(&mut order, &|a, b| ids[*a].cmp(ids[*b]));
        let mut first_at: Vec<Option<usize>> = vec![None; ids.len()];
        for pair in order.windows(2) {
            if ids[pair[0]] == ids[pair[1]] {
                first_at[pair[1]] = Some(first_at[pair[0]].unwrap_or(pair[0]));
            }
        }
        for (i, (id, first)) in ids.iter().zip(&first_at).enumerate() {
            let path = format!("{list}[{i}].id");
            if id.chars().count() > limits::MAX_ID_CHARS {
                self.too_long(&path, id, limits::MAX_ID_CHARS);
            } else if !is_valid_id(id) {
                self.problem(
                    &path,
                    format!(
                        "invalid id {:?}; use lowercase ASCII letters, digits, '-', '_' and '.'",
                        truncate(id, 60)
                    ),
                );
            }
            if let Some(first) = first {
                self.problem(
                    &path,
                    format!(
                        "duplicate id {:?} (first at {list}[{first}])",
                        truncate(id, 60)
                    ),
                );
            }
        }
        let mut sorted: Vec<&str> = order.iter().map(|&i| ids[i]).collect();
        sorted.dedup();
        IdSet(sorted)
    }
}

/// The ids of one list, sorted and without duplicates.
pub(super) struct IdSet<'a>(Vec<&'a str>);

impl IdSet<'_> {
    pub(super) fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}
