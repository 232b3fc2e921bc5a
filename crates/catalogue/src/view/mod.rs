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

use crate::model::Catalogue;
use crate::sort::sort_by;

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
