//! The generic import with a mapping file, on three real sources of three
//! shapes (`tests/fixtures/mappings/`): Envoy's metadata (a map keyed by
//! name), Istio's `features.yaml` (a list under `features`, nested
//! fields) and one of Dapr's component tables (a top-level list, JSON
//! mapping); each checked against the dedicated importer of that source.
#![cfg(feature = "yaml")]

use std::path::PathBuf;

use feature_matrix_catalogue::import::yaml::{
    import_dapr, import_envoy, import_istio, import_mapped, Mapping, YamlOptions,
};
use feature_matrix_catalogue::import::ImportError;
use feature_matrix_catalogue::validate::validate;

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn mapped(source: &str, mapping: &str) -> feature_matrix_catalogue::import::Imported {
    let mapping = Mapping::read(&read(mapping)).unwrap();
    import_mapped(&read(source), &mapping, &YamlOptions::default()).unwrap()
}

#[test]
fn envoys_metadata_through_a_mapping_matches_its_own_importer() {
    for version in ["2021-05-27", "2023-09-07", "2026-07-08"] {
        let source = format!("envoy/extensions_metadata-{version}.yaml");
        let imported = mapped(&source, "mappings/envoy.yaml");
        assert!(
            imported.repairs.is_empty() && imported.dropped.is_empty(),
            "{version}"
        );
        let c = &imported.catalogue;
        assert_eq!(validate(c), [], "{version}");
        let own = import_envoy(&read(&source), &YamlOptions::default())
            .unwrap()
            .catalogue;
        assert_eq!(c.features.len(), own.features.len(), "{version}");
        let stages: Vec<&str> = c.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            stages,
            ["wip", "alpha", "stable"][3 - stages.len()..],
            "declared order"
        );
        for (f, o) in c.features.iter().zip(&own.features) {
            assert_eq!((&f.name, &f.stage), (&o.name, &o.stage), "{version}");
            assert_eq!(
                (&f.category, &f.also_in),
                (&o.category, &o.also_in),
                "{version}"
            );
            assert_eq!(
                f.attributes.get("security_posture"),
                o.attributes.get("security_posture")
            );
            assert_eq!(f.attributes.get("type_urls"), o.attributes.get("type_urls"));
        }
    }
}

#[test]
fn istios_features_through_a_mapping_keep_every_note_and_link() {
    let source = "istio-features-2024-09-13.yaml";
    let imported = mapped(source, "mappings/istio.yaml");
    let c = &imported.catalogue;
    assert_eq!(validate(c), []);
    let own = import_istio(&read(source), &YamlOptions::default())
        .unwrap()
        .catalogue;
    assert_eq!(c.features.len(), own.features.len());
    for (i, (f, o)) in c.features.iter().zip(&own.features).enumerate() {
        assert_eq!((&f.name, &f.stage), (&o.name.trim().to_string(), &o.stage));
        assert_eq!(f.note, o.note, "{}", f.name);
        // Every link the own importer finds is the mapped one, or was
        // reported: the mapping reads `link`, not `level.link`.
        let reported = format!("features[{i}].level.link");
        assert!(
            f.link == o.link || imported.dropped.iter().any(|d| d.path == reported),
            "{}: {:?} vs {:?}",
            f.name,
            f.link,
            o.link
        );
    }
    // What the mapping does not name is reported, not lost: the checklists.
    assert!(imported
        .dropped
        .iter()
        .any(|d| d.path.ends_with(".level.checklist")));
    assert!(imported
        .dropped
        .iter()
        .all(|d| d.path.starts_with("features[")));
}

#[test]
fn a_dapr_table_through_a_json_mapping_matches_the_directory_importer() {
    let source = "dapr/v1.15-2025-02-05/state_stores/generic.yaml";
    let imported = mapped(source, "mappings/dapr-state-stores.json");
    assert!(imported.repairs.is_empty() && imported.dropped.is_empty());
    let c = &imported.catalogue;
    assert_eq!(validate(c), []);
    let own = import_dapr(
        &[("state_stores/generic.yaml".into(), read(source))],
        &YamlOptions::default(),
    )
    .unwrap()
    .catalogue;
    assert_eq!(c.features.len(), own.features.len());
    for (f, o) in c.features.iter().zip(&own.features) {
        assert_eq!((&f.name, &f.stage), (&o.name, &o.stage));
        for flag in [
            "crud",
            "transactions",
            "etag",
            "ttl",
            "query",
            "version",
            "since",
        ] {
            let mapped_id = if flag == "version" || flag == "since" {
                flag.to_string()
            } else {
                format!("features.{flag}")
            };
            assert_eq!(
                f.attributes.get(&mapped_id),
                o.attributes.get(flag),
                "{} {flag}",
                f.name
            );
        }
    }
}

#[test]
fn a_broken_mapping_gets_a_message_saying_what_is_wrong() {
    let source = read("envoy/extensions_metadata-2021-05-27.yaml");
    for (mapping, expected) in [
        ("stage: status", "mapping file: `name` is required: the field with each feature's name (\"key\" for a map's keys)"),
        ("name: key\nstage: status\ncolour: red", "mapping file: unknown field \"colour\"; known: title, entries, id, name, stage, stages, category, link, note, description, attributes"),
        ("name: key\nstage: status\nattributes: [{field: x, kind: number}]", "mapping file: attributes[0]: unknown kind \"number\"; known: bool, enum, text, release"),
        ("- a list", "mapping file: expected a mapping of fields (name, stage, …)"),
    ] {
        let error = Mapping::read(mapping).unwrap_err();
        assert_eq!(error.to_string(), expected);
    }
    let mapping =
        Mapping::read("name: key\nstage: status\nentries: envoy.filters.http.buffer.status")
            .unwrap();
    let error = import_mapped(&source, &mapping, &YamlOptions::default()).unwrap_err();
    assert!(matches!(error, ImportError::Mapping { .. }), "{error}");
    // A stage field that holds no stage the importer knows: exit 1's message.
    let mapping = Mapping::read("name: key\nstage: security_posture").unwrap();
    let error = import_mapped(
        &source,
        &mapping,
        &YamlOptions {
            title: Some("x".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("have no stage the importer knows"),
        "{error}"
    );
}
