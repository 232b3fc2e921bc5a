//! The pure core of feature-matrix: no browser, no Yew. The catalogue
//! format it reads is described in `docs/catalogue-format.md`, the URL
//! parameters it encodes in `docs/url-parameters.md`.
//!
//! - [`model`]: the catalogue types (the data contract).
//! - [`load`](mod@load): loading with limits, and why a catalogue could not be loaded.
//! - [`json`]: the JSON reader behind loading, which keeps each value's
//!   position; `decode` (private) turns its tree into the model's types,
//!   naming the path of a value of the wrong shape.
//! - [`validate`]: validation, every problem with its JSON path.
//! - [`inline`]: inline text with links, and link safety.
//! - [`view`]: search, facets and ordering for a reader's view.
//! - [`history`]: a feature's stage at a release, and what changed in one.
//! - [`codec`]: the view to and from URL query parameters.
//! - [`import`]: a Hugo markdown page to a catalogue; `import::yaml` (feature
//!   `yaml`): Istio's `features.yaml` and Kubernetes' versioned feature
//!   list; and which importer reads a file.
//! - [`diff`]: drift between two locales of a catalogue.
//! - `schema` (feature `schema`): the catalogue's JSON Schema.
//! - `sort` (private): the crate's one stable sort.

pub mod codec;
mod decode;
pub mod diff;
pub mod history;
pub mod import;
pub mod inline;
pub mod json;
pub mod load;
pub mod model;
mod sort;
pub mod validate;
pub mod view;

#[cfg(feature = "schema")]
pub mod schema;

pub use load::{load, load_str, LoadError};
pub use model::{
    Aspect, Attribute, AttributeChoice, AttributeKind, Catalogue, Category, Deprecation, Feature,
    Removal, Stage, StageChange, Tone, Value,
};
pub use validate::Problem;

/// The bundled Chinese catalogue (the seed page).
pub const BUNDLED_ZH: &str = include_str!("../../../data/features.zh.json");
/// The bundled English catalogue.
pub const BUNDLED_EN: &str = include_str!("../../../data/features.en.json");

/// The bundled catalogue text for a locale, falling back to English.
pub fn bundled(locale: &str) -> (&'static str, &'static str) {
    match locale.split('-').next() {
        Some("zh") => ("zh", BUNDLED_ZH),
        _ => ("en", BUNDLED_EN),
    }
}
