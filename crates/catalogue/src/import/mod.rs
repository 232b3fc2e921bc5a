//! The importers: a catalogue from a Hugo markdown page ([`markdown`]), or,
//! with the `yaml` feature, from Istio's `features.yaml` or Kubernetes'
//! versioned feature list ([`yaml`]); which one reads a file; and what they
//! share (their errors, and ids made from names).

use std::collections::HashSet;

use thiserror::Error;

pub mod markdown;
#[cfg(feature = "yaml")]
pub mod yaml;

pub use markdown::{import_markdown, ImportOptions};

/// Which importer reads a file.
#[cfg(feature = "yaml")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Hugo markdown page in the seed's form.
    Markdown,
    /// Istio's `features.yaml`.
    IstioYaml,
    /// Kubernetes' `versioned_feature_list.yaml`.
    K8sVersioned,
}

/// Why a page or file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("line {line}: feature row before any `### category` heading")]
    FeatureOutsideCategory { line: usize },
    #[error("line {line}: stage {stage:?} is not one of the definition table's stages ({known})")]
    UnknownStage {
        line: usize,
        stage: String,
        known: String,
    },
    #[error("no stage-definitions table (a header row `| | Alpha | Beta | …`) was found")]
    NoStages,
    #[error("no features were found")]
    NoFeatures,
    #[error("not YAML: {message}")]
    Yaml { message: String },
}

/// The importer for `text`, when its shape says so unambiguously: a mapping
/// with a `features` list is Istio's, a list of entries with
/// `versionedSpecs` is Kubernetes'. `None` for anything else (a markdown
/// page, or YAML of another shape).
#[cfg(feature = "yaml")]
pub fn detect(text: &str) -> Option<Source> {
    let docs = yaml_rust2::YamlLoader::load_from_str(text).ok()?;
    let doc = docs.first()?;
    if doc["features"].as_vec().is_some() {
        return Some(Source::IstioYaml);
    }
    let list = doc.as_vec()?;
    (!list.is_empty() && list.iter().all(|g| g["versionedSpecs"].as_vec().is_some()))
        .then_some(Source::K8sVersioned)
}

/// Lowercase ASCII, other characters as single `-`; `fallback` when nothing is left.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `id`, or `id-2`, `id-3`, … when already used; the result is marked used.
pub(crate) fn unique(id: String, used: &mut HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}
