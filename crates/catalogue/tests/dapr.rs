//! Dapr's component tables, four real versions from 2022 to 2025
//! (`tests/fixtures/dapr/`): every component imported with its state,
//! type, provider, version, since and capabilities, nothing dropped or
//! repaired, checked against a line-by-line reading of the raw files.
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use feature_matrix_catalogue::import::yaml::{import_dapr, YamlOptions};
use feature_matrix_catalogue::{validate::validate, Value};

fn versions() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dapr");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// Every file under `dir`, one level down, as (`type/file.yaml`, text).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in std::fs::read_dir(dir).unwrap() {
        let kind = kind.unwrap().path();
        for file in std::fs::read_dir(&kind).unwrap() {
            let file = file.unwrap().path();
            let name = format!(
                "{}/{}",
                kind.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            );
            out.push((name, std::fs::read_to_string(&file).unwrap()));
        }
    }
    out.sort();
    out
}

/// Counts from the raw lines: components, and per `key: value` line under
/// a component (`state: Alpha`, `crud: true`, …) how many say it.
fn by_lines(files: &[(String, String)]) -> (usize, BTreeMap<String, usize>) {
    let (mut components, mut counts) = (0, BTreeMap::new());
    for (_, text) in files {
        for line in text.lines() {
            let line = line.trim();
            let line = line.strip_prefix("- ").unwrap_or(line);
            if line.starts_with("component:") {
                components += 1;
            }
            if let Some((key, value)) = line.split_once(": ") {
                let value = value.trim().trim_matches('"');
                *counts.entry(format!("{key}={value}")).or_insert(0) += 1;
            }
        }
    }
    (components, counts)
}

#[test]
fn four_versions_import_every_component_as_the_raw_files_say() {
    let versions = versions();
    assert!(versions.len() >= 3);
    for dir in versions {
        let files = files(&dir);
        let imported = import_dapr(&files, &YamlOptions::default()).unwrap();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            imported.repairs.is_empty(),
            "{name}: {:?}",
            imported.repairs
        );
        assert!(
            imported.dropped.is_empty(),
            "{name}: {:?}",
            imported.dropped
        );
        let c = &imported.catalogue;
        assert_eq!(validate(c), [], "{name}");
        let (components, raw) = by_lines(&files);
        assert_eq!(c.features.len(), components, "{name}");
        let count = |key: &str| raw.get(key).copied().unwrap_or(0);
        for stage in &c.stages {
            let n = c.features.iter().filter(|f| f.stage == stage.id).count();
            assert_eq!(
                n,
                count(&format!("state={}", stage.label)),
                "{name} {}",
                stage.id
            );
        }
        for attribute in &c.attributes {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for f in &c.features {
                if let Some(v) = f.attributes.get(&attribute.id) {
                    let v = match v {
                        Value::Bool(b) => b.to_string(),
                        Value::Text(t) => t.clone(),
                    };
                    *seen.entry(v).or_insert(0) += 1;
                }
            }
            if attribute.id == "provider" {
                let total: usize = seen.values().sum();
                assert_eq!(total, components, "{name}: every component has a provider");
                continue;
            }
            for (value, n) in seen {
                // The flag as the file spells it (`bulkPublish` for `bulkpublish`).
                let spelled: Vec<&String> = raw
                    .keys()
                    .filter(|k| {
                        let (flag, v) = k.split_once('=').unwrap();
                        v == value && flag.to_ascii_lowercase() == attribute.id.replace('-', "")
                    })
                    .collect();
                let expected: usize = spelled.iter().map(|k| raw[*k]).sum();
                assert_eq!(n, expected, "{name} {} = {value}", attribute.id);
            }
        }
        // Every link of the source is a link of the catalogue.
        let links = c.features.iter().filter(|f| f.link.is_some()).count();
        assert_eq!(
            links,
            raw.keys()
                .filter(|k| k.starts_with("link="))
                .map(|k| raw[k])
                .sum::<usize>(),
            "{name}"
        );
    }
}

#[test]
fn the_newest_version_has_the_state_store_capability_matrix() {
    let dir = versions()
        .into_iter()
        .find(|d| d.ends_with("v1.15-2025-02-05"))
        .unwrap();
    let c = import_dapr(&files(&dir), &YamlOptions::default())
        .unwrap()
        .catalogue;
    let ids: Vec<&str> = c.attributes.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "provider",
            "crud",
            "transactions",
            "etag",
            "ttl",
            "query",
            "input",
            "output",
            "bulkpublish",
            "bulksubscribe",
            "multiplekeyvaluespersecret",
            "version",
            "since"
        ]
    );
    let redis = c
        .features
        .iter()
        .find(|f| f.id == "state-stores-generic-setup-redis")
        .unwrap();
    assert_eq!(redis.attributes["ttl"], Value::Bool(true));
    assert_eq!(
        redis.link.as_deref(),
        Some("https://docs.dapr.io/reference/components-reference/supported-state-stores/setup-redis/")
    );
    assert_eq!(c.categories[0].id, "state-stores");
}

#[test]
fn a_second_document_and_files_outside_a_type_directory_are_reported() {
    let files = vec![
        (
            "state_stores/generic.yaml".to_string(),
            "- component: Redis\n  link: setup-redis\n  state: Stable\n---\n- component: Extra\n  state: Alpha\n".to_string(),
        ),
        ("README.md".to_string(), "# notes".to_string()),
    ];
    let imported = import_dapr(&files, &YamlOptions::default()).unwrap();
    assert_eq!(imported.catalogue.features.len(), 1);
    let dropped: Vec<String> = imported
        .dropped
        .iter()
        .map(|d| format!("{}: {}", d.path, d.reason.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        dropped,
        // In the order of the files.
        [
            "state_stores/generic.yaml: document 2: only the first document is read",
            "README.md: not in a component type's directory",
        ]
    );
}
