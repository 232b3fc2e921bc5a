//! The importers: a catalogue from a Hugo markdown page ([`markdown`]), or,
//! with the `yaml` feature, from Istio's `features.yaml` or Kubernetes'
//! versioned feature list ([`yaml`]); which one reads a file; and what they
//! share (their errors, and ids made from names).

use std::collections::HashSet;

use thiserror::Error;

pub mod markdown;
mod report;
#[cfg(feature = "yaml")]
pub mod yaml;

pub use markdown::{import_markdown, ImportOptions};
pub use report::{Dropped, Imported, Repair};

/// Limits on what the importers read, enforced before memory grows: a
/// source is refused at the first one it breaks, with a message naming it.
/// The size and depth limits are the catalogue's own (`load::limits`).
pub mod limits {
    /// Largest source, in bytes (10 MiB); also the most text a YAML source's
    /// scalars may hold once its aliases are expanded.
    pub use crate::load::limits::MAX_BYTES;
    /// Deepest nesting of YAML lists and mappings, counting what aliases
    /// stand for (the importers' files need 5).
    pub use crate::load::limits::MAX_DEPTH;
    /// Most nodes (scalars, lists, mappings) in a YAML source, each alias
    /// counted as a copy of the node its anchor names. Istio's
    /// `features.yaml` has about 1 000, Kubernetes' versioned list about
    /// 4 300.
    pub const MAX_NODES: usize = 100_000;
    /// Longest YAML scalar, in bytes (64 KiB; a catalogue's longest text is
    /// 10 000 characters).
    pub const MAX_SCALAR_BYTES: usize = 64 * 1024;
}

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
    /// Envoy's `extensions_metadata.yaml`.
    EnvoyExtensions,
}

/// The stages the YAML importers know, as the message lists them.
const KNOWN_STAGES: &str = "Experimental, Alpha, Beta, Stable, GA, Deprecated or Removed";

/// Why a page or file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("line {line}: feature row before any `### category` heading")]
    FeatureOutsideCategory { line: usize },
    #[error("line {line}: stage {} is not one of the definition table's stages ({known})", quoted(.stage))]
    UnknownStage {
        line: usize,
        stage: String,
        known: String,
    },
    #[error("no stage-definitions table (a header row `| | Alpha | Beta | …`) was found")]
    NoStages,
    #[error("no features were found")]
    NoFeatures,
    #[error(
        "the source names no title, and has no file name to make one from; give one (--title)"
    )]
    NoTitle,
    #[error("not YAML: {message}")]
    Yaml { message: String },
    #[error("source is {bytes} bytes; the limit is {} bytes", limits::MAX_BYTES)]
    TooLarge { bytes: usize },
    #[error(
        "YAML nests deeper than {} levels, counting what aliases stand for (line {line}, column {column})",
        limits::MAX_DEPTH
    )]
    YamlTooDeep { line: usize, column: usize },
    #[error(
        "YAML has more than {0} nodes (each alias counts as a copy of its anchor); the limit is {0} (line {line}, column {column})",
        limits::MAX_NODES
    )]
    YamlTooManyNodes { line: usize, column: usize },
    #[error(
        "YAML scalar is {bytes} bytes long; the limit is {} bytes (line {line}, column {column})",
        limits::MAX_SCALAR_BYTES
    )]
    YamlScalarTooLong {
        bytes: usize,
        line: usize,
        column: usize,
    },
    #[error(
        "YAML aliases repeat its text past {0} bytes; the limit is {0} bytes (line {line}, column {column})",
        limits::MAX_BYTES
    )]
    YamlTextTooLong { line: usize, column: usize },
    #[error(
        "{unknown} of {total} features have no stage the importer knows (found: {found}); expected {} in {field}",
        KNOWN_STAGES
    )]
    UnknownStages {
        unknown: usize,
        total: usize,
        found: String,
        field: String,
    },
    #[error("mapping file: {message}")]
    Mapping { message: String },
    #[error("YAML alias inside the node its anchor names, which would repeat it forever (line {line}, column {column})")]
    YamlAliasLoop { line: usize, column: usize },
}

/// The importer for `text`, when its shape says so unambiguously: a mapping
/// with a `features` list is Istio's, a mapping of entries with
/// `security_posture` and `categories` is Envoy's, a list of entries with
/// `versionedSpecs` is Kubernetes'. `Ok(None)` for anything else (a markdown
/// page, or YAML of another shape or with a syntax error); an error when
/// the text is YAML that breaks one of the [`limits`], since no importer
/// could read it.
#[cfg(feature = "yaml")]
pub fn detect(text: &str) -> Result<Option<Source>, ImportError> {
    let docs = match yaml::documents(text) {
        Ok(docs) => docs,
        Err(ImportError::Yaml { .. }) => return Ok(None),
        Err(limit) => return Err(limit),
    };
    let Some(doc) = docs.first() else {
        return Ok(None);
    };
    if doc["features"].as_vec().is_some() {
        return Ok(Some(Source::IstioYaml));
    }
    if let Some(map) = doc.as_hash() {
        let envoy = |entry: &yaml_rust2::Yaml| {
            entry["security_posture"].as_str().is_some() && entry["categories"].as_vec().is_some()
        };
        return Ok((!map.is_empty() && map.values().all(envoy)).then_some(Source::EnvoyExtensions));
    }
    let Some(list) = doc.as_vec() else {
        return Ok(None);
    };
    Ok(
        (!list.is_empty() && list.iter().all(|g| g["versionedSpecs"].as_vec().is_some()))
            .then_some(Source::K8sVersioned),
    )
}

/// A value as messages quote it: in quotes, cut after 60 characters (a
/// hostile file's value must not fill the terminal).
pub(crate) fn quoted(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{:?}…", text.chars().take(60).collect::<String>())
    } else {
        format!("{text:?}")
    }
}

/// Lowercase ASCII, other characters as single `-`, at most an id's length
/// (100 characters); `fallback` when nothing is left.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.len() == crate::load::limits::MAX_ID_CHARS {
            break;
        }
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
