//! The field's real catalogues → catalogue, one importer per file:
//!
//! - `istio`: Istio's `features.yaml` (istio/enhancements): features with an
//!   `area`, a `level.maturity`, optional `link`, `maturityNotes` and
//!   `deprecation`.
//! - `k8s`: Kubernetes' `versioned_feature_list.yaml`: feature gates, each
//!   with its stage (`preRelease`), default and `lockToDefault` per release.
//!
//! This module holds what they share: reading the YAML, the repairs, and
//! the stages in maturity order. Real files are messy. Every repair is deterministic and reported as a
//! [`Repair`] (the CLI prints each on stderr); nothing is dropped silently.

use std::collections::HashSet;

use yaml_rust2::Yaml;

use super::ImportError;
use crate::model::{Catalogue, Category, Feature, Stage, Tone};
use crate::validate::is_valid_id;

mod istio;
mod k8s;
mod read;

pub use istio::import_istio;
pub use k8s::{compare_versions, import_k8s};
pub(crate) use read::documents;

/// One repair made to messy input, at the source's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A catalogue read from YAML, with the repairs that made it valid.
#[derive(Clone, Debug)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub repairs: Vec<Repair>,
}

/// Options the files do not say.
#[derive(Clone, Debug, Default)]
pub struct YamlOptions {
    /// Locale of the texts (default `en`).
    pub locale: Option<String>,
    /// Absolute URL that relative links resolve against.
    pub base_url: Option<String>,
    /// Page title (default: one per source).
    pub title: Option<String>,
}

/// The first document of `text`, read within the import [`limits`](crate::import::limits).
fn parse(text: &str) -> Result<Yaml, ImportError> {
    let mut docs = documents(text)?;
    if docs.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    Ok(docs.swap_remove(0))
}

/// Collects repairs and keeps ids unique.
#[derive(Default)]
struct Repairs {
    list: Vec<Repair>,
    used_ids: HashSet<String>,
}

impl Repairs {
    fn note(&mut self, path: &str, message: String) {
        self.list.push(Repair {
            path: path.to_string(),
            message,
        });
    }

    /// A scalar as text, trimmed (with a repair when it had spaces around it).
    fn text(&mut self, value: &Yaml, path: &str) -> Option<String> {
        let raw = match value {
            Yaml::String(s) => s.clone(),
            Yaml::Integer(n) => n.to_string(),
            Yaml::Real(r) => r.clone(),
            Yaml::Boolean(b) => b.to_string(),
            _ => return None,
        };
        let trimmed = raw.trim();
        if trimmed.len() != raw.len() {
            self.note(path, format!("spaces around {raw:?} trimmed"));
        }
        Some(trimmed.to_string())
    }

    /// A feature id: the source's, cleaned of stray characters and case, or
    /// one made from the name; suffixed when already used.
    fn id(&mut self, source: Option<String>, name: &str, path: &str) -> String {
        let id = match source.filter(|s| !s.is_empty()) {
            None => {
                let made = slug(name);
                self.note(path, format!("missing id; made {made:?} from the name"));
                made
            }
            Some(raw) => {
                let cleaned: String = raw
                    .trim_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_ascii_lowercase();
                if cleaned != raw {
                    self.note(path, format!("id {raw:?} cleaned to {cleaned:?}"));
                }
                if is_valid_id(&cleaned) {
                    cleaned
                } else {
                    // Drop the characters an id cannot have; from the name if nothing usable is left.
                    let kept: String = cleaned
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                        .collect();
                    let made = if is_valid_id(&kept) { kept } else { slug(name) };
                    self.note(
                        path,
                        format!("id {cleaned:?} has characters an id cannot have; using {made:?}"),
                    );
                    made
                }
            }
        };
        let candidate = crate::import::unique(id.clone(), &mut self.used_ids);
        if candidate != id {
            self.note(path, format!("duplicate id {id:?}; renamed {candidate:?}"));
        }
        candidate
    }
}

/// Known stage labels in maturity order, with their tone.
const MATURITY: [(&str, Tone); 7] = [
    ("experimental", Tone::Experimental),
    ("alpha", Tone::Experimental),
    ("beta", Tone::Preview),
    ("stable", Tone::Stable),
    ("ga", Tone::Stable),
    ("deprecated", Tone::Deprecated),
    ("removed", Tone::Neutral),
];

/// A maturity as (stage, rest): `Alpha. Dual-stack IPv4 and IPv6 is not
/// supported.` → (`Alpha`, the sentence), when its first word is a known
/// stage and more follows; the whole text as the stage otherwise.
fn split_maturity(text: &str) -> (String, Option<String>) {
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    let (word, rest) = text.split_at(end);
    if rest.is_empty() || !MATURITY.iter().any(|(k, _)| k.eq_ignore_ascii_case(word)) {
        return (text.to_string(), None);
    }
    let rest = rest
        .trim_start_matches(|c: char| c.is_whitespace() || ".,;:-".contains(c))
        .trim();
    (
        word.to_string(),
        (!rest.is_empty()).then(|| rest.to_string()),
    )
}

/// The stages seen, in maturity order (unknown labels last, as seen), keeping
/// the source's labels.
fn stages_in_order(labels: &[String]) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    for label in labels {
        let id = slug(label);
        if !stages.iter().any(|s| s.id == id) {
            let tone = MATURITY
                .iter()
                .find(|(known, _)| *known == id)
                .map_or(Tone::Neutral, |(_, tone)| *tone);
            stages.push(Stage {
                id,
                label: label.clone(),
                tone,
            });
        }
    }
    let rank = |s: &Stage| {
        MATURITY
            .iter()
            .position(|(known, _)| *known == s.id)
            .unwrap_or(MATURITY.len())
    };
    stages.sort_by_key(rank);
    stages
}

/// The imported parts as a catalogue (with the options' locale, title and
/// base URL), and the repairs that made them.
fn finish(
    options: &YamlOptions,
    default_title: &str,
    releases: Vec<String>,
    stages: Vec<Stage>,
    categories: Vec<Category>,
    features: Vec<Feature>,
    repairs: Repairs,
) -> Imported {
    let locale = options.locale.clone().unwrap_or_else(|| "en".into());
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| default_title.into());
    Imported {
        catalogue: Catalogue {
            releases,
            stages,
            categories,
            features,
            ..Catalogue::new(locale, title, options.base_url.clone())
        },
        repairs: repairs.list,
    }
}

/// Lowercase ASCII, other characters as single `-`: `Ambient mode` → `ambient-mode`.
fn slug(text: &str) -> String {
    crate::import::slug(text, "unnamed")
}
