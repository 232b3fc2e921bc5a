//! The catalogue: the data contract, as Rust types. The contract itself (its
//! fields, inline text, links, validation, size limits and release history)
//! is described in `docs/catalogue-format.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The only catalogue format version this crate reads.
pub const SUPPORTED_VERSION: u32 = 1;

/// One locale's catalogue of features and their release stages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "feature-matrix catalogue"))]
pub struct Catalogue {
    /// Format version; must be 1.
    pub version: u32,
    /// Locale of the texts, e.g. `zh` or `en`. Ids are shared across locales.
    pub locale: String,
    /// Page title.
    pub title: String,
    /// Short description of the page (the Hugo front matter's `description`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Inline text shown above the matrix. Supports `[text](url)` links.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    /// Heading of the stage-definitions table.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definitions_heading: String,
    /// Heading of the feature list.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub features_heading: String,
    /// Inline text shown under the feature-list heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub features_intro: String,
    /// Inline text shown below the matrix (a call to action). Supports links.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub footer: String,
    /// Absolute `http(s)` URL that relative links resolve against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Release ids in order, oldest first (e.g. `"1.20"`), for catalogues
    /// that record each feature's stage history. Letters, digits, `.`, `-`, `_`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub releases: Vec<String>,
    /// Release stages, ordered from least to most mature.
    pub stages: Vec<Stage>,
    /// Rows of the stage-definitions table.
    #[serde(default)]
    pub aspects: Vec<Aspect>,
    /// Feature categories, in display order.
    pub categories: Vec<Category>,
    /// The features, in catalogue order.
    pub features: Vec<Feature>,
    /// Typed columns beyond stage and category (default on/off, security
    /// posture, capabilities …), in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// A release stage such as Alpha, Beta or Stable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stage {
    /// Stable identifier used in URLs and references: lowercase letters, digits, `-`, `_`, `.` (not first).
    pub id: String,
    /// Text of the stage badge.
    pub label: String,
    /// Colour of the stage badge, from a fixed palette.
    pub tone: Tone,
}

/// The palette a stage badge's colour is picked from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Experimental,
    Preview,
    Stable,
    Deprecated,
    Neutral,
}

impl Tone {
    /// The name used in CSS classes and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Experimental => "experimental",
            Tone::Preview => "preview",
            Tone::Stable => "stable",
            Tone::Deprecated => "deprecated",
            Tone::Neutral => "neutral",
        }
    }
}

/// One row of the definitions table: what each stage promises about one aspect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Aspect {
    /// Stable identifier: lowercase letters, digits, `-`, `_`, `.` (not first).
    pub id: String,
    /// Row heading, e.g. "API".
    pub label: String,
    /// Inline text per stage id; every stage needs one.
    pub definitions: BTreeMap<String, String>,
}

/// A group of features.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// Stable identifier (the seed page's heading anchor).
    pub id: String,
    /// Display name.
    pub label: String,
}

/// A typed column: what one value of every feature means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attribute {
    /// Stable identifier used in URLs and in features' `attributes`:
    /// lowercase letters, digits, `-`, `_`, `.` (not first).
    pub id: String,
    /// Column heading, e.g. "Default".
    pub label: String,
    /// What its values are.
    pub kind: AttributeKind,
    /// For `enum`: the values, in order (the column sorts in this order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeChoice>,
}

/// The kind of an attribute's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AttributeKind {
    /// `true` or `false`, shown as ✓ or ✗ with words for screen readers; a facet.
    Bool,
    /// One of `values` by id, shown by its label; a facet.
    Enum,
    /// Inline text (supports links).
    Text,
    /// A release id (one of `releases`, when there are any).
    Release,
}

impl AttributeKind {
    /// The name used in JSON and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributeKind::Bool => "bool",
            AttributeKind::Enum => "enum",
            AttributeKind::Text => "text",
            AttributeKind::Release => "release",
        }
    }

    /// Whether readers filter by it with chips (bool and enum).
    pub fn is_facet(self) -> bool {
        matches!(self, AttributeKind::Bool | AttributeKind::Enum)
    }
}

/// One value of an `enum` attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttributeChoice {
    /// Stable identifier: lowercase letters, digits, `-`, `_`, `.` (not first).
    pub id: String,
    /// Display text.
    pub label: String,
}

/// A feature's value of one attribute: `true`/`false` for `bool`, text (a
/// value id, inline text or a release id) for the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Text(String),
}

/// One feature and its current stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feature {
    /// Stable identifier shared across locales.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Id of the feature's category (its group in the table).
    pub category: String,
    /// Id of the feature's stage.
    pub stage: String,
    /// Documentation link: relative path, fragment, `http:` or `https:`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Inline text shown beside the stage (caveats). Supports links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The feature's stages over time, oldest first: each entry's stage holds
    /// from its release until the next entry's. The last entry's stage is
    /// `stage`. Without history, the feature holds `stage` in every release.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StageChange>,
    /// Set when the feature is deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// Ids of further categories the feature belongs to (a category filter
    /// finds it under each).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
    /// Inline text under the name: what the feature does. Supports links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Values of the catalogue's `attributes`, by attribute id; a missing
    /// one is shown as not given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Value>,
    /// Set when the feature was removed: as of that release and later it is
    /// not listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Removal>,
}

/// A feature's removal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Removal {
    /// Id of the release (one of `releases`, when there are any) that removed it.
    pub since: String,
}

/// One step of a feature's stage history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StageChange {
    /// Id of the stage the feature entered.
    pub stage: String,
    /// Id of the release (one of `releases`) in which it entered it.
    pub since: String,
}

/// A feature's deprecation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deprecation {
    /// Id of the release (one of `releases`, when there are any) that deprecated it.
    pub since: String,
    /// What to use instead. Inline text: supports links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

impl Catalogue {
    /// An empty catalogue of the supported version: the start of an import.
    pub fn new(locale: String, title: String, base_url: Option<String>) -> Self {
        Catalogue {
            version: SUPPORTED_VERSION,
            locale,
            title,
            description: String::new(),
            intro: String::new(),
            definitions_heading: String::new(),
            features_heading: String::new(),
            features_intro: String::new(),
            footer: String::new(),
            base_url,
            releases: Vec::new(),
            stages: Vec::new(),
            aspects: Vec::new(),
            categories: Vec::new(),
            attributes: Vec::new(),
            features: Vec::new(),
        }
    }

    /// Position of a release, oldest first.
    pub fn release_rank(&self, id: &str) -> Option<usize> {
        self.releases.iter().position(|r| r == id)
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Position of a stage in maturity order.
    pub fn stage_rank(&self, id: &str) -> usize {
        self.stages
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(usize::MAX)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The attribute with this id.
    pub fn attribute(&self, id: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.id == id)
    }

    /// Position of a category in display order.
    pub fn category_rank(&self, id: &str) -> usize {
        self.categories
            .iter()
            .position(|c| c.id == id)
            .unwrap_or(usize::MAX)
    }
}
