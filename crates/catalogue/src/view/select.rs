//! Which features a view shows and in what order, with the live counts for
//! the filter chips.

use std::cmp::Ordering;

use super::{Search, SearchIndex, Sort, SortDir, SortKey, ViewQuery};
use crate::model::Catalogue;
use crate::sort::sort_indices;

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
    let changed = view.changed_span(catalogue);
    let stage_of = index.stages_at(release);
    if release.is_some() {
        facets.total = stage_of.iter().filter(|&&s| s != usize::MAX).count();
    }
    let mut rows = Vec::new();
    for (i, haystack) in index.haystacks.iter().enumerate() {
        if stage_of[i] == usize::MAX
            || changed.is_some_and(|(from, to)| !index.changed_between(i, from, to))
        {
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
