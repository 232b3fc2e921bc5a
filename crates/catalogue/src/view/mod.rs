//! What the reader is looking at: the view query (search text, filters,
//! sort, release, the definitions dialog) and the parts that turn it into
//! rows: `search` (case folding, highlights, the per-catalogue index),
//! `select` (filters, facet counts, order) and `summary` (the grid), whose
//! items are re-exported here.

mod search;
mod select;
mod summary;

pub use search::{split_highlights, Search, SearchIndex};
pub use select::{select, Facets, Selection};
pub use summary::{stages_per_release, summary};

use crate::model::{Attribute, AttributeKind, Catalogue};
use crate::sort::sort_by;

/// Longest search text kept from a URL or the search box, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// What `sort` may name, as warnings say it.
pub(crate) const SORT_KEYS: &str = "name, stage, category or an attribute";

/// Column a reader sorts by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Stage,
    Category,
    /// An attribute's column, by the attribute's id.
    Attribute(String),
}

impl SortKey {
    /// The columns every catalogue has; their names are not attribute ids.
    pub const FIXED: [SortKey; 3] = [SortKey::Name, SortKey::Stage, SortKey::Category];

    /// The name in URLs (`sort=stage`, or an attribute's id).
    pub fn as_str(&self) -> &str {
        match self {
            SortKey::Name => "name",
            SortKey::Stage => "stage",
            SortKey::Category => "category",
            SortKey::Attribute(id) => id,
        }
    }

    /// A fixed column by name, else an attribute by id (checked against a
    /// catalogue by [`ViewQuery::sanitize`]); `None` when `s` is neither.
    pub fn parse(s: &str) -> Option<Self> {
        Self::FIXED
            .into_iter()
            .find(|k| k.as_str() == s)
            .or_else(|| crate::validate::is_valid_id(s).then(|| SortKey::Attribute(s.into())))
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub dir: SortDir,
}

impl Sort {
    /// The sort after a click on `key`'s column header: ascending, then
    /// descending, then back to the catalogue's order.
    pub fn cycle(current: Option<Sort>, key: SortKey) -> Option<Sort> {
        match current {
            Some(Sort { key: k, dir }) if k == key => (dir == SortDir::Asc).then_some(Sort {
                key,
                dir: SortDir::Desc,
            }),
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

/// Which view shows the features: the table, or (catalogues with releases)
/// the release matrix of features × releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ViewMode {
    #[default]
    Table,
    Releases,
}

impl ViewMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ViewMode::Table => "table",
            ViewMode::Releases => "releases",
        }
    }

    pub fn parse(s: &str) -> Option<ViewMode> {
        match s {
            "table" => Some(ViewMode::Table),
            "releases" => Some(ViewMode::Releases),
            _ => None,
        }
    }
}

/// The values one attribute's filter lets through: value ids of an `enum`,
/// `true` or `false` for a `bool`. Never empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct AttributeFilter {
    pub id: String,
    pub values: Vec<String>,
}

impl AttributeFilter {
    /// The URL parameter that carries it (`attr.default`), without an
    /// instance prefix.
    pub fn param(&self) -> String {
        format!("{ATTRIBUTE_PARAM}{}", self.id)
    }
}

/// What an attribute filter's URL parameter starts with: `attr.` + the id.
pub const ATTRIBUTE_PARAM: &str = "attr.";

/// The value ids a filter on `attribute` can name, in order: its values'
/// ids for an `enum`, `true` and `false` for a `bool`, none for the others.
pub fn filter_values(attribute: &Attribute) -> Vec<&str> {
    match attribute.kind {
        AttributeKind::Bool => vec!["true", "false"],
        AttributeKind::Enum => attribute.values.iter().map(|v| v.id.as_str()).collect(),
        AttributeKind::Text | AttributeKind::Release => Vec::new(),
    }
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
    /// Active filters on bool and enum attributes, in the catalogue's
    /// attribute order; an attribute without an entry is not filtered.
    pub attributes: Vec<AttributeFilter>,
    pub sort: Option<Sort>,
    /// Locale asked for, if any.
    pub lang: Option<String>,
    pub defs: Definitions,
    /// Show every feature's stage as of this release (an id of `releases`);
    /// features not yet introduced are hidden.
    pub release: Option<String>,
    /// Only features whose stage changed in this release (`1.24`), or
    /// between two releases (`1.20..1.30`).
    pub changed: Option<String>,
    /// The table or the release matrix; `None` leaves it to the page (the
    /// element's `view` attribute, else the table).
    pub view: Option<ViewMode>,
}

impl ViewQuery {
    /// Whether any filter narrows the rows.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.stages.is_empty()
            || !self.categories.is_empty()
            || !self.attributes.is_empty()
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
        self.attributes.retain_mut(|filter| {
            let param = filter.param();
            let Some(attribute) = catalogue.attribute(&filter.id) else {
                warnings.push(format!("{param}: unknown attribute ignored"));
                return false;
            };
            let known = filter_values(attribute);
            if known.is_empty() {
                warnings.push(format!(
                    "{param}: a {} attribute is not a filter; ignored",
                    attribute.kind.as_str()
                ));
                return false;
            }
            filter.values.retain(|v| {
                let ok = known.contains(&v.as_str());
                if !ok {
                    warnings.push(format!("{param}: unknown value \"{v}\" ignored"));
                }
                ok
            });
            let rank = |v: &String| known.iter().position(|k| k == v);
            sort_by(&mut filter.values, &|a, b| rank(a).cmp(&rank(b)));
            !filter.values.is_empty()
        });
        self.order_attributes(catalogue);
        if let Some(Sort {
            key: SortKey::Attribute(id),
            ..
        }) = &self.sort
        {
            if catalogue.attribute(id).is_none() {
                warnings.push(format!("sort: \"{id}\" is not {SORT_KEYS}; ignored"));
                self.sort = None;
            }
        }
        for (name, value) in [
            ("release", &mut self.release),
            ("changed", &mut self.changed),
        ] {
            let Some(given) = value.as_deref() else {
                continue;
            };
            let ids = match given.split_once("..") {
                Some((from, to)) if name == "changed" => vec![from, to],
                _ => vec![given],
            };
            if let Some(id) = ids.iter().find(|id| catalogue.release_rank(id).is_none()) {
                warnings.push(if catalogue.releases.is_empty() {
                    format!("{name}: this catalogue has no releases; \"{given}\" ignored")
                } else {
                    if *id == given {
                        format!("{name}: unknown release \"{id}\" ignored")
                    } else {
                        format!("{name}: unknown release \"{id}\"; \"{given}\" ignored")
                    }
                });
                *value = None;
            }
        }
        if self.view == Some(ViewMode::Releases) && catalogue.releases.is_empty() {
            warnings.push("view: this catalogue has no releases; showing the table".into());
            self.view = None;
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

    /// The releases `changed` compares, as ranks: `(from, to)`, where `from`
    /// is `None` for "before the first release" (every feature then is new).
    /// One release compares it with the release before; a range `A..B`
    /// compares its ends, in either order.
    pub fn changed_span(&self, catalogue: &Catalogue) -> Option<(Option<usize>, usize)> {
        let value = self.changed.as_deref()?;
        match value.split_once("..") {
            Some((a, b)) => {
                let (a, b) = (catalogue.release_rank(a)?, catalogue.release_rank(b)?);
                Some((Some(a.min(b)), a.max(b)))
            }
            None => {
                let rank = catalogue.release_rank(value)?;
                Some((rank.checked_sub(1), rank))
            }
        }
    }

    /// The filter on attribute `id`, if any.
    pub fn attribute_filter(&self, id: &str) -> Option<&AttributeFilter> {
        self.attributes.iter().find(|f| f.id == id)
    }

    /// Toggles one value of attribute `id`'s filter, keeping catalogue
    /// order; the filter goes when its last value does.
    pub fn toggle_attribute(&mut self, catalogue: &Catalogue, id: &str, value: &str) {
        let Some(attribute) = catalogue.attribute(id) else {
            return;
        };
        let known = filter_values(attribute);
        let rank = |v: &str| known.iter().position(|k| *k == v).unwrap_or(usize::MAX);
        match self.attributes.iter().position(|f| f.id == id) {
            Some(i) => {
                ViewQuery::toggle(&mut self.attributes[i].values, value, rank);
                if self.attributes[i].values.is_empty() {
                    self.attributes.remove(i);
                }
            }
            None => {
                self.attributes.push(AttributeFilter {
                    id: id.into(),
                    values: vec![value.into()],
                });
                self.order_attributes(catalogue);
            }
        }
    }

    /// Puts the attribute filters in the catalogue's attribute order.
    fn order_attributes(&mut self, catalogue: &Catalogue) {
        let rank = |id: &str| catalogue.attributes.iter().position(|a| a.id == id);
        sort_by(&mut self.attributes, &|a, b| rank(&a.id).cmp(&rank(&b.id)));
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
