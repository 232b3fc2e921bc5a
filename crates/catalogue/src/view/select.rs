//! Which features a view shows and in what order, with the live counts for
//! the filter chips.

use std::cmp::Ordering;

use super::{filter_values, Search, SearchIndex, Sort, SortDir, SortKey, ViewQuery};
use crate::model::{AttributeKind, Catalogue, Value};
use crate::sort::sort_indices;

/// Live counts for the filter chips: each reflects the other active filters.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Facets {
    /// Features matching the other filters, per stage (catalogue order).
    pub stages: Vec<usize>,
    /// Features matching the other filters, per category (catalogue order);
    /// a feature counts in each of its categories.
    pub categories: Vec<usize>,
    /// Per attribute (catalogue order), features matching the other filters
    /// per value (`true`, `false` for a `bool`; empty for `text` and
    /// `release` attributes).
    pub attributes: Vec<Vec<usize>>,
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

/// Which positions of a list a filter lets through: all when it names none.
fn switched_on(len: usize, on: &[String], position: impl Fn(&str) -> Option<usize>) -> Vec<bool> {
    let mut flags = vec![on.is_empty(); len];
    for id in on {
        if let Some(i) = position(id) {
            flags[i] = true;
        }
    }
    flags
}

/// Filters, counts and orders the features for a view; ties keep catalogue order.
///
/// `compare_names` is the locale's collation (the widget passes the browser's
/// `Intl.Collator`); it is called only for the first sort by name, and for
/// a sort by a text attribute.
pub fn select(
    catalogue: &Catalogue,
    index: &SearchIndex,
    view: &ViewQuery,
    compare_names: &dyn Fn(&str, &str) -> Ordering,
) -> Selection {
    let search = Search::new(&view.q);
    let stage_on = switched_on(catalogue.stages.len(), &view.stages, |id| {
        catalogue.stages.iter().position(|s| s.id == id)
    });
    let category_on = switched_on(catalogue.categories.len(), &view.categories, |id| {
        catalogue.categories.iter().position(|c| c.id == id)
    });
    // Per attribute: `None` when unfiltered, else which value ranks pass.
    let attribute_on: Vec<Option<Vec<bool>>> = catalogue
        .attributes
        .iter()
        .map(|a| {
            let filter = view.attribute_filter(&a.id)?;
            let values = filter_values(a);
            Some(switched_on(values.len(), &filter.values, |id| {
                values.iter().position(|v| *v == id)
            }))
        })
        .collect();
    let on = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);

    let mut facets = Facets {
        stages: vec![0; catalogue.stages.len()],
        categories: vec![0; catalogue.categories.len()],
        attributes: catalogue
            .attributes
            .iter()
            .map(|a| vec![0; filter_values(a).len()])
            .collect(),
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
    let mut attribute_ok = vec![true; catalogue.attributes.len()];
    for (i, haystack) in index.haystacks.iter().enumerate() {
        if stage_of[i] == usize::MAX
            || changed.is_some_and(|(from, to)| !index.changed_between(i, from, to))
        {
            continue;
        }
        if !search.is_empty() && !search.matches_folded(haystack) {
            continue;
        }
        let s = stage_of[i];
        let stage_ok = on(&stage_on, s);
        let category_ok = index.in_category(i, &|c| on(&category_on, c));
        for (k, flags) in attribute_on.iter().enumerate() {
            attribute_ok[k] = flags
                .as_ref()
                .is_none_or(|flags| on(flags, index.attribute_of[k][i]));
        }
        // A facet's count holds the features that every *other* filter lets
        // through: with two filters failing, none counts.
        let failing = usize::from(!stage_ok)
            + usize::from(!category_ok)
            + attribute_ok.iter().filter(|ok| !**ok).count();
        if failing > 1 {
            continue;
        }
        let others_ok = |own_ok: bool| failing == usize::from(!own_ok);
        if others_ok(stage_ok) {
            if let Some(n) = facets.stages.get_mut(s) {
                *n += 1;
            }
        }
        if others_ok(category_ok) {
            let also = &index.also_of[i];
            for c in std::iter::once(index.category_of[i]).chain(also.iter().copied()) {
                if let Some(n) = facets.categories.get_mut(c) {
                    *n += 1;
                }
            }
        }
        for (k, counts) in facets.attributes.iter_mut().enumerate() {
            if others_ok(attribute_ok[k]) {
                if let Some(n) = counts.get_mut(index.attribute_of[k][i]) {
                    *n += 1;
                }
            }
        }
        if failing == 0 {
            rows.push(i);
        }
    }
    facets.matching = rows.len();
    let keys = SortKeys {
        index,
        stage_of: &stage_of,
        name_rank: match &view.sort {
            Some(Sort {
                key: SortKey::Name, ..
            }) => index.name_rank(catalogue, compare_names),
            _ => &[],
        },
    };
    keys.order(catalogue, &mut rows, view.sort.as_ref(), compare_names);
    Selection { rows, facets }
}

/// What rows are ordered by: `stage_of` is each feature's stage rank in the
/// view's release; `name_rank` is only filled for a sort by name.
struct SortKeys<'a> {
    index: &'a SearchIndex,
    stage_of: &'a [usize],
    name_rank: &'a [usize],
}

impl SortKeys<'_> {
    fn order(
        &self,
        catalogue: &Catalogue,
        rows: &mut [usize],
        sort: Option<&Sort>,
        compare_names: &dyn Fn(&str, &str) -> Ordering,
    ) {
        let index = self.index;
        let by_category = |a: &usize, b: &usize| index.category_of[*a].cmp(&index.category_of[*b]);
        let Some(Sort { key, dir }) = sort else {
            sort_indices(rows, &|a, b| by_category(a, b).then(a.cmp(b)));
            return;
        };
        let flip = |o: Ordering| {
            if *dir == SortDir::Desc {
                o.reverse()
            } else {
                o
            }
        };
        let attribute = match key {
            SortKey::Attribute(id) => catalogue.attributes.iter().position(|a| &a.id == id),
            _ => None,
        };
        // A text attribute's values, read once for the sort by it.
        let texts: Option<Vec<Option<&str>>> = attribute
            .filter(|&k| catalogue.attributes[k].kind == AttributeKind::Text)
            .map(|k| {
                let id = &catalogue.attributes[k].id;
                catalogue
                    .features
                    .iter()
                    .map(|f| match f.attributes.get(id) {
                        Some(Value::Text(t)) => Some(t.as_str()),
                        _ => None,
                    })
                    .collect()
            });
        // Features without a value stay last in either direction.
        let given_first = |x: Option<Ordering>, missing: (bool, bool)| match x {
            Some(o) => flip(o),
            None => missing.0.cmp(&missing.1),
        };
        sort_indices(rows, &|a, b| {
            let primary = match (key, attribute, &texts) {
                (SortKey::Name, ..) => flip(self.name_rank[*a].cmp(&self.name_rank[*b])),
                (SortKey::Stage, ..) => flip(self.stage_of[*a].cmp(&self.stage_of[*b])),
                (SortKey::Category, ..) => flip(by_category(a, b)),
                (SortKey::Attribute(_), _, Some(texts)) => {
                    let (x, y) = (texts[*a], texts[*b]);
                    let both = x.zip(y).map(|(x, y)| compare_names(x, y));
                    given_first(both, (x.is_none(), y.is_none()))
                }
                (SortKey::Attribute(_), Some(k), None) => {
                    let (x, y) = (index.attribute_of[k][*a], index.attribute_of[k][*b]);
                    let missing = (x == usize::MAX, y == usize::MAX);
                    let both = (!missing.0 && !missing.1).then(|| x.cmp(&y));
                    given_first(both, missing)
                }
                (SortKey::Attribute(_), None, _) => Ordering::Equal,
            };
            primary.then(a.cmp(b))
        });
    }
}
