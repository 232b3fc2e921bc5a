//! What the reader is looking at: the view query, search, facets and order.

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::ops::Range;

use crate::history;
use crate::model::Catalogue;

/// Longest search text kept from a URL or the search box, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// Column a reader sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Stage,
    Category,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Stage, SortKey::Category];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Stage => "stage",
            SortKey::Category => "category",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

impl SortDir {
    pub fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asc" => Some(SortDir::Asc),
            "desc" => Some(SortDir::Desc),
            _ => None,
        }
    }
}

/// An active sort; without one the catalogue's order, grouped by category, applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub dir: SortDir,
}

impl Sort {
    /// The sort after a click on `key`'s column header: ascending, then
    /// descending, then back to the catalogue's order.
    pub fn cycle(current: Option<Sort>, key: SortKey) -> Option<Sort> {
        match current {
            Some(Sort {
                key: k,
                dir: SortDir::Asc,
            }) if k == key => Some(Sort {
                key,
                dir: SortDir::Desc,
            }),
            Some(Sort {
                key: k,
                dir: SortDir::Desc,
            }) if k == key => None,
            _ => Some(Sort {
                key,
                dir: SortDir::Asc,
            }),
        }
    }
}

/// Whether the definitions dialog is open, and at which stage.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Definitions {
    #[default]
    Closed,
    Open,
    AtStage(String),
}

/// The reader's view: everything a shared link reproduces.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct ViewQuery {
    /// Search text as typed.
    pub q: String,
    /// Active stage filters (ids); empty means all.
    pub stages: Vec<String>,
    /// Active category filters (ids); empty means all.
    pub categories: Vec<String>,
    pub sort: Option<Sort>,
    /// Locale asked for, if any.
    pub lang: Option<String>,
    pub defs: Definitions,
    /// Show every feature's stage as of this release (an id of `releases`);
    /// features not yet introduced are hidden.
    pub release: Option<String>,
    /// Only features whose stage changed in this release.
    pub changed: Option<String>,
}

impl ViewQuery {
    /// Whether any filter narrows the rows.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.stages.is_empty()
            || !self.categories.is_empty()
            || self.changed.is_some()
    }

    /// Drops references the catalogue does not know; returns a warning for each.
    pub fn sanitize(&mut self, catalogue: &Catalogue) -> Vec<String> {
        let mut warnings = Vec::new();
        retain_known(&mut self.stages, "stage", &mut warnings, |id| {
            catalogue.stage(id).is_some()
        });
        retain_known(&mut self.categories, "category", &mut warnings, |id| {
            catalogue.category(id).is_some()
        });
        for (name, value) in [
            ("release", &mut self.release),
            ("changed", &mut self.changed),
        ] {
            if let Some(id) = value.as_deref() {
                if catalogue.release_rank(id).is_none() {
                    warnings.push(if catalogue.releases.is_empty() {
                        format!("{name}: this catalogue has no releases; \"{id}\" ignored")
                    } else {
                        format!("{name}: unknown release \"{id}\" ignored")
                    });
                    *value = None;
                }
            }
        }
        if let Definitions::AtStage(id) = &self.defs {
            if catalogue.stage(id).is_none() {
                warnings.push(format!(
                    "defs: unknown stage \"{id}\"; opening the definitions without a stage"
                ));
                self.defs = Definitions::Open;
            }
        }
        // Keep filters in the catalogue's order so equal views compare equal.
        sort_by(&mut self.stages, &|a, b| {
            catalogue.stage_rank(a).cmp(&catalogue.stage_rank(b))
        });
        sort_by(&mut self.categories, &|a, b| {
            catalogue.category_rank(a).cmp(&catalogue.category_rank(b))
        });
        warnings
    }

    /// Toggles one id in a filter list, keeping catalogue order.
    pub fn toggle(list: &mut Vec<String>, id: &str, rank: impl Fn(&str) -> usize) {
        if let Some(i) = list.iter().position(|s| s == id) {
            list.remove(i);
        } else {
            list.push(id.to_string());
            sort_by(list, &|a, b| rank(a).cmp(&rank(b)));
        }
    }
}

fn retain_known(
    list: &mut Vec<String>,
    what: &str,
    warnings: &mut Vec<String>,
    known: impl Fn(&str) -> bool,
) {
    list.retain(|id| {
        let ok = known(id);
        if !ok {
            warnings.push(format!("{what}: unknown {what} \"{id}\" ignored"));
        }
        ok
    });
}

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
    fn matches_folded(&self, haystack: &str) -> bool {
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

/// Per-catalogue data, built once: each feature's folded name, note and
/// category label, and its stage and category positions. The rank by name is
/// computed on the first sort by name, then kept.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
    stage_of: Vec<usize>,
    category_of: Vec<usize>,
    /// Per feature, its history as (release rank, stage rank), oldest first;
    /// empty without history.
    history_of: Vec<Vec<(usize, usize)>>,
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
                let note = f.note.as_deref().unwrap_or("");
                fold(&format!("{}\u{1F}{}\u{1F}{}", f.name, note, category)).text
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
            name_rank: OnceCell::new(),
        }
    }

    /// Feature `i`'s stage rank as of release `rank`; `None` before it existed.
    fn stage_at(&self, i: usize, rank: usize) -> Option<usize> {
        let history = &self.history_of[i];
        if history.is_empty() {
            return Some(self.stage_of[i]);
        }
        history::latest_at(history.iter().copied(), rank)
    }

    /// Whether feature `i`'s stage in release `rank` differs from the one before.
    fn changed_in(&self, i: usize, rank: usize) -> bool {
        !self.history_of[i].is_empty()
            && history::differs_from_before(|r| self.stage_at(i, r), rank)
    }

    /// Every feature's stage rank as of `release` (`usize::MAX`: not yet there).
    fn stages_at(&self, release: Option<usize>) -> std::borrow::Cow<'_, [usize]> {
        match release {
            None => std::borrow::Cow::Borrowed(&self.stage_of),
            Some(rank) => (0..self.stage_of.len())
                .map(|i| self.stage_at(i, rank).unwrap_or(usize::MAX))
                .collect::<Vec<_>>()
                .into(),
        }
    }

    /// Each feature's position by name under `compare_names` (equal names share a rank).
    fn name_rank(
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

/// Live counts for the filter chips: each reflects the other active filters.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Facets {
    /// Features matching search and category filters, per stage (catalogue order).
    pub stages: Vec<usize>,
    /// Features matching search and stage filters, per category (catalogue order).
    pub categories: Vec<usize>,
    /// Features matching everything.
    pub matching: usize,
    /// Features in the catalogue.
    pub total: usize,
}

/// The rows to show, in order, and the facet counts.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    /// Feature indices in display order.
    pub rows: Vec<usize>,
    pub facets: Facets,
}

/// Filters, counts and orders the features for a view; ties keep catalogue order.
///
/// `compare_names` is the locale's collation (the widget passes the browser's
/// `Intl.Collator`); it is called only for the first sort by name.
pub fn select(
    catalogue: &Catalogue,
    index: &SearchIndex,
    view: &ViewQuery,
    compare_names: &dyn Fn(&str, &str) -> Ordering,
) -> Selection {
    let search = Search::new(&view.q);
    let mut stage_on = vec![view.stages.is_empty(); catalogue.stages.len()];
    for id in &view.stages {
        if let Some(i) = catalogue.stages.iter().position(|s| &s.id == id) {
            stage_on[i] = true;
        }
    }
    let mut category_on = vec![view.categories.is_empty(); catalogue.categories.len()];
    for id in &view.categories {
        if let Some(i) = catalogue.categories.iter().position(|c| &c.id == id) {
            category_on[i] = true;
        }
    }
    let on = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);

    let mut facets = Facets {
        stages: vec![0; catalogue.stages.len()],
        categories: vec![0; catalogue.categories.len()],
        matching: 0,
        total: catalogue.features.len(),
    };
    let release = view
        .release
        .as_deref()
        .and_then(|r| catalogue.release_rank(r));
    let changed = view
        .changed
        .as_deref()
        .and_then(|r| catalogue.release_rank(r));
    let stage_of = index.stages_at(release);
    if release.is_some() {
        facets.total = stage_of.iter().filter(|&&s| s != usize::MAX).count();
    }
    let mut rows = Vec::new();
    for (i, haystack) in index.haystacks.iter().enumerate() {
        if stage_of[i] == usize::MAX || changed.is_some_and(|c| !index.changed_in(i, c)) {
            continue;
        }
        if !search.is_empty() && !search.matches_folded(haystack) {
            continue;
        }
        let (s, c) = (stage_of[i], index.category_of[i]);
        let (stage_ok, category_ok) = (on(&stage_on, s), on(&category_on, c));
        if category_ok {
            if let Some(n) = facets.stages.get_mut(s) {
                *n += 1;
            }
        }
        if stage_ok {
            if let Some(n) = facets.categories.get_mut(c) {
                *n += 1;
            }
        }
        if stage_ok && category_ok {
            rows.push(i);
        }
    }
    facets.matching = rows.len();
    if view.sort.is_some_and(|s| s.key == SortKey::Name) {
        let ranks = index.name_rank(catalogue, compare_names);
        order(index, &stage_of, ranks, &mut rows, view.sort);
    } else {
        order(index, &stage_of, &[], &mut rows, view.sort);
    }
    Selection { rows, facets }
}

/// `name_rank` is only read for a sort by name; `stage_of` is each
/// feature's stage rank in the view's release.
fn order(
    index: &SearchIndex,
    stage_of: &[usize],
    name_rank: &[usize],
    rows: &mut [usize],
    sort: Option<Sort>,
) {
    let by_category = |a: &usize, b: &usize| index.category_of[*a].cmp(&index.category_of[*b]);
    match sort {
        None => sort_indices(rows, &|a, b| by_category(a, b).then(a.cmp(b))),
        Some(Sort { key, dir }) => sort_indices(rows, &|a, b| {
            let primary = match key {
                SortKey::Name => name_rank[*a].cmp(&name_rank[*b]),
                SortKey::Stage => stage_of[*a].cmp(&stage_of[*b]),
                SortKey::Category => by_category(a, b),
            };
            let primary = if dir == SortDir::Desc {
                primary.reverse()
            } else {
                primary
            };
            primary.then(a.cmp(b))
        }),
    }
}

/// Stable sort of indices through a `dyn` comparator: the one copy of the
/// sort code in the wasm bundle (a copy per element type or closure would
/// each add kilobytes).
pub(crate) fn sort_indices(indices: &mut [usize], compare: &dyn Fn(&usize, &usize) -> Ordering) {
    indices.sort_by(|a, b| compare(a, b));
}

/// Stable sort of any list, by sorting its indices with [`sort_indices`].
fn sort_by<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[*a], &items[*b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Features per category and stage, for the summary grid: `[category][stage]`,
/// as of `release` (an id of `releases`) when given.
pub fn summary(
    catalogue: &Catalogue,
    index: &SearchIndex,
    release: Option<&str>,
) -> Vec<Vec<usize>> {
    let mut grid = vec![vec![0; catalogue.stages.len()]; catalogue.categories.len()];
    let stage_of = index.stages_at(release.and_then(|r| catalogue.release_rank(r)));
    for (s, c) in stage_of.iter().zip(&index.category_of) {
        if let Some(n) = grid.get_mut(*c).and_then(|row| row.get_mut(*s)) {
            *n += 1;
        }
    }
    grid
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
