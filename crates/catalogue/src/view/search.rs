//! Text search over a catalogue: case folding that remembers where each
//! folded byte came from, the terms of a query, the ranges to highlight, and
//! the per-catalogue index the view reads.

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::ops::Range;

use crate::history;
use crate::model::{Attribute, AttributeKind, Catalogue, Value};
use crate::sort::{sort_by, sort_indices};

/// Lowercases `text` char by char, remembering where each folded byte came from.
struct Folded {
    text: String,
    /// For each byte of `text`: the byte range of the original char.
    origin: Vec<(usize, usize)>,
}

fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for lc in c.to_lowercase() {
            folded.text.push(lc);
            folded
                .origin
                .extend(std::iter::repeat_n((start, end), lc.len_utf8()));
        }
    }
    folded
}

/// Case-insensitive text search: every whitespace-separated term must match.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Search {
    terms: Vec<String>,
}

impl Search {
    pub fn new(q: &str) -> Self {
        let mut terms: Vec<String> = fold(q)
            .text
            .split_whitespace()
            .map(str::to_string)
            .collect();
        sort_by(&mut terms, &|a, b| a.cmp(b));
        terms.dedup();
        Search { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term occurs in the folded haystack.
    pub(super) fn matches_folded(&self, haystack: &str) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()))
    }

    /// Byte ranges of `text` that match a term, merged and in order.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            let mut from = 0;
            while let Some(i) = folded.text[from..].find(term.as_str()) {
                let (s, e) = (from + i, from + i + term.len());
                ranges.push(folded.origin[s].0..folded.origin[e - 1].1);
                from = s + folded.text[s..].chars().next().map_or(1, char::len_utf8);
            }
        }
        sort_by(&mut ranges, &|a, b| (a.start, a.end).cmp(&(b.start, b.end)));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// The text a search finds a feature's attribute value by: an `enum`'s
/// label, a text or release; nothing for a `bool`.
fn searchable<'a>(attribute: &'a Attribute, value: &'a Value) -> Option<&'a str> {
    match (attribute.kind, value) {
        (AttributeKind::Enum, Value::Text(id)) => attribute
            .values
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.label.as_str()),
        (AttributeKind::Text | AttributeKind::Release, Value::Text(t)) => Some(t),
        _ => None,
    }
}

/// See [`SearchIndex::attribute_of`].
fn value_rank(catalogue: &Catalogue, attribute: &Attribute, value: &Value) -> usize {
    let rank = match (attribute.kind, value) {
        (AttributeKind::Bool, Value::Bool(b)) => Some(usize::from(!b)),
        (AttributeKind::Enum, Value::Text(id)) => attribute.values.iter().position(|c| &c.id == id),
        (AttributeKind::Release, Value::Text(id)) => catalogue.release_rank(id),
        _ => None,
    };
    rank.unwrap_or(usize::MAX)
}

/// Splits `text` into (highlighted?, piece) runs for rendering.
pub fn split_highlights<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(bool, &'a str)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            pieces.push((false, &text[at..r.start]));
        }
        pieces.push((true, &text[r.clone()]));
        at = r.end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((false, &text[at..]));
    }
    pieces
}

/// Per-catalogue data, built once: each feature's folded name, description,
/// note, category labels and attribute texts, and its stage, category and
/// attribute value positions. The rank by name is
/// computed on the first sort by name, then kept.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    pub(super) haystacks: Vec<String>,
    stage_of: Vec<usize>,
    pub(super) category_of: Vec<usize>,
    /// Per feature, the ranks of its further categories (`also_in`).
    pub(super) also_of: Vec<Vec<usize>>,
    /// Per attribute, each feature's value as a rank: a `bool`'s true 0 and
    /// false 1, an `enum`'s value position, a `release` attribute's release
    /// rank; `usize::MAX` when not given (and for `text` attributes).
    pub(super) attribute_of: Vec<Vec<usize>>,
    /// Per feature, its history as (release rank, stage rank), oldest first;
    /// empty without history.
    history_of: Vec<Vec<(usize, usize)>>,
    /// Each feature's removal release rank; `usize::MAX` when not removed.
    removed_at: Vec<usize>,
    name_rank: OnceCell<Vec<usize>>,
}

impl SearchIndex {
    pub fn new(catalogue: &Catalogue) -> Self {
        let haystacks = catalogue
            .features
            .iter()
            .map(|f| {
                let category = catalogue
                    .category(&f.category)
                    .map_or("", |c| c.label.as_str());
                let mut text = format!("{}\u{1F}{}", f.name, category);
                for part in [&f.description, &f.note].into_iter().flatten() {
                    text.push('\u{1F}');
                    text.push_str(part);
                }
                for id in &f.also_in {
                    if let Some(c) = catalogue.category(id) {
                        text.push('\u{1F}');
                        text.push_str(&c.label);
                    }
                }
                for (id, value) in &f.attributes {
                    if let Some(shown) = catalogue.attribute(id).and_then(|a| searchable(a, value))
                    {
                        text.push('\u{1F}');
                        text.push_str(shown);
                    }
                }
                fold(&text).text
            })
            .collect();
        SearchIndex {
            haystacks,
            stage_of: catalogue
                .features
                .iter()
                .map(|f| catalogue.stage_rank(&f.stage))
                .collect(),
            category_of: catalogue
                .features
                .iter()
                .map(|f| catalogue.category_rank(&f.category))
                .collect(),
            history_of: catalogue
                .features
                .iter()
                .map(|f| {
                    f.history
                        .iter()
                        .filter_map(|c| {
                            Some((
                                catalogue.release_rank(&c.since)?,
                                catalogue.stage_rank(&c.stage),
                            ))
                        })
                        .collect()
                })
                .collect(),
            also_of: catalogue
                .features
                .iter()
                .map(|f| {
                    f.also_in
                        .iter()
                        .map(|c| catalogue.category_rank(c))
                        .collect()
                })
                .collect(),
            attribute_of: catalogue
                .attributes
                .iter()
                .map(|a| {
                    catalogue
                        .features
                        .iter()
                        .map(|f| {
                            f.attributes
                                .get(&a.id)
                                .map_or(usize::MAX, |v| value_rank(catalogue, a, v))
                        })
                        .collect()
                })
                .collect(),
            removed_at: catalogue
                .features
                .iter()
                .map(|f| history::removed_rank(catalogue, f).unwrap_or(usize::MAX))
                .collect(),
            name_rank: OnceCell::new(),
        }
    }

    /// Whether feature `i` is in one of the categories `on` (by rank).
    pub(super) fn in_category(&self, i: usize, on: &dyn Fn(usize) -> bool) -> bool {
        on(self.category_of[i]) || self.also_of[i].iter().any(|&c| on(c))
    }

    /// Feature `i`'s stage rank as of release `rank`; `None` before it
    /// existed and from its removal on.
    pub(super) fn stage_at(&self, i: usize, rank: usize) -> Option<usize> {
        if self.removed_at[i] <= rank {
            return None;
        }
        let history = &self.history_of[i];
        if history.is_empty() {
            return Some(self.stage_of[i]);
        }
        history::latest_at(history.iter().copied(), rank)
    }

    /// Whether feature `i`'s stage at release `to` differs from the one at
    /// `from` (`None`: before the first release), a feature new since then
    /// included, and a removal; never for a feature without history or
    /// removal (the rule of `history::has_timeline`).
    pub(super) fn changed_between(&self, i: usize, from: Option<usize>, to: usize) -> bool {
        (!self.history_of[i].is_empty() || self.removed_at[i] != usize::MAX)
            && history::differs_between(|r| self.stage_at(i, r), from, to)
    }

    /// Every feature's stage rank as of `release` (`usize::MAX`: not yet there).
    pub(super) fn stages_at(&self, release: Option<usize>) -> std::borrow::Cow<'_, [usize]> {
        match release {
            None => std::borrow::Cow::Borrowed(&self.stage_of),
            Some(rank) => (0..self.stage_of.len())
                .map(|i| self.stage_at(i, rank).unwrap_or(usize::MAX))
                .collect::<Vec<_>>()
                .into(),
        }
    }

    /// Each feature's position by name under `compare_names` (equal names share a rank).
    pub(super) fn name_rank(
        &self,
        catalogue: &Catalogue,
        compare_names: &dyn Fn(&str, &str) -> Ordering,
    ) -> &[usize] {
        self.name_rank.get_or_init(|| {
            let name = |i: usize| catalogue.features[i].name.as_str();
            let mut by_name: Vec<usize> = (0..catalogue.features.len()).collect();
            sort_indices(&mut by_name, &|a, b| compare_names(name(*a), name(*b)));
            let mut rank = vec![0; by_name.len()];
            for (pos, &i) in by_name.iter().enumerate() {
                rank[i] = match pos.checked_sub(1).map(|p| by_name[p]) {
                    Some(prev) if compare_names(name(prev), name(i)) == Ordering::Equal => {
                        rank[prev]
                    }
                    _ => pos,
                };
            }
            rank
        })
    }
}
