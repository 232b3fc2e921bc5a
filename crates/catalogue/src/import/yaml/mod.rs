//! The field's real catalogues → catalogue, one importer per file:
//!
//! - `istio`: Istio's `features.yaml` (istio/enhancements): features with an
//!   `area`, a `level.maturity`, optional `link`, `maturityNotes` and
//!   `deprecation`.
//! - `k8s`: Kubernetes' `versioned_feature_list.yaml`: feature gates, each
//!   with its stage (`preRelease`), default and `lockToDefault` per release.
//! - `dapr`: Dapr's component tables (a directory): components with a
//!   state, a version, a `since` and capability flags.
//! - `k8s_gates`: kubernetes/website's per-gate pages (a directory), their
//!   front matter's stages, default, lock and removal.
//! - `k8s_table`: kubernetes/website's feature-gates page before that (until
//!   2023), its `Feature | Default | Stage | Since | Until` tables.
//! - `mapping`: any list or map of entries, with a mapping file naming
//!   which field is which.
//! - `envoy`: Envoy's `extensions_metadata.yaml`: extensions with a status,
//!   categories, a security posture and type URLs.
//!
//! This module holds what they share: reading the YAML, the repairs, what
//! was dropped, and the stages in maturity order. Real files are messy.
//! Every repair is deterministic and reported as a [`Repair`]; every part
//! of the file that does not land in the catalogue is reported as
//! [`Dropped`] (the CLI prints each on stderr): nothing is dropped silently.

use std::collections::{HashMap, HashSet};

use yaml_rust2::Yaml;

use super::{quoted, ImportError};
pub use crate::import::{Dropped, Imported, Repair};
use crate::model::{Attribute, Catalogue, Category, Feature, Stage, Tone};
use crate::validate::is_valid_id;

mod dapr;
mod envoy;
mod istio;
mod k8s;
mod k8s_gates;
mod k8s_table;
mod mapping;
mod read;

pub use dapr::import_dapr;
pub use envoy::import_envoy;
pub use istio::import_istio;
pub use k8s::{compare_versions, import_k8s};
pub use k8s_gates::import_k8s_gates;
pub use k8s_table::{import_k8s_gate_table, is_gate_table};
pub use mapping::{import_mapped, Mapping};
pub(crate) use read::documents;

/// Options the files do not say.
#[derive(Clone, Debug, Default)]
pub struct YamlOptions {
    /// Locale of the texts (default `en`).
    pub locale: Option<String>,
    /// Absolute URL that relative links resolve against.
    pub base_url: Option<String>,
    /// Page title. Without it, Istio's file is "Istio feature status";
    /// Kubernetes' list, whose format other projects use too, takes its
    /// title from `file_name`.
    pub title: Option<String>,
    /// The source's file name (`versioned_feature_list.yaml` gives the
    /// title "Versioned feature list").
    pub file_name: Option<String>,
}

/// The first document of `text`, read within the import
/// [`limits`](crate::import::limits), and the later documents that hold
/// anything, as dropped: the importers read one.
fn parse(text: &str) -> Result<(Yaml, Vec<Dropped>), ImportError> {
    let mut docs = documents(text)?.into_iter();
    let first = docs.next().ok_or(ImportError::NoFeatures)?;
    let later = docs
        .enumerate()
        .filter(|(_, doc)| has_value(doc))
        .map(|(i, _)| Dropped {
            path: format!("document {}", i + 2),
            reason: Some("only the first document is read".into()),
        })
        .collect();
    Ok((first, later))
}

/// The first document of one file of a directory source, read like
/// [`parse`]; a YAML error, and the later documents (reported in
/// `dropped`), name the file.
fn parse_file(path: &str, text: &str, dropped: &mut Vec<Dropped>) -> Result<Yaml, ImportError> {
    match parse(text) {
        Ok((doc, later)) => {
            dropped.extend(later.into_iter().map(|d| Dropped {
                path: format!("{path}: {}", d.path),
                ..d
            }));
            Ok(doc)
        }
        // An empty file.
        Err(ImportError::NoFeatures) => Ok(Yaml::Null),
        Err(ImportError::Yaml { message }) => Err(ImportError::Yaml {
            message: format!("{path}: {message}"),
        }),
        Err(other) => Err(other),
    }
}

/// [`finish`] for a source of several files: their trees side by side, by
/// path, for the list of what was not read, then `dropped` (the files and
/// documents left out). Moving the trees keeps their nodes where they are,
/// so the addresses `Repairs` remembers stay valid.
fn finish_files(
    options: &YamlOptions,
    parts: Parts,
    trees: impl Iterator<Item = (String, Yaml)>,
    dropped: Vec<Dropped>,
    repairs: Repairs,
) -> Result<Imported, ImportError> {
    let doc = Yaml::Hash(trees.map(|(path, doc)| (Yaml::String(path), doc)).collect());
    finish(options, parts, &doc, dropped, repairs)
}

/// Collects repairs, keeps ids unique, and remembers which of the source's
/// nodes were read.
#[derive(Default)]
struct Repairs {
    list: Vec<Repair>,
    used_ids: HashSet<String>,
    /// Nodes whose values land in the catalogue, by address (the tree
    /// stays in place while it is read; the addresses are never followed).
    read: HashSet<*const Yaml>,
    /// Nodes left out on purpose, with the reason.
    skipped: HashMap<*const Yaml, String>,
}

impl Repairs {
    /// Marks a node as landing in the catalogue.
    fn read(&mut self, value: &Yaml) {
        self.read.insert(value);
    }

    /// Leaves a node out, for `reason` (it is reported as dropped).
    fn skip(&mut self, value: &Yaml, reason: &str) {
        self.skipped.insert(value, reason.to_string());
    }

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
        self.read(value);
        let trimmed = raw.trim();
        if trimmed.len() != raw.len() {
            self.note(path, format!("spaces around {} trimmed", quoted(&raw)));
        }
        Some(trimmed.to_string())
    }

    /// A feature id: the source's, cleaned of stray characters and case, or
    /// one made from the name; suffixed when already used.
    fn id(&mut self, source: Option<String>, name: &str, path: &str) -> String {
        let id = match source.filter(|s| !s.is_empty()) {
            None => {
                let made = slug(name);
                self.note(
                    path,
                    format!("missing id; made {} from the name", quoted(&made)),
                );
                made
            }
            Some(raw) => {
                let cleaned: String = raw
                    .trim_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_ascii_lowercase();
                if cleaned != raw {
                    let message = format!("id {} cleaned to {}", quoted(&raw), quoted(&cleaned));
                    self.note(path, message);
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
                        format!(
                            "id {} has characters an id cannot have; using {}",
                            quoted(&cleaned),
                            quoted(&made)
                        ),
                    );
                    made
                }
            }
        };
        let candidate = crate::import::unique(id.clone(), &mut self.used_ids);
        if candidate != id {
            let message = format!(
                "duplicate id {}; renamed {}",
                quoted(&id),
                quoted(&candidate)
            );
            self.note(path, message);
        }
        candidate
    }
}

/// Known stage labels in maturity order, with their tone.
const MATURITY: [(&str, Tone); 8] = [
    ("wip", Tone::Experimental),
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

/// What an importer read, before it becomes a catalogue.
struct Parts {
    /// The title when the options give none (`None`: from the file name).
    default_title: Option<String>,
    releases: Vec<String>,
    /// Stage labels as first seen.
    labels: Vec<String>,
    /// How many of the first `labels` the source declared, in maturity
    /// order (a mapping file's `stages`): those keep their order and count
    /// as known; the rest are ordered by [`MATURITY`].
    declared_stages: usize,
    categories: Vec<Category>,
    /// Typed columns the importer fills.
    attributes: Vec<Attribute>,
    features: Vec<Feature>,
    /// Where the file keeps a feature's stage, for the message when most
    /// stages are not ones the importer knows.
    stage_field: String,
}

/// The imported parts as a catalogue (with the options' locale, title and
/// base URL), the repairs that made them, and what of `doc` they do not
/// hold; an error when most features have a stage the importer does not
/// know (the file is not of the shape it reads).
fn finish(
    options: &YamlOptions,
    parts: Parts,
    doc: &Yaml,
    later_documents: Vec<Dropped>,
    repairs: Repairs,
) -> Result<Imported, ImportError> {
    let declared = &parts.labels[..parts.declared_stages.min(parts.labels.len())];
    let known = |stage: &str| {
        MATURITY.iter().any(|(k, _)| *k == stage) || declared.iter().any(|l| slug(l) == stage)
    };
    let unknown = parts.features.iter().filter(|f| !known(&f.stage)).count();
    if unknown * 2 > parts.features.len() {
        let mut found: Vec<String> = parts
            .labels
            .iter()
            .filter(|l| !known(&slug(l)))
            .map(|l| {
                if l.chars().count() > 60 {
                    quoted(l)
                } else {
                    l.clone()
                }
            })
            .collect();
        if found.len() > 5 {
            found.truncate(5);
            found.push("…".into());
        }
        return Err(ImportError::UnknownStages {
            unknown,
            total: parts.features.len(),
            found: found.join(", "),
            field: parts.stage_field,
        });
    }
    // A column no feature fills (a field older files do not have) is left out.
    let mut attributes = parts.attributes;
    attributes.retain(|a| {
        parts
            .features
            .iter()
            .any(|f| f.attributes.contains_key(&a.id))
    });
    let mut dropped = Vec::new();
    unread(doc, "", &repairs, &mut dropped);
    dropped.extend(later_documents);
    let locale = options.locale.clone().unwrap_or_else(|| "en".into());
    let title = options
        .title
        .clone()
        .or(parts.default_title)
        .or_else(|| options.file_name.as_deref().and_then(title_from_file_name))
        .ok_or(ImportError::NoTitle)?;
    Ok(Imported {
        catalogue: Catalogue {
            releases: parts.releases,
            stages: {
                let mut stages = stages_in_order(declared);
                // Declared stages keep the source's order.
                let rank = |s: &Stage| declared.iter().position(|l| slug(l) == s.id);
                stages.sort_by_key(rank);
                let rest = stages_in_order(&parts.labels[declared.len()..]);
                stages.extend(rest.into_iter().filter(|s| rank(s).is_none()));
                stages
            },
            categories: parts.categories,
            attributes,
            features: parts.features,
            ..Catalogue::new(locale, title, options.base_url.clone())
        },
        repairs: repairs.list,
        dropped,
    })
}

/// `tests/k8s-versioned_feature_list.yaml` → `K8s versioned feature list`.
fn title_from_file_name(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let words: Vec<&str> = stem
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let mut title = words.join(" ");
    let first = title.chars().next()?;
    title.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    Some(title)
}

/// Whether a node holds anything: not null, not an empty string, list or
/// mapping, nor only such.
fn has_value(node: &Yaml) -> bool {
    match node {
        Yaml::Null | Yaml::BadValue => false,
        Yaml::String(s) => !s.trim().is_empty(),
        Yaml::Array(items) => items.iter().any(has_value),
        Yaml::Hash(map) => map.values().any(has_value),
        _ => true,
    }
}

/// Lists, in source order, the parts of `node` (at `path`) that hold a value
/// and that nothing read: a whole list or mapping when none of it was read,
/// else its unread parts; and the parts skipped on purpose, with the
/// reason. Returns whether any of `node` was read or skipped.
fn unread(node: &Yaml, path: &str, r: &Repairs, out: &mut Vec<Dropped>) -> bool {
    let address: *const Yaml = node;
    if let Some(reason) = r.skipped.get(&address) {
        if has_value(node) {
            out.push(Dropped {
                path: path.to_string(),
                reason: Some(reason.clone()),
            });
        }
        return true;
    }
    if r.read.contains(&address) {
        return true;
    }
    let mut inner = Vec::new();
    let mut any = false;
    match node {
        Yaml::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                any |= unread(item, &format!("{path}[{i}]"), r, &mut inner);
            }
        }
        Yaml::Hash(map) => {
            for (key, value) in map {
                any |= unread(value, &child_path(path, key), r, &mut inner);
            }
        }
        _ => {}
    }
    if any {
        out.extend(inner);
    } else if has_value(node) {
        out.push(Dropped {
            path: if path.is_empty() {
                "(the document)".into()
            } else {
                path.to_string()
            },
            reason: None,
        });
    }
    any
}

/// `path.key`, or `path["odd key"]` for a key that is not a plain word.
pub(super) fn child_path(path: &str, key: &Yaml) -> String {
    let key = match key {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(n) => n.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => "null".into(),
        _ => "(a collection)".into(),
    };
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (plain, path.is_empty()) {
        (true, true) => key,
        (true, false) => format!("{path}.{key}"),
        (false, _) => format!("{path}[{}]", quoted(&key)),
    }
}

/// Lowercase ASCII, other characters as single `-`: `Ambient mode` → `ambient-mode`.
fn slug(text: &str) -> String {
    crate::import::slug(text, "unnamed")
}
