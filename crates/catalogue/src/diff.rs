//! Drift between two locales of one catalogue.

use std::collections::HashMap;
use std::fmt;

use crate::model::{Catalogue, Feature};

/// One difference between catalogue A and catalogue B.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Drift {
    MissingInB {
        id: String,
        name: String,
    },
    MissingInA {
        id: String,
        name: String,
    },
    Stage {
        id: String,
        a: String,
        b: String,
    },
    Category {
        id: String,
        a: String,
        b: String,
    },
    Link {
        id: String,
        a: Option<String>,
        b: Option<String>,
    },
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::MissingInB { id, name } => write!(f, "{id}: only in A ({name})"),
            Drift::MissingInA { id, name } => write!(f, "{id}: only in B ({name})"),
            Drift::Stage { id, a, b } => write!(f, "{id}: stage {a} in A, {b} in B"),
            Drift::Category { id, a, b } => write!(f, "{id}: category {a} in A, {b} in B"),
            Drift::Link { id, a, b } => write!(
                f,
                "{id}: link {} in A, {} in B",
                a.as_deref().unwrap_or("(none)"),
                b.as_deref().unwrap_or("(none)")
            ),
        }
    }
}

/// A link with its locale prefix removed (`/zh/docs/x` in a zh catalogue → `/docs/x`),
/// so that two translations of the same link compare equal.
fn unlocalized<'a>(link: &'a str, locale: &str) -> &'a str {
    let prefix = format!("/{locale}/");
    if link.starts_with(&prefix) {
        &link[prefix.len() - 1..]
    } else {
        link
    }
}

/// Features missing on either side, and features whose stage, category or
/// (locale-independent) link differ. Ordered as in A, then B's extras.
pub fn diff(a: &Catalogue, b: &Catalogue) -> Vec<Drift> {
    let by_id: HashMap<&str, &Feature> = b.features.iter().map(|f| (f.id.as_str(), f)).collect();
    let in_a: HashMap<&str, &Feature> = a.features.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut drift = Vec::new();
    for fa in &a.features {
        let Some(fb) = by_id.get(fa.id.as_str()) else {
            drift.push(Drift::MissingInB {
                id: fa.id.clone(),
                name: fa.name.clone(),
            });
            continue;
        };
        if fa.stage != fb.stage {
            drift.push(Drift::Stage {
                id: fa.id.clone(),
                a: fa.stage.clone(),
                b: fb.stage.clone(),
            });
        }
        if fa.category != fb.category {
            drift.push(Drift::Category {
                id: fa.id.clone(),
                a: fa.category.clone(),
                b: fb.category.clone(),
            });
        }
        let la = fa.link.as_deref().map(|l| unlocalized(l, &a.locale));
        let lb = fb.link.as_deref().map(|l| unlocalized(l, &b.locale));
        if la != lb {
            drift.push(Drift::Link {
                id: fa.id.clone(),
                a: fa.link.clone(),
                b: fb.link.clone(),
            });
        }
    }
    for fb in &b.features {
        if !in_a.contains_key(fb.id.as_str()) {
            drift.push(Drift::MissingInA {
                id: fb.id.clone(),
                name: fb.name.clone(),
            });
        }
    }
    drift
}
