//! The JSON Schema of the catalogue, generated from the Rust types.

/// The schema as pretty-printed JSON with a trailing newline.
pub fn catalogue_schema_json() -> String {
    let schema = schemars::schema_for!(crate::model::Catalogue);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
