//! The checked-in JSON Schema is the one generated from the Rust types.

#[test]
fn checked_in_schema_is_current() {
    let generated = feature_matrix_catalogue::schema::catalogue_schema_json();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/catalogue.schema.json"
    );
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "data/catalogue.schema.json is stale; regenerate it with `UPDATE_SCHEMA=1 cargo test -p feature-matrix-catalogue --all-features --test schema`"
    );
}

#[test]
fn schema_documents_every_feature_field() {
    let schema: serde_json::Value =
        serde_json::from_str(&feature_matrix_catalogue::schema::catalogue_schema_json()).unwrap();
    let feature = &schema["$defs"]["Feature"]["properties"];
    for field in ["id", "name", "category", "stage", "link", "note"] {
        assert!(
            feature[field]["description"].is_string(),
            "{field} has no description"
        );
    }
}
